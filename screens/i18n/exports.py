"""Messages of the Export tab and the project archive."""

MESSAGES = {
    "exports.tab": {"en": "Export", "nb": "Eksport"},
    "exports.title": {"en": "Export", "nb": "Eksport"},
    "exports.intro": {
        "en": "Choose a set and a format, then download. Files are made from the data as it is now; nothing is changed.",
        "nb": "Velg et utvalg og et format, og last ned. Filene lages fra dataene slik de er nå; ingenting endres."},
    "exports.blinded_note": {
        "en": "Screening is blinded: records chosen by other reviewers' decisions (included, excluded, conflicts) "
              "are not offered to you, and your files hold only your own decisions, notes and labels on records "
              "still open. The lead can lift blinding.",
        "nb": "Screeningen er blindet: utvalg som bestemmes av andre vurderingers beslutninger (inkludert, "
              "ekskludert, konflikter) tilbys ikke deg, og filene dine har bare dine egne beslutninger, notater "
              "og merkelapper på referanser som fortsatt er åpne. Prosjektlederen kan oppheve blindingen."},
    "exports.group.records": {"en": "Records", "nb": "Referanser"},
    "exports.group.screening": {"en": "Screening", "nb": "Screening"},
    "exports.group.report": {"en": "For the report", "nb": "Til rapporten"},
    "exports.format": {"en": "Format", "nb": "Format"},
    "exports.format.csv": {"en": "CSV", "nb": "CSV"},
    "exports.format.xlsx": {"en": "Excel (XLSX)", "nb": "Excel (XLSX)"},
    "exports.format.ris": {"en": "RIS (EndNote, Zotero)", "nb": "RIS (EndNote, Zotero)"},
    "exports.format.svg": {"en": "SVG", "nb": "SVG"},
    "exports.format.png": {"en": "PNG", "nb": "PNG"},
    "exports.format.html": {"en": "HTML", "nb": "HTML"},
    "exports.format.docx": {"en": "Word (DOCX)", "nb": "Word (DOCX)"},
    "exports.stage": {"en": "Stage", "nb": "Fase"},
    "exports.stage1": {"en": "Title and abstract", "nb": "Tittel og sammendrag"},
    "exports.stage2": {"en": "Full text", "nb": "Fulltekst"},
    "exports.label": {"en": "Label", "nb": "Merkelapp"},
    "exports.search": {"en": "Search", "nb": "Søk"},
    "exports.all_searches": {"en": "All searches", "nb": "Alle søk"},
    "exports.download": {"en": "Download", "nb": "Last ned"},
    "exports.what.records-with-decisions": {"en": "Records with decisions", "nb": "Referanser med beslutninger"},
    "exports.help.records-with-decisions": {
        "en": "All records, or one search's, with the outcome at each stage, the exclusion reason, labels and notes.",
        "nb": "Alle referanser, eller ett søks, med utfallet i hver fase, eksklusjonsgrunn, merkelapper og notater."},
    "exports.what.records": {"en": "Records as imported", "nb": "Referanser slik de ble importert"},
    "exports.help.records": {
        "en": "Every record's fields as imported, for checking an import or moving records to a reference manager.",
        "nb": "Alle feltene slik de ble importert, for å kontrollere en import eller flytte referanser til et referanseverktøy."},
    "exports.what.included": {"en": "Included at a stage", "nb": "Inkludert i en fase"},
    "exports.help.included": {"en": "Records that passed title/abstract or full-text screening.",
                              "nb": "Referanser som gikk videre i screening på tittel/sammendrag eller fulltekst."},
    "exports.what.excluded": {"en": "Excluded at a stage", "nb": "Ekskludert i en fase"},
    "exports.help.excluded": {"en": "Records excluded at a stage, with the full-text reason.",
                              "nb": "Referanser ekskludert i en fase, med grunnen ved fulltekst."},
    "exports.what.conflicts": {"en": "Conflicts", "nb": "Konflikter"},
    "exports.help.conflicts": {"en": "Records whose reviewers disagree at a stage and are not yet resolved.",
                               "nb": "Referanser der vurderingene er uenige i en fase og ennå ikke er avgjort."},
    "exports.what.labelled": {"en": "Records with a label", "nb": "Referanser med en merkelapp"},
    "exports.help.labelled": {"en": "Records given one label while screening (type the label).",
                              "nb": "Referanser som fikk en merkelapp under screening (skriv merkelappen)."},
    "exports.what.decisions": {"en": "Decision log", "nb": "Beslutningslogg"},
    "exports.help.decisions": {"en": "One row per screening decision and resolution: who, when, what and why.",
                               "nb": "Én rad per screeningbeslutning og avgjørelse: hvem, når, hva og hvorfor."},
    "exports.what.duplicates": {"en": "Duplicates", "nb": "Duplikater"},
    "exports.help.duplicates": {"en": "Each record with its duplicate group and whether the grouping is certain.",
                                "nb": "Hver referanse med sin duplikatgruppe og om grupperingen er sikker."},
    "exports.what.searches": {"en": "Search log (PRISMA-S)", "nb": "Søkelogg (PRISMA-S)"},
    "exports.help.searches": {"en": "Database, platform, date, the search as run, limits and records, for the appendix.",
                              "nb": "Database, plattform, dato, søket slik det ble kjørt, avgrensninger og treff, til vedlegget."},
    "exports.what.prisma": {"en": "PRISMA 2020 flow diagram", "nb": "PRISMA 2020-flytdiagram"},
    "exports.help.prisma": {"en": "The flow diagram from the live numbers, in the language you use Sil in.",
                            "nb": "Flytdiagrammet fra tallene slik de er nå, på språket du bruker Sil på."},
    "exports.what.extraction": {"en": "Extracted data", "nb": "Uthentede data"},
    "exports.help.extraction": {"en": "The agreed extracted data, one row per study (XLSX adds a codebook).",
                                "nb": "De omforente uthentede dataene, én rad per studie (XLSX har også en kodebok)."},
    "exports.what.sof": {"en": "Summary of findings table", "nb": "Oppsummeringstabell (SoF)"},
    "exports.help.sof": {"en": "The GRADE summary of findings per outcome.",
                         "nb": "GRADE-oppsummeringen av funn per utfall."},
    "exports.what.rob": {"en": "Risk-of-bias judgements", "nb": "Vurderinger av risiko for skjevhet"},
    "exports.help.rob": {"en": "The agreed judgement per study, tool, outcome and domain.",
                         "nb": "Den omforente vurderingen per studie, verktøy, utfall og domene."},
    "exports.what.rob-plot": {"en": "Risk-of-bias plot", "nb": "Figur over risiko for skjevhet"},
    "exports.help.rob-plot": {"en": "A traffic-light plot of the agreed risk-of-bias assessments.",
                              "nb": "Trafikklysfigur over de omforente vurderingene av risiko for skjevhet."},
    "exports.archive_title": {"en": "Whole-project archive", "nb": "Arkiv av hele prosjektet"},
    "exports.archive_help": {
        "en": "One zip file with everything in this project (records, decisions, extraction, summaries, the audit "
              "trail, the PDFs). Keep it with the report, or import it into a Sil as a new project.",
        "nb": "Én zip-fil med alt i prosjektet (referanser, beslutninger, datauthenting, sammendrag, revisjonsloggen, "
              "PDF-ene). Ta vare på den sammen med rapporten, eller importer den i en Sil som et nytt prosjekt."},
    "exports.archive_download": {"en": "Download the archive", "nb": "Last ned arkivet"},
    "exports.archive_import_hint": {"en": "To open an archive as a new project:",
                                    "nb": "For å åpne et arkiv som et nytt prosjekt:"},
    "exports.import_title": {"en": "Import a project archive", "nb": "Importer et prosjektarkiv"},
    "exports.import_help": {
        "en": "Choose a zip file downloaded from a project's Export tab. It becomes a new project that you lead; "
              "the project it came from is not touched. A file that is not a whole, valid archive is refused and "
              "nothing is saved.",
        "nb": "Velg en zip-fil lastet ned fra fanen Eksport i et prosjekt. Den blir et nytt prosjekt som du leder; "
              "prosjektet den kom fra, berøres ikke. En fil som ikke er et helt og gyldig arkiv, avvises, og "
              "ingenting lagres."},
    "exports.import_member": {
        "en": "The history keeps who did what, but you will be the only member: add the others under Members.",
        "nb": "Historikken viser hvem som gjorde hva, men du blir eneste medlem: legg til de andre under Medlemmer."},
    "exports.import_admin": {
        "en": "As site admin you bring the archive's members along (people are matched by user name).",
        "nb": "Som administrator tar du med arkivets medlemmer (personer kobles på brukernavn)."},
    "exports.archive_file": {"en": "Archive (.zip)", "nb": "Arkiv (.zip)"},
    "exports.import_limit": {"en": "At most {mb} MB through the browser; larger archives are imported on the server "
                                   "with 'run.py import-archive'.",
                             "nb": "Høyst {mb} MB gjennom nettleseren; større arkiver importeres på serveren med "
                                   "'run.py import-archive'."},
    "exports.import": {"en": "Import as a new project", "nb": "Importer som nytt prosjekt"},
    "exports.no_file": {"en": "Choose an archive file to import.", "nb": "Velg en arkivfil å importere."},
    "exports.too_large": {"en": "The file is larger than {mb} MB; import it on the server with 'run.py import-archive'.",
                          "nb": "Filen er større enn {mb} MB; importer den på serveren med 'run.py import-archive'."},
    "exports.imported": {"en": "The archive was imported as this new project.",
                         "nb": "Arkivet ble importert som dette nye prosjektet."},
}
