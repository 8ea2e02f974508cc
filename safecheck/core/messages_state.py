"""The program's own words, English and Dutch: saved state, its protection and housekeeping (where, wipe, reset, config)."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "plain.yes_no": {
        "en": "(yes/no, default no; q: leave)",
        "nl": "(ja/nee, standaard nee; q: stoppen)",
    },
    "plain.yes_no_default_yes": {
        "en": "(yes/no, default yes; q: leave)",
        "nl": "(ja/nee, standaard ja; q: stoppen)",
    },
    "plain.leave": {"en": "(q: leave)", "nl": "(q: stoppen)"},
    "plain.choose_key": {
        "en": "(q: leave) Type {keys} and press Enter:",
        "nl": "(q: stoppen) Typ {keys} en druk op Enter:",
    },
    "plain.invalid_key": {
        "en": "That is not one of the choices. Type {keys}.",
        "nl": "Dat is geen van de keuzes. Typ {keys}.",
    },
    "reset.kept": {
        "en": "Kept aside: {path}. Delete it once you are sure you no longer need it "
        "(`safecheck wipe` removes it too).",
        "nl": "Opzij bewaard: {path}. Verwijder het als je zeker weet dat je het niet meer nodig hebt "
        "(`safecheck wipe` verwijdert het ook).",
    },
    # --- workshop mode, quiz and custom checklists (issue 7) ---
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
    "plain.choose": {
        "en": "(q: leave) Type a number from 1 to {count} and press Enter:",
        "nl": "(q: stoppen) Typ een nummer van 1 tot {count} en druk op Enter:",
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
    "plain.choose_many": {
        "en": "(q: leave) Type the numbers that apply (e.g. 1 3), or nothing, and press Enter:",
        "nl": "(q: stoppen) Typ de nummers die passen (bv. 1 3), of niets, en druk op Enter:",
    },
    "where.files": {
        "en": "Kept copies of evidence files: {path} ({count}), protected like the state",
        "nl": "Bewaarde kopieën van bewijsbestanden: {path} ({count}), beschermd zoals je gegevens",
    },
}
