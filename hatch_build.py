"""Compile the gettext catalogues (.po -> .mo) into the package, for the wheel and editable installs."""

from __future__ import annotations

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
        # The .mo files are not in git (.gitignore): ship them anyway.
        build_data["artifacts"].append("safecheck/locale/*/LC_MESSAGES/*.mo")
