"""`python -m safecheck`: the same entry point as the `safecheck` command."""

from __future__ import annotations

from safecheck.entry import run

run()
