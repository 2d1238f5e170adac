"""Child process for the lock tests: opens a workspace for writing and holds it.

Prints "held" once the writer lock is taken; then each line read from stdin is a command:
"release" closes the workspace (and prints "released"); end of input exits.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from checkin.storage import Store


def main(path: str) -> None:
    store = Store.open(Path(path), lambda: datetime(2026, 11, 22, 9, 0))
    print("held", flush=True)
    for line in sys.stdin:
        if line.strip() == "release":
            store.close()
            print("released", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
