"""``python -m analysis``: the newslens command line."""
from analysis.cli import main

raise SystemExit(main())
