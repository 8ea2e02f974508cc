"""Exports: Markdown, JSON (against its schema) and HTML, in Dutch and English; the handout."""

from __future__ import annotations

import json
import re
import stat
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.core.audience import AgeGroup
from safecheck.core.errors import ExitCode
from safecheck.core.region import Region
from safecheck.evidence import export, html, importer, log, markdown, report
from safecheck.evidence.export import Format
from safecheck.evidence.model import Attachment, Demand, Entry
from safecheck.evidence.report import HelpLineRow
from safecheck.storage.state import Answer, Record, State
from safecheck.storage.store import Store
from tests.conftest import ROOT

runner = CliRunner()
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 3, 12, 0, tzinfo=CET)
SCHEMA = json.loads(report.SCHEMA_FILE.read_text(encoding="utf-8"))
SHA_A = "a" * 63 + "1"
SHA_B = "b" * 63 + "2"

PLAN = """\
id: emergency
kind: plan
title: {nl: Noodplan, en: Emergency plan}
intro: {nl: Het is niet jouw schuld., en: It is not your fault.}
sections:
  - id: now
    title: {nl: Nu, en: Now}
    items:
      - id: stop-paying
        priority: essential
        title: {nl: Stop met betalen, en: Stop paying}
        why: {nl: Omdat., en: Because.}
        how: {nl: Zo., en: Like this.}
        source: test
      - id: evidence
        priority: essential
        title: {nl: Bewaar het bewijs, en: Keep the evidence}
        why: {nl: Omdat., en: Because.}
        how: {nl: Zo., en: Like this.}
        source: test
      - id: police
        priority: recommended
        title: {nl: Doe aangifte, en: Report to the police}
        why: {nl: Omdat., en: Because.}
        how: {nl: Zo., en: Like this.}
        source: test
"""

# Only for testing the layout: not a real help line (real ones come from the help-line data).
LINE = HelpLineRow(
    name="Test line", country="BE", contact="0000", hours="24/7", who="For tests.", source="test"
)


def clock() -> datetime:
    return NOW


@pytest.fixture
def plan(tmp_path: Path) -> checklist.Checklist:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "emergency.yaml").write_text(PLAN, encoding="utf-8")
    found = report.plan_checklist([folder])
    assert found is not None
    return found


def entries() -> tuple[Entry, ...]:
    later = Entry(
        id=1,
        when=datetime(2026, 3, 2, 21, 15, tzinfo=CET),
        recorded=NOW,
        platform="Instagram",
        account="some.one",
        profile_url="https://instagram.com/some.one",
        demands=(Demand.MONEY, Demand.IMAGES),
        amount=Decimal("250.50"),
        currency="EUR",
        paid=True,
        payment_method="gift card",
        payment_reference="REF-4711",
        note="He said he would send it to my class.",
        files=(
            Attachment("/home/me/chat.png", SHA_A, 48213, NOW, True),
            Attachment("/home/me/profile.png", SHA_B, 1234, NOW, False),
        ),
    )
    earlier = Entry(
        id=2,
        when=datetime(2026, 3, 1, 9, 0, tzinfo=CET),
        recorded=NOW,
        platform="Snapchat",
        phone="+32 470 00 00 00",
        demands=(Demand.MEETING,),
    )
    return (later, earlier)


def state() -> State:
    result = log.with_entries(State(), entries())
    result = result.with_answer("emergency", "stop-paying", Record(Answer.DONE, "2026-03-02T22:00"))
    return result.with_answer("emergency", "police", Record(Answer.NOT_YET, "2026-03-02T22:05"))


def make_report(plan: checklist.Checklist | None, lang: str = "en") -> report.Report:
    return report.build_report(state(), lang, plan=plan, helplines=[LINE], clock=clock)


# -- JSON ---------------------------------------------------------------------------------


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_json_export_validates_against_the_documented_schema(plan: checklist.Checklist) -> None:
    document = json.loads(export.render(make_report(plan), Format.json))
    jsonschema.validate(document, SCHEMA)
    assert (document["format"], document["version"]) == ("safecheck-export", 1)
    assert [e["id"] for e in document["evidence"]] == [2, 1]  # oldest first
    first = document["evidence"][1]
    assert first["amount"] == "250.50"
    assert first["when"] == "2026-03-02T21:15:00+01:00"
    assert [f["sha256"] for f in first["files"]] == [SHA_A, SHA_B]
    steps = {step["id"]: step["answer"] for step in document["plan"]["steps"]}
    assert steps == {"stop-paying": "done", "evidence": None, "police": "not_yet"}
    assert document["helplines"][0]["source"] == "test"


def test_json_without_a_plan_or_entries_validates_too() -> None:
    empty = report.build_report(State(), "nl", clock=clock)
    document = json.loads(export.render(empty, "json"))
    jsonschema.validate(document, SCHEMA)
    assert document["plan"] is None
    assert document["evidence"] == []


@pytest.mark.parametrize(
    ("path", "change"),
    [
        (("evidence", 0, "amount"), 250.5),  # a float: not exact
        (("evidence", 0, "currency"), "euro"),
        (("evidence", 1, "files", 0, "sha256"), "not-a-hash"),
        (("evidence", 0, "when"), "2026-03-02 21:15"),  # no offset
        (("version",), 2),
    ],
)
def test_the_schema_can_fail(
    plan: checklist.Checklist, path: tuple[object, ...], change: object
) -> None:
    document = json.loads(export.render(make_report(plan), "json"))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = change
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)


def test_the_reference_documents_the_json_export() -> None:
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert "safecheck/schemas/export-v1.json" in readme
    for field in SCHEMA["$defs"]["entry"]["required"]:
        assert f"`{field}`" in readme or f'"{field}"' in readme, field


# -- Markdown and HTML, in both languages -------------------------------------------------

CONTENT = {
    "en": ["Timeline", "Their account name", "What they asked for", "Money, (More) images",
           "Emergency plan: what has been done", "Stop paying", "Not answered yet", "Not yet",
           "not encrypted", "Help lines", "Test line"],
    "nl": ["Tijdlijn", "Accountnaam van de dader", "Wat de dader vroeg", "Geld, (Meer) beelden",
           "Noodplan: wat al gedaan is", "Stop met betalen", "Nog niet beantwoord", "Nog niet",
           "niet versleuteld", "Hulplijnen", "Test line"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("fmt", [Format.markdown, Format.html])
def test_markdown_and_html_hold_the_timeline_hashes_plan_and_help_lines(
    plan: checklist.Checklist, lang: str, fmt: Format
) -> None:
    text = export.render(make_report(plan, lang), fmt)
    for words in CONTENT[lang]:
        assert words in text, words
    for value in ("Instagram", "REF-4711", "250.50 EUR", "+32 470 00 00 00", SHA_A, SHA_B):
        assert value in text, value
    assert "He said he would send it to my class." in text
    assert text.index("Snapchat") < text.index("Instagram")  # oldest first
    assert "2026-03-02 21:15+01:00" in text  # the time with its offset


def test_html_is_one_self_contained_a4_page(plan: checklist.Checklist) -> None:
    page = export.render(make_report(plan), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "@page { size: A4;" in page
    assert "Content-Security-Policy" in page
    assert "<script" not in page
    assert_loads_nothing(page)


class Resources(HTMLParser):
    """Every reference in a page that could make a browser fetch something."""

    FETCHING = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background",
                "ping", "manifest", "xlink:href", "cite", "longdesc", "icon"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        for name, value in attrs:
            if name in self.FETCHING or (name == "style" and value and "url(" in value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag == "meta" and name == "http-equiv" and value and value.lower() == "refresh":
                self.found.append("<meta refresh>")
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base", "svg"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style and re.search(r"url\(|@import|@font-face", data, re.IGNORECASE):
            self.found.append("a url(), @import or @font-face in CSS")


def assert_loads_nothing(page: str) -> None:
    parser = Resources()
    parser.feed(page)
    parser.close()
    assert parser.found == []


def test_the_resource_check_can_fail() -> None:
    for bad in (
        '<img src="https://example.invalid/x.png">',
        '<link rel="stylesheet" href="https://fonts.example.invalid/a.css">',
        "<style>body { background: url(http://example.invalid/bg.png) }</style>",
        "<style>@import 'https://example.invalid/a.css';</style>",
        '<p style="background:url(//example.invalid/x)">x</p>',
    ):
        with pytest.raises(AssertionError):
            assert_loads_nothing(f"<html><body>{bad}</body></html>")


HOSTILE = [
    '<script>alert("x")</script>',
    '"><img src=https://evil.invalid/x onerror=alert(1)>',
    "</style><link rel=stylesheet href=//evil.invalid/a.css>",
    "[click](https://evil.invalid) ![i](https://evil.invalid/i.png) <https://evil.invalid>",
    "*bold* _it_ `code` # heading | pipe ~~~ &amp; &lt;",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_user_value_is_escaped(hostile: str) -> None:
    nasty = Entry(
        id=1,
        when=NOW - timedelta(days=1),
        recorded=NOW,
        platform=hostile,
        account=hostile,
        payment_method=hostile,
        note=f"{hostile}\n~~~~\n{hostile}",
        files=(Attachment(f"/tmp/{hostile.replace('/', '_')}", SHA_A, 1, NOW, True),),
    )
    made = report.build_report(log.with_entries(State(), [nasty]), "en", clock=clock)

    page = export.render(made, "html")
    assert_loads_nothing(page)
    assert "<script>" not in page
    assert "<img" not in page
    assert "<link" not in page
    assert page.count("<style>") == 1
    assert page.count("</style>") == 1

    # Markdown as a CommonMark viewer shows it (raw HTML allowed, as most viewers do).
    markdown = export.render(made, "markdown")
    shown = MarkdownIt("commonmark").render(markdown)
    assert_loads_nothing(shown)
    assert "<script" not in shown
    assert "<a " not in shown  # no live link
    assert "<h1>" in shown
    assert shown.count("<h1>") == 1  # a "# heading" in a value is no heading
    assert "<pre><code>" in shown  # the note stays one literal block, whatever it holds

    document = json.loads(export.render(made, "json"))
    jsonschema.validate(document, SCHEMA)
    assert document["evidence"][0]["account"] == hostile  # JSON keeps the value as it is


def test_markdown_escaping_keeps_text_readable() -> None:
    assert markdown.md("some_user*1") == r"some\_user\*1"
    assert markdown.md("2026-03-02 21:15") == "2026-03-02 21:15"


# -- 10,000 entries -----------------------------------------------------------------------


def many(count: int) -> State:
    start = datetime(2020, 1, 1, tzinfo=CET)
    made = tuple(
        Entry(
            id=number,
            when=start + timedelta(minutes=number),
            recorded=NOW,
            platform="Instagram",
            account=f"account-{number}",
            demands=(Demand.MONEY,),
            amount=Decimal(number) / 100,
            currency="EUR",
            files=(Attachment(f"/tmp/shot-{number}.png", f"{number:064x}", number, NOW, False),),
        )
        for number in range(count, 0, -1)  # saved newest first: the export sorts them
    )
    return log.with_entries(State(), made)


@pytest.mark.slow
def test_ten_thousand_entries_export_correctly() -> None:
    count = 10_000
    made = report.build_report(many(count), "en", clock=clock)

    document = json.loads(export.render(made, "json"))
    assert [e["id"] for e in document["evidence"]] == list(range(1, count + 1))
    # The schema, for the document with its first and last hundred entries: each entry is
    # made alike, and jsonschema takes 4 s of CPU to walk all ten thousand.
    ends = document["evidence"][:100] + document["evidence"][-100:]
    jsonschema.validate({**document, "evidence": ends}, SCHEMA)

    markdown = export.render(made, "markdown")
    assert markdown.count("\n### ") == count
    assert f"`{count:064x}`" in markdown
    assert markdown.index("account-9999") < markdown.index("account-10000")

    page = export.render(made, "html")
    assert page.count('<article class="entry">') == count
    assert f"SHA-256: {1:064x}" in page
    assert page.index("account-1<") < page.index("account-2<")


# -- writing ------------------------------------------------------------------------------


def test_save_writes_a_private_file_and_never_replaces_one_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    export.save(target, "first")
    assert target.read_text() == "first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(export.ExportError, match="already there"):
        export.save(target, "second")
    assert target.read_text() == "first"
    export.save(target, "second", force=True)
    assert target.read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary files
    with pytest.raises(export.ExportError, match="does not exist"):
        export.save(tmp_path / "no" / "such" / "report.md", "x")
    with pytest.raises(export.ExportError, match="folder"):
        export.save(tmp_path, "x", force=True)


def test_the_format_follows_the_file_name() -> None:
    assert export.format_for(Path("a.HTML"), None) is Format.html
    assert export.format_for(Path("a.md"), None) is Format.markdown
    assert export.format_for(Path("a.txt"), Format.json) is Format.json
    with pytest.raises(export.ExportError, match="--format"):
        export.format_for(Path("a.txt"), None)


def test_export_writes_only_where_asked_and_warns_it_is_not_encrypted(
    home: Path, tmp_path: Path
) -> None:
    store = Store(home)
    log.add(store, [importer.from_options({"account": "some.one"})])
    before = sorted(p.name for p in home.rglob("*"))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.html"

    result = runner.invoke(app, ["export", "--output", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "NOT encrypted" in result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]
    assert sorted(p.name for p in home.rglob("*")) == before
    assert "some.one" in target.read_text(encoding="utf-8")

    again = runner.invoke(app, ["export", "--output", str(target)])
    assert again.exit_code == ExitCode.USAGE
    assert "--force" in again.stderr
    forced = runner.invoke(app, ["export", "--output", str(target), "--force", "--lang", "nl"])
    assert forced.exit_code == 0
    assert "NIET versleuteld" in forced.stderr
    assert "Tijdlijn" in target.read_text(encoding="utf-8")


def test_export_needs_an_output(home: Path) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == ExitCode.USAGE


# -- the prevention handout ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_prevention_handout_has_a_tick_box_per_item(
    home: Path, tmp_path: Path, lang: str
) -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    items = [item for _, item in prevention.items()]
    # Answers of the person running it never show in a handout.
    Store(home).update(lambda s: s.with_answer("prevention", items[0].id, Record(Answer.DONE, "t")))

    page_path = tmp_path / f"handout-{lang}.html"
    result = runner.invoke(
        app, ["export", "--handout", "prevention", "--lang", lang, "--output", str(page_path)]
    )
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert page.count('<span class="box" aria-hidden="true"></span>') == len(items)
    assert "✓" not in page
    assert_loads_nothing(page)
    assert "@page { size: A4;" in page
    for item in items:
        assert html.e(item.title[lang]) in page

    markdown_path = tmp_path / f"handout-{lang}.md"
    result = runner.invoke(
        app, ["export", "--handout", "prevention", "--lang", lang, "-o", str(markdown_path)]
    )
    assert result.exit_code == 0, result.output
    markdown = markdown_path.read_text(encoding="utf-8")
    assert markdown.count("- [ ] **") == len(items)
    assert "[x]" not in markdown
    assert prevention.title[lang] in markdown
    assert ("Waarom" if lang == "nl" else "Why") in markdown


def test_a_handout_is_html_or_markdown(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--handout", "prevention", "--output", str(tmp_path / "h.json")]
    )
    assert result.exit_code == ExitCode.USAGE
    assert "html or markdown" in result.stderr


def test_the_plan_is_found_by_id_or_else_by_kind(tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    assert report.plan_checklist([folder]) is None
    (folder / "victim-plan.yaml").write_text(
        PLAN.replace("id: emergency", "id: victim-plan"), encoding="utf-8"
    )
    found = report.plan_checklist([folder])
    assert found is not None
    assert found.id == "victim-plan"
    (folder / "emergency.yaml").write_text(PLAN, encoding="utf-8")
    found = report.plan_checklist([folder])
    assert found is not None
    assert found.id == "emergency"


def test_the_region_is_recorded_and_follows_the_locale(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "chosen.json"
    result = runner.invoke(app, ["export", "--region", "nl", "--output", str(chosen)])
    assert result.exit_code == 0, result.output
    assert json.loads(chosen.read_text(encoding="utf-8"))["region"] == "NL"

    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    by_locale = tmp_path / "locale.json"
    result = runner.invoke(app, ["export", "--output", str(by_locale)])
    assert result.exit_code == 0, result.output
    document = json.loads(by_locale.read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    assert (document["region"], document["lang"]) == ("BE", "nl")


def test_a_handout_of_your_own_checklist(home: Path, tmp_path: Path, small_checklist: Path) -> None:
    out = tmp_path / "small.md"
    folder = small_checklist.parent
    result = runner.invoke(
        app, ["export", "--handout", "small", "--checklists", str(folder), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    markdown = out.read_text(encoding="utf-8")
    assert markdown.count("- [ ] **") == 4
    assert "Do delta" in markdown


# -- with the emergency plan and the help-line data ----------------------------------------


@pytest.mark.parametrize("region", list(Region))
def test_the_help_lines_are_the_regions_own_with_their_source(region: Region) -> None:
    from safecheck.content import helplines

    rows = list(report.region_help_lines(region, "en"))
    expected = helplines.select(helplines.load(), region, speaks="en")
    if region is Region.OTHER:  # the EU's emergency number and a directory, with sources
        assert "112" in rows[0].contact
        assert rows[0].source.startswith("https://")
        assert any("findahelpline.com" in row.contact for row in rows)
    assert [row.name for row in rows] == [line.name["en"] for line in expected]
    for row, line in zip(rows, expected, strict=True):
        assert row.source == line.source
        for phone in line.phones:
            assert phone in row.contact  # numbers as in the data, never retyped
    if region is Region.OTHER:
        assert {row.country for row in rows} <= {"any country", "another country"}


def test_the_age_group_chooses_the_removal_service() -> None:
    minor = " ".join(row.name for row in report.region_help_lines(Region.NL, "en", AgeGroup.MINOR))
    adult = " ".join(row.name for row in report.region_help_lines(Region.NL, "en", AgeGroup.ADULT))
    assert "Take It Down" in minor
    assert "StopNCII" not in minor
    assert "StopNCII" in adult
    assert "Take It Down" in adult  # images made under 18, whatever the age now


def test_a_real_export_has_the_plan_and_the_regions_help_lines(home: Path, tmp_path: Path) -> None:
    store = Store(home)
    store.update(
        lambda s: (
            s.with_answer("emergency", "evidence", Record(Answer.DONE, "2026-03-02T22:00"))
            .with_setting("region", "NL")
            .with_setting("age_group", "adult")
        )
    )
    log.add(store, [importer.from_options({"account": "some.one"})])
    for name in ("report.json", "report.html", "report.md"):
        result = runner.invoke(app, ["export", "--lang", "nl", "--output", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    assert document["region"] == "NL"  # as remembered by the plan
    assert document["plan"]["id"] == "emergency"
    steps = {step["id"]: step["answer"] for step in document["plan"]["steps"]}
    assert steps["evidence"] == "done"
    assert "removal-stopncii" in steps  # the adult's own steps
    assert "removal-take-it-down" in steps  # images made under 18, whatever the age now
    names = [line["name"] for line in document["helplines"]]
    assert "113 Zelfmoordpreventie" in names
    assert "Zelfmoordlijn 1813" not in names  # Belgium's
    for name in ("report.html", "report.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Noodplan" in text
        assert "Maak eerst screenshots van de berichten" in text
        assert "0800 0113" in text
        assert "Bron: https://www.upday.com" in text
    assert_loads_nothing((tmp_path / "report.html").read_text(encoding="utf-8"))
