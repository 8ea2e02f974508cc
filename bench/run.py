"""safecheck's benchmark: medians over repeated runs, as ratios against baselines of the same run.

    make bench                 # or: .venv/bin/python bench/run.py [--runs N]

Each command runs in a fresh process; its wall time is measured from start to exit (or, for
the first question, to the moment the question is on the screen) and its peak memory is the
child's maximum resident set size. Every case runs once per round, so a baseline and the
commands compared with it see the same load. Operations inside safecheck (loading a checklist, saving
an answer, exporting) run in a child process that times the operation itself.
Prints one table and a PASS/FAIL line per budget; exits 1 if any budget fails.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MIB = 1024 * 1024


@dataclass(frozen=True)
class Result:
    name: str
    seconds: float  # median
    peak_bytes: int  # largest seen


# Peak memory (ru_maxrss) of a process starts at the size of the process that spawned it, so
# commands are measured through this small wrapper: a fresh Python process that spawns the
# command and writes the command's own peak (from its rusage) to a file.
PEAK_WRAPPER = """
import os, sys
from pathlib import Path
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
Path(sys.argv[1]).write_text(str(usage.ru_maxrss * 1024))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def spawn(argv: list[str], env: dict[str, str], stdio: tuple[int, int, int]) -> int:
    actions = [(os.POSIX_SPAWN_DUP2, fd, target) for target, fd in enumerate(stdio)]
    return os.posix_spawn(argv[0], argv, env, file_actions=actions, setsid=True)


def wait(pid: int) -> int:
    _, status, _ = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status)


def run_to_exit(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit."""
    with Path(os.devnull).open("r+b") as null:
        start = time.perf_counter()
        code = wait(spawn(argv, env, (null.fileno(), null.fileno(), null.fileno())))
        elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed with exit code {code}")
    return elapsed


def run_to_text(argv: list[str], env: dict[str, str], text: bytes) -> float:
    """Seconds from start until `text` is on the screen of a pseudo-terminal; then Ctrl-C."""
    main_fd, child_fd = os.openpty()
    start = time.perf_counter()
    pid = spawn(argv, env, (child_fd, child_fd, child_fd))
    os.close(child_fd)
    seen = b""
    elapsed = None
    deadline = start + 30
    while elapsed is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([main_fd], [], [], 1)
        if ready:
            try:
                seen += os.read(main_fd, 65536)
            except OSError:
                break
            if text in seen:
                elapsed = time.perf_counter() - start
    # Ctrl-C until the child has closed the terminal. The child has no controlling terminal
    # (setsid), so a Ctrl-C is only seen once a question reads the keyboard itself: one
    # typed while safecheck still loads (112 is printed first) is lost, as it is sent again.
    while True:
        try:
            os.write(main_fd, b"\x03")
            ready, _, _ = select.select([main_fd], [], [], 0.5)
            if ready and not os.read(main_fd, 65536):
                break
        except OSError:
            break
    wait(pid)
    os.close(main_fd)
    if elapsed is None:
        raise SystemExit(f"bench: {' '.join(argv)} never showed {text!r}")
    return elapsed


def run_operation(script: str, env: dict[str, str]) -> float:
    """Run `script` in a child; it writes the seconds its own operation took to argv[1]."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        run_to_exit([PYTHON, "-c", script, out.name], env)
        return float(Path(out.name).read_text())


def peak_memory(argv: list[str], env: dict[str, str], text: bytes | None = None) -> int:
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        wrapped = [PYTHON, "-c", PEAK_WRAPPER, out.name, *argv]
        if text is None:
            run_to_exit(wrapped, env)
        else:
            run_to_text(wrapped, env, text)
        return int(Path(out.name).read_text())


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    until: bytes | None = None  # measure until this text is on screen, not until exit
    operation: bool = False  # argv is [python, -c, script]: the script times itself
    extra_env: tuple[tuple[str, str], ...] = ()  # set for this case only


def once(case: Case, env: dict[str, str]) -> float:
    env = {**env, **dict(case.extra_env)}
    if case.operation:
        return run_operation(case.argv[2], env)
    if case.until is not None:
        return run_to_text(case.argv, env, case.until)
    return run_to_exit(case.argv, env)


def measure(cases: list[Case], runs: int, env: dict[str, str]) -> dict[str, Result]:
    """Every case once per round, `runs` rounds: a baseline and the commands compared with it
    see the same load (timed case after case, a busy minute would land on one of them)."""
    for case in cases:
        once(case, env)  # warm the file cache and the bytecode cache
    seconds: dict[str, list[float]] = {case.name: [] for case in cases}
    for _ in range(runs):
        for case in cases:
            seconds[case.name].append(once(case, env))
    results = {}
    for case in cases:
        argv = [*case.argv, "/dev/null"] if case.operation else case.argv
        peak = peak_memory(argv, {**env, **dict(case.extra_env)}, case.until)
        results[case.name] = Result(case.name, statistics.median(seconds[case.name]), peak)
    return results


def generated_checklist(items: int) -> str:
    def text(words: str) -> str:
        return f"{{nl: '{words} (nl)', en: '{words} (en)'}}"

    lines = ["id: generated", f"title: {text('Generated')}", f"intro: {text('Many items')}"]
    lines.append("sections:")
    per_section = 50
    for section in range(items // per_section):
        lines += [f"  - id: section-{section}", f"    title: {text(f'Section {section}')}"]
        lines.append("    items:")
        for index in range(per_section):
            item = section * per_section + index
            lines += [
                f"      - id: item-{item}",
                "        priority: recommended",
                f"        title: {text(f'Item {item}')}",
                f"        why: {text('Because it matters to you, and here is a longer reason.')}",
                f"        how: {text('First do this. Then do that. Then check it once more.')}",
                "        platforms:",
                f"          instagram: {text('On Instagram, open the settings.')}",
                "        source: generated",
            ]
    return "\n".join(lines) + "\n"


# The two ways to have the help-line data for the first screen, each a whole run: the
# precompiled form (flows/first_lines.py) and libyaml parsing the YAML file (only parsing:
# choosing and wording the lines would come on top).
HELPLINES = str(ROOT / "checklists" / "data" / "helplines.yaml")
PRECOMPILED = "from safecheck.flows import first_lines; first_lines.text('en', None)"
C_LOADER = """
from pathlib import Path
import yaml
yaml.load(Path({path!r}).read_bytes(), Loader=yaml.CSafeLoader)
"""

LOAD_SCRIPT = """
import sys, time
from pathlib import Path
from safecheck.content.checklist import load
start = time.perf_counter()
checklist = load(Path({path!r}))
Path(sys.argv[1]).write_text(str(time.perf_counter() - start))
assert checklist.item_count == {items}
"""

SAVE_SCRIPT = """
import sys, time, statistics
from pathlib import Path
from safecheck.storage.state import Answer, Record
from safecheck.storage.store import open_store
store = open_store(Path({home!r}))
store.update(lambda s: s)  # set up: key, folder, first file
times = []
for n in range(30):
    record = Record(Answer.DONE if n % 2 else Answer.NOT_YET, "2026-11-23T20:00:00+01:00")
    start = time.perf_counter()
    store.update(lambda s: s.with_answer("prevention", "accounts-two-step", record))
    times.append(time.perf_counter() - start)
Path(sys.argv[1]).write_text(str(statistics.median(times)))
"""

# The evidence log is written once (set-up, not timed); the operation is what
# `safecheck export --output report.html` does: load the state, build the report, render, save.
EXPORT_SETUP = """
import dataclasses
from pathlib import Path
from safecheck.evidence import importer, log
from safecheck.storage.store import open_store
drafts = [
    importer.from_options({{
        "when": "2026-01-01 10:00", "platform": "Instagram", "account": f"account-{{n}}",
        "demands": ["money"], "amount": str(n), "currency": "EUR",
        "note": "He said he would send the pictures to my friends.",
    }})
    for n in range({entries})
]
entries = tuple(dataclasses.replace(d, id=n + 1) for n, d in enumerate(drafts))
open_store(Path({home!r})).update(lambda s: log.with_entries(s, entries))
"""

EXPORT_SCRIPT = """
import sys, time
from pathlib import Path
from safecheck.evidence import export, report
from safecheck.storage.store import open_store
start = time.perf_counter()
built = report.build_report(open_store(Path({home!r})).load(), "en")
export.save(Path({out!r}), export.render(built, "html"), force=True)
Path(sys.argv[1]).write_text(str(time.perf_counter() - start))
assert len(built.entries) == {entries}
"""


VERIFY_SCRIPT = """
import sys, time
from pathlib import Path
from safecheck.evidence import chain
from safecheck.storage.store import open_store
start = time.perf_counter()
store = open_store(Path({home!r}))
result = chain.verify(store, store.load().evidence)
Path(sys.argv[1]).write_text(str(time.perf_counter() - start))
assert result.holds and result.records == {entries}
"""

# What `safecheck export --bundle FOLDER` does: load, build the report, write every file.
BUNDLE_SCRIPT = """
import shutil, sys, time
from pathlib import Path
from safecheck.evidence import bundle, report
from safecheck.storage.store import open_store
target = Path({out!r})
shutil.rmtree(target, ignore_errors=True)
start = time.perf_counter()
store = open_store(Path({home!r}))
state = store.load()
done = bundle.write_bundle(store, state, report.export_report(state, "en"), target)
Path(sys.argv[1]).write_text(str(time.perf_counter() - start))
assert done.entries == {entries}
"""

# 1,000 students' results of the prevention check (set-up, not timed): each answers the items
# in its own way. The operation is what `safecheck class-summary FOLDER --json` does.
CLASS_SETUP = """
import json
from pathlib import Path
from safecheck.content import checklist
from safecheck.app.documents import item_data  # noqa: F401
prevention = checklist.load(checklist.find("prevention", [checklist.builtin_dir()]))
answers = ["done", "not_yet", "not_for_me", "skipped", None]
folder = Path({folder!r})
folder.mkdir()
for n in range({results}):
    items = [
        {{"id": item.id, "section": section.id, "title": item.title["en"],
          "priority": item.priority.value, "answer": answers[(n + k) % 5]}}
        for k, (section, item) in enumerate(prevention.items())
    ]
    document = {{"schema": 1, "kind": "check", "lang": "en",
                "checklist": {{"id": "prevention", "kind": "checklist", "items": items}}}}
    (folder / f"student-{{n:04}}.json").write_text(json.dumps(document, indent=2))
"""

CLASS_SCRIPT = """
import sys, time
from pathlib import Path
from safecheck.content import checklist
from safecheck.core import jsonout
from safecheck.app.documents import class_summary_data
from safecheck.progress.class_summary import summarise
start = time.perf_counter()
prevention = checklist.load(checklist.find("prevention", [checklist.builtin_dir()]))
summary = summarise(prevention, [Path({folder!r})], min_score=80)
text = jsonout.dumps("class-summary", class_summary_data(summary, "en"))
Path(sys.argv[1]).write_text(str(time.perf_counter() - start))
assert len(summary.results) == {results}
"""


@dataclass(frozen=True)
class Budget:
    label: str
    value: float
    limit: float
    unit: str

    @property
    def passed(self) -> bool:
        return self.value <= self.limit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="also time --help, status --json and the first question of another checkout "
        "(with its own .venv), "
        "in turns with this one, and say whether this one is slower",
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="safecheck-bench-"))
    try:
        code = bench(args.runs, scratch, args.json)
        if args.against is not None:
            code = max(code, compare(args.against.resolve(), args.runs, scratch))
        return code
    finally:
        if (scratch / "read-only").exists():
            writable_again(scratch / "read-only")
        shutil.rmtree(scratch, ignore_errors=True)


def child_env(home: Path) -> dict[str, str]:
    """The environment of every timed command, with its own safecheck folder."""
    # As on a person's computer, where Python keeps compiled modules (a wheel's are compiled
    # when it is installed): PYTHONDONTWRITEBYTECODE would time compiling safecheck's own
    # modules on every run, and leave the crisis lines without their precompiled form.
    dropped = ("SAFECHECK_", "PYTHONDONTWRITEBYTECODE")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(dropped)},
        "SAFECHECK_HOME": str(home),
        "LANG": "en_GB.UTF-8",
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    }


def with_answers(safecheck: str, scratch: Path, env: dict[str, str]) -> None:
    """Some saved answers, so the command has a state to open and decrypt."""
    answers = scratch / "answers.yaml"
    answers.write_text(
        "checklist: prevention\nanswers:\n  accounts-two-step: done\n"
        "  accounts-cover-webcam: not_yet\n",
        encoding="utf-8",
    )
    run_to_exit([safecheck, "check", "prevention", "--answers", str(answers), "--no-input"], env)


FIRST_QUESTION = b"Where are you with this?"


def read_only_install(scratch: Path) -> Path:
    """safecheck's console script in an install nothing may write to: a wheel of this checkout
    in a venv of its own (its dependencies are this venv's), then chmod -R a-w, as a system-wide
    install is for a person. Python writes no bytecode there; pip compiled it at install."""
    import subprocess
    import sysconfig

    dist = scratch / "dist"

    def quiet(*argv: str) -> None:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)

    pip = [PYTHON, "-m", "pip", "--disable-pip-version-check"]
    quiet(*pip, "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT))
    venv = scratch / "read-only"
    quiet(PYTHON, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    (wheel,) = dist.glob("safecheck-*.whl")
    quiet(*pip, "--python", str(python), "install", "-q", "--no-deps", str(wheel))
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # This venv's libraries, on the path after the install's own (not its editable safecheck,
    # whose finder only a site directory's .pth files would load).
    Path(purelib, "bench-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    for path in [venv, *venv.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & 0o555)
    return venv / "bin" / "safecheck"


def writable_again(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)


def bench(runs: int, scratch: Path, as_json: bool) -> int:
    env = child_env(scratch / "home")
    safecheck = str(Path(PYTHON).parent / "safecheck")
    checklist_file = scratch / "generated.yaml"
    checklist_file.write_text(generated_checklist(1000), encoding="utf-8")

    def python(code: str) -> list[str]:
        return [PYTHON, "-c", code]

    with_answers(safecheck, scratch, env)
    read_only = str(read_only_install(scratch))

    export_home = scratch / "export-home"
    run_to_exit(python(EXPORT_SETUP.format(home=str(export_home), entries=10_000)), env)

    class_folder = scratch / "class"
    run_to_exit(python(CLASS_SETUP.format(folder=str(class_folder), results=1000)), env)

    cases = [
        Case("python -c pass", python("pass")),
        Case('python -c "import typer"', python("import typer")),
        Case('python -c "import typer, questionary"', python("import typer, questionary")),
        Case("safecheck: 112 on screen", [safecheck], until=b"112"),
        Case(
            "112 on screen, read-only install",
            [read_only],
            until=b"112",
            extra_env=(("PYTHONDONTWRITEBYTECODE", "1"),),
        ),
        Case("first lines: precompiled form", python(PRECOMPILED)),
        Case("first lines: C YAML loader (parse only)", python(C_LOADER.format(path=HELPLINES))),
        Case("safecheck --help", [safecheck, "--help"]),
        Case("safecheck status --json", [safecheck, "status", "--json"]),
        Case(
            "first question of check prevention",
            [safecheck, "check", "prevention"],
            until=FIRST_QUESTION,
        ),
        Case(
            "load + validate 1,000 items",
            python(LOAD_SCRIPT.format(path=str(checklist_file), items=1000)),
            operation=True,
        ),
        Case(
            "save one answer (with fsync)",
            python(SAVE_SCRIPT.format(home=str(scratch / "save-home"))),
            operation=True,
        ),
        Case(
            "export 10,000 evidence entries (html)",
            python(
                EXPORT_SCRIPT.format(
                    home=str(export_home), out=str(scratch / "report.html"), entries=10_000
                )
            ),
            operation=True,
        ),
        Case(
            "evidence verify, 10,000 entries",
            python(VERIFY_SCRIPT.format(home=str(export_home), entries=10_000)),
            operation=True,
        ),
        Case(
            "export --bundle, 10,000 entries",
            python(
                BUNDLE_SCRIPT.format(
                    home=str(export_home), out=str(scratch / "bundle"), entries=10_000
                )
            ),
            operation=True,
        ),
        Case(
            "class-summary of 1,000 results",
            python(CLASS_SCRIPT.format(folder=str(class_folder), results=1000)),
            operation=True,
        ),
    ]
    results = measure(cases, runs, env)
    typer_time = results['python -c "import typer"'].seconds
    questionary_time = results['python -c "import typer, questionary"'].seconds
    pass_time = results["python -c pass"].seconds

    print(f"{'measurement':<40} {'median':>10} {'÷ pass':>8} {'÷ typer':>8} {'peak MiB':>9}")
    for result in results.values():
        print(
            f"{result.name:<40} {result.seconds * 1000:>8.1f}ms"
            f" {result.seconds / pass_time:>8.2f} {result.seconds / typer_time:>8.2f}"
            f" {result.peak_bytes / MIB:>9.1f}"
        )

    precompiled = results["first lines: precompiled form"].seconds
    parsed = results["first lines: C YAML loader (parse only)"].seconds
    faster = "the precompiled form" if precompiled < parsed else "the C YAML loader"
    print(
        f"\nhelp-line data for the first lines: precompiled {precompiled * 1000:.1f} ms, "
        f"C YAML loader {parsed * 1000:.1f} ms (whole runs): {faster} is faster"
    )
    budgets = [
        Budget(
            "112 on screen (safecheck, encrypted state) within 1.0x import typer",
            results["safecheck: 112 on screen"].seconds / typer_time,
            1.0,
            "x",
        ),
        Budget(
            "112 on screen, read-only install, PYTHONDONTWRITEBYTECODE=1, within 1.0x import typer",
            results["112 on screen, read-only install"].seconds / typer_time,
            1.0,
            "x",
        ),
        Budget(
            "safecheck --help within 1.3x import typer",
            results["safecheck --help"].seconds / typer_time,
            1.3,
            "x",
        ),
        Budget(
            "safecheck status --json within 2.5x import typer",
            results["safecheck status --json"].seconds / typer_time,
            2.5,
            "x",
        ),
        Budget(
            "first question within 1.5x import typer, questionary",
            results["first question of check prevention"].seconds / questionary_time,
            1.5,
            "x",
        ),
        Budget(
            "saving one answer under 10 ms",
            results["save one answer (with fsync)"].seconds * 1000,
            10,
            "ms",
        ),
    ]
    budgets.append(
        Budget(
            "class-summary of 1,000 results under 1 s",
            results["class-summary of 1,000 results"].seconds,
            1.0,
            "s",
        )
    )
    budgets += [
        Budget(f"{name} under 2 s", results[name].seconds, 2.0, "s")
        for name in ("evidence verify, 10,000 entries", "export --bundle, 10,000 entries")
    ]
    # The 60 MiB budget is for starting and answering; exporting 10,000 evidence entries is a
    # batch job whose time and peak memory the table reports, with no budget of its own.
    budgets += [
        Budget(f"peak memory of {name} under 60 MiB", result.peak_bytes / MIB, 60, "MiB")
        for name, result in results.items()
        if not name.startswith(("python -c", "export", "evidence verify", "first lines:"))
    ]
    print()
    for budget in budgets:
        verdict = "PASS" if budget.passed else "FAIL"
        print(f"{verdict}  {budget.label}: {budget.value:.2f} {budget.unit} (limit {budget.limit})")
    if as_json:
        print(json.dumps({name: vars(r) for name, r in results.items()}, indent=2))
    return 0 if all(b.passed for b in budgets) else 1


# Two timings of one machine minutes apart differ by more than a change costs, so a checkout is
# compared with another in turns (A B, B A, ...): each pair saw the same load, and the median
# of the pairs' ratios is the answer. Within 5 % is "no slower": closer than this can tell.
NO_SLOWER = 1.05


def compare(other: Path, runs: int, scratch: Path) -> int:
    """Time --help, status --json and the first question here and in `other`, in turns; 1 if
    this is slower."""
    other_safecheck = other / ".venv" / "bin" / "safecheck"
    if not other_safecheck.is_file():
        raise SystemExit(f"bench: {other_safecheck} is missing (run make -C {other} test first)")
    sides = {}
    for name, safecheck in (
        ("this", str(Path(PYTHON).parent / "safecheck")),
        ("other", str(other_safecheck)),
    ):
        env = child_env(scratch / f"compare-{name}")
        with_answers(safecheck, scratch, env)
        sides[name] = (safecheck, env)

    def once(name: str, args: list[str], until: bytes | None) -> float:
        safecheck, env = sides[name]
        if until is None:
            return run_to_exit([safecheck, *args], env)
        return run_to_text([safecheck, *args], env, until)

    print(f"\nagainst {other} (in turns, medians of {runs}):")
    verdicts = []
    for label, args, until in (
        ("safecheck --help", ["--help"], None),
        ("safecheck status --json", ["status", "--json"], None),
        ("first question of check prevention", ["check", "prevention"], FIRST_QUESTION),
    ):
        once("this", args, until), once("other", args, until)  # warm both caches
        pairs = []
        for run in range(runs):
            order = ("this", "other") if run % 2 == 0 else ("other", "this")
            seconds = {name: once(name, args, until) for name in order}
            pairs.append((seconds["this"], seconds["other"]))
        ratio = statistics.median(this / other_seconds for this, other_seconds in pairs)
        this_ms = statistics.median(p[0] for p in pairs) * 1000
        other_ms = statistics.median(p[1] for p in pairs) * 1000
        passed = ratio <= NO_SLOWER
        verdicts.append(passed)
        print(
            f"{'PASS' if passed else 'FAIL'}  {label}: {this_ms:.1f} ms here, {other_ms:.1f} ms there, "
            f"{ratio:.3f} x (limit {NO_SLOWER})"
        )
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
