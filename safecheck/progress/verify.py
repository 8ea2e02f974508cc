"""`safecheck verify`: does a checklist meet a grader's requirement?

Two kinds of requirement, which can be combined:
- a minimum score (percent of the items that apply to you that are done), and
- a priority whose items must all be done or marked "not for me".

What is missing is the list of open items (not answered, not yet, or skipped)
that keep a requirement from holding, most important first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from safecheck.content.checklist import Item, Priority
from safecheck.progress.summary import Summary


@dataclass(frozen=True, slots=True)
class Check:
    """One requirement and whether it holds."""

    name: str  # "min-score" or "require-priority"
    met: bool
    missing: tuple[Item, ...]
    min_score: int | None = None
    score: int | None = None
    priority: Priority | None = None


@dataclass(frozen=True, slots=True)
class Verification:
    summary: Summary
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.met for check in self.checks)

    @property
    def missing(self) -> tuple[Item, ...]:
        """Every open item that keeps a requirement from holding, most important first."""
        wanted = {item.id for check in self.checks if not check.met for item in check.missing}
        return tuple(item for item in self.summary.open_items if item.id in wanted)


def verify(
    summary: Summary, *, min_score: int | None = None, priorities: Sequence[Priority] = ()
) -> Verification:
    checks: list[Check] = []
    if min_score is not None:
        checks.append(
            Check(
                name="min-score",
                met=summary.score >= min_score,
                missing=summary.open_items,
                min_score=min_score,
                score=summary.score,
            )
        )
    for priority in dict.fromkeys(priorities):
        open_items = tuple(item for item in summary.open_items if item.priority is priority)
        checks.append(
            Check(
                name="require-priority", met=not open_items, missing=open_items, priority=priority
            )
        )
    if not checks:
        raise ValueError("verify needs at least one requirement")
    return Verification(summary=summary, checks=tuple(checks))
