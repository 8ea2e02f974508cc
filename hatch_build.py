"""At build time, for the wheel and editable installs: compile the gettext catalogues
(.po -> .mo) into the package, then build the crisis lines of the first screen from them and
the help-line data, and the parsed built-in checklists (tools/first_lines.py), and the
top-level --help (tools/top_help.py). None of them
is kept in git; all ship in the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        sys.path.insert(0, self.root)
        try:
            from tools.catalogues import compile_all
        finally:
            sys.path.remove(self.root)
        compile_all(Path(self.root) / "safecheck" / "locale")
        # A process of its own: the lines are made by safecheck's code (with PyYAML, a build
        # requirement), and the file names the modules that made them.
        # The top-level --help likewise, with typer (a build requirement too).
        for tool in ("first_lines.py", "top_help.py"):
            subprocess.run(
                [sys.executable, str(Path(self.root) / "tools" / tool)],
                check=True,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            )
        # Not in git (.gitignore): ship them anyway.
        build_data["artifacts"].append("safecheck/locale/*/LC_MESSAGES/*.mo")
        build_data["artifacts"].append("safecheck/locale/first_lines.marshal")
        build_data["artifacts"].append("safecheck/locale/checklists.marshal")
        build_data["artifacts"].append("safecheck/locale/top_help.marshal")
