"""The words safecheck says itself (checklist content lives in the YAML files)."""

from __future__ import annotations

import os

from safecheck.checklist import LANGS

MESSAGES: dict[str, dict[str, str]] = {
    "answer.done": {"en": "Done", "nl": "Gedaan"},
    "answer.not_yet": {"en": "Not yet", "nl": "Nog niet"},
    "answer.not_for_me": {"en": "Not for me", "nl": "Niet voor mij"},
    "answer.how": {"en": "Tell me how", "nl": "Vertel me hoe"},
    "answer.skipped": {"en": "Skip for now", "nl": "Nu overslaan"},
    "ask.item": {"en": "Where are you with this?", "nl": "Hoe ver ben je hiermee?"},
    "ask.instruction": {
        "en": "(arrow keys or a number, then Enter)",
        "nl": "(pijltjestoetsen of een cijfer, dan Enter)",
    },
    "why": {"en": "Why", "nl": "Waarom"},
    "how": {"en": "How", "nl": "Hoe"},
    "progress": {"en": "{answered} of {total} answered", "nl": "{answered} van {total} beantwoord"},
    "resume": {
        "en": "Welcome back. You answered {answered} of {total}; we go on where you left off.",
        "nl": "Welkom terug. Je beantwoordde {answered} van {total}; we gaan verder waar je was.",
    },
    "all_answered": {
        "en": "You have answered every item. Use --restart to go through them again.",
        "nl": "Je hebt alles beantwoord. Gebruik --restart om alles opnieuw te doorlopen.",
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
        "Run it in a terminal, give your answers in a file with --answers FILE, "
        "or add --no-input to see your progress without questions (see the README).",
        "nl": "safecheck stelt zijn vragen in een terminal, en de standaardinvoer is er geen. "
        "Start het in een terminal, geef je antwoorden in een bestand met --answers BESTAND, "
        "of voeg --no-input toe om je voortgang te zien zonder vragen (zie de README).",
    },
    # Private, durable state (issue 4): state errors, keys, passphrases, where, wipe, reset.
    "state.reason.empty": {"en": "the file is empty", "nl": "het bestand is leeg"},
    "state.reason.cut_off": {
        "en": "the file is cut off (it may have been copied or saved only in part)",
        "nl": "het bestand is afgebroken (het is misschien maar voor een deel gekopieerd of bewaard)",
    },
    "state.reason.too_long": {
        "en": "the file is longer than safecheck wrote it (it may have been edited)",
        "nl": "het bestand is langer dan safecheck het schreef (het is misschien bewerkt)",
    },
    "state.reason.not_safecheck": {
        "en": "the file does not start like a safecheck state file (it may have been edited or replaced)",
        "nl": "het bestand begint niet zoals een bestand van safecheck (het is misschien bewerkt of vervangen)",
    },
    "state.reason.unknown_format": {
        "en": "the file has an unknown format version ({version})",
        "nl": "het bestand heeft een onbekende formaatversie ({version})",
    },
    "state.reason.newer_format": {
        "en": "it was written by a newer safecheck (format {version}); please update safecheck",
        "nl": "het is geschreven door een nieuwere safecheck (formaat {version}); werk safecheck bij",
    },
    "state.reason.unknown_source": {
        "en": "the file names a kind of protection safecheck does not know",
        "nl": "het bestand noemt een soort beveiliging die safecheck niet kent",
    },
    "state.reason.cost": {
        "en": "the file asks for passphrase settings that safecheck never writes",
        "nl": "het bestand vraagt wachtwoordzin-instellingen die safecheck nooit schrijft",
    },
    "state.reason.tampered": {
        "en": "the file does not pass its integrity check (it was damaged or changed after it was saved)",
        "nl": "het bestand doorstaat de controle niet (het is beschadigd of veranderd nadat het bewaard werd)",
    },
    "state.reason.key_missing": {
        "en": "its key is no longer in your keyring (it may have been deleted), so it cannot be decrypted",
        "nl": "de sleutel staat niet meer in je sleutelbos (misschien is hij verwijderd), dus het kan niet ontsleuteld worden",
    },
    "state.reason.key_wrong": {
        "en": "the key in your keyring is not the key it was saved with",
        "nl": "de sleutel in je sleutelbos is niet de sleutel waarmee het bewaard werd",
    },
    "state.reason.passphrase_wrong": {
        "en": "the passphrase does not open it",
        "nl": "de wachtwoordzin opent het niet",
    },
    "state.reason.env_passphrase_wrong": {
        "en": "the passphrase in SAFECHECK_PASSPHRASE does not open it",
        "nl": "de wachtwoordzin in SAFECHECK_PASSPHRASE opent het niet",
    },
    "state.reason.unreadable": {
        "en": "the saved answers are not readable (damaged or cut off)",
        "nl": "de bewaarde antwoorden zijn niet leesbaar (beschadigd of afgebroken)",
    },
    "state.reason.shape": {
        "en": "the saved answers have an unexpected shape",
        "nl": "de bewaarde antwoorden hebben een onverwachte vorm",
    },
    "state.reason.no_schema": {
        "en": "the saved answers have no schema version",
        "nl": "de bewaarde antwoorden hebben geen schemaversie",
    },
    "state.reason.unknown_schema": {
        "en": "the saved answers have an unknown schema version ({version})",
        "nl": "de bewaarde antwoorden hebben een onbekende schemaversie ({version})",
    },
    "state.reason.newer_schema": {
        "en": "it was written by a newer safecheck (schema {version}); please update safecheck",
        "nl": "het is geschreven door een nieuwere safecheck (schema {version}); werk safecheck bij",
    },
    "state.reason.answer": {
        "en": 'the saved answer for "{item}" is not readable',
        "nl": 'het bewaarde antwoord voor "{item}" is niet leesbaar',
    },
    "state.moved_aside": {
        "en": "Your saved state cannot be read: {reason}. It was moved to {kept}, so nothing is lost "
        "and nothing will be written over it. Run `safecheck reset` to start again with empty answers.",
        "nl": "Je bewaarde gegevens kunnen niet gelezen worden: {reason}. Het bestand is verplaatst naar "
        "{kept}, dus er gaat niets verloren en er wordt niets overschreven. Voer `safecheck reset` uit "
        "om opnieuw te beginnen met lege antwoorden.",
    },
    "state.left_in_place": {
        "en": "Your saved state cannot be opened: {reason}. The file was left as it is. "
        "Run `safecheck reset` to move it aside and start again with empty answers.",
        "nl": "Je bewaarde gegevens kunnen niet geopend worden: {reason}. Het bestand is gelaten zoals "
        "het is. Voer `safecheck reset` uit om het opzij te zetten en opnieuw te beginnen met lege "
        "antwoorden.",
    },
    "state.earlier_kept": {
        "en": "Your earlier saved state could not be read and is kept as {kept}. "
        "Run `safecheck reset` to start again with empty answers.",
        "nl": "Je eerder bewaarde gegevens konden niet gelezen worden en zijn bewaard als {kept}. "
        "Voer `safecheck reset` uit om opnieuw te beginnen met lege antwoorden.",
    },
    "state.cannot_read": {
        "en": "the saved state cannot be read ({reason})",
        "nl": "de bewaarde gegevens kunnen niet gelezen worden ({reason})",
    },
    "state.cannot_save": {
        "en": "your last answer could not be saved ({reason}); everything saved before it is kept",
        "nl": "je laatste antwoord kon niet bewaard worden ({reason}); alles wat eerder bewaard was, blijft bewaard",
    },
    "state.locked": {
        "en": "another safecheck is still saving; close it and try again",
        "nl": "een andere safecheck is nog aan het bewaren; sluit die en probeer het opnieuw",
    },
    "key.keyring_unavailable": {
        "en": "Your saved state is encrypted with a key in your keyring, and the keyring cannot be "
        "used now ({reason}). Unlock your keyring (for example by logging in to your desktop) and "
        "try again, or run `safecheck reset` to start again with empty answers (the file is kept aside).",
        "nl": "Je bewaarde gegevens zijn versleuteld met een sleutel in je sleutelbos, en dat sleutelbos "
        "kan nu niet gebruikt worden ({reason}). Ontgrendel je sleutelbos (bijvoorbeeld door je aan te "
        "melden op je bureaublad) en probeer het opnieuw, of voer `safecheck reset` uit om opnieuw te "
        "beginnen met lege antwoorden (het bestand wordt opzij bewaard).",
    },
    "key.passphrase_needed": {
        "en": "Your saved state is protected with a passphrase, and safecheck cannot ask for it "
        "because standard input is not a terminal. Run safecheck in a terminal, or set "
        "SAFECHECK_PASSPHRASE.",
        "nl": "Je bewaarde gegevens zijn beveiligd met een wachtwoordzin, en safecheck kan er niet om "
        "vragen omdat de standaardinvoer geen terminal is. Start safecheck in een terminal, of zet "
        "SAFECHECK_PASSPHRASE.",
    },
    "key.none": {
        "en": "safecheck cannot keep your answers safe: no keyring can be used ({reason}), no passphrase "
        "in SAFECHECK_PASSPHRASE, and standard input is not a terminal to ask for one. Run safecheck "
        "in a terminal to choose a passphrase, set SAFECHECK_PASSPHRASE, or use --no-encryption to "
        "save without encryption (see the README). Nothing was saved.",
        "nl": "safecheck kan je antwoorden niet veilig bewaren: er kan geen sleutelbos gebruikt worden ({reason}), geen "
        "wachtwoordzin in SAFECHECK_PASSPHRASE, en de standaardinvoer is geen terminal om er een te "
        "vragen. Start safecheck in een terminal om een wachtwoordzin te kiezen, zet "
        "SAFECHECK_PASSPHRASE, of gebruik --no-encryption om zonder versleuteling te bewaren (zie de "
        "README). Er is niets bewaard.",
    },
    "key.env_too_short": {
        "en": "SAFECHECK_PASSPHRASE is too short for a new passphrase: use at least {n} characters.",
        "nl": "SAFECHECK_PASSPHRASE is te kort voor een nieuwe wachtwoordzin: gebruik minstens {n} tekens.",
    },
    "keyring.none_here": {
        "en": "there is none on this computer",
        "nl": "er is er geen op deze computer",
    },
    "passphrase.why": {
        "en": "No keyring can keep the key to your answers ({reason}). Choose a passphrase instead: "
        "safecheck asks for it each time it starts. If you forget it, your saved answers cannot be "
        "recovered.",
        "nl": "Er is geen sleutelbos om de sleutel van je antwoorden te bewaren ({reason}). Kies daarom "
        "een wachtwoordzin: safecheck vraagt ernaar telkens als het start. Als je hem vergeet, kunnen "
        "je bewaarde antwoorden niet teruggehaald worden.",
    },
    "passphrase.new": {
        "en": "Choose a passphrase (at least {n} characters):",
        "nl": "Kies een wachtwoordzin (minstens {n} tekens):",
    },
    "passphrase.again": {
        "en": "Type the passphrase again:",
        "nl": "Typ de wachtwoordzin nog eens:",
    },
    "passphrase.mismatch": {
        "en": "The two passphrases are not the same. Please try again.",
        "nl": "De twee wachtwoordzinnen zijn niet gelijk. Probeer het opnieuw.",
    },
    "passphrase.too_short": {
        "en": "Use at least {n} characters.",
        "nl": "Gebruik minstens {n} tekens.",
    },
    "passphrase.enter": {
        "en": "Passphrase for your saved answers:",
        "nl": "Wachtwoordzin voor je bewaarde antwoorden:",
    },
    "passphrase.try_again": {
        "en": "That passphrase does not open your saved answers. Try again:",
        "nl": "Die wachtwoordzin opent je bewaarde antwoorden niet. Probeer opnieuw:",
    },
    "store.plain": {
        "en": "Encryption is off (--no-encryption): your answers are saved as plain text in {folder}, "
        "and anyone who can read your files can read them. Run `safecheck --encryption` to turn "
        "encryption back on.",
        "nl": "Versleuteling staat uit (--no-encryption): je antwoorden worden als gewone tekst bewaard "
        "in {folder}, en iedereen die je bestanden kan lezen, kan ze lezen. Voer "
        "`safecheck --encryption` uit om versleuteling weer aan te zetten.",
    },
    "store.now_plain": {
        "en": "Your saved answers are now stored without encryption.",
        "nl": "Je bewaarde antwoorden staan nu zonder versleuteling opgeslagen.",
    },
    "store.now_encrypted": {
        "en": "Your saved answers are now encrypted.",
        "nl": "Je bewaarde antwoorden zijn nu versleuteld.",
    },
    "store.folder_mode": {
        "en": "The folder {path} could be opened by other users (mode {mode}); safecheck made it private (700).",
        "nl": "De map {path} kon door andere gebruikers geopend worden (modus {mode}); safecheck heeft hem privé gemaakt (700).",
    },
    "store.file_mode": {
        "en": "The file {path} could be read by other users (mode {mode}); safecheck made it private (600).",
        "nl": "Het bestand {path} kon door andere gebruikers gelezen worden (modus {mode}); safecheck heeft het privé gemaakt (600).",
    },
    "where.folder": {"en": "Folder: {path}", "nl": "Map: {path}"},
    "where.state": {"en": "Saved state: {path} ({how})", "nl": "Bewaarde gegevens: {path} ({how})"},
    "where.how.missing": {"en": "nothing saved yet", "nl": "nog niets bewaard"},
    "where.how.plain": {
        "en": "NOT encrypted: --no-encryption is on",
        "nl": "NIET versleuteld: --no-encryption staat aan",
    },
    "where.how.keyring": {
        "en": "encrypted; the key is in your keyring",
        "nl": "versleuteld; de sleutel staat in je sleutelbos",
    },
    "where.how.passphrase": {
        "en": "encrypted with your passphrase",
        "nl": "versleuteld met je wachtwoordzin",
    },
    "where.how.unknown": {
        "en": "cannot be read; see `safecheck reset`",
        "nl": "kan niet gelezen worden; zie `safecheck reset`",
    },
    "where.lock": {"en": "Lock file: {path}", "nl": "Slotbestand: {path}"},
    "where.kept": {
        "en": "Kept aside (could not be read): {path}",
        "nl": "Opzij bewaard (kon niet gelezen worden): {path}",
    },
    "where.leftover": {
        "en": "Left over from an interrupted save: {path}",
        "nl": "Overgebleven van een onderbroken bewaarbeurt: {path}",
    },
    "where.key": {
        "en": 'Key in your keyring (when one is used): service "{service}", user name "{user}"',
        "nl": 'Sleutel in je sleutelbos (als die gebruikt wordt): dienst "{service}", gebruikersnaam "{user}"',
    },
    "where.override": {
        "en": "Set SAFECHECK_HOME to keep safecheck's files in another folder.",
        "nl": "Zet SAFECHECK_HOME om de bestanden van safecheck in een andere map te bewaren.",
    },
    "wipe.confirm": {
        "en": "This removes every file safecheck saved in {folder} (your answers too) and its key "
        "in your keyring. This cannot be undone. Remove everything?",
        "nl": "Dit verwijdert elk bestand dat safecheck bewaarde in {folder} (ook je antwoorden) en de "
        "sleutel in je sleutelbos. Dit kan niet ongedaan gemaakt worden. Alles verwijderen?",
    },
    "wipe.not_interactive": {
        "en": "safecheck wipe asks before it removes anything, and standard input is not a terminal. "
        "To wipe from a script, add --yes.",
        "nl": "safecheck wipe vraagt eerst bevestiging, en de standaardinvoer is geen terminal. "
        "Voeg --yes toe om vanuit een script te wissen.",
    },
    "wipe.cancelled": {"en": "Nothing was removed.", "nl": "Er is niets verwijderd."},
    "wipe.removed_file": {"en": "Removed {path}", "nl": "Verwijderd: {path}"},
    "wipe.removed_folder": {"en": "Removed the folder {path}", "nl": "Map verwijderd: {path}"},
    "wipe.no_files": {
        "en": "There were no safecheck files in {folder}.",
        "nl": "Er waren geen bestanden van safecheck in {folder}.",
    },
    "wipe.left": {
        "en": "Left in place, because safecheck did not make it: {path}",
        "nl": "Laten staan, omdat safecheck het niet gemaakt heeft: {path}",
    },
    "wipe.removed_key": {
        "en": 'Removed the key from your keyring (service "{service}", user name "{user}").',
        "nl": 'Sleutel verwijderd uit je sleutelbos (dienst "{service}", gebruikersnaam "{user}").',
    },
    "wipe.no_key": {
        "en": "There was no safecheck key in your keyring.",
        "nl": "Er stond geen sleutel van safecheck in je sleutelbos.",
    },
    "wipe.no_keyring": {
        "en": "There is no keyring on this computer, so there was no key to remove.",
        "nl": "Er is geen sleutelbos op deze computer, dus er was geen sleutel te verwijderen.",
    },
    "wipe.key_failed": {
        "en": 'The key in your keyring could not be removed ({reason}). It is named service "{service}", '
        'user name "{user}": remove it with your keyring app, or run `safecheck wipe` again once '
        "the keyring is unlocked.",
        "nl": 'De sleutel in je sleutelbos kon niet verwijderd worden ({reason}). Hij heet dienst "{service}", '
        'gebruikersnaam "{user}": verwijder hem met je sleutelbos-app, of voer `safecheck wipe` opnieuw '
        "uit als het sleutelbos ontgrendeld is.",
    },
    "reset.confirm": {
        "en": "Your saved state cannot be opened ({reason}). Move it aside (it is kept) and start "
        "again with empty answers?",
        "nl": "Je bewaarde gegevens kunnen niet geopend worden ({reason}). Opzij zetten (ze blijven "
        "bewaard) en opnieuw beginnen met lege antwoorden?",
    },
    "reset.not_interactive": {
        "en": "safecheck reset asks before it moves your saved state aside, and standard input is "
        "not a terminal. To reset from a script, add --yes.",
        "nl": "safecheck reset vraagt eerst bevestiging voor het je bewaarde gegevens opzij zet, en de "
        "standaardinvoer is geen terminal. Voeg --yes toe om vanuit een script te resetten.",
    },
    "reset.cancelled": {"en": "Nothing was changed.", "nl": "Er is niets veranderd."},
    "reset.readable": {
        "en": "Your saved state can be read, so there is nothing to reset. To forget answers, "
        "use `safecheck check --restart` or `safecheck wipe`.",
        "nl": "Je bewaarde gegevens kunnen gelezen worden, dus er is niets te resetten. Gebruik "
        "`safecheck check --restart` of `safecheck wipe` om antwoorden te vergeten.",
    },
    "reset.nothing": {
        "en": "There is nothing to reset: nothing is saved yet.",
        "nl": "Er is niets te resetten: er is nog niets bewaard.",
    },
    "reset.done": {
        "en": "You start again with empty answers.",
        "nl": "Je begint opnieuw met lege antwoorden.",
    },
    "plain.yes_no": {"en": "(yes/no, default no)", "nl": "(ja/nee, standaard nee)"},
    "reset.kept": {
        "en": "Kept aside: {path}. Delete it once you are sure you no longer need it "
        "(`safecheck wipe` removes it too).",
        "nl": "Opzij bewaard: {path}. Verwijder het als je zeker weet dat je het niet meer nodig hebt "
        "(`safecheck wipe` verwijdert het ook).",
    },
    # --- workshop mode, quiz and custom checklists (issue 7) ---
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
        "Start safecheck workshop in a terminal.",
        "nl": "De workshop wordt in een terminal getoond, en de standaardinvoer is er geen. "
        "Start safecheck workshop in een terminal.",
    },
    "region.BE": {"en": "Belgium", "nl": "België"},
    "region.NL": {"en": "the Netherlands", "nl": "Nederland"},
    "region.OTHER": {"en": "another country", "nl": "een ander land"},
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
    "config.checklists.set": {
        "en": "safecheck now also reads your own checklists from {path}.",
        "nl": "safecheck leest nu ook je eigen checklists uit {path}.",
    },
    "config.checklists.show": {
        "en": "Your own checklists are read from {path}.",
        "nl": "Je eigen checklists worden gelezen uit {path}.",
    },
    "config.checklists.none": {
        "en": "No folder of your own checklists is set. Set one with:  safecheck config checklists FOLDER",
        "nl": "Er is geen map met eigen checklists ingesteld. Stel er een in met:  safecheck config checklists MAP",
    },
    "config.checklists.unset": {
        "en": "safecheck reads only its built-in checklists again.",
        "nl": "safecheck leest weer alleen zijn ingebouwde checklists.",
    },
    # Scripted checks, status, verify and plain output (issue 6)
    "answers.applied": {
        "en": "Saved {count} answers from {path}.",
        "nl": "{count} antwoorden uit {path} bewaard.",
    },
    "plain.choose": {
        "en": "Type a number from 1 to {count} and press Enter:",
        "nl": "Typ een nummer van 1 tot {count} en druk op Enter:",
    },
    "plain.invalid": {
        "en": "That is not one of the choices. Type a number from 1 to {count}.",
        "nl": "Dat is geen van de keuzes. Typ een nummer van 1 tot {count}.",
    },
    "plain.summary_row": {
        "en": "{name}: {done} of {applicable} done, score {score}%",
        "nl": "{name}: {done} van {applicable} gedaan, score {score}%",
    },
    "plain.status_row": {
        "en": "{answered} of {total} answered, {done} done, score {score}%",
        "nl": "{answered} van {total} beantwoord, {done} gedaan, score {score}%",
    },
    "state.done": {"en": "done", "nl": "gedaan"},
    "state.not_yet": {"en": "not yet", "nl": "nog niet"},
    "state.not_for_me": {"en": "not for me", "nl": "niet voor mij"},
    "state.skipped": {"en": "skipped", "nl": "overgeslagen"},
    "state.unanswered": {"en": "not answered", "nl": "niet beantwoord"},
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
    "plain.choose_many": {
        "en": "Type the numbers that apply (e.g. 1 3), or nothing, and press Enter:",
        "nl": "Typ de nummers die passen (bv. 1 3), of niets, en druk op Enter:",
    },
    "ask.checkbox_instruction": {
        "en": "(Space to tick, Enter when done)",
        "nl": "(spatiebalk om aan te vinken, Enter als je klaar bent)",
    },
    "evidence.field.id": {"en": "Entry", "nl": "Nummer"},
    "evidence.field.when": {"en": "When", "nl": "Wanneer"},
    "evidence.field.recorded": {"en": "Written down", "nl": "Genoteerd op"},
    "evidence.field.platform": {"en": "Platform", "nl": "Platform"},
    "evidence.field.account": {"en": "Their account name", "nl": "Accountnaam van de dader"},
    "evidence.field.profile_url": {"en": "Their profile link", "nl": "Profiellink van de dader"},
    "evidence.field.phone": {"en": "Their phone number", "nl": "Telefoonnummer van de dader"},
    "evidence.field.demands": {"en": "What they asked for", "nl": "Wat de dader vroeg"},
    "evidence.field.amount": {"en": "Amount", "nl": "Bedrag"},
    "evidence.field.currency": {"en": "Currency", "nl": "Munteenheid"},
    "evidence.field.paid": {"en": "Paid", "nl": "Betaald"},
    "evidence.field.payment_method": {"en": "Payment method", "nl": "Betaalmethode"},
    "evidence.field.payment_reference": {"en": "Payment reference", "nl": "Betalingskenmerk"},
    "evidence.field.note": {"en": "Note", "nl": "Notitie"},
    "evidence.field.files": {"en": "Files", "nl": "Bestanden"},
    "evidence.demand.money": {"en": "Money", "nl": "Geld"},
    "evidence.demand.images": {"en": "(More) images", "nl": "(Meer) beelden"},
    "evidence.demand.meeting": {"en": "A meeting", "nl": "Een afspraak"},
    "evidence.demand.other": {"en": "Something else", "nl": "Iets anders"},
    "evidence.add.intro": {
        "en": "Write down what happened, while you still remember it well. Leave a question "
        "empty when you don't know the answer; you can add it later with safecheck evidence edit.",
        "nl": "Schrijf op wat er gebeurde, nu je het nog goed weet. Laat een vraag leeg als je "
        "het antwoord niet weet; je kunt het later aanvullen met safecheck evidence edit.",
    },
    "evidence.ask.when": {
        "en": "When did it happen? (date and time, like 2026-03-02 21:15)",
        "nl": "Wanneer gebeurde het? (datum en tijd, zoals 2026-03-02 21:15)",
    },
    "evidence.ask.platform": {
        "en": "On which platform or app? (e.g. Instagram, Snapchat)",
        "nl": "Op welk platform of welke app? (bv. Instagram, Snapchat)",
    },
    "evidence.ask.account": {
        "en": "Their account name or username?",
        "nl": "De accountnaam of gebruikersnaam van de dader?",
    },
    "evidence.ask.profile_url": {
        "en": "The link to their profile?",
        "nl": "De link naar het profiel van de dader?",
    },
    "evidence.ask.phone": {
        "en": "Their phone number, if you have it?",
        "nl": "Het telefoonnummer van de dader, als je het hebt?",
    },
    "evidence.ask.demands": {
        "en": "What did they ask you for?",
        "nl": "Wat vroeg de dader van je?",
    },
    "evidence.ask.amount": {
        "en": "How much money did they ask for, or did you pay? (e.g. 250 or 250,50)",
        "nl": "Hoeveel geld vroeg de dader, of betaalde je? (bv. 250 of 250,50)",
    },
    "evidence.ask.currency": {
        "en": "In which currency? (a three-letter code, like EUR or USD)",
        "nl": "In welke munteenheid? (een code van drie letters, zoals EUR of USD)",
    },
    "evidence.ask.paid": {"en": "Did you pay?", "nl": "Heb je betaald?"},
    "evidence.ask.payment_method": {
        "en": "How did you pay? (bank transfer, gift card, crypto, ...)",
        "nl": "Hoe heb je betaald? (overschrijving, cadeaukaart, crypto, ...)",
    },
    "evidence.ask.payment_reference": {
        "en": "The payment's reference or transaction id? (your bank needs it to try to get "
        "the money back)",
        "nl": "Het kenmerk of transactienummer van de betaling? (je bank heeft het nodig om "
        "het geld terug te proberen halen)",
    },
    "evidence.ask.note": {
        "en": "Anything else worth writing down? (what was said, what happened)",
        "nl": "Nog iets dat je wilt noteren? (wat er gezegd werd, wat er gebeurde)",
    },
    "evidence.ask.file_first": {
        "en": "A screenshot or other file that shows it? Type its path (Tab completes), "
        "or leave empty.",
        "nl": "Een screenshot of ander bestand dat het toont? Typ het pad (Tab vult aan), "
        "of laat leeg.",
    },
    "evidence.ask.file_more": {
        "en": "Another file? Type its path, or leave empty when you are done.",
        "nl": "Nog een bestand? Typ het pad, of laat leeg als je klaar bent.",
    },
    "evidence.ask.keep_copy": {
        "en": "Keep a copy inside safecheck, so the evidence stays even if the original is deleted?",
        "nl": "Een kopie bewaren in safecheck, zodat het bewijs blijft ook als het origineel "
        "verdwijnt?",
    },
    "evidence.added": {
        "en": "Saved as entry {id}.",
        "nl": "Bewaard als nummer {id}.",
    },
    "evidence.added.after": {
        "en": "Well done: keeping the evidence is an important step. Remember, it is not your "
        "fault. Next: block and report the account on the platform. "
        "To make a report for the police, your bank or a help line: safecheck export.",
        "nl": "Goed gedaan: bewijs bewaren is een belangrijke stap. Onthoud: het is niet jouw "
        "schuld. Daarna: blokkeer en meld het account op het platform. "
        "Een overzicht voor de politie, je bank of een hulplijn maak je met safecheck export.",
    },
    "where.files": {
        "en": "Kept copies of evidence files: {path} ({count}), protected like the state",
        "nl": "Bewaarde kopieën van bewijsbestanden: {path} ({count}), beschermd zoals je gegevens",
    },
    "evidence.offer": {
        "en": "Do you want to write it down in safecheck's evidence log now? It keeps the "
        "account, payment details, dates and screenshots together, for the police or your bank.",
        "nl": "Wil je het nu noteren in het bewijslogboek van safecheck? Het houdt het account, "
        "de betaalgegevens, de data en de screenshots bij elkaar, voor de politie of je bank.",
    },
    "evidence.offer.more": {
        "en": "Your evidence log has {count} entries. Do you want to add one now?",
        "nl": "Je bewijslogboek heeft {count} nummers. Wil je er nu een toevoegen?",
    },
    "evidence.offer.later": {
        "en": "Fine. You can start it any time with: safecheck evidence add",
        "nl": "Goed. Je kunt er altijd mee beginnen met: safecheck evidence add",
    },
    "evidence.offer.stopped": {
        "en": "Stopped: nothing from these questions was saved. You can do it later with: "
        "safecheck evidence add. The plan goes on.",
        "nl": "Gestopt: niets van deze vragen is bewaard. Je kunt het later doen met: "
        "safecheck evidence add. Het plan gaat verder.",
    },
    "evidence.edited": {"en": "Entry {id} is changed.", "nl": "Nummer {id} is aangepast."},
    "evidence.removed": {"en": "Entry {id} is removed.", "nl": "Nummer {id} is verwijderd."},
    "evidence.remove.ask": {
        "en": "Remove entry {id} ({when})? Copies of its files that no other entry uses are "
        "removed too.",
        "nl": "Nummer {id} ({when}) verwijderen? Kopieën van zijn bestanden die geen ander "
        "nummer gebruikt, worden ook verwijderd.",
    },
    "evidence.remove.not_interactive": {
        "en": "safecheck asks before it removes an entry, and standard input is not a terminal. "
        "Add --yes to remove it without asking.",
        "nl": "safecheck vraagt het eerst voor het een nummer verwijdert, en de standaardinvoer is "
        "geen terminal. Voeg --yes toe om het zonder vragen te verwijderen.",
    },
    "evidence.remove.kept": {
        "en": "Nothing removed; entry {id} stays.",
        "nl": "Niets verwijderd; nummer {id} blijft.",
    },
    "evidence.restore.none": {
        "en": "Entry {id} has no kept copies of files.",
        "nl": "Nummer {id} heeft geen bewaarde kopieën van bestanden.",
    },
    "evidence.restored": {"en": "Written: {path}", "nl": "Geschreven: {path}"},
    "evidence.list.title": {"en": "Your evidence log", "nl": "Je bewijslogboek"},
    "evidence.list.empty": {
        "en": "The evidence log is empty. Start it with: safecheck evidence add",
        "nl": "Het bewijslogboek is leeg. Begin ermee met: safecheck evidence add",
    },
    "evidence.show.title": {"en": "Entry {id}", "nl": "Nummer {id}"},
    "evidence.show.size": {"en": "{size} bytes", "nl": "{size} bytes"},
    "evidence.file.unchanged": {
        "en": "Unchanged: the file still has the same SHA-256.",
        "nl": "Ongewijzigd: het bestand heeft nog dezelfde SHA-256.",
    },
    "evidence.file.changed": {
        "en": "CHANGED: the file at this path is no longer the same (its SHA-256 differs).",
        "nl": "GEWIJZIGD: het bestand op deze plek is niet meer hetzelfde (de SHA-256 verschilt).",
    },
    "evidence.file.now": {"en": "SHA-256 now {sha256}", "nl": "SHA-256 nu {sha256}"},
    "evidence.file.missing": {
        "en": "MISSING: there is no file at this path any more.",
        "nl": "ONTBREEKT: er staat geen bestand meer op deze plek.",
    },
    "evidence.file.unreadable": {
        "en": "UNREADABLE: the file is there but cannot be read.",
        "nl": "ONLEESBAAR: het bestand staat er, maar kan niet gelezen worden.",
    },
    "evidence.copy.none": {"en": "No copy kept.", "nl": "Geen kopie bewaard."},
    "evidence.copy.intact": {
        "en": "A copy is kept safely in safecheck (get it back with safecheck evidence restore).",
        "nl": "Een kopie is veilig bewaard in safecheck (terughalen met safecheck evidence restore).",
    },
    "evidence.copy.missing": {
        "en": "The kept copy is MISSING.",
        "nl": "De bewaarde kopie ONTBREEKT.",
    },
    "evidence.copy.damaged": {
        "en": "The kept copy is DAMAGED.",
        "nl": "De bewaarde kopie is BESCHADIGD.",
    },
    "evidence.error.when": {
        "en": '"{value}" is not a date and time safecheck understands; write it like 2026-03-02 21:15.',
        "nl": '"{value}" is geen datum en tijd die safecheck begrijpt; schrijf het zoals 2026-03-02 21:15.',
    },
    "evidence.error.when_time": {
        "en": '"{value}" has a date but no time; add the time as well as you know it, like 2026-03-02 21:15.',
        "nl": '"{value}" heeft een datum maar geen tijd; voeg de tijd toe zo goed als je hem weet, zoals 2026-03-02 21:15.',
    },
    "evidence.error.when_missing": {
        "en": '"when" is missing: the date and time it happened, like 2026-03-02 21:15.',
        "nl": '"when" ontbreekt: de datum en tijd waarop het gebeurde, zoals 2026-03-02 21:15.',
    },
    "evidence.error.future": {
        "en": "{value} is in the future; give the moment it happened.",
        "nl": "{value} ligt in de toekomst; geef het moment waarop het gebeurde.",
    },
    "evidence.error.one_line": {
        "en": "{field} must be one line of text.",
        "nl": "{field} moet één regel tekst zijn.",
    },
    "evidence.error.not_text": {
        "en": "this must be text.",
        "nl": "dit moet tekst zijn.",
    },
    "evidence.error.too_long": {
        "en": "{field} is too long (at most {limit} characters).",
        "nl": "{field} is te lang (hoogstens {limit} tekens).",
    },
    "evidence.error.control": {
        "en": "{field} holds control characters; type or paste plain text.",
        "nl": "{field} bevat stuurtekens; typ of plak gewone tekst.",
    },
    "evidence.error.url": {
        "en": '"{value}" is not a link safecheck can keep: copy it without spaces, starting with https:// or the site\'s name.',
        "nl": '"{value}" is geen link die safecheck kan bewaren: kopieer hem zonder spaties, beginnend met https:// of de naam van de site.',
    },
    "evidence.error.phone": {
        "en": '"{value}" is not a phone number: use digits, and + ( ) - . or spaces.',
        "nl": '"{value}" is geen telefoonnummer: gebruik cijfers, en + ( ) - . of spaties.',
    },
    "evidence.error.phone_quotes": {
        "en": 'write the phone number in quotes, like "+32 470 12 34 56", so its leading 0 or + is kept.',
        "nl": 'zet het telefoonnummer tussen aanhalingstekens, zoals "+32 470 12 34 56", zodat de 0 of + vooraan blijft.',
    },
    "evidence.error.demand": {
        "en": '"{value}" is not one of {known}.',
        "nl": '"{value}" is niet een van {known}.',
    },
    "evidence.error.amount": {
        "en": '"{value}" is not an amount: write a number that is not negative, like 250 or 250,50.',
        "nl": '"{value}" is geen bedrag: schrijf een getal dat niet negatief is, zoals 250 of 250,50.',
    },
    "evidence.error.amount_separators": {
        "en": '"{value}": write the amount without a thousands separator, like 1250,50 or 1250.50.',
        "nl": '"{value}": schrijf het bedrag zonder scheidingsteken voor duizendtallen, zoals 1250,50 of 1250.50.',
    },
    "evidence.error.currency": {
        "en": '"{value}" is not a currency code: use the three letters of ISO 4217, like EUR or USD.',
        "nl": '"{value}" is geen muntcode: gebruik de drie letters van ISO 4217, zoals EUR of USD.',
    },
    "evidence.error.amount_without_currency": {
        "en": "an amount needs its currency (like EUR).",
        "nl": "een bedrag heeft een munteenheid nodig (zoals EUR).",
    },
    "evidence.error.currency_without_amount": {
        "en": "a currency was given without an amount.",
        "nl": "er is een munteenheid gegeven zonder bedrag.",
    },
    "evidence.error.yes_no": {
        "en": "{field} must be true or false.",
        "nl": "{field} moet true of false zijn.",
    },
    "evidence.error.no_file": {
        "en": "there is no file {path}.",
        "nl": "er is geen bestand {path}.",
    },
    "evidence.error.not_a_file": {
        "en": "{path} is not a regular file (a folder, pipe or device).",
        "nl": "{path} is geen gewoon bestand (een map, pipe of apparaat).",
    },
    "evidence.error.unreadable": {
        "en": "{path} cannot be read ({reason}).",
        "nl": "{path} kan niet gelezen worden ({reason}).",
    },
    "evidence.error.changed_while_reading": {
        "en": "{path} changed while safecheck was copying it; nothing was saved. Try again.",
        "nl": "{path} veranderde terwijl safecheck het kopieerde; er is niets bewaard. Probeer opnieuw.",
    },
    "evidence.error.one_value": {
        "en": "{field}: give one value here, not a list or mapping.",
        "nl": "{field}: geef hier één waarde, geen lijst of mapping.",
    },
    "evidence.error.copy_failed": {
        "en": "no copy of {path} could be kept ({reason}); nothing was saved.",
        "nl": "er kon geen kopie van {path} bewaard worden ({reason}); er is niets bewaard.",
    },
    "evidence.error.copy_missing": {
        "en": "the kept copy of {name} is missing.",
        "nl": "de bewaarde kopie van {name} ontbreekt.",
    },
    "evidence.error.copy_damaged": {
        "en": "the kept copy of {name} is damaged: it no longer has its SHA-256.",
        "nl": "de bewaarde kopie van {name} is beschadigd: ze heeft haar SHA-256 niet meer.",
    },
    "evidence.error.cannot_write": {
        "en": "{path} cannot be written ({reason}).",
        "nl": "{path} kan niet geschreven worden ({reason}).",
    },
    "evidence.error.unknown_id": {
        "en": "there is no entry {id}; safecheck evidence list shows the numbers.",
        "nl": "er is geen nummer {id}; safecheck evidence list toont de nummers.",
    },
    "evidence.error.from_and_options": {
        "en": "--from adds the entries of a file; give the other options in that file instead.",
        "nl": "--from voegt de nummers uit een bestand toe; zet de andere opties in dat bestand.",
    },
    "evidence.error.file_number": {
        "en": "the entry has no file {number}; safecheck evidence show lists them.",
        "nl": "dit nummer heeft geen bestand {number}; safecheck evidence show toont ze.",
    },
    "export.title": {"en": "Evidence and emergency plan", "nl": "Bewijs en noodplan"},
    "export.generated": {
        "en": "Made with safecheck on {date}.",
        "nl": "Gemaakt met safecheck op {date}.",
    },
    "export.not_encrypted": {
        "en": "This file is not encrypted: anyone who can open it can read it. Keep it where "
        "only you and the people you choose can reach it.",
        "nl": "Dit bestand is niet versleuteld: wie het kan openen, kan het lezen. Bewaar het "
        "waar alleen jij en de mensen die jij kiest erbij kunnen.",
    },
    "export.timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "export.no_entries": {
        "en": "The evidence log is empty.",
        "nl": "Het bewijslogboek is leeg.",
    },
    "export.bytes": {"en": "{size} bytes", "nl": "{size} bytes"},
    "export.modified": {"en": "modified {date}", "nl": "gewijzigd {date}"},
    "export.kept": {"en": "copy kept in safecheck", "nl": "kopie bewaard in safecheck"},
    "export.plan": {"en": "{title}: what has been done", "nl": "{title}: wat al gedaan is"},
    "export.plan.unanswered": {"en": "Not answered yet", "nl": "Nog niet beantwoord"},
    "export.helplines": {"en": "Help lines", "nl": "Hulplijnen"},
    "export.anywhere": {"en": "any country", "nl": "elk land"},
    "export.source": {"en": "Source: {source}.", "nl": "Bron: {source}."},
    "export.hashes.title": {
        "en": "Checking that a file is unchanged",
        "nl": "Nagaan of een bestand ongewijzigd is",
    },
    "export.hashes.how": {
        "en": "The SHA-256 of a file is its fingerprint: if one byte changes, it changes. To "
        "check a file, compute its SHA-256 and compare it with the one above: on Linux "
        "sha256sum FILE, on a Mac shasum -a 256 FILE, on Windows certutil -hashfile FILE SHA256.",
        "nl": "De SHA-256 van een bestand is zijn vingerafdruk: verandert er één byte, dan "
        "verandert hij. Om een bestand na te gaan, bereken je zijn SHA-256 en vergelijk je die "
        "met die hierboven: op Linux sha256sum BESTAND, op een Mac shasum -a 256 BESTAND, op "
        "Windows certutil -hashfile BESTAND SHA256.",
    },
    "export.saved": {
        "en": "Written: {path} (entries in the evidence log: {count}).",
        "nl": "Geschreven: {path} (nummers in het bewijslogboek: {count}).",
    },
    "export.handout_saved": {"en": "Written: {path}", "nl": "Geschreven: {path}"},
    "export.warning": {
        "en": "Careful: this file is NOT encrypted. Anyone who can open it can read it. Keep it "
        "somewhere safe, share it only with people you trust (the police, your bank, a help "
        "line), and delete it when you no longer need it.",
        "nl": "Let op: dit bestand is NIET versleuteld. Wie het kan openen, kan het lezen. "
        "Bewaar het op een veilige plek, deel het alleen met wie je vertrouwt (de politie, je "
        "bank, een hulplijn), en verwijder het als je het niet meer nodig hebt.",
    },
    "export.error.exists": {
        "en": "{path} is already there; choose another name, or add --force to replace it.",
        "nl": "{path} bestaat al; kies een andere naam, of voeg --force toe om het te vervangen.",
    },
    "export.error.is_dir": {
        "en": "{path} is a folder; give the name of a file.",
        "nl": "{path} is een map; geef de naam van een bestand.",
    },
    "export.error.no_folder": {
        "en": "the folder of {path} does not exist.",
        "nl": "de map van {path} bestaat niet.",
    },
    "export.error.format": {
        "en": "{path}: say which format with --format markdown, json or html (or end the name "
        "in .md, .json or .html).",
        "nl": "{path}: zeg welk formaat met --format markdown, json of html (of laat de naam "
        "eindigen op .md, .json of .html).",
    },
    "export.error.handout_format": {
        "en": "the handout comes as html or markdown.",
        "nl": "de handout bestaat als html of markdown.",
    },
    "handout.instructions": {
        "en": "Tick each box when it is done. Start with the essential steps; the rest can wait.",
        "nl": "Vink elk vakje aan als het gedaan is. Begin met de essentiële stappen; de rest "
        "kan later.",
    },
    "handout.footer": {
        "en": "Made with safecheck. If it happens anyway: it is not your fault. Stop sending "
        "and paying, keep the evidence, and talk to someone you trust or a help line.",
        "nl": "Gemaakt met safecheck. Gebeurt het toch: het is niet jouw schuld. Stop met "
        "sturen en betalen, bewaar het bewijs, en praat met iemand die je vertrouwt of met een "
        "hulplijn.",
    },
    # Emergency plan, help lines, start screen and discretion (issue 3); region.BE/NL/OTHER
    # are above, with the workshop's
    "region.shown": {
        "en": "Region: {region}. The help lines shown are chosen by it.",
        "nl": "Regio: {region}. De hulplijnen die je ziet, horen bij die regio.",
    },
    "region.ask": {
        "en": "Where do you live? This chooses your help lines.",
        "nl": "Waar woon je? Zo kiezen we de juiste hulplijnen.",
    },
    "age.ask": {
        "en": "How old are you? This chooses your help lines and removal service.",
        "nl": "Hoe oud ben je? Daarmee kiezen we je hulplijnen en verwijderdienst.",
    },
    "age.minor": {"en": "Under 18", "nl": "Jonger dan 18"},
    "age.adult": {"en": "18 or older", "nl": "18 of ouder"},
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
    "helplines.other_region": {
        "en": "Another region: --region BE, NL or OTHER.",
        "nl": "Andere regio: --region BE, NL of OTHER.",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang` (English if that language lacks it)."""
    texts = MESSAGES[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**values) if values else text


def default_lang(environ: dict[str, str] | None = None) -> str:
    """`nl` when the locale is Dutch (nl_BE, nl_NL, ...), else `en`."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGS else "en"
    return "en"
