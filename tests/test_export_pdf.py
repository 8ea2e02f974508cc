"""The HTML export in a real browser: headless Chromium prints it to an A4 PDF, and its network
log shows the page asked for nothing. Needs Debian's `chromium` and poppler's `pdftotext`
(both installed by .ci/run); without them the tests skip, except in CI, where they fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from safecheck.cli.app import app

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")

if not (CHROMIUM and PDFTOTEXT and PDFINFO):
    if os.environ.get("CI"):
        pytest.fail("CI needs chromium and poppler-utils (see .ci/run)", pytrace=False)
    pytest.skip("chromium or poppler-utils is not installed", allow_module_level=True)


def print_to_pdf(page: Path, work: Path) -> tuple[Path, list[str]]:
    """Print `page` with headless Chromium; return the PDF and the URLs the page asked for.

    Every host name resolves to nothing (`MAP * ~NOTFOUND`), so even an attempt cannot
    leave the machine; the network log still records the attempt.
    """
    assert CHROMIUM is not None
    pdf = work / f"{page.stem}.pdf"
    netlog = work / f"{page.stem}.netlog.json"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={work / 'profile'}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--log-net-log={netlog}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    assert pdf.is_file()
    return pdf, page_requests(json.loads(netlog.read_text(encoding="utf-8")))


def page_requests(log: dict[str, Any]) -> list[str]:
    """URLs requested on behalf of a file:// page (not Chromium's own background traffic)."""
    types = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        params = event.get("params", {})
        if types.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in params:
            for_page = "file://" in params.get(
                "network_isolation_key", ""
            ) or "file://" in params.get("site_for_cookies", "")
            if for_page and not params["url"].startswith("file:"):
                urls.append(params["url"])
    return urls


def pdf_text(pdf: Path) -> str:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def page_size(pdf: Path) -> str:
    assert PDFINFO is not None
    done = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, timeout=60)
    return next(line for line in done.stdout.decode().splitlines() if line.startswith("Page size"))


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "timeline"), [("en", "Timeline"), ("nl", "Tijdlijn")])
def test_the_html_export_prints_to_an_a4_pdf_with_the_timeline_and_hashes(
    home: Path, tmp_path: Path, lang: str, timeline: str
) -> None:
    shots = []
    for number in (1, 2):
        shot = tmp_path / f"screenshot-{number}.png"
        shot.write_bytes(f"screenshot number {number}".encode() * 40)
        shots.append(shot)
    added = [
        ["--when", "2026-03-01 09:30", "--platform", "Snapchat", "--account", "first.contact",
         "--file", str(shots[0])],
        ["--when", "2026-03-02 21:15", "--platform", "Instagram", "--account", "some.one",
         "--demand", "money", "--amount", "250,50", "--currency", "EUR", "--paid",
         "--payment-reference", "REF-4711", "--note", "He said he would send it to my class.",
         "--file", str(shots[1])],
    ]  # fmt: skip
    for options in added:
        result = runner.invoke(app, ["evidence", "add", *options])
        assert result.exit_code == 0, result.output
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["export", "--output", str(page), "--lang", lang])
    assert result.exit_code == 0, result.output

    pdf, requests = print_to_pdf(page, tmp_path)

    assert requests == []
    assert "A4" in page_size(pdf)
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert timeline in flat
    for words in ("first.contact", "some.one", "Instagram", "250.50 EUR", "REF-4711",
                  "He said he would send it to my class.", "2026-03-02 21:15"):  # fmt: skip
        assert words in flat, words
    assert flat.index("first.contact") < flat.index("some.one")  # oldest first
    for shot in shots:
        assert hashlib.sha256(shot.read_bytes()).hexdigest() in text  # whole, on one line


@pytest.mark.slow
def test_the_request_check_sees_a_page_that_loads_something(tmp_path: Path) -> None:
    """The check above can fail: a page with outside resources is caught asking for them."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>control</p>"
        '<img src="http://example.invalid/x.png">'
        '<link rel="stylesheet" href="https://fonts.example.invalid/a.css">'
        "</body></html>",
        encoding="utf-8",
    )
    _, requests = print_to_pdf(page, tmp_path)
    assert "http://example.invalid/x.png" in requests
    assert "https://fonts.example.invalid/a.css" in requests


@pytest.mark.slow
def test_the_handout_prints_with_a_box_per_item(home: Path, tmp_path: Path) -> None:
    from safecheck.content import checklist
    from tests.conftest import ROOT

    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    page = tmp_path / "handout.html"
    result = runner.invoke(
        app, ["export", "--handout", "prevention", "--lang", "nl", "--output", str(page)]
    )
    assert result.exit_code == 0, result.output
    pdf, requests = print_to_pdf(page, tmp_path)
    assert requests == []
    assert "A4" in page_size(pdf)
    flat = " ".join(pdf_text(pdf).split())
    for _, item in prevention.items():
        assert " ".join(item.title["nl"].split()) in flat, item.id


@pytest.mark.slow
@pytest.mark.parametrize(("region", "lang"), [("BE", "nl"), ("NL", "en"), ("OTHER", "en")])
def test_no_word_of_the_help_line_table_is_broken_in_print(
    home: Path, tmp_path: Path, region: str, lang: str
) -> None:
    from safecheck.core.audience import AgeGroup
    from safecheck.core.region import Region
    from safecheck.evidence import report

    result = runner.invoke(app, ["evidence", "add", "--account", "some.one"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "report.html"
    options = ["--output", str(page), "--lang", lang, "--region", region, "--age-group", "minor"]
    result = runner.invoke(app, ["export", *options])
    assert result.exit_code == 0, result.output
    pdf, _ = print_to_pdf(page, tmp_path)
    words = set(pdf_text(pdf).split())
    for line in report.region_help_lines(Region(region), lang, AgeGroup.MINOR):
        for word in f"{line.name} {line.contact}".replace(";", " ").split():
            word = word.strip(",.()")
            if word:
                assert any(word in found for found in words), (line.name, word)
    flat = " ".join(pdf_text(pdf).split())
    assert "StopNCII" not in flat  # under 18: Take It Down, never StopNCII
    assert "Take It Down" in flat
    if region == "OTHER":
        assert "112" in flat


def test_the_printed_report_has_page_numbers_and_no_empty_first_page(
    home: Path, tmp_path: Path
) -> None:
    """A long note may break inside its entry: page 1 holds the title and the entry's start,
    and every page says "page N of M"."""
    note = "\n".join(f"Line {number} of what they wrote to me." for number in range(160))
    for options in (["--account", "first", "--note", note], ["--account", "second"]):
        added = runner.invoke(app, ["evidence", "add", "--when", "2026-03-01 09:30", *options])
        assert added.exit_code == 0, added.output
    page = tmp_path / "report.html"
    assert runner.invoke(app, ["export", "--output", str(page)]).exit_code == 0
    html_text = page.read_text(encoding="utf-8")
    assert "<main>" in html_text
    assert "<tbody>" in html_text
    assert 'scope="col"' in html_text
    assert "<ul aria-label" not in html_text
    assert '<ul class="files" aria-label' not in html_text
    pdf, _ = print_to_pdf(page, tmp_path)
    pages = pdf_text(pdf).split("\f")
    pages = [text for text in pages if text.strip()]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text, text[-300:]
    first = pages[0]
    assert "Evidence and emergency plan" in first
    assert "Line 0 of what they wrote" in first  # the entry starts on page 1, not page 2
