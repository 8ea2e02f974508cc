"""Build the crisis lines of the first screen (safecheck/flows/first_lines.py) for every
language and region into safecheck/locale/first_lines.marshal, and the parsed built-in
checklists (safecheck/content/built.py) into safecheck/locale/checklists.marshal.

    python tools/first_lines.py

The build (`hatch_build.py`) runs this after compiling the catalogues, in a process of its
own, so the file names exactly the safecheck modules that made the lines; `make` runs it
when the help-line data, a catalogue or the code changed. The file is not kept in git.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.dont_write_bytecode = True  # a build leaves no __pycache__ behind
    sys.path.insert(0, str(ROOT))
    from safecheck.content import checklist
    from safecheck.flows import first_lines

    print(f"built {first_lines.build().relative_to(ROOT)}")
    print(f"built {checklist.build_builtin().relative_to(ROOT)}")
