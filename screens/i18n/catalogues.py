"""The gettext catalogues: screens/locale/<lang>/LC_MESSAGES/sil.po, compiled to .mo when stale.

The .po files are the source (in git, edited by people or their tools); the .mo files are built from
them on first use whenever a .mo is missing or older than its .po, so a fresh clone needs no step.
When the locale folder is read-only the .mo goes to a cache folder instead.
"""
from __future__ import annotations

import gettext
import hashlib
import os
import tempfile
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "sil"


def po_file(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """Every language with a .po file (en, nb, and nn once someone adds it)."""
    return sorted(p.name for p in locale_dir.iterdir() if po_file(p.name, locale_dir).is_file())


def compiled_file(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """The language's .mo, compiled now if missing or older than its .po."""
    po = po_file(language, locale_dir)
    mo = po.with_suffix(".mo")
    if _fresh(mo, po):
        return mo
    try:
        return _compile(po, mo)
    except OSError:
        digest = hashlib.sha256(str(po).encode()).hexdigest()[:12]
        cached = Path(tempfile.gettempdir()) / f"sil-locale-{digest}" / language / f"{DOMAIN}.mo"
        return cached if _fresh(cached, po) else _compile(po, cached)


def _fresh(mo: Path, po: Path) -> bool:
    return mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime


def _compile(po: Path, mo: Path) -> Path:
    with po.open("rb") as f:
        catalogue = read_po(f, locale=po.parent.parent.name, domain=DOMAIN)
    mo.parent.mkdir(parents=True, exist_ok=True)
    # written beside and renamed, so a process reading the .mo never sees half a file
    fd, partial = tempfile.mkstemp(dir=mo.parent, prefix=".sil-", suffix=".mo")
    try:
        with os.fdopen(fd, "wb") as f:
            write_mo(f, catalogue)
        os.replace(partial, mo)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return mo


def load_language(language: str, locale_dir: Path = LOCALE_DIR) -> tuple[dict[str, str | tuple[str, ...]], object]:
    """(key -> text, or a tuple of plural texts), and the language's plural rule (n -> index)."""
    with compiled_file(language, locale_dir).open("rb") as f:
        catalogue = read_mo(f)
    texts: dict[str, str | tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        texts[key] = tuple(message.string) if isinstance(message.string, (tuple, list)) else message.string
    return texts, gettext.c2py(catalogue.plural_expr)
