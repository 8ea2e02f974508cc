"""The export and the handout as Markdown: every value a person typed is escaped."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from safecheck.content.checklist import Checklist
from safecheck.core import labels
from safecheck.core.i18n import labelled, t
from safecheck.evidence import model
from safecheck.evidence.model import Attachment
from safecheck.evidence.report import (
    HelpLineRow,
    Report,
    answer_label,
    answered_at,
    copy_problem_text,
    entry_heading,
    entry_rows,
    size,
)
from safecheck.storage.state import Answer

_MD_ESCAPES = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|#~&!"})


def md(text: str) -> str:
    """Text that Markdown shows as it is: its special characters escaped."""
    return text.translate(_MD_ESCAPES)


# A link whose target runs code or embeds a page: `[x](javascript:...)`, `[x]: data:...`.
_UNSAFE_LINK = re.compile(
    r"(?im)(\]\(\s*|^[ ]{0,3}\[[^\]\n]*\]:\s*)((?:java|vb)script|data|file)(\s*:)"
)


def authored(text: str) -> str:
    """Markdown from a checklist (maybe someone else's), its formatting kept but never raw
    HTML (`<img onerror>`, `<script>`), an entity that spells a scheme, or a link that runs code."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _UNSAFE_LINK.sub(lambda found: f"{found[1]}#blocked-{found[2]}", text)


def _fence(text: str) -> str:
    """A fenced block that no run of `~` inside `text` can close."""
    longest = max((len(run) for run in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def to_markdown(report: Report) -> str:
    return "".join(_markdown_parts(report))


def _markdown_parts(report: Report) -> Iterator[str]:
    lang = report.lang
    yield f"# {md(t(lang, 'Evidence and emergency plan'))}\n\n"
    yield (
        md(t(lang, "Made with safecheck on {date}.", date=model.format_when(report.generated)))
        + "\n\n"
    )
    yield f"> {md(t(lang, 'This file is not encrypted: anyone who can open it can read it. Keep it where only you and the people you choose can reach it.'))}\n\n"
    yield f"## {md(t(lang, 'Timeline'))}\n\n"
    if not report.entries:
        yield md(t(lang, "The evidence log is empty.")) + "\n\n"
    for entry in report.entries:
        yield f"### {md(entry_heading(entry, lang))}\n\n"
        for name, value in entry_rows(entry, lang):
            yield f"- **{md(name)}:** {md(value)}\n"
        if entry.files:
            yield f"- **{md(model.field_label(lang, 'files'))}:**\n"
            for attachment, same in zip(entry.files, same_content(entry.files), strict=True):
                yield f"  - {md(attachment.name)} ({md(file_facts(attachment, lang, same))})\n"
                yield f"    SHA-256: `{attachment.sha256}`\n"
        if entry.note:
            yield f"\n**{md(model.field_label(lang, 'note'))}:**\n\n{_fence(entry.note)}\n"
        yield "\n"
    if report.copy_problems:
        yield f"## {md(t(lang, 'Files not as they were kept'))}\n\n"
        for problem in report.copy_problems:
            yield f"- {md(copy_problem_text(problem, lang))}\n"
        yield "\n"
    if report.plan is not None:
        yield f"## {md(t(lang, '{title}: what has been done', title=report.plan.title))}\n\n"
        for step in report.plan.steps:
            box = "x" if step.answer is Answer.DONE else " "
            when = f" ({md(answered_at(step))})" if step.at else ""
            yield f"- [{box}] {labelled(lang, md(step.title), md(answer_label(step, lang)))}{when}\n"
        yield "\n"
    yield from _markdown_helplines(report.helplines, lang)
    yield f"## {md(t(lang, 'Checking that a file is unchanged'))}\n\n{md(t(lang, 'The SHA-256 of a file is its fingerprint: if one byte changes, it changes. To check a file, compute its SHA-256 and compare it with the one above: on Linux sha256sum FILE, on a Mac shasum -a 256 FILE, on Windows certutil -hashfile FILE SHA256.'))}\n"


def file_facts(attachment: Attachment, lang: str, same_as: str | None = None) -> str:
    facts = [
        size(attachment.size, lang),
        t(lang, "modified {date}", date=model.format_when(attachment.mtime)),
    ]
    if attachment.kept:
        facts.append(t(lang, "copy kept in safecheck"))
    if same_as is not None:
        facts.append(t(lang, "same content as {name}", name=same_as))
    return ", ".join(facts)


def same_content(files: Sequence[Attachment]) -> list[str | None]:
    """For each file, the name of an earlier file of the entry with the same SHA-256."""
    first: dict[str, str] = {}
    found: list[str | None] = []
    for attachment in files:
        found.append(first.get(attachment.sha256))
        first.setdefault(attachment.sha256, attachment.name)
    return found


def _markdown_helplines(lines: Sequence[HelpLineRow], lang: str) -> Iterator[str]:
    if not lines:
        return
    yield f"## {md(t(lang, 'Help lines'))}\n\n"
    for line in lines:
        hours = f" ({md(line.hours)})" if line.hours else ""
        yield f"- **{md(line.name)}** ({md(line.country)}): {md(line.contact)}{hours}. "
        yield f"{md(line.who)} {md(t(lang, 'Source: {source}.', source=line.source))}\n"
    yield "\n"


def handout_markdown(checklist: Checklist, lang: str, helplines: Sequence[HelpLineRow]) -> str:
    parts = [f"# {md(checklist.title[lang])}\n\n", authored(checklist.intro[lang].strip()) + "\n\n"]
    parts.append(
        md(
            t(
                lang,
                "Tick each box when it is done. Start with the essential steps; the rest can wait.",
            )
        )
        + "\n\n"
    )
    for section in checklist.sections:
        parts.append(f"## {md(section.title[lang])}\n\n")
        for item in section.items:
            priority = t(lang, labels.PRIORITY[item.priority.value])
            parts.append(f"- [ ] **{md(item.title[lang])}** ({md(priority)})  \n")
            why = authored(item.why[lang].strip())
            parts.append(f"  {labelled(lang, md(t(lang, 'Why')), why)}\n\n")
            for line in authored(item.how[lang].strip()).splitlines():
                parts.append(f"  {line}\n")
            parts.append("\n")
    parts.extend(_markdown_helplines(helplines, lang))
    parts.append(
        md(
            t(
                lang,
                "Made with safecheck. If it happens anyway: it is not your fault. Stop sending "
                "and paying, keep the evidence, and talk to someone you trust or a help line.",
            )
        )
        + "\n"
    )
    return "".join(parts)


# HTML
