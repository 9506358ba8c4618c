"""The portal's three languages: nynorsk texts for the older catalogue keys, and the reader's language."""
from __future__ import annotations

from collections.abc import Callable

from screens.i18n import accepted_tags, catalogue, translate

PORTAL_LANGS = ("nb", "nn", "en")
NATIVE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def portal_text(lang: str, key: str, **values: object) -> str:
    """The portal text for key in nb, nn or en; a key without nynorsk yet is shown in bokmål."""
    if lang == "nn" and "nn" in catalogue().get(key, {}):
        return translate("nn", key, **values)
    return translate(lang if lang in ("nb", "en") else ("nb" if lang == "nn" else "en"), key, **values)


def gettext_for(lang: str) -> Callable[..., str]:
    """A translator for one portal language, as the portal pages and the static export take it."""
    lang = lang if lang in PORTAL_LANGS else "en"
    return lambda key, **values: portal_text(lang, key, **values)


def lacking_nynorsk(keys: list[str]) -> list[str]:
    """Which of these keys would fall back to bokmål in nynorsk (the report to the lead lists them)."""
    found = catalogue()
    return sorted(k for k in keys if k in found and not found[k].get("nn"))


def pick_portal_language(accept_language: str | None, default: str = "nb") -> str:
    """The reader's language from Accept-Language: nn for nynorsk, nb for bokmål and plain 'no', en."""
    for tag in accepted_tags(accept_language):
        base = tag.split("-")[0]
        if base == "nn" or tag in ("no-nyn", "nn-no"):
            return "nn"
        if base in ("nb", "no"):
            return "nb"
        if base == "en":
            return "en"
    return default
