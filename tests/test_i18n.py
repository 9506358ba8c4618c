"""The message catalogue: every key in both languages, language choice."""
import re
from pathlib import Path

from screens.i18n import LANGUAGES, catalogue, pick_language, translate

TEMPLATES = Path(__file__).resolve().parent.parent / "screens"


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    for key, texts in catalogue().items():
        for language in LANGUAGES:
            assert texts.get(language, "").strip(), f"{key} lacks {language}"
        placeholders = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGUAGES}
        assert placeholders["en"] == placeholders["nb"], f"{key}: placeholders differ"


def test_every_key_used_in_templates_and_screens_is_in_the_catalogue():
    used = set()
    for path in TEMPLATES.rglob("*"):
        if path.suffix in (".tpl", ".py") and "i18n" not in path.parts:
            used |= set(re.findall(r"""\b_\(\s*["']([a-z0-9_.]*[a-z0-9_])["']""", path.read_text(encoding="utf-8")))
            used |= set(re.findall(r"""\bc\._\(\s*["']([a-z0-9_.]*[a-z0-9_])["']""", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalogue())
    assert not missing, f"keys used but not in the catalogue: {missing}"


def test_language_from_accept_language():
    assert pick_language("nb-NO,nb;q=0.9,en;q=0.8") == "nb"
    assert pick_language("no") == "nb"
    assert pick_language("en-GB,en;q=0.9,nb;q=0.5") == "en"
    assert pick_language("de-DE, nn;q=0.8") == "nb"
    assert pick_language("") == "en"
    assert translate("nb", "login.title") == "Logg inn"
