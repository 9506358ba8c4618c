"""Why the detector paired two records, in the reader's language.

review.dedupe_rules words its reasons in English and the pairs table stores them so; each known
reason has a catalogue key dup.reason.<slug>, and "<veto>, but the same title and authors" is
composed from two. A reason without a key (from an older version) is shown as stored.
"""
from __future__ import annotations

import re
from typing import Callable

from screens.i18n import catalogue

BUT_SAME = ", but the same title and authors"


def reason_key(reason: str) -> str:
    return "dup.reason." + re.sub(r"[^a-z0-9]+", "_", reason.lower()).strip("_")


def reason_text(_: Callable[..., str], reason: str) -> str:
    """The stored reason as the reader's language says it."""
    if reason.endswith(BUT_SAME) and "dup.reason.but_same" in catalogue():
        return _("dup.reason.but_same", why=reason_text(_, reason[: -len(BUT_SAME)]))
    key = reason_key(reason or "")
    return _(key) if reason and key in catalogue() else reason
