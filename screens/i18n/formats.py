"""Numbers, percentages, dates and times as each interface language writes them (Babel, CLDR data).

Stored times are ISO-8601 UTC text (review.db.now()); a page shows them in the reader's time zone
(the site's, Europe/Oslo unless configured) as "3. des. 2026 kl. 13.43" in bokmål.
"""
from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from numbers import Number

from babel import Locale
from babel.dates import format_date, format_time, get_timezone
from babel.numbers import format_decimal, format_percent

DEFAULT_TIME_ZONE = "Europe/Oslo"
LOCALES = {"en": "en_GB", "nb": "nb_NO", "nn": "nn_NO"}
# how the date and the time of day are joined, and the clock's pattern (CLDR's nb joins with a comma and a colon)
DATETIME_JOIN = {"nb": "{date} kl.\u00a0{time}", "nn": "{date} kl.\u00a0{time}"}
NBSP = "\u00a0"  # a day ("3. des. 2026") and "kl. 13.43" never break inside, so a time takes two lines at most
TIME_PATTERN = {"nb": "HH.mm", "nn": "HH.mm"}


def _zone(name: str | None):
    """The named zone; a misspelt setting falls back to Europe/Oslo rather than failing every page."""
    try:
        return get_timezone(name or DEFAULT_TIME_ZONE)
    except LookupError:
        return get_timezone(DEFAULT_TIME_ZONE)


def locale_for(language: str) -> str:
    """The Babel locale of an interface language (the pseudo-language formats as bokmål)."""
    return LOCALES.get(language, LOCALES["nb"] if language.startswith("x-") else LOCALES["en"])


def fmt_number(value: Number | None, language: str, digits: int | None = None) -> str:
    """A number with the language's decimal sign and grouping; digits fixes the decimals shown."""
    if value is None or value == "":
        return ""
    if digits is None:
        return format_decimal(value, locale=locale_for(language))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale_for(language))


@lru_cache(maxsize=32)
def _percent_pattern(locale: str, digits: int) -> str:
    pattern = Locale.parse(locale).percent_formats[None].pattern
    return pattern.replace("0", "0." + "0" * digits, 1) if digits else pattern


def fmt_percent(value: Number | None, language: str, digits: int = 0, of_100: bool = False) -> str:
    """A share (0.95, or 95 with of_100) as the language writes a percentage: "95,0 %" in bokmål, "95.0%" in English."""
    if value is None or value == "":
        return ""
    share = value / 100 if of_100 else value
    locale = locale_for(language)
    return format_percent(share, format=_percent_pattern(locale, digits), locale=locale)


def parse_time(value: str | datetime | date) -> datetime | date:
    """A stored time (ISO text, with Z or an offset; naive means UTC) or a date as a Python value."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return value
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def fmt_datetime(value: str | datetime | None, language: str, zone: str | None = None) -> str:
    """A moment in the reader's zone: "3. des. 2026 kl. 13.43" (nb), "3 Dec 2026, 13:43" (en)."""
    if not value:
        return ""
    try:
        moment = parse_time(value)
    except ValueError:
        return str(value)
    if not isinstance(moment, datetime):
        return fmt_date(moment, language)
    local = moment.astimezone(_zone(zone))
    locale = locale_for(language)
    base = language if language in LOCALES else ("nb" if language.startswith("x-") else "en")
    day = format_date(local, "medium", locale=locale).replace(" ", NBSP)
    clock = format_time(local, TIME_PATTERN.get(base, "HH:mm"), locale=locale)
    return DATETIME_JOIN.get(base, "{date}, {time}").format(date=day, time=clock)


def fmt_date(value: str | date | datetime | None, language: str, zone: str | None = None) -> str:
    """A day: "3. des. 2026" (nb), "3 Dec 2026" (en); a moment is taken in the reader's zone first."""
    if not value:
        return ""
    try:
        day = parse_time(value)
    except ValueError:
        return str(value)
    if isinstance(day, datetime):
        day = day.astimezone(_zone(zone)).date()
    return format_date(day, "medium", locale=locale_for(language)).replace(" ", NBSP)


def iso_utc(value: str | datetime | None) -> str:
    """The machine-readable form for <time datetime=...>."""
    if not value:
        return ""
    try:
        moment = parse_time(value)
    except ValueError:
        return ""
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.isoformat()


def template_helpers(language: str, zone: str | None = None) -> dict[str, object]:
    """fmt_number, fmt_percent, fmt_datetime, fmt_date and iso_utc bound to the reader's language and zone."""
    wrap = _pseudo_wrap if language.startswith("x-") else (lambda text: text)
    return {
        "fmt_number": lambda value, digits=None: fmt_number(value, language, digits),
        "fmt_percent": lambda value, digits=0, of_100=False: fmt_percent(value, language, digits, of_100),
        "fmt_datetime": lambda value: wrap(fmt_datetime(value, language, zone)),
        "fmt_date": lambda value: wrap(fmt_date(value, language, zone)),
        "iso_utc": iso_utc,
    }


def _pseudo_wrap(text: str) -> str:
    # a date's month name is Babel's bokmål, not untranslated English: marked like a message
    return f"\u27e6{text}\u27e7" if text else text
