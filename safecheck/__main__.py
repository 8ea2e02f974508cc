from __future__ import annotations

from safecheck.cli import main

main()
