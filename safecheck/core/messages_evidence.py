"""The program's own words, English and Dutch: the evidence log, exports and handouts."""

MESSAGES: dict[str, dict[str, str]] = {
    "evidence.field.id": {"en": "Entry", "nl": "Nummer"},
    "evidence.field.when": {"en": "When", "nl": "Wanneer"},
    "evidence.field.recorded": {"en": "Written down", "nl": "Genoteerd op"},
    "evidence.field.platform": {"en": "Platform", "nl": "Platform"},
    "evidence.field.account": {"en": "Their account name", "nl": "Accountnaam van de dader"},
    "evidence.field.profile_url": {"en": "Their profile link", "nl": "Profiellink van de dader"},
    "evidence.field.url": {"en": "Where it was seen (link)", "nl": "Waar het te zien was (link)"},
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
    "evidence.ask.url": {
        "en": "The link of the page where you saw the message or image? (the address bar)",
        "nl": "De link van de pagina waar je het bericht of beeld zag? (de adresbalk)",
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
    "evidence.files.warning": {
        "en": "Before you add files: don't add the intimate image itself. Screenshot the "
        "messages, the profile, the username and the payment demand. Where the image is in "
        "view, leave it out and write down the link, the site and the date. Don't forward "
        "the image to anyone, not even as evidence.",
        "nl": "Voor je bestanden toevoegt: voeg het intieme beeld zelf niet toe. Maak "
        "screenshots van de berichten, het profiel, de gebruikersnaam en de betaaleis. Staat "
        "het beeld in beeld? Laat het weg en schrijf de link, de site en de datum op. Stuur "
        "het beeld aan niemand door, ook niet als bewijs.",
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
    "evidence.add.not_interactive": {
        "en": "safecheck asks what happened in a terminal, and standard input is not one. "
        "Run it in a terminal, give the entries in a file with --from FILE, or give the "
        "fields as options: --when, --platform, --account, --demand, --amount, --note, --file "
        "and the others in safecheck evidence add --help.",
        "nl": "safecheck vraagt in een terminal wat er gebeurde, en de standaardinvoer is er "
        "geen. Start het in een terminal, geef de gegevens in een bestand met --from BESTAND, "
        "of geef de velden als opties: --when, --platform, --account, --demand, --amount, "
        "--note, --file en de andere in safecheck evidence add --help.",
    },
    "evidence.edit.not_interactive": {
        "en": "safecheck asks its questions again in a terminal, and standard input is not one. "
        "Run it in a terminal, or give the fields to change as options: --when, --platform, "
        "--account, --note, --file, --drop-file and the others in "
        "safecheck evidence edit --help.",
        "nl": "safecheck stelt zijn vragen opnieuw in een terminal, en de standaardinvoer is er "
        "geen. Start het in een terminal, of geef de velden die veranderen als opties: --when, "
        "--platform, --account, --note, --file, --drop-file en de andere in "
        "safecheck evidence edit --help.",
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
}
