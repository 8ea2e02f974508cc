"""What an export holds: the evidence log, the emergency plan's progress and the help lines.

`build_report` gathers it from the saved state; `to_document` gives the one JSON shape,
`schemas/export-v1.json` (documented in the README); `evidence.markdown` and
`evidence.html` render the same `Report` for people.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from safecheck.content.checklist import Checklist
from safecheck.core import labels
from safecheck.core.audience import AgeGroup, ImageAge
from safecheck.core.i18n import N_, t
from safecheck.core.region import Region
from safecheck.evidence import log, model
from safecheck.evidence.model import Entry
from safecheck.storage.state import Answer, State

FORMAT_NAME = "safecheck-export"
FORMAT_VERSION = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "export-v1.json"
PLAN_ID = "emergency"  # the emergency plan's checklist id


@dataclass(frozen=True, slots=True)
class PlanStep:
    id: str
    title: str
    answer: Answer | None  # None: not answered yet
    at: str | None


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    title: str
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True, slots=True)
class HelpLineRow:
    """A help line as an export shows it, already in the report's language."""

    name: str
    country: str
    contact: str  # phone numbers, chat and site, as one line
    hours: str | None
    who: str
    source: str


@dataclass(frozen=True, slots=True)
class CopyProblem:
    """A kept copy that a bundle could not use as it was kept."""

    name: str
    sha256: str  # as recorded when the file was added
    copy: str  # "damaged" or "missing"
    original_used: bool  # the original file, still with this SHA-256, went in instead


@dataclass(frozen=True, slots=True)
class Report:
    lang: str
    generated: datetime
    entries: tuple[Entry, ...]  # the timeline: oldest first
    plan: Plan | None
    helplines: tuple[HelpLineRow, ...]
    region: str | None = None
    copy_problems: tuple[CopyProblem, ...] = ()  # a bundle's damaged or missing kept copies


def copy_problem_text(problem: CopyProblem, lang: str) -> str:
    """One sentence: which kept copy, what was wrong, and what the bundle holds instead."""
    if problem.copy == "missing":
        what = t(lang, "The kept copy of {name} is missing.", name=problem.name)
    else:
        what = t(lang, "The kept copy of {name} is damaged.", name=problem.name)
    if problem.original_used:
        instead = t(lang, "The original file, which still has the recorded SHA-256, was used.")
    else:
        instead = t(lang, "It was left out. Its recorded SHA-256: {sha256}", sha256=problem.sha256)
    return f"{what} {instead}"


def region_help_lines(
    region: Region, lang: str, age_group: AgeGroup | None = None, images: ImageAge | None = None
) -> tuple[HelpLineRow, ...]:
    """The help lines of `region` (and the removal services that work anywhere) as export rows.

    From the help-line data (`checklists/data/helplines.yaml`), which keeps each line's
    source; with an age group and image age, only the lines for them (Take It Down for
    images made under 18, StopNCII for images made at 18 or older).
    """
    from safecheck.content import helplines

    return tuple(
        HelpLineRow(
            name=line.name[lang],
            country=country(line.country, lang),
            contact=helplines.contact(line, lang, separator="; "),
            hours=line.hours[lang] if line.hours else None,
            who=line.who[lang],
            source=line.source,
        )
        for line in helplines.select(
            helplines.load(), region, age_group, speaks=lang, images=images
        )
    )


def country(country: str, lang: str) -> str:
    return t(lang, labels.REGION.get(country, N_("any country")))


def plan_checklist(folders: Sequence[Path]) -> Checklist | None:
    """The emergency plan (`emergency`), or else the first checklist of kind `plan`, if any."""
    from safecheck.content import checklist as checklists

    for folder in folders:
        path = folder / f"{PLAN_ID}.yaml"
        if path.is_file():
            return checklists.load(path)
    for folder in folders:
        for path in checklists.checklist_paths(folder):
            loaded = checklists.load(path)
            if loaded.kind == "plan":
                return loaded
    return None


def plan_progress(plan: Checklist, state: State, lang: str) -> Plan:
    answers = state.answers_for(plan.id)
    steps = tuple(
        PlanStep(
            id=item.id,
            title=item.title[lang],
            answer=answers[item.id].answer if item.id in answers else None,
            at=answers[item.id].at if item.id in answers else None,
        )
        for _, item in plan.items()
    )
    return Plan(id=plan.id, title=plan.title[lang], steps=steps)


def build_report(
    state: State,
    lang: str,
    *,
    plan: Checklist | None = None,
    helplines: Sequence[HelpLineRow] = (),
    region: str | None = None,
    age_group: AgeGroup | None = None,
    images: ImageAge | None = None,
    clock: Callable[[], datetime] = model.now,
) -> Report:
    """What an export holds. With a `region`, `age_group` or `images`, the plan has only
    their steps (as the help lines have only their lines); else the steps of what the
    person chose (`Checklist.as_remembered`, as `status` counts them)."""
    chosen = None
    if plan is not None:
        chosen = plan.as_remembered(state.settings)
        given = (region, age_group, images)
        if plan.kind == "plan" and any(value is not None for value in given):
            from safecheck.core.audience import (
                images_for,
                remembered_age_group,
                remembered_images,
                remembered_region,
            )

            age_group = age_group or remembered_age_group(state.settings)
            chosen = plan.narrowed(
                Region(region) if region else remembered_region(state.settings),
                age_group,
                images_for(age_group, images or remembered_images(state.settings)),
            )
    return Report(
        lang=lang,
        generated=clock(),
        entries=tuple(model.timeline(log.entries(state))),
        plan=plan_progress(chosen, state, lang) if chosen else None,
        helplines=tuple(helplines),
        region=region,
    )


def export_report(
    state: State,
    lang: str,
    region: Region | None = None,
    age_group: AgeGroup | None = None,
    images: ImageAge | None = None,
) -> Report:
    """The report `safecheck export` writes: for `region`, `age_group` and `images` (when
    the images were made), else as chosen."""
    from safecheck.content.checklist import builtin_dir
    from safecheck.core.audience import (
        images_for,
        remembered_age_group,
        remembered_images,
        remembered_region,
    )

    region = region or remembered_region(state.settings)
    age_group = age_group or remembered_age_group(state.settings)
    images = images_for(age_group, images or remembered_images(state.settings))
    return build_report(
        state,
        lang,
        plan=plan_checklist([builtin_dir()]),
        helplines=region_help_lines(region, lang, age_group, images),
        region=region.value,
        age_group=age_group,
        images=images,
    )


def size(size: int, lang: str) -> str:
    text = f"{size:,}".replace(",", THOUSANDS.get(lang, ","))
    return t(lang, "{size} bytes", size=text)


THOUSANDS = {"nl": ".", "fr": "\u00a0"}  # 12.345 bytes, 12 345 octets (a no-break space)


def amount(entry: Entry) -> str | None:
    if entry.amount is None:
        return None
    return f"{entry.amount} {entry.currency or ''}".strip()


def paid_label(paid: bool | None, lang: str) -> str:
    """Yes, No, or Not known: an answer that was never given is never "No"."""
    if paid is None:
        return t(lang, "Not known")
    return t(lang, "Yes") if paid else t(lang, "No")


def entry_rows(entry: Entry, lang: str) -> list[tuple[str, str]]:
    """The fields of an entry that have a value, as (label, text) in reading order."""
    label = model.field_label
    rows: list[tuple[str, str | None]] = [
        (label(lang, "when"), model.format_when(entry.when)),
        (label(lang, "platform"), entry.platform),
        (label(lang, "account"), entry.account),
        (label(lang, "profile_url"), entry.profile_url),
        (label(lang, "url"), entry.url),
        (label(lang, "phone"), entry.phone),
        (
            label(lang, "demands"),
            ", ".join(t(lang, labels.DEMAND[d.value]) for d in entry.demands) or None,
        ),
        (label(lang, "amount"), amount(entry)),
        (label(lang, "paid"), paid_label(entry.paid, lang)),
        (label(lang, "payment_method"), entry.payment_method),
        (label(lang, "payment_reference"), entry.payment_reference),
        (label(lang, "recorded"), model.format_when(entry.recorded)),
    ]
    return [(name, value) for name, value in rows if value]


def entry_heading(entry: Entry, lang: str) -> str:
    """`Entry 3 · 2026-03-02 21:15+01:00 · Instagram · some.one`: the entry's own number."""
    parts = [t(lang, "Entry {id}", id=entry.id), model.format_when(entry.when)]
    parts += [value for value in (entry.platform, entry.account) if value]
    return " · ".join(parts)


def answered_at(step: PlanStep) -> str:
    """When a step was answered, as times are shown elsewhere (as saved if it is unusual)."""
    if step.at is None:
        return ""
    try:
        return model.format_when(datetime.fromisoformat(step.at))
    except ValueError:
        return step.at


def answer_label(step: PlanStep, lang: str) -> str:
    if step.answer is None:
        return t(lang, "Not answered yet")
    return t(lang, labels.ANSWER[step.answer.value])


# JSON


def to_document(report: Report) -> dict[str, Any]:
    """The export as plain data, in the shape of `schemas/export-v1.json`."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated": report.generated.isoformat(),
        "lang": report.lang,
        "region": report.region,
        "evidence": [model.to_dict(entry) for entry in report.entries],
        "plan": None
        if report.plan is None
        else {
            "id": report.plan.id,
            "title": report.plan.title,
            "steps": [
                {
                    "id": step.id,
                    "title": step.title,
                    "answer": None if step.answer is None else step.answer.value,
                    "at": step.at,
                }
                for step in report.plan.steps
            ],
        },
        "helplines": [
            {
                "name": line.name,
                "country": line.country,
                "contact": line.contact,
                "hours": line.hours,
                "for": line.who,
                "source": line.source,
            }
            for line in report.helplines
        ],
    }


def to_json(report: Report) -> str:
    return json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"


# Markdown
