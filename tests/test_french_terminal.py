"""`safecheck --lang fr` end to end in a real terminal of 80x24, with no Dutch or English left.

Three walks, each to its end, as a person does them, under an English locale so that every
French word comes from `--lang fr`: the start screen and the whole prevention check (and its
return), the emergency plan twice (crisis screen, region, age, every step with its platforms,
the whole evidence form; then under 18, and Ctrl-C), and the whole workshop with its quiz.
After every key the screen is read with what scrolled above it, so text that went by is read
too. All of it is then checked against common Dutch and English words that are not French
(`LEFTOVER_WORDS`) and the yes/no keys of the other languages; names and addresses that stay
as they are in every language (`KEPT_AS_THEY_ARE`, web addresses, commands) are taken out
first. A leftover is reported with the screen line it is on.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from safecheck.content import checklist, workshop
from safecheck.core import labels
from safecheck.core.audience import AgeGroup, ImageAge, images_for
from safecheck.core.i18n import labelled, t, tn
from safecheck.core.region import Region
from tests.conftest import NETGUARD, ROOT, Tmux, poll, press_until

LANG = "fr"
ENDED = "safecheck-ended-"  # the shell's line after safecheck ends: this marker and its code

# Common words of English and Dutch that are not French words, so none of them belongs on a
# French screen. Words that are French too are left out on purpose: de, en, je, te, me, on, or,
# a, as, an, son, but, don, be (.be), nu (naked), dit, met, hier, onze, sent (il se sent),
# continue, score, report, plan, menu, question(s), images, message(s), police, site, chat,
# mail, stop, type, parent(s), gratis, quiz, part, sure, like, fake, go.
ENGLISH = """
    the and you your yours with not this that these those what which who whom whose where
    when why how yes no of to is are was were been being have has had will would can could
    should must might may it its in at by from for about into over under up out if than then
    there their they them we our he she his her him all any each every some other another
    only also just very too so more most less again still already never always now here today
    later next back previous help step steps done press enter space arrow arrows key keys
    number answer answers choose choice select tell show shows see know want need keep leave
    quit skip ready start end first last right wrong saved save yet both either neither
    someone something nothing anything everyone everything people friend friends alone safe
    safety fault threatened threat account password settings privacy profile block evidence
    bank money pay paid send share screenshot screenshots link online line lines phone call
    free anonymous hours day days week time group slide workshop check checklist result
    results tick letter old young older years year new own same well good bad take down get
    give make use
""".split()
DUTCH = """
    het een niet wat ja nee volgende terug hulp stap stappen klaar druk vraag vragen antwoord
    antwoorden van voor zijn dat die wie waar hoe waarom ook maar nog naar bij om op aan uit
    heb hebt heeft wordt worden kan kunt moet wil geen iemand niets alles daar wel zo ze wij
    ons hun mijn dan tot door jij jou jouw jullie uw bent ben gedaan overslaan uitleg regio
    hulplijn hulplijnen lijn bellen stoppen deel klik toets kies verder doe doen zie zeg
    praat schuld bedreigd noodplan ouder jonger jaar uur dag dagen alleen altijd nooit soms
    welke hoeveel sluiten telefoon anoniem week over als is in of
""".split()
LEFTOVER_WORDS: dict[str, str] = {
    word: "en/nl" if word in ENGLISH and word in DUTCH else "nl" if word in DUTCH else "en"
    for word in ENGLISH + DUTCH
}

# Names that stay as they are in French, each here because it holds one of the words above.
KEPT_AS_THEY_ARE = (
    "Take It Down",  # NCMEC's removal service: its own name, also on its French page
)
URL = re.compile(r"https?://\S+")
DOMAIN = re.compile(r"\b(?:[\w-]+\.)+(?:be|nl|org|com|eu|net)\b(?:/\S*)?", re.IGNORECASE)
# The rest of a web address that a table cell folded onto its next lines: /Post/15246/...
ADDRESS_PART = re.compile(r"\S*[/%]\S*")
# safecheck's own commands, and options with their values, typed as they are in every language.
COMMAND = re.compile(
    r"\bsafecheck(?: (?:helplines|evidence|add|edit|list|reset|plan|check|prevention|workshop"
    r"|status|export|wipe|where))+"
)
OPTION = re.compile(r"--[a-z][a-z-]*(?: [A-Z][A-Z-]+(?:, [A-Z][A-Z-]+)*(?: ou [A-Z][A-Z-]+)?)?")
# The yes/no keys of a question in English or Dutch, as questionary writes them: (Y/n), (j/N).
OTHER_KEYS = re.compile(r"\((?:[YJ]/n|[yj]/N)\b")
# A word: letters (and digits: "1er" is French), joined by hyphens (week-end, Pays-Bas).
# An apostrophe ends a word: l'auteur is "l" and "auteur", it's is "it" and "s".
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def without_kept(line: str) -> str:
    """The line with what stays the same in every language taken out: web addresses,
    commands and options, and the names in `KEPT_AS_THEY_ARE` (exactly as they are spelled)."""
    for pattern in (URL, DOMAIN, ADDRESS_PART, COMMAND, OPTION):
        line = pattern.sub(" ", line)
    for name in KEPT_AS_THEY_ARE:
        line = line.replace(name, " ")
    return line


def leftovers(lines: Iterable[str]) -> list[str]:
    """Each Dutch or English word (or yes/no keys) found, as `word (en): the line it is on`."""
    found = []
    for line in lines:
        for match in OTHER_KEYS.finditer(line):
            found.append(f"{match.group()!r} (en/nl keys): {line.strip()}")
        for match in WORD.finditer(without_kept(line)):
            language = LEFTOVER_WORDS.get(match.group().lower())
            if language is not None:
                found.append(f"{match.group()!r} ({language}): {line.strip()}")
    return found


# --- the checker can fail ----------------------------------------------------------------


def test_the_check_finds_dutch_and_english_leftovers() -> None:
    screen = [
        "? Où en es-tu ?",
        " » 1) Volgende stap",
        "Press Enter for the next step",
        "(flèches ou un chiffre, then Enter; q + Entrée : quitter)",
        "? As-tu payé ? (y/N; q + Entrée : quitter)",
        "? As-tu payé ? (J/n; q + Entrée : quitter)",
    ]
    found = leftovers(screen)
    words = [entry.split(" ", 1)[0].strip("'") for entry in found]
    assert words == [
        *("Volgende", "stap"),
        *("Press", "Enter", "for", "the", "next", "step"),
        *("then", "Enter"),
        "(y/N",
        "(J/n",
    ]
    assert found[0] == "'Volgende' (nl): » 1) Volgende stap"
    assert "'then' (en): (flèches ou un chiffre, then Enter; q + Entrée : quitter)" in found
    assert leftovers(["? As-tu payé ? (o/N; q + Entrée : quitter)"]) == []  # French keys


def test_french_words_that_look_english_or_dutch_are_not_leftovers() -> None:
    screen = [
        "Tu penses au suicide ? Centre de Prévention du Suicide: 0800 32 123 (24h/24, 7j/7)",
        "Ce n'est pas ta faute. Si on te menace, parles-en : on est là le week-end aussi.",
        "Le 1er pas : une question, un message, des images, une photo de nu, un plan.",
    ]
    assert leftovers(screen) == []


def test_kept_names_addresses_and_commands_do_not_hide_a_real_leftover() -> None:
    assert (
        leftovers(["Take It Down (takeitdown.ncmec.org) : pour les images d'avant 18 ans."]) == []
    )
    assert leftovers(["Plus tard avec : safecheck helplines --region BE, NL ou OTHER."]) == []
    assert leftovers(["Voir https://www.stopncii.org/how-it-works/ et payboy.be/about-us"]) == []
    # The same words outside a name, or a name spelled otherwise, are found.
    hidden = leftovers(
        [
            "Take It Down : take it down now, from the site.",
            "safecheck helplines shows the lines",
            "Va sur take it down.",
        ]
    )
    assert [entry.split(" ", 1)[0].strip("'") for entry in hidden] == [
        "take",
        "it",
        "down",
        "now",
        "from",
        "the",
        "shows",
        "the",
        "lines",
        "take",
        "it",
        "down",
    ]


# --- the walks, in a real terminal ---------------------------------------------------------


def as_shown(text: str) -> str:
    """A text as tmux gives it back: a no-break space (French: `danger ?`) is a space."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


class Screens:
    """A safecheck run in tmux that keeps every line it has shown.

    The scrollback is read and then emptied each time safecheck waits at a question, so a
    wait looks only at what came since: the screen, and what scrolled above it since then.
    """

    def __init__(self, session: Tmux) -> None:
        self.session = session
        self.seen: dict[str, None] = {}  # every line, once, in the order first seen

    def capture(self) -> str:
        """The screen and the scrollback above it; a line the terminal wrapped is one line."""
        return self.session.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.session.name)

    def keep(self, shown: str) -> None:
        for line in shown.splitlines():
            if line.strip():
                self.seen.setdefault(line.rstrip(), None)

    def look(self) -> None:
        """Keep every line shown so far, then empty the scrollback (safecheck is waiting)."""
        self.keep(self.capture())
        self.session.tmux("clear-history", "-t", self.session.name)

    def wait_for(self, *texts: str, above: Iterable[str] = ()) -> None:
        """Poll until every text is on the screen at once (the question is there to answer),
        and every text `above` has been shown, maybe scrolled up since; then keep what was
        shown. A hang guard, not a timer."""
        texts = tuple(map(as_shown, texts))
        above = tuple(map(as_shown, above))

        def look() -> bool | None:
            screen = "\n".join(self.session.screen())
            if all(text in screen for text in texts):
                shown = self.capture()
                if all(text in shown for text in above):
                    return True
            return None

        poll(look, lambda: f"{texts!r} {above!r} never all appeared:\n{self.capture()}")
        self.look()

    def press(self, key: str, *shown: str) -> None:
        """Press a key at a question until one of `shown` is shown once more than before
        (a key lost while the question is set up is pressed again: see press_until)."""
        shown = tuple(map(as_shown, shown))
        before = self.capture()
        counts = [before.count(text) for text in shown]
        now = press_until(
            lambda: self.session.keys(key),
            self.capture,
            lambda now: any(
                now.count(text) > count for text, count in zip(shown, counts, strict=True)
            ),
        )
        self.keep(now)  # a message that goes away again (a wrong answer's) is read too

    def type(self, text: str) -> None:
        self.session.keys("-l", text)

    def lines(self) -> list[str]:
        return [line for line in self.seen if not line.startswith(ENDED)]


def run(tmux: type[Tmux], name: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> Screens:
    """safecheck with `args` in a shell that stays open after it, saying how it ended."""
    # The network guard (tests/netguard) in safecheck too: the tmux server has this environment.
    monkeypatch.setenv("PYTHONPATH", f"{NETGUARD}:{ROOT}")
    command = shlex.join([sys.executable, "-m", "safecheck", "--lang", LANG, *args])
    return Screens(tmux(name, ["sh", "-c", f"{command}; echo {ENDED}$?; sleep 600"]))


def fr(text: str, /, **values: object) -> str:
    """A message of the catalogue in French (a text that is not one is a mistake here)."""
    french = t(LANG, text, **values)
    assert french != text.format(**values), f"no French for {text!r}"
    return french


def start_of(text: str, words: int = 4) -> str:
    """The first words of a text: they stay on one line when the text is wrapped."""
    return " ".join(text.split()[:words])


def assert_all_french(screens: Screens) -> None:
    lines = screens.lines()
    assert len(lines) > 50, lines  # the walk was really read
    found = leftovers(lines)
    assert found == [], "Dutch or English on a French screen:\n" + "\n".join(found)


# --- 1. the start screen and the whole prevention check ------------------------------------

PREVENTION = checklist.load(ROOT / "checklists" / "prevention.yaml")
REPLIES = ["1", "2", "3", "5"]  # done, not yet, not for me, skip: each reply's reminder shows


def counted(answered: int, total: int) -> str:
    """The progress line of an item; the space before it keeps 1 from matching 11."""
    return " " + fr("{answered} of {total} answered", answered=answered, total=total)


def test_the_start_screen_and_the_prevention_check_in_french(
    tmux: type[Tmux], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screens = run(tmux, f"fr1-{tmp_path.name}", monkeypatch, "--region", "BE")
    menu = (fr("What do you need?"), "5) " + fr("Quit"))
    screens.wait_for(*menu)
    screens.press("3", "» 3)")  # a number points, Enter answers: the help lines
    screens.press("Enter", fr("Another region: --region BE, NL or OTHER."))
    screens.wait_for(*menu)
    screens.press("4", "» 4)")
    screens.press("Enter", fr("Where do you live? This chooses your help lines."))  # region
    screens.wait_for("3) " + fr("another country"))
    region = fr("Region: {region}. The help lines shown are chosen by it.", region=fr("Belgium"))
    screens.type("1")  # Belgium is highlighted already: 1 changes nothing on screen
    screens.press("Enter", region)  # Belgium: the start screen again
    screens.wait_for(*menu)
    screens.press("2", "» 2)")
    screens.press("Enter", start_of(PREVENTION.title[LANG]))  # the prevention check

    items = [item for _, item in PREVENTION.items()]
    question = fr("Where are you with this?")
    for number, item in enumerate(items):
        screens.wait_for(
            question, "5) ", above=(counted(number, len(items)), start_of(item.title[LANG]))
        )
        screens.press("4", "» 4)")
        screens.press("Enter", labelled(LANG, fr("How"), start_of(item.title[LANG], 3)))  # how
        go_past_more(screens, question)
        screens.wait_for(question, "5) ")
        reply = REPLIES[number % len(REPLIES)]
        if reply != "1":
            screens.press(reply, f"» {reply})")
        after = counted(number + 1, len(items)) if number + 1 < len(items) else fr("Your summary")
        screens.press("Enter", after)
    # Again: the open items come back, the most important first; then q and Enter leave.
    screens.wait_for(*menu)
    welcome = tn(
        LANG,
        "Welcome back. You had done {done} of {total}. Now the {open} still open.",
        "Welcome back. You had done {done} of {total}. Now the {open} still open, the "
        "most important first.",
        2,
        done=0,
        total=0,
        open=2,
    )
    screens.press("2", "» 2)")
    screens.press("Enter", start_of(welcome, 2))
    screens.wait_for(question, "5) ")
    screens.type("q")
    screens.press("Enter", f"{ENDED}0")
    assert_all_french(screens)


# --- 2. the emergency plan: crisis screen, region, age, every step, the evidence form -------

PLAN = checklist.load(ROOT / "checklists" / "emergency.yaml")
OFFER = (
    "Do you want to write it down in safecheck's evidence log now? It keeps the account, "
    "payment details, dates and screenshots together, for the police."
)


def test_the_emergency_plan_and_the_evidence_form_in_french(
    tmux: type[Tmux], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screenshot = tmp_path / "capture.png"
    screenshot.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    crisis = PLAN.crisis
    assert crisis is not None
    # No region given or remembered, and an English locale: the crisis screen shows the lines
    # of Belgium and the Netherlands, and the region question comes right after it.
    screens = run(tmux, f"fr2-{tmp_path.name}", monkeypatch, "plan")
    screens.wait_for(crisis.question[LANG], "2) " + crisis.no[LANG])
    screens.press("Enter", fr("Help right now"))  # yes, in danger: the crisis screen
    screens.wait_for(fr("Where do you live? This chooses your help lines."), "3) ")
    screens.type("1")  # highlighted already
    screens.press("Enter", fr("When you are ready:"))  # Belgium
    screens.wait_for("2) " + fr("Stop here for now"))
    screens.press("Enter", fr("How old are you? This chooses the help lines that fit you."))
    screens.wait_for("2) " + fr("18 or older"))
    screens.press("2", "» 2)")
    images = fr(
        "When were the images made? How old were you then? This chooses the service "
        "that can have them taken down."
    )
    screens.press("Enter", start_of(images))
    screens.wait_for("3) " + fr("Not sure, or both"))  # both removal services: every step
    screens.press("3", "» 3)")
    screens.press("Enter", steps_for(fr("18 or older")))
    walk_the_steps(screens, AgeGroup.ADULT, ImageAge.BOTH, screenshot=screenshot)
    screens.wait_for(fr("Still open, in the order to take them:"), f"{ENDED}0")
    assert_all_french(screens)

    # Again, from the start, for someone under 18: not in danger, the lines for young people,
    # the evidence log offered again and declined; Ctrl-C at the last step.
    screens = run(tmux, f"fr2b-{tmp_path.name}", monkeypatch, "plan", "--restart")
    screens.wait_for(crisis.question[LANG], "2) " + crisis.no[LANG])
    screens.press("2", "» 2)")
    # The region chosen before (Belgium) is known: not asked again; the age question is next.
    screens.press("Enter", fr("How old are you? This chooses the help lines that fit you."))
    screens.wait_for("2) " + fr("18 or older"))
    screens.press("1", "» 1)")
    screens.press("Enter", steps_for(fr("Under 18")))
    walk_the_steps(screens, AgeGroup.MINOR, None)
    assert_all_french(screens)


def go_past_more(screens: Screens, question: str) -> None:
    """A screen too tall for 80x24 pauses at "more: Enter" (its title stays in view): Enter.
    The question counts only with its replies: the line just answered repeats its words,
    and is on screen before the page that follows is."""
    more, question = as_shown(fr("more: Enter")), as_shown(question)

    def look() -> str | None:
        screen = "\n".join(screens.session.screen())
        if more in screen:
            return more
        return question if question in screen and "5) " in screen else None

    if poll(look, screens.capture) == more:
        screens.press("Enter", question)


def steps_for(age: str) -> str:
    return fr("Steps for: {region} · {age}", region=fr("Belgium"), age=age)


def walk_the_steps(
    screens: Screens,
    age_group: AgeGroup,
    images: ImageAge | None,
    *,
    screenshot: Path | None = None,
) -> None:
    """Every step of the plan, with its platforms where it has them, answered in turn
    done, not yet, not for me or skip. At the evidence step the evidence log is offered: with
    a `screenshot`, the whole form is filled in; without, the offer is declined, and the last
    step is left with Ctrl-C."""
    narrowed = PLAN.narrowed(Region.BE, age_group, images_for(age_group, images))
    steps = [item for _, item in narrowed.items()]
    question = fr("Where are you with this?")
    for number, item in enumerate(steps):
        last = "5) " if item.platforms else "4) "
        title = item.title[LANG]
        # The whole title, never cut at the panel's edge. It and the count may have scrolled
        # up: some French steps, with their help lines and footer, take more than 24 lines.
        screens.wait_for(question, last, above=(counted(number, len(steps)), title))
        if screenshot is None and number + 1 == len(steps):
            screens.press("C-c", f"{ENDED}130")
            stopped = fr("Stopped. Your answers so far are saved; run the same command to go on.")
            screens.wait_for(above=[start_of(stopped, 8)])  # wrapped between words
            return
        if item.platforms:  # how on each platform, then the question again
            screens.press("4", "» 4)")
            screens.press("Enter", title)
            go_past_more(screens, question)
            screens.wait_for(question, "5) ")
        reply = "1" if item.id == "evidence" else REPLIES[number % len(REPLIES)]
        if reply == "5" and not item.platforms:
            reply = "4"  # skip for now
        if reply != "1":
            screens.press(reply, f"» {reply})")
        if item.id != "evidence":
            after = counted(number + 1, len(steps)) if number + 1 < len(steps) else ENDED
            screens.press("Enter", after)
        elif screenshot is not None:
            screens.press("Enter", start_of(fr(OFFER)))
            fill_in_the_evidence_form(screens, screenshot)
        else:
            offer = tn(
                LANG,
                "Your evidence log has {count} entry. Do you want to add one now?",
                "Your evidence log has {count} entries. Do you want to add one now?",
                1,
            )
            screens.press("Enter", offer)
            screens.wait_for(fr("y").upper() + "/n")
            screens.press("n", fr("No"))
            screens.press(
                "Enter", fr("Fine. You can start it any time with: safecheck evidence add")
            )


def ask(key: str) -> str:
    """The first words of an evidence form question."""
    return start_of(fr(labels.EVIDENCE_ASK[key]))


def fill_in_the_evidence_form(screens: Screens, screenshot: Path) -> None:
    """Every question of the form, a wrong amount and a file with its warning included."""
    screens.wait_for(fr("y").upper() + "/n")  # (O/n): yes by default
    screens.press(fr("y"), fr("Yes"))
    screens.press("Enter", ask("when"))
    screens.press("Enter", ask("platform"))  # now, as offered
    screens.type("Instagram")
    screens.press("Enter", ask("account"))
    screens.type("quelqu.un_2026")
    screens.press("Enter", ask("profile_url"))
    screens.press("Enter", ask("url"))
    screens.press("Enter", ask("phone"))
    screens.press("Enter", fr("What did they ask you for?"))
    screens.wait_for(fr("(Space to tick, Enter when done)")[1:-1])
    screens.press("Space", "●")  # money
    screens.press("Enter", ask("amount"))
    screens.type("beaucoup")
    wrong = fr(
        '"{value}" is not an amount: write a number that is not negative, like 250 or 250,50.',
        value="beaucoup",
    )
    screens.press("Enter", start_of(wrong))
    screens.session.keys("C-u")
    screens.type("250")
    screens.press("Enter", ask("currency"))
    screens.press("Enter", ask("paid"))  # EUR, as offered
    screens.wait_for(fr("y") + "/N")  # (o/N): no by default
    screens.press(fr("y"), fr("Yes"))
    screens.press("Enter", ask("payment_method"))
    screens.type("carte cadeau")
    screens.press("Enter", ask("payment_reference"))
    screens.type("4711")
    screens.press("Enter", ask("note"))
    screens.type("Il menace d'envoyer les photos à mes amis.")
    files = fr(
        "A screenshot or other file that shows it? Type its path (Tab completes), or leave empty."
    )
    screens.press("Enter", start_of(files))
    screens.type(str(screenshot))
    keep = fr(
        "Keep a copy inside safecheck, so the evidence stays even if the original is deleted?"
    )
    screens.press("Enter", start_of(keep))
    screens.press(
        "Enter", start_of(fr("Another file? Type its path, or leave empty when you are done."))
    )
    screens.press("Enter", fr("Saved as entry {id}.", id=1))


# --- 3. the whole workshop and its quiz ------------------------------------------------------

WORKSHOP, QUIZ = workshop.load_builtin()


def test_the_whole_workshop_and_its_quiz_in_french(
    tmux: type[Tmux], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screens = run(tmux, f"fr3-{tmp_path.name}", monkeypatch, "workshop", "--region", "BE")
    which = fr("Which part do you want to show?")
    screens.wait_for(which, "7) " + fr("End the workshop"))
    for number, part in enumerate(WORKSHOP.parts, start=1):
        heading = fr(
            "Part {number} of {count}: {title}",
            number=number,
            count=len(WORKSHOP.parts),
            title=part.title[LANG],
        )
        screens.press("Enter", heading)  # the menu offers the next part
        for index, slide in enumerate(part.slides, start=1):
            last = index == len(part.slides)
            hint = fr(
                "Enter: back to the menu  ·  b: back"
                if last
                else "Enter: next  ·  b: back  ·  m: menu"
            )
            counter = f"{index} / {len(part.slides)}"
            if slide.reveal is not None:
                screens.wait_for(
                    slide.title[LANG], counter, fr("Enter: show the answer  ·  b: back  ·  m: menu")
                )
                screens.press("Enter", "-> " + start_of(slide.reveal[LANG]))
            screens.wait_for(slide.title[LANG], counter, hint)
            if not last:
                screens.press("Enter", part.slides[index].title[LANG])
            else:
                screens.press("Enter", which)
        screens.wait_for(which, "7) ")

    screens.press("Enter", start_of(QUIZ.questions[0].question[LANG]))  # the quiz comes next
    for number, question in enumerate(QUIZ.questions):
        letters = workshop.QUIZ_LETTERS
        # The first answer wrong, the others right: both verdicts are read.
        chosen = (question.answer + (number == 0)) % len(question.choices)
        screens.wait_for(fr("Which answer does the group choose?"), "m) ")
        if chosen:
            screens.press(letters[chosen], f"» {letters[chosen]})")
        screens.press("Enter", start_of(question.explanation[LANG]))
        if number + 1 < len(QUIZ.questions):
            screens.wait_for(fr("Enter: next question  ·  m: menu"))
            screens.press("Enter", start_of(QUIZ.questions[number + 1].question[LANG]))
        else:
            screens.wait_for(fr("Enter: see the result  ·  m: menu"))
            screens.press("Enter", fr("This tally is only on the screen; it is not saved."))
    screens.wait_for(fr("Enter: back to the menu"))
    screens.press("Enter", which)
    screens.wait_for(which, "7) ")
    screens.press("Enter", fr("The workshop is over. Nothing was saved on this computer."))
    screens.wait_for(f"{ENDED}0")
    assert_all_french(screens)
