"""The message catalogue: every key in both languages, language choice."""
import ast
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


REVIEW = Path(__file__).resolve().parent.parent / "review"
TYPED_ERRORS = {"SilError", "Invalid", "Forbidden", "NotFound", "Conflict"}


def _typed_error_keys() -> list[tuple[str, str, set[str]]]:
    """(where, key, value names) for every typed error in review/ raised with a catalogue key."""
    found = []
    for path in sorted(REVIEW.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if not isinstance(node, ast.Call) or name not in TYPED_ERRORS or len(node.args) < 2:
                continue
            key = node.args[1]
            # a key chosen by a condition ("…_down" if … else "…_up") counts both branches
            keys = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
            where = f"{path.relative_to(REVIEW.parent)}:{node.lineno}"
            assert all(isinstance(k, ast.Constant) for k in keys), f"{where}: the key is not a literal"
            values = {kw.arg for kw in node.keywords}
            found += [(where, k.value, values) for k in keys]
    return found


def test_every_key_a_typed_error_carries_is_in_the_catalogue_with_its_values():
    keys = _typed_error_keys()
    assert len(keys) > 150, "the scan found too few keyed errors: has review/ moved?"
    for where, key, values in keys:
        assert key in catalogue(), f"{where}: {key} is not in the catalogue"
        for language in LANGUAGES:
            placeholders = set(re.findall(r"{(\w+)}", catalogue()[key][language]))
            assert placeholders == values, f"{where}: {key} ({language}) names {placeholders}, the error gives {values}"
