"""The program's own words, English and Dutch: questions, screens, the plan, the workshop and the reports of checklists."""

MESSAGES: dict[str, dict[str, str]] = {
    "answer.done": {"en": "Done", "nl": "Gedaan"},
    "answer.not_yet": {"en": "Not yet", "nl": "Nog niet"},
    "answer.not_for_me": {"en": "Not for me", "nl": "Niet voor mij"},
    "answer.how": {"en": "Tell me how", "nl": "Vertel me hoe"},
    "answer.skipped": {"en": "Skip for now", "nl": "Nu overslaan"},
    "ask.item": {"en": "Where are you with this?", "nl": "Hoe ver ben je hiermee?"},
    "ask.instruction": {
        "en": "(arrows or a number, then Enter)",
        "nl": "(pijltjes of cijfer, dan Enter)",
    },
    "why": {"en": "Why", "nl": "Waarom"},
    "how": {"en": "How", "nl": "Hoe"},
    "progress": {"en": "{answered} of {total} answered", "nl": "{answered} van {total} beantwoord"},
    "resume": {
        "en": "Welcome back. You had done {done} of {total}. Now the {open} still open, "
        "the most important first.",
        "nl": "Welkom terug. Je had er {done} van de {total} gedaan. Nu de {open} die nog open "
        "staan, de belangrijkste eerst.",
    },
    "all_answered": {
        "en": "You have been through every item: each is done or not for you.",
        "nl": "Je hebt alles doorlopen: elk punt is gedaan of niet voor jou.",
    },
    "interrupted": {
        "en": "Stopped. Your answers so far are saved; run the same command to go on.",
        "nl": "Gestopt. Je antwoorden tot nu toe zijn bewaard; voer dezelfde opdracht uit om verder te gaan.",
    },
    "summary.title": {"en": "Your summary", "nl": "Jouw overzicht"},
    "summary.score": {"en": "Score", "nl": "Score"},
    "summary.priority": {"en": "Priority", "nl": "Prioriteit"},
    "summary.done": {"en": "done", "nl": "gedaan"},
    "summary.overall": {"en": "Overall", "nl": "Totaal"},
    "summary.more": {
        "en": "… and {count} more open (safecheck status shows them all).",
        "nl": "… en nog {count} open (safecheck status toont ze allemaal).",
    },
    "summary.next": {
        "en": "The most important things still open:",
        "nl": "Het belangrijkste dat nog openstaat:",
    },
    "summary.nothing_open": {
        "en": "Nothing important is open. Well done.",
        "nl": "Er staat niets belangrijks meer open. Goed gedaan.",
    },
    "summary.not_applicable": {"en": "not for me", "nl": "niet voor mij"},
    "priority.essential": {"en": "Essential", "nl": "Essentieel"},
    "priority.recommended": {"en": "Recommended", "nl": "Aanbevolen"},
    "priority.advanced": {"en": "Advanced", "nl": "Gevorderd"},
    "not_interactive": {
        "en": "safecheck asks its questions in a terminal, and standard input is not one. "
        "Run it in a terminal; safecheck COMMAND --help lists what works without one.",
        "nl": "safecheck stelt zijn vragen in een terminal, en de standaardinvoer is er geen. "
        "Start het in een terminal; safecheck COMMANDO --help toont wat zonder terminal werkt.",
    },
    "check.not_interactive": {
        "en": "safecheck asks its questions in a terminal, and standard input is not one. "
        "Run it in a terminal, give your answers in a file with --answers FILE, "
        "or add --no-input to see your progress without questions (see the README).",
        "nl": "safecheck stelt zijn vragen in een terminal, en de standaardinvoer is er geen. "
        "Start het in een terminal, geef je antwoorden in een bestand met --answers BESTAND, "
        "of voeg --no-input toe om je voortgang te zien zonder vragen (zie de README).",
    },
    "start.not_interactive": {
        "en": "The start screen asks its questions in a terminal, and standard input is not "
        "one. Run safecheck in a terminal. Without one, these work: safecheck helplines "
        "(--json), safecheck status, safecheck verify, safecheck check ID --answers FILE "
        "--no-input, safecheck evidence list and safecheck export --output FILE.",
        "nl": "Het startscherm stelt zijn vragen in een terminal, en de standaardinvoer is er "
        "geen. Start safecheck in een terminal. Zonder terminal werken: safecheck helplines "
        "(--json), safecheck status, safecheck verify, safecheck check ID --answers BESTAND "
        "--no-input, safecheck evidence list en safecheck export --output BESTAND.",
    },
    # Private, durable state (issue 4): state errors, keys, passphrases, where, wipe, reset.
    "ask.letter": {
        "en": "(arrow keys or a letter, then Enter)",
        "nl": "(pijltjestoetsen of een letter, dan Enter)",
    },
    "workshop.menu": {"en": "Which part do you want to show?", "nl": "Welk deel wil je tonen?"},
    "workshop.quiz_choice": {"en": "Quiz for the group", "nl": "Quiz voor de groep"},
    "workshop.quit_choice": {"en": "End the workshop", "nl": "Workshop afsluiten"},
    "workshop.to_menu": {"en": "Back to the menu", "nl": "Terug naar het menu"},
    "workshop.saves_nothing": {
        "en": "Workshop mode saves nothing on this computer.",
        "nl": "De workshopmodus bewaart niets op deze computer.",
    },
    "workshop.region": {"en": "Help lines for: {region}", "nl": "Hulplijnen voor: {region}"},
    "workshop.other_region": {
        "en": "Another region: safecheck workshop --region BE, NL or OTHER.",
        "nl": "Andere regio: safecheck workshop --region BE, NL of OTHER.",
    },
    "workshop.part_label": {
        "en": "Part {number} of {count}: {title}",
        "nl": "Deel {number} van {count}: {title}",
    },
    "workshop.hint.reveal": {
        "en": "Enter: show the answer  ·  b: back  ·  m: menu",
        "nl": "Enter: toon het antwoord  ·  b: terug  ·  m: menu",
    },
    "workshop.hint.next": {
        "en": "Enter: next  ·  b: back  ·  m: menu",
        "nl": "Enter: volgende  ·  b: terug  ·  m: menu",
    },
    "workshop.hint.last": {
        "en": "Enter: back to the menu  ·  b: back",
        "nl": "Enter: terug naar het menu  ·  b: terug",
    },
    "workshop.helplines_missing": {
        "en": "The help lines for {region} are listed by:\n  safecheck helplines --region {code}",
        "nl": "De hulplijnen voor {region} toont:\n  safecheck helplines --region {code}",
    },
    "workshop.ended": {
        "en": "The workshop is over. Nothing was saved on this computer.",
        "nl": "De workshop is afgelopen. Er is niets bewaard op deze computer.",
    },
    "workshop.stopped": {
        "en": "Workshop stopped. Nothing was saved on this computer.",
        "nl": "Workshop gestopt. Er is niets bewaard op deze computer.",
    },
    "workshop.not_interactive": {
        "en": "The workshop is presented in a terminal, and standard input is not one. "
        "Start safecheck workshop in a terminal (with --lang, --region BE, NL or OTHER, "
        "and --plain for a screen reader).",
        "nl": "De workshop wordt in een terminal getoond, en de standaardinvoer is er geen. "
        "Start safecheck workshop in een terminal (met --lang, --region BE, NL of OTHER, "
        "en --plain voor een schermlezer).",
    },
    "region.BE": {"en": "Belgium", "nl": "België"},
    "region.NL": {"en": "the Netherlands", "nl": "Nederland"},
    "region.OTHER": {"en": "another country", "nl": "een ander land"},
    "region.unknown": {"en": "not chosen yet", "nl": "nog niet gekozen"},
    "country.BE": {"en": "Belgium", "nl": "België"},
    "country.NL": {"en": "Netherlands", "nl": "Nederland"},
    "plan.footer_all": {
        "en": "In danger? Call {emergency}.\nThinking about suicide?\n{suicide}",
        "nl": "In gevaar? Bel {emergency}.\nDenk je aan zelfdoding?\n{suicide}",
    },
    "saver.not_saved": {
        "en": "Your ticks are not saved this time: {reason} The plan goes on, and your saved "
        "file stays exactly as it is.",
        "nl": "Je vinkjes worden deze keer niet bewaard: {reason} Het plan gaat gewoon verder, "
        "en je bewaarde bestand blijft precies zoals het is.",
    },
    "saver.passphrase_hint": {
        "en": "To save this, type the passphrase of your saved answers. Forgotten it? "
        "Press Enter three times: the plan goes on without saving.",
        "nl": "Om dit te bewaren, typ je de wachtwoordzin van je bewaarde antwoorden. Vergeten? "
        "Druk drie keer op Enter: het plan gaat verder zonder te bewaren.",
    },
    "saver.end": {
        "en": "This time's ticks were not saved; your saved file is unchanged. If the "
        "passphrase is gone or the file is damaged, safecheck reset keeps the old file aside "
        "and starts a new one.",
        "nl": "De vinkjes van deze keer zijn niet bewaard; je bewaarde bestand is niet "
        "veranderd. Is de wachtwoordzin weg of het bestand beschadigd, dan zet safecheck reset "
        "het oude bestand opzij en begint een nieuw.",
    },
    "saver.no_log": {
        "en": "The evidence log cannot be saved this time. Write down what happened on paper "
        "for now, or later with: safecheck evidence add",
        "nl": "Het bewijslogboek kan deze keer niet bewaard worden. Schrijf op papier op wat er "
        "gebeurde, of later met: safecheck evidence add",
    },
    "quiz.label": {"en": "Question {number} of {count}", "nl": "Vraag {number} van {count}"},
    "quiz.choice": {"en": "Answer {letter}", "nl": "Antwoord {letter}"},
    "quiz.ask": {
        "en": "Which answer does the group choose?",
        "nl": "Welk antwoord kiest de groep?",
    },
    "quiz.right": {"en": "Right: {letter}.", "nl": "Juist: {letter}."},
    "quiz.wrong": {
        "en": "Not quite. The group chose {chosen}; the right answer is {letter}.",
        "nl": "Niet helemaal. De groep koos {chosen}; het juiste antwoord is {letter}.",
    },
    "quiz.tally": {
        "en": "Right so far: {right} of {asked}",
        "nl": "Tot nu toe juist: {right} van {asked}",
    },
    "quiz.final": {
        "en": "The group answered {right} of {asked} questions right.",
        "nl": "De groep beantwoordde {right} van de {asked} vragen juist.",
    },
    "quiz.not_saved": {
        "en": "This tally is only on the screen; it is not saved.",
        "nl": "Deze score staat alleen op het scherm; ze wordt niet bewaard.",
    },
    "quiz.hint.next": {
        "en": "Enter: next question  ·  m: menu",
        "nl": "Enter: volgende vraag  ·  m: menu",
    },
    "quiz.hint.tally": {
        "en": "Enter: see the result  ·  m: menu",
        "nl": "Enter: bekijk het resultaat  ·  m: menu",
    },
    "quiz.hint.done": {"en": "Enter: back to the menu", "nl": "Enter: terug naar het menu"},
    "lint.ok": {
        "en": "OK: {count} file(s) checked, no problems found.",
        "nl": "OK: {count} bestand(en) gecontroleerd, geen problemen gevonden.",
    },
    "lint.failed": {
        "en": "{failed} of {count} file(s) have a problem (see above).",
        "nl": "{failed} van {count} bestand(en) hebben een probleem (zie hierboven).",
    },
    "new_checklist.written": {
        "en": "Wrote {path}. Edit it, then check it with:  safecheck lint {path}",
        "nl": "{path} geschreven. Pas het aan en controleer het dan met:  safecheck lint {path}",
    },
    "answers.applied": {
        "en": "Saved {count} answers from {path}.",
        "nl": "{count} antwoorden uit {path} bewaard.",
    },
    "status.title": {"en": "Your progress", "nl": "Je voortgang"},
    "status.none": {
        "en": "There are no checklists to show.",
        "nl": "Er zijn geen checklists om te tonen.",
    },
    "status.checklist": {"en": "Checklist", "nl": "Checklist"},
    "status.answered": {"en": "Answered", "nl": "Beantwoord"},
    "status.open": {"en": "Still open", "nl": "Nog open"},
    "status.nothing_open": {"en": "nothing", "nl": "niets"},
    "verify.met": {
        "en": "{title} ({id}): the requirement is met.",
        "nl": "{title} ({id}): aan de eis is voldaan.",
    },
    "verify.not_met": {
        "en": "{title} ({id}): the requirement is not met yet.",
        "nl": "{title} ({id}): aan de eis is nog niet voldaan.",
    },
    "verify.score_ok": {
        "en": "the score, {score}%, is at least {min_score}%",
        "nl": "de score, {score}%, is minstens {min_score}%",
    },
    "verify.score_low": {
        "en": "the score, {score}%, is below {min_score}%",
        "nl": "de score, {score}%, is lager dan {min_score}%",
    },
    "verify.priority_ok": {
        "en": "every item with priority {priority} is done or not for you",
        "nl": "elk punt met prioriteit {priority} is gedaan of niet voor jou",
    },
    "verify.priority_open": {
        "en": "items with priority {priority} still open: {count}",
        "nl": "punten met prioriteit {priority} die nog openstaan: {count}",
    },
    "verify.missing": {"en": "Still missing:", "nl": "Wat nog ontbreekt:"},
    # Evidence log and exports (issue 5)
    "ask.yes": {"en": "Yes", "nl": "Ja"},
    "ask.no": {"en": "No", "nl": "Nee"},
    "ask.yes_key": {"en": "y", "nl": "j"},
    "ask.no_key": {"en": "n", "nl": "n"},
    "ask.none_chosen": {"en": "none", "nl": "geen"},
    "ask.leave": {"en": "q + Enter: leave", "nl": "q + Enter: stoppen"},
    "ask.leave_at_once": {"en": "q or Esc Esc: leave", "nl": "q of Esc Esc: stoppen"},
    "ask.checkbox_instruction": {
        "en": "(Space to tick, Enter when done)",
        "nl": "(spatiebalk om aan te vinken, Enter als je klaar bent)",
    },
    "region.shown": {
        "en": "Region: {region}. The help lines shown are chosen by it.",
        "nl": "Regio: {region}. De hulplijnen die je ziet, horen bij die regio.",
    },
    "region.ask": {
        "en": "Where do you live? This chooses your help lines.",
        "nl": "Waar woon je? Zo kiezen we de juiste hulplijnen.",
    },
    "age.ask": {
        "en": "How old are you? This chooses the help lines that fit you.",
        "nl": "Hoe oud ben je? Daarmee kiezen we de hulplijnen die bij je passen.",
    },
    "age.minor": {"en": "Under 18", "nl": "Jonger dan 18"},
    "age.adult": {"en": "18 or older", "nl": "18 of ouder"},
    "images.ask": {
        "en": "When were the images made? How old were you then? This chooses the service "
        "that can have them taken down.",
        "nl": "Wanneer zijn de beelden gemaakt? Hoe oud was je toen? Daarmee kiezen we de "
        "dienst die ze kan laten weghalen.",
    },
    "images.under-18": {"en": "When I was under 18", "nl": "Toen ik jonger dan 18 was"},
    "images.adult": {"en": "When I was 18 or older", "nl": "Toen ik 18 of ouder was"},
    "images.both": {"en": "Not sure, or both", "nl": "Weet ik niet, of allebei"},
    "start.title": {
        "en": "safecheck: against sextortion",
        "nl": "safecheck: tegen sextortion",
    },
    "start.hint": {
        "en": "Is someone threatening you right now? Press 1 or Enter.",
        "nl": "Bedreigt iemand je nu? Druk op 1 of Enter.",
    },
    "start.ask": {"en": "What do you need?", "nl": "Wat heb je nodig?"},
    "start.plan": {"en": "I'm being threatened now", "nl": "Ik word nu bedreigd"},
    "start.check": {
        "en": "Check how well you are protected",
        "nl": "Check hoe goed je beschermd bent",
    },
    "start.helplines": {"en": "Help lines", "nl": "Hulplijnen"},
    "start.region": {
        "en": "Change region (now: {region})",
        "nl": "Regio wijzigen (nu: {region})",
    },
    "start.quit": {"en": "Quit", "nl": "Stoppen"},
    "plan.not_interactive": {
        "en": "The emergency plan asks its questions in a terminal, and standard input is not "
        "one. Run it in a terminal, or see the help lines without questions: "
        "safecheck helplines --region BE, NL or OTHER.",
        "nl": "Het noodplan stelt zijn vragen in een terminal, en de standaardinvoer is er geen. "
        "Start het in een terminal, of bekijk de hulplijnen zonder vragen: "
        "safecheck helplines --region BE, NL of OTHER.",
    },
    "answer.platforms": {"en": "How on each platform", "nl": "Hoe per platform"},
    "plan.crisis_title": {"en": "Help right now", "nl": "Nu meteen hulp"},
    "plan.crisis_next": {"en": "When you are ready:", "nl": "Als je er klaar voor bent:"},
    "plan.continue": {"en": "Go on with the steps", "nl": "Verder met de stappen"},
    "plan.stop": {"en": "Stop here for now", "nl": "Nu even stoppen"},
    "plan.steps_for": {
        "en": "Steps for: {region} · {age}",
        "nl": "Stappen voor: {region} · {age}",
    },
    "plan.lines": {"en": "Help for this step", "nl": "Hulp bij deze stap"},
    "plan.footer": {
        "en": "In danger? Call {emergency}.\nThinking about suicide? {suicide}",
        "nl": "In gevaar? Bel {emergency}.\nDenk je aan zelfdoding? {suicide}",
    },
    "plan.footer_other": {
        "en": "In danger? Call the local emergency number (112 in Europe).\n"
        "Thinking about suicide? Call a suicide-prevention line where you live.",
        "nl": "In gevaar? Bel het lokale noodnummer (112 in Europa).\n"
        "Denk je aan zelfdoding? Bel een zelfmoordpreventielijn waar je woont.",
    },
    "plan.other_region": {
        "en": "safecheck only knows the help lines of Belgium and the Netherlands. "
        "In Europe, 112 reaches the emergency services; elsewhere, call your local emergency "
        "number. Look for a help line where you live, or ask someone you trust to find one with you.",
        "nl": "safecheck kent alleen de hulplijnen van België en Nederland. "
        "In Europa bereik je de hulpdiensten via 112; elders bel je het lokale noodnummer. "
        "Zoek een hulplijn waar je woont, of vraag iemand die je vertrouwt om er samen een te zoeken.",
    },
    "plan.summary_done": {
        "en": "You have done {done} of {total} steps.",
        "nl": "Je hebt {done} van de {total} stappen gedaan.",
    },
    "plan.summary_open": {
        "en": "Still open, in the order to take them:",
        "nl": "Nog open, in de volgorde waarin je ze zet:",
    },
    "plan.summary_all": {
        "en": "You have done every step. Keep asking for help whenever you need it.",
        "nl": "Je hebt elke stap gezet. Blijf hulp vragen wanneer je die nodig hebt.",
    },
    "helplines.title": {"en": "Help lines: {region}", "nl": "Hulplijnen: {region}"},
    "helplines.removal": {
        "en": "Removing images (any country)",
        "nl": "Beelden laten verwijderen (elk land)",
    },
    "helplines.name": {"en": "Name", "nl": "Naam"},
    "helplines.contact": {"en": "Contact", "nl": "Contact"},
    "helplines.for": {"en": "For", "nl": "Voor"},
    "helplines.source": {"en": "Source", "nl": "Bron"},
    "helplines.chat": {"en": "chat", "nl": "chat"},
    "helplines.or": {"en": "or", "nl": "of"},
    "helplines.crisis": {
        "en": "In danger now, or thinking about ending your life:",
        "nl": "Nu in gevaar, of denk je eraan een einde aan je leven te maken:",
    },
    "helplines.main": {"en": "More help:", "nl": "Meer hulp:"},
    "helplines.details": {
        "en": "Every line in full, with its source",
        "nl": "Elke lijn volledig, met haar bron",
    },
    "helplines.more": {
        "en": "Show every line in full, with its source?",
        "nl": "Elke lijn volledig tonen, met haar bron?",
    },
    "helplines.all_hint": {
        "en": "Every line in full, with its source: safecheck helplines --all",
        "nl": "Elke lijn volledig, met haar bron: safecheck helplines --all",
    },
    "helplines.other_region": {
        "en": "Another region: --region BE, NL or OTHER.",
        "nl": "Andere regio: --region BE, NL of OTHER.",
    },
}
