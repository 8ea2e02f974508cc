"""`python -m safecheck`."""

from __future__ import annotations

import sys

from safecheck.cli.app import main

sys.exit(main())
