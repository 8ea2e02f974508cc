"""Messages of the evidence chain (`evidence verify`), the police bundle and the backup."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # evidence verify
    "chain.action.add": {"en": "added", "nl": "toegevoegd"},
    "chain.action.edit": {"en": "edited", "nl": "gewijzigd"},
    "chain.action.remove": {"en": "removed", "nl": "verwijderd"},
    "chain.record": {
        "en": "record {seq} (entry {id}, {action})",
        "nl": "record {seq} (melding {id}, {action})",
    },
    "chain.holds": {
        "en": "HOLDS: the log's {count} records are each linked to the one before, unchanged.",
        "nl": "KLOPT: de {count} records van het logboek zijn elk aan het vorige gekoppeld, "
        "ongewijzigd.",
    },
    "chain.changed": {
        "en": "CHANGED: {record} was changed after it was written (the next record no longer "
        "matches it).",
        "nl": "GEWIJZIGD: {record} is veranderd nadat het geschreven werd (het volgende record "
        "past er niet meer bij).",
    },
    "chain.first_changed": {
        "en": "CHANGED: the first record does not start the chain.",
        "nl": "GEWIJZIGD: het eerste record begint de keten niet.",
    },
    "chain.content_changed": {
        "en": "CHANGED: the content of {record} was changed after it was written.",
        "nl": "GEWIJZIGD: de inhoud van {record} is veranderd nadat het geschreven werd.",
    },
    "chain.content_missing": {
        "en": "MISSING: the content of {record} is gone, but the entry was never removed.",
        "nl": "ONTBREEKT: de inhoud van {record} is weg, maar de melding is nooit verwijderd.",
    },
    "chain.out_of_order": {
        "en": "CHANGED: record {number} is not where it was written (a record was taken out or "
        "moved).",
        "nl": "GEWIJZIGD: record {number} staat niet waar het geschreven werd (een record is "
        "weggehaald of verplaatst).",
    },
    "chain.not_a_record": {
        "en": "CHANGED: record {number} is not a record any more.",
        "nl": "GEWIJZIGD: record {number} is geen record meer.",
    },
    "chain.unreadable": {
        "en": "The entries cannot be read from the chain, so their files were not checked.",
        "nl": "De meldingen zijn niet uit de keten te lezen; hun bestanden zijn niet gecontroleerd.",
    },
    "chain.file.unchanged": {
        "en": "HOLDS: entry {id}: {path} is unchanged.",
        "nl": "KLOPT: melding {id}: {path} is ongewijzigd.",
    },
    "chain.file.not_there": {
        "en": "not checked: entry {id}: {path} is no longer there.",
        "nl": "niet gecontroleerd: melding {id}: {path} is er niet meer.",
    },
    "chain.file.changed": {
        "en": "CHANGED: entry {id}: {path} has changed since it was added.",
        "nl": "GEWIJZIGD: melding {id}: {path} is veranderd sinds het werd toegevoegd.",
    },
    "chain.file.unreadable": {
        "en": "UNREADABLE: entry {id}: {path} cannot be read.",
        "nl": "ONLEESBAAR: melding {id}: {path} kan niet gelezen worden.",
    },
    "chain.copy.intact": {
        "en": "HOLDS: entry {id}: the kept copy of {name} is intact.",
        "nl": "KLOPT: melding {id}: de bewaarde kopie van {name} is intact.",
    },
    "chain.copy.damaged": {
        "en": "CHANGED: entry {id}: the kept copy of {name} is damaged or changed.",
        "nl": "GEWIJZIGD: melding {id}: de bewaarde kopie van {name} is beschadigd of veranderd.",
    },
    "chain.copy.missing": {
        "en": "MISSING: entry {id}: the kept copy of {name} is gone.",
        "nl": "ONTBREEKT: melding {id}: de bewaarde kopie van {name} is weg.",
    },
    "chain.summary.holds": {
        "en": "Everything holds. The chain's last hash: {hash}",
        "nl": "Alles klopt. De laatste hash van de keten: {hash}",
    },
    "chain.summary.problems": {
        "en": "{count} thing(s) do not hold (see above). The chain's last hash: {hash}",
        "nl": "{count} ding(en) kloppen niet (zie hierboven). De laatste hash van de keten: {hash}",
    },
    # export --bundle
    "bundle.saved": {
        "en": "Written: {path} ({count} entries, {files} files). Check it with: "
        "cd {path} && sha256sum -c SHA256SUMS",
        "nl": "Geschreven: {path} ({count} meldingen, {files} bestanden). Controleer het met: "
        "cd {path} && sha256sum -c SHA256SUMS",
    },
    "bundle.zip_saved": {
        "en": "Written: {path} ({count} entries, {files} files).",
        "nl": "Geschreven: {path} ({count} meldingen, {files} bestanden).",
    },
    "bundle.error.exists": {
        "en": "{path} is already there. A bundle goes into a new folder: choose another name.",
        "nl": "{path} bestaat al. Een bundel komt in een nieuwe map: kies een andere naam.",
    },
    "bundle.error.no_folder": {
        "en": "The folder {path} does not exist.",
        "nl": "De map {path} bestaat niet.",
    },
    "bundle.error.output_or_bundle": {
        "en": "Give either --output FILE or --bundle FOLDER (one of them).",
        "nl": "Geef --output BESTAND of --bundle MAP (een van beide).",
    },
    "bundle.error.zip_needs_bundle": {
        "en": "--zip goes with --bundle.",
        "nl": "--zip hoort bij --bundle.",
    },
    # backup
    "backup.created": {
        "en": "Backup written: {path} ({count} entries, {copies} kept copies). It is encrypted "
        "with your backup passphrase: without it, nobody can open it, you neither.",
        "nl": "Back-up geschreven: {path} ({count} meldingen, {copies} bewaarde kopieën). Hij is "
        "versleuteld met je back-upwachtwoord: zonder dat kan niemand hem openen, jij ook niet.",
    },
    "backup.restored": {
        "en": "Restored from {path}: {count} entries, {copies} kept copies, sealed with this "
        "computer's key.",
        "nl": "Teruggezet uit {path}: {count} meldingen, {copies} bewaarde kopieën, versleuteld "
        "met de sleutel van deze computer.",
    },
    "backup.kept_aside": {
        "en": "Your earlier state is kept aside in {path}.",
        "nl": "Je eerdere gegevens staan apart in {path}.",
    },
    "backup.passphrase.new": {
        "en": "Choose a passphrase for the backup (at least {n} characters):",
        "nl": "Kies een wachtwoordzin voor de back-up (minstens {n} tekens):",
    },
    "backup.passphrase.again": {
        "en": "Type the backup passphrase again:",
        "nl": "Typ de wachtwoordzin van de back-up nog eens:",
    },
    "backup.passphrase.mismatch": {
        "en": "The two passphrases differ. Try again.",
        "nl": "De twee wachtwoordzinnen verschillen. Probeer opnieuw.",
    },
    "backup.passphrase.enter": {
        "en": "The backup's passphrase:",
        "nl": "De wachtwoordzin van de back-up:",
    },
    "backup.passphrase.too_short": {
        "en": "At least {n} characters, please.",
        "nl": "Minstens {n} tekens, alsjeblieft.",
    },
    "backup.passphrase.needed": {
        "en": "A backup needs a passphrase: run this in a terminal, or set "
        "SAFECHECK_BACKUP_PASSPHRASE (at least {n} characters).",
        "nl": "Een back-up heeft een wachtwoordzin nodig: start dit in een terminal, of zet "
        "SAFECHECK_BACKUP_PASSPHRASE (minstens {n} tekens).",
    },
    "backup.error.wrong_passphrase": {
        "en": "{path}: the passphrase does not open this backup. Nothing was changed.",
        "nl": "{path}: de wachtwoordzin opent deze back-up niet. Er is niets veranderd.",
    },
    "backup.error.damaged": {
        "en": "{path}: the backup is damaged ({reason}). Nothing was changed.",
        "nl": "{path}: de back-up is beschadigd ({reason}). Er is niets veranderd.",
    },
    "backup.error.not_backup": {
        "en": "{path}: this is not a safecheck backup. Nothing was changed.",
        "nl": "{path}: dit is geen back-up van safecheck. Er is niets veranderd.",
    },
    "backup.error.cannot_read": {
        "en": "{path}: cannot be read ({reason}). Nothing was changed.",
        "nl": "{path}: kan niet gelezen worden ({reason}). Er is niets veranderd.",
    },
    "backup.error.exists": {
        "en": "{path} is already there; a backup is never written over a file. Choose another "
        "name.",
        "nl": "{path} bestaat al; een back-up wordt nooit over een bestand geschreven. Kies een "
        "andere naam.",
    },
    "backup.error.state_there": {
        "en": "There is already a saved state in {path}. To replace it with the backup, add "
        "--force: the current state is then kept aside first.",
        "nl": "Er staan al gegevens in {path}. Om ze door de back-up te vervangen, voeg --force "
        "toe: de huidige gegevens worden dan eerst apart gezet.",
    },
    "backup.reason.cut_off": {"en": "it is cut off", "nl": "hij is afgebroken"},
    "backup.reason.tampered": {
        "en": "it does not pass its integrity check",
        "nl": "hij doorstaat de integriteitscontrole niet",
    },
    "backup.reason.copy": {
        "en": "a kept copy in it does not match its SHA-256",
        "nl": "een bewaarde kopie erin past niet bij haar SHA-256",
    },
    "backup.reason.state": {
        "en": "the saved state in it cannot be read",
        "nl": "de gegevens erin zijn niet leesbaar",
    },
    "backup.reason.newer": {
        "en": "it was written by a newer safecheck",
        "nl": "hij is geschreven door een nieuwere safecheck",
    },
    # the help lines of the region OTHER
    "export.other_emergency.name": {"en": "Emergency", "nl": "Noodnummer"},
    "export.other_emergency.contact": {
        "en": "your local emergency number; 112 in every EU country",
        "nl": "het lokale noodnummer; 112 in elk EU-land",
    },
    "export.other_emergency.who": {
        "en": "Acute danger. safecheck knows only the help lines of Belgium and the Netherlands.",
        "nl": "Acuut gevaar. safecheck kent alleen de hulplijnen van België en Nederland.",
    },
    "export.entry": {"en": "Entry {id}", "nl": "Melding {id}"},
}
