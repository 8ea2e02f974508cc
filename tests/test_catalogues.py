"""The program's words stay whole in every language: gettext catalogues, English message ids.

Each `safecheck/locale/<lang>/LC_MESSAGES/safecheck.po` must translate every message id the
code uses (found with Babel's extractor, as the build does), none fuzzy or empty, with the
same {placeholders} as the English; and the code must pass English text, never a key.
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import subprocess
import sys
from pathlib import Path
from string import Formatter

import pexpect
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from safecheck.core import i18n
from safecheck.core.errors import InputFileError
from safecheck.core.i18n import LANGUAGES, t, tn
from tests.conftest import ROOT, child_env, spawn
from tools import catalogues

PACKAGE = ROOT / "safecheck"
TRANSLATED = sorted(set(LANGUAGES) - {"en"})  # English is the message ids themselves


def catalogue(lang: str) -> Catalog:
    with (PACKAGE / "locale" / lang / "LC_MESSAGES" / "safecheck.po").open("rb") as file:
        return read_po(file, locale=lang)


def entries(lang: str) -> list[Message]:
    return [message for message in catalogue(lang) if message.id]


def key(message: Message) -> str | tuple[str, ...]:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def strings(message: Message) -> list[str]:
    """The translation, or each of its plural forms."""
    string = message.string
    return [string] if isinstance(string, str) else list(string or ())


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


CODE = catalogues.messages()


def test_the_languages_are_the_folders_of_the_catalogues() -> None:
    folders = {path.name for path in (PACKAGE / "locale").iterdir() if path.is_dir()}
    assert folders == set(TRANSLATED)
    assert "fr" in LANGUAGES
    assert "nl" in LANGUAGES


def test_the_code_has_its_messages() -> None:
    # A sanity check of the extractor itself: plain, plural and table-marked messages.
    assert "Where are you with this?" in CODE
    assert ("Saved {count} answer from {path}.", "Saved {count} answers from {path}.") in CODE
    assert "Essential" in CODE  # N_ in core/labels.py
    assert "Help lines" in CODE  # inside an f-string in evidence/markdown.py
    assert "the file is not UTF-8 text" in CODE  # a structure error of the YAML reader
    assert len(CODE) > 400


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_of_the_code_is_translated(lang: str) -> None:
    translated = {key(message): message for message in entries(lang)}
    missing = {message: places[0] for message, places in CODE.items() if message not in translated}
    assert not missing, f"{lang}: not in the catalogue (run tools/catalogues.py update): {missing}"
    stale = set(translated) - set(CODE)
    assert not stale, f"{lang}: in the catalogue but no longer in the code: {stale}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_message_is_fuzzy_or_empty(lang: str) -> None:
    catalog = catalogue(lang)
    assert catalog.num_plurals == 2, f"{lang}: Plural-Forms header"
    for message in entries(lang):
        assert not message.fuzzy, f"{lang}: fuzzy: {message.id!r}"
        forms = strings(message)
        if message.pluralizable:
            assert len(forms) == catalog.num_plurals, f"{lang}: plural forms of {message.id!r}"
        assert all(form.strip() for form in forms), f"{lang}: untranslated: {message.id!r}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_same_in_every_language(lang: str) -> None:
    for message in entries(lang):
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        english = fields(ids[-1])
        assert all(fields(text) == english for text in ids), f"English forms of {ids[0]!r}"
        forms = strings(message)
        for form in forms:
            assert fields(form) == english, f"{lang}: {form!r} has other fields than {ids[-1]!r}"


def test_counts_have_real_plural_forms() -> None:
    # "1 answers" was the old bug; each language says 1 and 2 its own way.
    one = "Saved {count} answer from {path}."
    many = "Saved {count} answers from {path}."
    assert tn("en", one, many, 1, path="a.yaml") == "Saved 1 answer from a.yaml."
    assert tn("en", one, many, 2, path="a.yaml") == "Saved 2 answers from a.yaml."
    assert tn("nl", one, many, 1, path="a.yaml") == "1 antwoord uit a.yaml bewaard."
    assert tn("nl", one, many, 2, path="a.yaml") == "2 antwoorden uit a.yaml bewaard."
    assert tn("fr", one, many, 1, path="a.yaml") == "1 réponse de a.yaml enregistrée."
    assert tn("fr", one, many, 2, path="a.yaml") == "2 réponses de a.yaml enregistrées."
    # A count-bearing message left as "{count} things" would read wrong for 1: none are.
    # ({n} is a minimum length, never 1: "at least {n} characters" stays as it is.)
    counted = re.compile(r"\{(count|failed|open|total|asked|entries|files)\} [a-z]+s\b")
    singles = [m for m in CODE if isinstance(m, str) and counted.search(m)]
    assert not singles, f"use tn() for these: {singles}"


def test_the_catalogues_are_read_at_run_time() -> None:
    assert t("nl", "Where are you with this?") == "Hoe ver ben je hiermee?"
    assert t("fr", "Where are you with this?") == "Où en es-tu ?"
    assert t("en", "Where are you with this?") == "Where are you with this?"
    assert t("fr", "Part {number} of {count}: {title}", number=1, count=5, title="X") == (
        "Partie 1 sur 5 : X"
    )
    assert t("de", "Where are you with this?") == "Where are you with this?"  # no catalogue


def test_structure_errors_are_shown_in_the_persons_language() -> None:
    error = InputFileError("{what} must be a list", path="a.yaml", line=3, what="sections")
    assert error.text("en") == "a.yaml:3: sections must be a list"
    assert error.text("nl") == "a.yaml:3: sections moet een lijst zijn"
    assert error.text("fr") == "a.yaml:3: sections doit être une liste"
    assert str(error) == "a.yaml:3: sections must be a list"


def test_a_value_that_is_a_phrase_is_shown_in_the_same_language(tmp_path: Path) -> None:
    """quote() of a list is "a list": in a French message, "une liste". The checklist's own
    id and kind checks, once English f-strings, are message ids too."""
    from safecheck.content import checklist

    shown = {}
    for name, text in {
        "other": "id: wrong\ntitle: {nl: a, en: a, fr: a}\nsections: []\n",
        "kinds": "id: kinds\nkind: [1]\ntitle: {nl: a, en: a, fr: a}\nsections: []\n",
    }.items():
        (tmp_path / f"{name}.yaml").write_text(text)
        with pytest.raises(InputFileError) as raised:
            checklist.load(tmp_path / f"{name}.yaml")
        shown[name] = raised.value.text("fr")
    assert shown["other"].endswith('l\'id "wrong" doit correspondre au nom du fichier "other.yaml"')
    assert shown["kinds"].endswith("pas une liste")
    assert not any(english in " ".join(shown.values()) for english in ("must", "a list"))


def test_lint_speaks_the_chosen_language(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\nkind: checklist\ntitle: 3\n")
    (tmp_path / "bad.yaml").write_bytes(b"id: bad\n\xff\n")
    for lang, words in {
        "nl": ('"sections" ontbreekt', "het bestand is geen UTF-8-tekst", "2 van 2 bestanden"),
        "fr": ('"sections" manque', "le fichier n'est pas du texte UTF-8", "2 fichiers sur 2"),
    }.items():
        result = subprocess.run(
            [sys.executable, "-m", "safecheck", "lint", str(tmp_path), "--lang", lang],
            env=child_env(tmp_path / "home"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 3, result.stderr
        for word in words:
            assert word in result.stdout, (lang, result.stdout)
        assert "is missing" not in result.stdout
        assert "not UTF-8" not in result.stdout


def test_a_french_locale_starts_in_french(tmp_path: Path) -> None:
    env = child_env(tmp_path / "home")
    env["LANG"] = "fr_BE.UTF-8"
    result = subprocess.run(
        [sys.executable, "-m", "safecheck", "helplines", "--region", "BE"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Lignes d'aide : Belgique" in result.stdout
    assert i18n.default_lang({"LANG": "fr_BE.UTF-8"}) == "fr"
    assert i18n.default_lang({"LANG": "de_DE.UTF-8"}) == "en"


@pytest.mark.parametrize("spelling", ["fr", "FR", "Fr"])
def test_lang_fr_in_any_case(tmp_path: Path, spelling: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safecheck", "helplines", "--region", "BE", "--lang", spelling],
        env=child_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Lignes d'aide" in result.stdout


# -- the code passes English text, never a key ------------------------------------------

DOTTED_KEY = re.compile(r"^[a-z_]+(\.[a-z_A-Z]+)+$")
MESSAGE_FUNCTIONS = {"t": 1, "tn": 1, "N_": 0}  # the index of the (first) message argument


def calls(path: Path) -> list[tuple[ast.Call, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            found.append((node, name))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_no_call_passes_a_dotted_key_instead_of_english_text() -> None:
    wrong = []
    for path in SOURCES:
        for node, name in calls(path):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in MESSAGE_FUNCTIONS and len(node.args) > MESSAGE_FUNCTIONS[name]:
                arg = node.args[MESSAGE_FUNCTIONS[name]]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if DOTTED_KEY.match(arg.value):
                        wrong.append(f"{where}: {name}(..., {arg.value!r})")
                elif isinstance(arg, ast.JoinedStr):  # t(lang, f"priority.{x}"): a table instead
                    wrong.append(f"{where}: {name}(..., f-string)")
            if any(keyword.arg == "key" for keyword in node.keywords) and name.endswith("Error"):
                wrong.append(f"{where}: {name}(key=...): pass the English message id")
    assert not wrong, "\n".join(wrong)


ERROR_CALLS = {"fail", "fail_at_key", "Refused"}


def test_error_messages_are_marked_for_translation() -> None:
    """A message written into an error is N_("English") with values, not a bare or f-string."""
    wrong = []
    for path in SOURCES:
        for node, name in calls(path):
            is_error = name.endswith("Error") and not hasattr(builtins, name)
            if not (is_error or name in ERROR_CALLS) or not node.args:
                continue
            arg = node.args[1 if name in ("fail", "fail_at_key") else 0]
            if isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value
            ):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert not wrong, "\n".join(wrong)


def test_the_compiled_catalogues_are_up_to_date() -> None:
    """The .mo next to each .po is built from it (make and the install compile them)."""
    for lang in TRANSLATED:
        po = PACKAGE / "locale" / lang / "LC_MESSAGES" / "safecheck.po"
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} is missing: run make (or tools/catalogues.py compile)"
        assert mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is older than {po}"


def test_compiling_never_rewrites_a_catalogue_a_running_safecheck_may_be_reading(
    tmp_path: Path,
) -> None:
    """A build from a checkout (pip wheel, `make`) compiles the catalogues while safecheck
    may be reading them: each .mo is replaced whole, never emptied and written again."""
    for lang in TRANSLATED:
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        source = PACKAGE / "locale" / lang / "LC_MESSAGES" / "safecheck.po"
        (folder / "safecheck.po").write_bytes(source.read_bytes())
    catalogues.compile_all(tmp_path)
    opened = {mo: mo.open("rb") for mo in sorted(tmp_path.glob("*/LC_MESSAGES/*.mo"))}
    try:
        before = {mo: mo.read_bytes() for mo in opened}
        assert len(opened) == len(TRANSLATED)
        for po in tmp_path.glob("*/LC_MESSAGES/*.po"):  # a new message: a new catalogue
            po.write_text(
                po.read_text("utf-8") + '\nmsgid "A new text"\nmsgstr "Een nieuwe tekst"\n',
                "utf-8",
            )
        catalogues.compile_all(tmp_path)
        for mo, reading in opened.items():
            assert reading.read() == before[mo], f"{mo} was rewritten while open"
            assert mo.read_bytes() != before[mo]  # the new one, whole, for the next reader
    finally:
        for reading in opened.values():
            reading.close()
    assert sorted(path.name for path in tmp_path.rglob("*.tmp")) == []


@pytest.mark.parametrize(
    "damage", [b"", b"\xde\x12", b"not a catalogue at all", b"\xde\x12\x04\x95" + b"\xff" * 40]
)
def test_a_damaged_catalogue_reads_as_english_not_as_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    """An emptied, cut-off or foreign .mo (a build writing it, a broken install) leaves the
    words in English: the plan goes on, where gettext alone would end it in a traceback."""
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{i18n.DOMAIN}.mo").write_bytes(damage)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_catalogues", {})
    assert t("fr", "Quit") == "Quit"
    monkeypatch.setattr(i18n, "LOCALE_DIR", PACKAGE / "locale")
    monkeypatch.setattr(i18n, "_catalogues", {})
    assert t("fr", "Quit") != "Quit"  # the real one, whole, is read as before


@pytest.mark.terminal
def test_a_french_terminal_asks_and_stops_in_french(home: Path) -> None:
    """The program's own words on a real terminal: the question, its keys, the goodbye."""
    child = spawn(["-m", "safecheck", "check", "prevention", "--lang", "fr"], child_env(home))
    screen = io.StringIO()
    child.logfile_read = screen
    child.expect_exact("Où en es-tu ?")
    child.expect_exact("flèches ou un chiffre, puis Entrée")
    child.send("\x03")
    child.expect_exact("Arrêté. Tes réponses jusqu'ici sont enregistrées")
    child.expect(pexpect.EOF)
    for other in ("Where are you", "arrows", "Enter)", "Stopped", "Hoe ver", "pijltjes"):
        assert other not in screen.getvalue()
