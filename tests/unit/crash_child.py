"""Child process for the crash test: saves in a loop and acknowledges each returned save.

``crash_child.py PATH writer`` saves the way the app does: commits are queued to the writer
thread and acknowledged once it says they are durable, and the journal is folded into the
file every few kilobytes, so kills land mid-append and mid-fold.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import datetime
from pathlib import Path

from checkin.core import Account
from checkin.storage import Store, durable


def main(path: str, mode: str = "") -> None:
    store = Store.open(Path(path), lambda: datetime(2026, 11, 22, 9, 0))
    if mode == "writer":
        durable.FOLD_BYTES = 4096
        store.start_writer()
        saved = store.flush
    else:

        def saved(timeout: float | None = None) -> bool:
            return True

    mine = [int(a.id[2:]) for a in store.accounts.all() if a.id.startswith("a-")]
    start = max(mine, default=0) + 1
    print("ready", flush=True)
    n = start
    while True:
        account = store.accounts.add(Account(id=f"a-{n}", name=f"Account {n}", slug=f"s{n}"))
        assert saved()
        print(f"add {n}", flush=True)
        store.accounts.save(dataclasses.replace(account, our_owner="edited"))
        assert saved()
        print(f"edit {n}", flush=True)
        if n % 5 == 4:
            store.accounts.delete(f"a-{n - 2}")
            assert saved()
            print(f"delete {n - 2}", flush=True)
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:])
