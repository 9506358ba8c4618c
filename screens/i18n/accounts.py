"""Messages of accounts and deployment: numbers out of range, login backoff, password rules, invitations."""

MESSAGES = {
    "error.number_too_large": {"en": "A number in the request is too large ({field}); no such item exists.",
                               "nb": "Et tall i forespørselen er for stort ({field}); det finnes ingen slik."},
    "error.anonymous_too_large": {"en": "Log in first: before login Sil reads at most {kb} kB of a request.",
                                  "nb": "Logg inn først: før innlogging leser Sil høyst {kb} kB av en forespørsel."},
    # Login backoff
    "error.user.slowed": {"en": "Too many failed logins. Wait {seconds} seconds and try again.",
                          "nb": "For mange mislykkede innlogginger. Vent {seconds} sekunder og prøv igjen."},
    # Password rules
    "error.user.password_long": {"en": "The password may have at most {max} characters.",
                                 "nb": "Passordet kan ha høyst {max} tegn."},
    "error.user.password_common": {"en": "That password is among the ones people use most, or close to one (or to your name); choose a longer one, e.g. four unrelated words.",
                                   "nb": "Det passordet er blant dem folk bruker mest, eller ligner på et av dem (eller på navnet ditt); velg et lengre, for eksempel fire ord som ikke hører sammen."},
    "error.user.password_reused": {"en": "Choose a password of your own, not the one-time password.",
                                   "nb": "Velg et eget passord, ikke engangspassordet."},
    "error.user.one_time_expired": {"en": "This one-time password has expired; ask the site administrator for a new one.",
                                    "nb": "Dette engangspassordet er utløpt; be nettstedsadministratoren om et nytt."},
    # Project archives
    "error.archive.damaged": {"en": "{file}: the zip is damaged ({detail}); write the archive again with 'run.py archive'",
                              "nb": "{file}: zip-filen er skadet ({detail}); skriv arkivet på nytt med «run.py archive»"},
    "error.archive.bad_project_id": {"en": "{file}: manifest.json must give project_id as a number, not {value}",
                                     "nb": "{file}: manifest.json må oppgi project_id som et tall, ikke {value}"},
    "error.archive.project_id_missing": {"en": "{file}: manifest.json names project_id {id}, which the archive does not hold",
                                         "nb": "{file}: manifest.json oppgir project_id {id}, som arkivet ikke inneholder"},
}
