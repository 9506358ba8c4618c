"""Messages of accounts and deployment: numbers out of range, login backoff, password rules, invitations."""

MESSAGES = {
    "error.number_too_large": {"en": "A number in the request is too large ({field}); no such item exists.",
                               "nb": "Et tall i forespørselen er for stort ({field}); det finnes ingen slik."},
    # Project archives
    "error.archive.damaged": {"en": "{file}: the zip is damaged ({detail}); write the archive again with 'run.py archive'",
                              "nb": "{file}: zip-filen er skadet ({detail}); skriv arkivet på nytt med «run.py archive»"},
    "error.archive.bad_project_id": {"en": "{file}: manifest.json must give project_id as a number, not {value}",
                                     "nb": "{file}: manifest.json må oppgi project_id som et tall, ikke {value}"},
    "error.archive.project_id_missing": {"en": "{file}: manifest.json names project_id {id}, which the archive does not hold",
                                         "nb": "{file}: manifest.json oppgir project_id {id}, som arkivet ikke inneholder"},
}
