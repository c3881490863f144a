"""``python -m expert``: the command line."""

from .cli import main

raise SystemExit(main())
