"""Entry point for ``python -m checkin``."""

from checkin.cli.entry import main

if __name__ == "__main__":
    main()
