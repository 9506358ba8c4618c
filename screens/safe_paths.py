"""Where a browser may be sent after login or a language change: only paths of this site."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit


def same_site_path(target: str, fallback: str = "/") -> str:
    """target when it is a path on this site ("/projects/3?x=1"), else fallback.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash, so "/\\t/evil.com" and
    "/\\\\evil.com" are another site to them; anything with such a character, a scheme or a host is refused,
    also once percent-decoded (a later hop may decode it)."""
    if not isinstance(target, str) or not target:
        return fallback
    for candidate in (target, unquote(target), unquote(unquote(target))):
        if not _plain_path(candidate):
            return fallback
    return target


def _plain_path(text: str) -> bool:
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F or ch == "\\" for ch in text):
        return False
    if not text.startswith("/") or text.startswith("//"):
        return False
    parts = urlsplit(text)
    return not parts.scheme and not parts.netloc
