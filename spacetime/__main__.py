"""`python -m spacetime` runs the command line."""

from spacetime.cli.app import main

raise SystemExit(main())
