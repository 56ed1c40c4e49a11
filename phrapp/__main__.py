"""``python -m phrapp`` runs the CLI."""

from phrapp.cli import main

raise SystemExit(main())
