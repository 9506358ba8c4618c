"""The one message catalogue: every module in this package adds MESSAGES = {key: {"en": ..., "nb": ...}}."""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

LANGUAGES = ("en", "nb")
DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every message of every area, merged; a key defined twice is a mistake."""
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (again in screens/i18n/{info.name}.py)")
            merged[key] = texts
    return merged


def translate(language: str, key: str, **values: object) -> str:
    """The message for key in language, with {names} filled in; the key itself if unknown."""
    texts = catalogue().get(key)
    if texts is None:
        return key
    text = texts.get(language) or texts[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick_language(accept_language: str | None) -> str:
    """The best UI language for an Accept-Language header (nb for Norwegian in any form)."""
    choices = []
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        choices.append((quality, tag.strip().lower()))
    for _, tag in sorted(choices, key=lambda c: -c[0]):
        base = tag.split("-")[0]
        if base in ("nb", "no", "nn"):
            return "nb"
        if base == "en":
            return "en"
    return DEFAULT_LANGUAGE
