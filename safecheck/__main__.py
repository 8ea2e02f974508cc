"""`python -m safecheck`: the same entry point as the `safecheck` command."""

from __future__ import annotations

import sys

from safecheck.entry import main

sys.exit(main())
