"""`verify --junit FILE`: the verification as JUnit XML, the format CI systems and graders read.

One test suite for the checklist; one test case per item (its id as the name, its title as
the case's output), an open item a failure with its answer, an item "not for me" skipped;
and one more case for the requirement itself (`--min-score`, `--require-priority`).
Written with the standard library's ElementTree, which escapes every text and attribute;
characters XML cannot hold at all are shown as `\\xNN` first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: N817 - the name its documentation uses

from safecheck.core.i18n import labelled
from safecheck.core.text import safe_text
from safecheck.progress.verify import Verification
from safecheck.storage.state import Answer
from safecheck.ui.words import answer_word, verification_lines

NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")  # besides the controls safe_text shows
REQUIREMENT = "requirement"  # the name of the requirement's own case


def _text(value: object) -> str:
    return NOT_XML.sub(lambda found: f"\\u{ord(found.group()):04x}", safe_text(str(value)))


def junit_xml(result: Verification, lang: str) -> bytes:
    """The JUnit document (UTF-8, with its XML declaration)."""
    summary = result.summary
    checklist = summary.checklist
    suite = ET.Element("testsuite", name=_text(checklist.id))
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("title", checklist.title[lang]),
        ("score", summary.score),
        ("lang", lang),
    ):
        ET.SubElement(properties, "property", name=name, value=_text(value))
    failures = skipped = 0
    for section, item in checklist.items():
        case = ET.SubElement(
            suite,
            "testcase",
            name=_text(item.id),
            classname=_text(f"{checklist.id}.{section.id}"),
        )
        record = summary.answers.get(item.id)
        answer = record.answer if record is not None else None
        if answer is Answer.NOT_FOR_ME:
            skipped += 1
            ET.SubElement(case, "skipped", message=_text(answer_word(answer, lang)))
        elif answer is not Answer.DONE:
            failures += 1
            word = answer_word(answer, lang)
            failure = ET.SubElement(
                case,
                "failure",
                message=_text(word),
                type=answer.value if answer is not None else "unanswered",
            )
            failure.text = _text(labelled(lang, item.title[lang], word))
        ET.SubElement(case, "system-out").text = _text(item.title[lang])
    requirement = ET.SubElement(suite, "testcase", name=REQUIREMENT, classname=_text(checklist.id))
    lines = verification_lines(result, lang)
    if not result.ok:
        failures += 1
        failure = ET.SubElement(requirement, "failure", message=_text(lines[0]), type=REQUIREMENT)
        failure.text = _text("\n".join(lines))
    ET.SubElement(requirement, "system-out").text = _text("\n".join(lines))
    cases = checklist.item_count + 1
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suites = ET.Element(
        "testsuites",
        name="safecheck verify",
        tests=str(cases),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
    )
    suites.append(suite)
    ET.indent(suites)
    document: bytes = ET.tostring(suites, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
