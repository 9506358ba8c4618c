"""The one message catalogue: gettext files screens/locale/<lang>/LC_MESSAGES/sil.po (Babel).

The msgid is the message key used in code and templates, _("key", name=value); a message with a
count has plural forms (msgid_plural, msgstr[0..]) chosen by the value named n (or count).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from numbers import Number
from typing import Any

from screens.i18n.catalogues import available_languages, load_language
from screens.i18n.formats import fmt_number

LANGUAGES = ("en", "nb")
DEFAULT_LANGUAGE = "en"
# a language no one chooses: every message is bokmål wrapped in these marks, so a test can see text that is not a message
PSEUDO = "x-pseudo"
PSEUDO_MARKS = ("\u27e6", "\u27e7")
COUNT_NAMES = ("n", "count")
GROUPED_NAMES = {"n", "count", "total", "found", "more", "records", "left"}
LIST_SEPARATORS = {"entries": "; "}  # a list in a keyed text is shown joined by ", "; broken BibTeX entries hold commas


@cache
def _language(language: str) -> tuple[dict[str, str | tuple[str, ...]], Callable[[int], int]]:
    return load_language(language)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str | tuple[str, ...]]]:
    """Every message: key -> {language: text, or (singular, plural, ...) for a count}."""
    merged: dict[str, dict[str, str | tuple[str, ...]]] = {}
    for language in available_languages():
        for key, text in _language(language)[0].items():
            merged.setdefault(key, {})[language] = text
    return merged


def translate(language: str, key: str, **values: object) -> str:
    """The message for key in language, with {names} filled in (numbers as the language writes them); the key if unknown."""
    base = "nb" if language == PSEUDO else language
    texts = catalogue().get(key)
    if texts is None:
        return key
    text = texts.get(base) or texts[DEFAULT_LANGUAGE]
    if isinstance(text, tuple):
        count = next((values[name] for name in COUNT_NAMES if isinstance(values.get(name), int)), 2)
        plural = _language(base if base in texts else DEFAULT_LANGUAGE)[1]
        text = text[min(plural(abs(count)), len(text) - 1)]
    if values:
        text = text.format(**{name: _shown(name, value, language) for name, value in values.items()})
    return f"{PSEUDO_MARKS[0]}{text}{PSEUDO_MARKS[1]}" if language == PSEUDO else text


def keyed_text(language: str, item: dict[str, Any] | str) -> str:
    """A text the core stored as a key, values and English ({"key", "values", "text"}: a warning on an import),
    in the language; a value worded the same way, or a list of them, is put in first. A plain string (a search
    imported before warnings had keys) and a key the catalogue lacks are shown in the English they carry.

    Counts are written the language's way (see GROUPED_NAMES); line and record numbers stay as the file's
    editor shows them ("line 15002"), so that a person can go to that line."""
    if isinstance(item, str):
        return item
    if item["key"] not in catalogue():
        return item.get("text", item["key"])
    values = {name: _keyed_value(language, name, value) for name, value in item.get("values", {}).items()}
    return translate(language, item["key"], **values)


def _keyed_value(language: str, name: str, value: object) -> object:
    if isinstance(value, dict) and "key" in value:
        return keyed_text(language, value)
    if isinstance(value, list):
        return LIST_SEPARATORS.get(name, ", ").join(str(_keyed_value(language, name, v)) for v in value)
    return value


def _shown(name: str, value: object, language: str) -> object:
    """Decimals always, and counts, in the language's way (0,684; 1 563); other values as given."""
    if isinstance(value, bool) or not isinstance(value, Number):
        return value
    if isinstance(value, float) or name in GROUPED_NAMES:
        return fmt_number(value, language)
    return value


def accepted_tags(accept_language: str | None) -> list[str]:
    """The language tags of an Accept-Language header, lower-case, most wanted first (ties in the order given)."""
    choices = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        choices.append((-quality, position, tag.strip().lower()))
    return [tag for _q, _p, tag in sorted(choices)]


def pick_language(accept_language: str | None) -> str:
    """The best UI language for an Accept-Language header (nb for Norwegian in any form)."""
    for tag in accepted_tags(accept_language):
        base = tag.split("-")[0]
        if base in ("nb", "no", "nn"):
            return "nb"
        if base == "en":
            return "en"
    return DEFAULT_LANGUAGE
