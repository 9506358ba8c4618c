"""Messages of accounts and deployment: numbers out of range, login backoff, password rules, invitations."""

MESSAGES = {
    "error.number_too_large": {"en": "A number in the request is too large ({field}); no such item exists.",
                               "nb": "Et tall i forespørselen er for stort ({field}); det finnes ingen slik."},
}
