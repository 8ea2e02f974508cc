"""Issue 28: `safecheck --help` is printed from its build-time form, without loading typer,
and is exactly what typer prints; a changed help text is never shown from an old build.

Each case runs safecheck twice as a program: through the entry point (the fast path where it
applies) and through typer's own path (`cli.app.main`, which the entry point falls back on).
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from safecheck.command_line import top_help_path
from safecheck.core.i18n import LANGUAGES
from safecheck.flows import first_lines as built
from safecheck.storage import settings as plain_settings
from tests.conftest import child_env

TOOL = Path(__file__).parent.parent / "tools" / "top_help.py"
# The entry point as the console script runs it; it says on stderr whether typer loaded.
FAST = """
import sys
sys.argv = ["safecheck", *sys.argv[1:]]
from safecheck.entry import main
code = main()
sys.stderr.write("typer loaded" if "typer" in sys.modules else "typer not loaded")
sys.exit(code)
"""
# typer's own path, which the fast one must match byte for byte.
TYPER = """
import sys
sys.argv = ["safecheck", *sys.argv[1:]]
from safecheck.cli.app import main
sys.exit(main())
"""


def run(code: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )


def forms(lang: str) -> list[list[str]]:
    return [["--lang", lang, "--help"], [f"--lang={lang}", "--help"]]


@pytest.fixture(scope="module")
def current() -> None:
    """The install (or make) built the package's own help from today's code and catalogues."""
    assert built.read(top_help_path()) is not None, "stale or missing: run `make catalogues`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_top_help_is_typers_without_typer(current: None, tmp_path: Path, lang: str) -> None:
    """For every language and form of the request: the same bytes and exit code as typer's,
    and typer never loads (the language of a bare --help is the one chosen before)."""
    plain_settings.write(tmp_path, plain_settings.Settings(lang=lang))
    env = child_env(tmp_path)
    env.pop("COLUMNS", None)
    for args in [["--help"], *forms(lang)]:
        fast, slow = run(FAST, args, env), run(TYPER, args, env)
        assert fast.returncode == slow.returncode == 0, (args, fast.stderr)
        assert fast.stdout == slow.stdout, args
        assert fast.stderr.decode().endswith("typer not loaded"), args


@pytest.mark.parametrize("columns", ["40", "60", "79", "80", "81", "200", "0", "wide"])
def test_top_help_at_every_width(current: None, tmp_path: Path, columns: str) -> None:
    """Click wraps its help to the terminal's width (at most 80): any COLUMNS gives typer's
    text, whichever path prints it."""
    env = child_env(tmp_path, COLUMNS=columns)
    for args in forms("fr"):
        fast, slow = run(FAST, args, env), run(TYPER, args, env)
        assert fast.returncode == slow.returncode == 0
        assert fast.stdout == slow.stdout, (columns, args)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-8"])
def test_top_help_in_every_output_encoding(current: None, tmp_path: Path, encoding: str) -> None:
    """Where the output's encoding lacks a letter (é, è, ’), the bytes are still typer's."""
    env = child_env(tmp_path, PYTHONIOENCODING=encoding)
    for lang in LANGUAGES:
        fast, slow = run(FAST, forms(lang)[0], env), run(TYPER, forms(lang)[0], env)
        assert fast.returncode == slow.returncode == 0
        assert fast.stdout == slow.stdout, (encoding, lang)


def test_top_help_with_no_output_at_all(current: None, tmp_path: Path) -> None:
    """With its output closed, safecheck --help ends as typer's does: 0, nothing said."""
    closed = 'exec "$0" -c "$1" --help >&-'
    for code in (FAST, TYPER):
        done = subprocess.run(
            ["sh", "-c", closed, sys.executable, code],
            env=child_env(tmp_path),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr


def test_other_requests_go_to_typer(current: None, tmp_path: Path) -> None:
    """Only the top-level --help is printed without typer: a command's --help, --version
    and shell completion are typer's."""
    env = child_env(tmp_path)
    for args in (
        ["status", "--help"],
        ["--version"],
        ["--plain", "--help"],
        ["--lang", "xx", "--help"],
    ):
        assert run(FAST, args, env).stderr.decode().endswith("typer loaded"), args
    completing = {**env, "_SAFECHECK_COMPLETE": "bash_source"}
    assert run(FAST, ["--help"], completing).stderr.decode().endswith("typer loaded")


def test_a_changed_help_text_is_never_shown_from_an_old_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build names every file its texts come from: each command's module (the docstring
    --help lists), the options' module, the catalogues and typer (its version). Once any of them changes, the
    built help is not used (the entry point lets typer print the new one)."""
    path = tmp_path / "top_help.marshal"
    subprocess.run(
        [sys.executable, str(TOOL), str(path)],
        check=True,
        env=child_env(tmp_path),
        timeout=120,
    )
    assert built.read(path) is not None
    names = {name for name, _, _ in marshal.loads(path.read_bytes())["sources"]}
    from safecheck.cli.app import COMMANDS

    wanted = {f"safecheck/cli/{where.module}.py" for where in COMMANDS.values()}
    wanted |= {"safecheck/cli/app.py", "safecheck/cli/options.py", "safecheck/cli/help.py"}
    wanted |= {"safecheck/cli/lazy.py", "safecheck/cli/anywhere.py", "typer/__init__.py"}
    wanted |= {f"safecheck/locale/{lang}/LC_MESSAGES/safecheck.mo" for lang in ("nl", "fr")}
    assert wanted <= names, wanted - names
    located = built._located
    for name in sorted(wanted):
        changed = tmp_path / "changed" / name
        changed.parent.mkdir(parents=True, exist_ok=True)
        changed.write_bytes(located(name).read_bytes() + b"\n")  # a new text, one byte longer
        monkeypatch.setattr(
            built, "_located", lambda n, c=changed, w=name: c if n == w else located(n)
        )
        assert built.read(path) is None, name
