"""The emergency plan with the real questionary widgets fed by a pipe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import CliRunner

from safecheck.cli.app import app
from safecheck.content import checklist
from safecheck.core.audience import AgeGroup, ImageAge, images_for
from safecheck.core.errors import ExitCode
from safecheck.core.region import Region
from safecheck.storage.state import Answer
from safecheck.storage.store import Store
from tests import keys
from tests.conftest import ROOT

runner = CliRunner()
PLAN = checklist.load(ROOT / "checklists" / "emergency.yaml")

YES = keys.ENTER  # "Yes" is the first choice of the crisis question
NO = keys.DOWN + keys.ENTER
GO_ON = keys.ENTER  # after the crisis screen
MINOR = keys.ENTER
ADULT = keys.DOWN + keys.ENTER
# "When were the images made?" (asked of someone 18 or older): under 18, 18 or older, not sure.
MADE_UNDER_18 = keys.ENTER
MADE_ADULT = keys.DOWN + keys.ENTER
MADE_NOT_SURE = keys.DOWN * 2 + keys.ENTER
# A plan step has no "Tell me how" (its steps are shown at once): four replies.
DONE = keys.ENTER
NOT_YET = keys.DOWN + keys.ENTER
# After the evidence step (the fourth), the plan offers the evidence log (y/n; Enter is yes).
NO_LOG = "n" + keys.ENTER


def through(*replies: str) -> str:
    """Replies to the steps in order, saying no to the evidence log after the fourth."""
    typed = list(replies)
    if len(typed) >= 4:
        typed.insert(4, NO_LOG)
    return "".join(typed)


ORDER = [
    "talk-to-someone",  # the leaflet's first step (seed 000: 1. Praat erover)
    "stop-sending-paying",
    "dont-do-what-they-ask",
    "evidence",
    "block-and-report",
    "search-yourself",  # images made at 18+; images made under 18: report where they were seen
    "removal",  # Take It Down (every age), and StopNCII for adults
    "bank",
    "police-report",
    "professional-help",
]


def steps(
    region: Region, age_group: AgeGroup, images: ImageAge = ImageAge.BOTH
) -> list[checklist.Item]:
    chosen = images_for(age_group, images)
    return [item for _, item in PLAN.narrowed(region, age_group, chosen).items()]


def plain(text: str) -> str:
    """The output with the box drawing and line breaks of Rich panels flattened."""
    return " ".join(re.sub(r"[│╭╮╰╯─━┃╺]", " ", text).split())


def saved(home: Path) -> dict[str, Answer]:
    return {k: v.answer for k, v in Store(home).load().answers_for("emergency").items()}


def run(pipe: PipeInput, typed: str, *args: str) -> tuple[int, str]:
    """`safecheck plan`; an adult given on the command line gets `--images both` too (the
    image question has its own tests)."""
    if "adult" in args and "--images" not in args:
        args = (*args, "--images", "both")
    pipe.send_text(typed)
    result = runner.invoke(app, ["plan", *args])
    return result.exit_code, result.output


def test_the_plan_opens_with_not_your_fault_and_not_alone() -> None:
    for lang in ("nl", "en"):
        intro = PLAN.intro[lang].lower()
        assert ("niet jouw schuld" if lang == "nl" else "not your fault") in intro
        assert ("niet alleen" if lang == "nl" else "not alone") in intro
    assert PLAN.kind == "plan"
    assert PLAN.crisis is not None
    assert PLAN.crisis.helplines == ("emergency", "suicide-prevention")


def test_the_steps_come_in_the_order_of_the_sources() -> None:
    for age_group in AgeGroup:
        # Nobody looks for images made under 18: that step takes the place of searching.
        same = {"report-where-seen": "search-yourself"}
        ids = [
            ("removal" if i.startswith("removal-") else same.get(i, i))
            for i in (item.id for item in steps(Region.BE, age_group))
        ]
        assert [i for n, i in enumerate(ids) if n == 0 or i != ids[n - 1]] == ORDER


@pytest.mark.parametrize(
    ("region", "lines"),
    [("BE", ["112", "Zelfmoordlijn 1813", "1813"]), ("NL", ["112", "113 or 0800 0113"])],
)
def test_yes_to_acute_danger_shows_112_and_the_suicide_line_on_the_next_screen(
    pipe: PipeInput, region: str, lines: list[str]
) -> None:
    code, out = run(pipe, YES + keys.CTRL_C, "--region", region, "--lang", "en")
    assert code == ExitCode.INTERRUPTED
    text = plain(out)
    intro_end = text.index("so you can go on later.") + len("so you can go on later.")
    crisis = text.index("Help right now")
    assert text[intro_end:crisis].strip() == ""  # nothing between the question and this screen
    screen = text[crisis:]
    for line in lines:
        assert line in screen
    other = "1813" if region == "NL" else "0800 0113"
    assert other not in screen  # only the region's own line


@pytest.mark.parametrize("region", ["BE", "NL"])
def test_the_crisis_screen_in_dutch(pipe: PipeInput, region: str) -> None:
    code, out = run(pipe, YES + keys.CTRL_C, "--region", region, "--lang", "nl")
    text = plain(out)
    screen = text[text.index("Nu meteen hulp") :]
    assert "112" in screen
    assert ("1813" if region == "BE" else "113 of 0800 0113") in screen
    assert "Je antwoorden tot nu toe zijn bewaard" in text


def test_the_crisis_screen_for_another_country_is_honest(pipe: PipeInput) -> None:
    code, out = run(pipe, YES + keys.CTRL_C, "--region", "OTHER", "--lang", "en")
    text = plain(out)
    screen = text[text.index("Help right now") :]
    assert "only knows the help lines of Belgium and the Netherlands" in screen
    assert "112" in screen
    assert "local emergency number" in screen
    assert "1813" not in screen
    assert "0800 0113" not in screen
    # A way to find a line where the person lives, and not to stay alone with it.
    assert "findahelpline.com" in screen
    assert "Don't stay alone" in screen


def test_no_to_acute_danger_goes_straight_to_the_steps(pipe: PipeInput) -> None:
    code, out = run(pipe, NO + keys.CTRL_C, "--region", "BE", "--age-group", "adult")
    assert "Help right now" not in out
    assert "Talk to someone you trust" in out  # the first step


def test_stopping_after_the_crisis_screen(pipe: PipeInput, home: Path) -> None:
    code, out = run(pipe, YES + keys.DOWN + keys.ENTER, "--region", "BE", "--age-group", "adult")
    assert code == 0
    assert "Help right now" in out
    assert "Stop sending" not in out


def walk_all(pipe: PipeInput, region: str, age_group: AgeGroup, lang: str = "en") -> str:
    count = len(steps(Region(region), age_group))
    code, out = run(
        pipe,
        NO + through(*[DONE] * count),
        "--region",
        region,
        "--age-group",
        age_group.value,
        "--lang",
        lang,
    )
    assert code == 0, out
    return out


@pytest.mark.slow
@pytest.mark.parametrize("region", ["BE", "NL", "OTHER"])
def test_a_minor_is_led_to_take_it_down_and_never_to_stopncii(
    pipe: PipeInput, home: Path, region: str
) -> None:
    out = walk_all(pipe, region, AgeGroup.MINOR)
    assert "Take It Down" in out
    assert "takeitdown.ncmec.org" in out
    assert "stopncii" not in out.lower()
    assert "removal-take-it-down" in saved(home)
    assert "removal-stopncii" not in saved(home)


@pytest.mark.slow
@pytest.mark.parametrize("region", ["BE", "NL", "OTHER"])
def test_an_adult_is_led_to_stopncii(pipe: PipeInput, home: Path, region: str) -> None:
    out = walk_all(pipe, region, AgeGroup.ADULT)
    assert "Stop the spread with StopNCII" in out
    assert "stopncii.org" in out
    assert "case number and a PIN" in plain(out)
    assert "removal-stopncii" in saved(home)
    assert "removal-take-it-down" in saved(home)  # for images made under 18, at any age


def test_a_minor_is_not_asked_when_the_images_were_made(pipe: PipeInput, home: Path) -> None:
    # The prompts' own text is not in the captured output: the keys tell what was asked.
    run(pipe, NO + MINOR + DONE + keys.CTRL_C, "--region", "BE", "--lang", "en")
    assert saved(home) == {"talk-to-someone": Answer.DONE}  # Enter went to the first step
    settings = Store(home).load().settings
    assert (settings["age_group"], settings["images"]) == ("minor", "under-18")


def walk_with_image_answer(pipe: PipeInput, home: Path, answer: str, *args: str) -> str:
    images = {MADE_UNDER_18: ImageAge.UNDER_18, MADE_ADULT: ImageAge.ADULT}
    count = len(steps(Region.BE, AgeGroup.ADULT, images.get(answer, ImageAge.BOTH)))
    typed = NO + ADULT + answer + through(*[DONE] * count)
    code, out = run(pipe, typed, "--region", "BE", "--lang", "en", *args)
    assert code == 0, out
    assert set(saved(home)) == {
        item.id for item in steps(Region.BE, AgeGroup.ADULT, images.get(answer, ImageAge.BOTH))
    }
    return out


@pytest.mark.slow
def test_an_adult_whose_images_were_made_under_18_is_led_to_take_it_down(
    pipe: PipeInput, home: Path, tmp_path: Path
) -> None:
    out = walk_with_image_answer(pipe, home, MADE_UNDER_18)
    assert "Have images taken down with Take It Down" in out
    assert "takeitdown.ncmec.org" in out
    assert "stopncii" not in out.lower()  # never for images made under 18
    assert "removal-take-it-down" in saved(home)
    assert "removal-stopncii" not in saved(home)
    settings = Store(home).load().settings
    assert (settings["age_group"], settings["images"]) == ("adult", "under-18")
    # status, the scripted check and the export count and show the same steps
    status = json.loads(runner.invoke(app, ["status", "--json"]).output)
    plan = next(c for c in status["checklists"] if c["id"] == "emergency")
    ids = {item["id"] for item in plan["items"]}
    assert "removal-take-it-down" in ids
    assert "removal-stopncii" not in ids
    check = runner.invoke(app, ["check", "emergency", "--no-input", "--json"])
    assert "stopncii" not in check.stdout.lower()
    assert "removal-take-it-down" in check.stdout
    export = tmp_path / "report.json"  # never inside safecheck's own folder (issue 26)
    result = runner.invoke(app, ["export", "--output", str(export), "--format", "json"])
    assert result.exit_code == 0, result.output
    text = export.read_text(encoding="utf-8")
    assert "Take It Down" in text
    assert "stopncii" not in text.lower()  # neither the step nor the help line


@pytest.mark.slow
def test_an_adult_whose_images_were_made_at_18_or_older_is_led_to_stopncii(
    pipe: PipeInput, home: Path
) -> None:
    out = walk_with_image_answer(pipe, home, MADE_ADULT)
    assert "Stop the spread with StopNCII" in out
    assert "Have images taken down with Take It Down" not in out
    assert "removal-take-it-down" not in saved(home)


@pytest.mark.slow
def test_not_sure_when_the_images_were_made_shows_both_routes(pipe: PipeInput, home: Path) -> None:
    out = walk_with_image_answer(pipe, home, MADE_NOT_SURE)
    assert "Have images taken down with Take It Down" in out
    assert "Stop the spread with StopNCII" in out
    assert {"removal-take-it-down", "removal-stopncii"} <= set(saved(home))


@pytest.mark.slow
def test_images_on_the_command_line_route_without_the_question(pipe: PipeInput, home: Path) -> None:
    count = len(steps(Region.NL, AgeGroup.ADULT, ImageAge.UNDER_18))
    args = ("--region", "NL", "--age-group", "adult", "--images", "under-18", "--lang", "en")
    code, out = run(pipe, NO + through(*[DONE] * count), *args)
    assert code == 0, out
    assert len(saved(home)) == count  # no image question took a key
    assert "Take It Down" in out
    assert "stopncii" not in out.lower()


def test_the_region_question_is_asked_and_remembered(pipe: PipeInput, home: Path) -> None:
    # en_GB: the default is OTHER, the third choice; one up is NL.
    typed = NO + keys.UP + keys.ENTER + ADULT + MADE_NOT_SURE + keys.CTRL_C
    code, out = run(pipe, typed, "--lang", "en")
    assert "Steps for: the Netherlands · 18 or older" in out
    assert Store(home).load().settings["region"] == "NL"
    result = runner.invoke(app, ["helplines", "--lang", "en"])
    assert "Help lines: the Netherlands" in result.output


@pytest.mark.slow
def test_the_suicide_line_is_under_every_step(pipe: PipeInput) -> None:
    out = walk_all(pipe, "NL", AgeGroup.ADULT)
    footer = "Thinking about suicide? 113 Zelfmoordpreventie: 113 or 0800 0113 (24/7)"
    chunks = out.split(" answered")[1:]  # one chunk per step, from its progress bar on
    assert len(chunks) == len(steps(Region.NL, AgeGroup.ADULT))
    for chunk in chunks:
        assert footer in chunk
        assert "In danger? Call 112." in chunk


@pytest.mark.slow
def test_each_step_shows_its_help_lines_for_the_region_and_age(pipe: PipeInput) -> None:
    out = plain(walk_all(pipe, "BE", AgeGroup.MINOR))
    police = out[out.index("Consider reporting it to the police") :]
    assert "Police: 101" in police
    assert "Bring: your screenshots" in police
    help_step = out[out.index("Ask for professional help") :]
    for name in ("1712", "Awel", "Nupraatikerover", "CAW", "Child Focus"):
        assert name in help_step


@pytest.mark.slow
def test_adults_do_not_see_lines_for_children(pipe: PipeInput) -> None:
    out = plain(walk_all(pipe, "NL", AgeGroup.ADULT))
    help_step = out[out.index("Ask for professional help") :]
    assert "Slachtofferhulp Nederland" in help_step
    assert "Kindertelefoon" not in help_step


@pytest.mark.slow
def test_report_and_block_offers_the_steps_on_each_platform(pipe: PipeInput, home: Path) -> None:
    # Steps 1-4 done; at "report and block", the fourth reply shows the platforms.
    platforms = keys.DOWN * 3 + keys.ENTER
    typed = NO + DONE * 4 + NO_LOG + platforms + DONE + keys.CTRL_C
    code, out = run(pipe, typed, "--region", "BE", "--age-group", "adult", "--lang", "en")
    block = out[out.index("Report and block the perpetrator") :]
    names = ("Instagram", "Snapchat", "TikTok", "Facebook", "WhatsApp", "Telegram", "Discord")
    for platform in names:
        assert f"{platform}:" in block
    assert "choose Report" in block
    assert saved(home)["block-and-report"] is Answer.DONE


def test_steps_without_platforms_have_four_replies(pipe: PipeInput, home: Path) -> None:
    # The fourth reply of a step without platforms is "Skip for now".
    skip = keys.DOWN * 3 + keys.ENTER
    code, out = run(pipe, NO + skip + keys.CTRL_C, "--region", "BE", "--age-group", "adult")
    assert saved(home) == {"talk-to-someone": Answer.SKIPPED}


@pytest.mark.slow
def test_evidence_comes_before_blocking_and_is_followed_by_not_your_fault(
    pipe: PipeInput,
) -> None:
    out = plain(walk_all(pipe, "BE", AgeGroup.ADULT))
    evidence = out.index("First take screenshots of the messages and the profile")
    reminder = out.index("this is not your fault", evidence)
    assert evidence < reminder < out.index("Report and block the perpetrator")
    for detail in ("username", "phone number", "payment demand", "dates and times", "profile"):
        assert detail in out[evidence:reminder].lower()


@pytest.mark.slow
def test_every_step_is_saved_and_the_plan_resumes(pipe: PipeInput, home: Path) -> None:
    code, _ = run(pipe, NO + DONE + NOT_YET + keys.CTRL_C, "--region", "BE", "--age-group", "minor")
    assert code == ExitCode.INTERRUPTED
    assert saved(home) == {
        "talk-to-someone": Answer.DONE,
        "stop-sending-paying": Answer.NOT_YET,
    }

    code, out = run(pipe, NO + keys.CTRL_C, "--region", "BE", "--age-group", "minor")
    assert "Welcome back. You had done 1 of 10. Now the 9 still open" in out
    assert "Stop sending and stop paying" in out  # "not yet" comes back, first of the open ones
    assert "Talk to someone you trust" not in out  # done: not asked again


@pytest.mark.slow
def test_the_summary_lists_what_is_still_open_in_order(pipe: PipeInput) -> None:
    count = len(steps(Region.BE, AgeGroup.ADULT))
    typed = NO + through(NOT_YET, *[DONE] * (count - 2), NOT_YET)
    code, out = run(pipe, typed, "--region", "BE", "--age-group", "adult", "--lang", "en")
    assert code == 0, out
    summary = out[out.index(f"You have done {count - 2} of {count} steps") :]
    assert summary.index("Talk to someone you trust") < summary.index("Ask for professional")


def test_check_with_the_plan_goes_through_the_crisis_question(pipe: PipeInput) -> None:
    pipe.send_text(YES + keys.CTRL_C)
    result = runner.invoke(app, ["check", "emergency", "--lang", "en"])
    assert "Help right now" in result.output
    assert "112" in result.output


def test_without_a_terminal_the_plan_points_to_the_help_lines(home: Path) -> None:
    result = runner.invoke(app, ["plan", "--region", "BE", "--lang", "en"])
    assert result.exit_code == ExitCode.NOT_INTERACTIVE
    assert "safecheck helplines" in result.output
    assert "This is not your fault" not in result.output  # stopped before any output
    assert not home.exists()


@pytest.mark.slow
def test_the_whole_plan_in_dutch(pipe: PipeInput) -> None:
    out = plain(walk_all(pipe, "BE", AgeGroup.MINOR, lang="nl"))
    for dutch in (
        "Dit is niet jouw schuld",
        "Je staat er niet alleen voor",
        "Stop met sturen en stop met betalen",
        "Stappen voor: België · Jonger dan 18",
        "Denk je aan zelfdoding? Zelfmoordlijn 1813: 1813 (bellen 24/7; chat 17–24 u)",
        "Laat beelden weghalen met Take It Down",
        "Hulp bij deze stap",
        "Je hebt 10 van de 10 stappen gedaan",
    ):
        assert dutch in out, dutch
    for english in ("not your fault", "Thinking about", "Steps for", "Help for this step", "Bring"):
        assert english not in out, english


def test_every_text_of_the_plan_is_in_both_languages() -> None:
    assert PLAN.crisis is not None
    texts = [PLAN.title, PLAN.intro, PLAN.crisis.question, PLAN.crisis.message]
    for _, item in PLAN.items():
        texts += [item.title, item.why, item.how, *(steps for _, steps in item.platforms)]
        texts += [item.reminder] if item.reminder else []
    for text in texts:
        assert text["nl"].strip()
        assert text["en"].strip()
        assert text["nl"] != text["en"]
    reminders = [item.id for _, item in PLAN.items() if item.reminder]
    assert "evidence" in reminders


@pytest.mark.slow
def test_the_age_group_is_remembered_and_offered_first_next_time(
    pipe: PipeInput, home: Path
) -> None:
    typed = NO + ADULT + MADE_ADULT
    code, out = run(pipe, typed + keys.CTRL_C, "--region", "BE", "--lang", "en")
    assert "age_group" not in Store(home).load().settings  # alone, no reason to unlock
    code, out = run(pipe, typed + DONE + keys.CTRL_C, "--region", "BE", "--lang", "en")
    settings = Store(home).load().settings
    assert (settings["age_group"], settings["images"]) == ("adult", "adult")  # the first tick
    typed = NO + keys.ENTER + keys.ENTER + keys.CTRL_C  # Enter takes each highlight
    code, out = run(pipe, typed, "--region", "BE", "--lang", "en")
    assert "Steps for: Belgium · 18 or older" in out  # still asked: Enter took the highlight
    assert "Stop the spread with StopNCII" not in out  # not yet: the first step
    assert Store(home).load().settings["images"] == "adult"


@pytest.mark.slow
def test_the_plan_and_status_count_the_same_steps(pipe: PipeInput, home: Path) -> None:
    """The plan said 10 steps and status counted 11: what the plan narrows by is saved."""
    every = len(steps(Region.BE, AgeGroup.ADULT, ImageAge.BOTH))
    run(pipe, NO + through(*[DONE] * every), "--region", "BE", "--age-group", "adult")
    fewer = len(steps(Region.BE, AgeGroup.ADULT, ImageAge.UNDER_18))
    assert fewer < every
    # Every step of the narrower plan is done already: nothing to tick this time.
    args = ("--region", "BE", "--age-group", "adult", "--images", "under-18", "--lang", "en")
    code, out = run(pipe, NO, *args)
    assert code == 0, out
    assert f"You have done {fewer} of {fewer} steps" in plain(out)
    status = json.loads(runner.invoke(app, ["status", "--json"]).output)
    plan = next(c for c in status["checklists"] if c["id"] == "emergency")
    assert plan["total"] == fewer
    assert plan["done"] == fewer


@pytest.mark.slow
def test_status_and_verify_count_only_the_steps_for_the_person(pipe: PipeInput, home: Path) -> None:
    walk_all(pipe, "NL", AgeGroup.MINOR)
    result = runner.invoke(app, ["status", "--json"])
    plan = next(c for c in json.loads(result.output)["checklists"] if c["id"] == "emergency")
    assert plan["total"] == len(steps(Region.NL, AgeGroup.MINOR))
    assert plan["done"] == plan["total"]
    ids = {item["id"] for item in plan["items"]}
    assert "removal-take-it-down" in ids
    assert "removal-stopncii" not in ids
    result = runner.invoke(app, ["verify", "--checklist", "emergency", "--min-score", "100"])
    assert result.exit_code == 0, result.output


def test_a_scripted_look_at_the_plan_counts_only_the_persons_steps(
    pipe: PipeInput, home: Path
) -> None:
    run(pipe, NO + MINOR + DONE + keys.CTRL_C, "--region", "BE")
    result = runner.invoke(app, ["check", "emergency", "--no-input", "--json"])
    assert result.exit_code == 0, result.output
    ids = {item["id"] for item in json.loads(result.stdout)["checklist"]["items"]}
    assert "removal-take-it-down" in ids
    assert "removal-stopncii" not in ids
