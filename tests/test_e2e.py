"""safecheck in a real pseudo-terminal, as a person runs it."""

from __future__ import annotations

import io
from pathlib import Path

import pexpect
import pytest

from safecheck.content import checklist
from safecheck.core.errors import ExitCode
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys
from tests.conftest import ROOT, child_env, until_ended
from tests.conftest import spawn as in_terminal


def spawn(home: Path, *args: str) -> pexpect.spawn:
    return in_terminal(["-m", "safecheck", *args], child_env(home))


@pytest.mark.terminal
def test_answer_quit_with_ctrl_c_and_resume_at_the_right_item(home: Path) -> None:
    prevention = checklist.load(ROOT / "checklists" / "prevention.yaml")
    items = [item for _, item in prevention.items()]

    child = spawn(home, "check", "prevention", "--lang", "en")
    child.expect_exact(items[0].title["en"])
    for reply in (keys.DONE, keys.NOT_YET, keys.NOT_FOR_ME):
        child.expect_exact(keys.ASKING)
        child.send(reply)
    child.expect_exact(items[3].title["en"])
    child.expect_exact(keys.ASKING)
    child.send(keys.CTRL_C)
    child.expect_exact("Your answers so far are saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED

    saved = Store(home).load().answers_for("prevention")
    assert {k: v.answer for k, v in saved.items()} == {
        items[0].id: Answer.DONE,
        items[1].id: Answer.NOT_YET,
        items[2].id: Answer.NOT_FOR_ME,
    }

    child = spawn(home, "check", "prevention", "--lang", "en")
    shown = io.StringIO()
    child.logfile_read = shown  # everything this second run writes
    child.expect_exact(f"You had done 1 of {len(items)}")  # done means done: not "not for me"
    child.expect_exact(items[1].title["en"])  # "not yet" comes back (all three are essential)
    child.expect_exact(keys.ASKING)
    assert items[0].title["en"] not in shown.getvalue()  # a done item is not asked again
    child.send(keys.DONE)
    child.expect_exact(items[3].title["en"])
    child.expect_exact(keys.ASKING)
    until_ended(child, keys.CTRL_C)
    child.close()

    saved = Store(home).load().answers_for("prevention")
    assert len(saved) == 3
    assert saved[items[0].id].answer is Answer.DONE
    assert saved[items[1].id].answer is Answer.DONE
