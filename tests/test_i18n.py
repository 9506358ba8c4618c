"""The message catalogue: every key in both languages, language choice."""
import ast
import re
from pathlib import Path

import pytest
from conftest import csrf_of, login

from screens.i18n import LANGUAGES, catalogue, pick_language, translate

TEMPLATES = Path(__file__).resolve().parent.parent / "screens"


def _names(text) -> set[str]:
    """The placeholders of a text, or of every plural form of it."""
    return {name for form in (text if isinstance(text, tuple) else (text,)) for name in re.findall(r"{(\w+)}", form)}


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    for key, texts in catalogue().items():
        for language in LANGUAGES:
            text = texts.get(language) or ""
            forms = text if isinstance(text, tuple) else (text,)
            assert forms and all(f.strip() for f in forms), f"{key} lacks {language} (screens/locale/{language}/LC_MESSAGES/sil.po)"
        placeholders = {lang: _names(texts[lang]) for lang in LANGUAGES}
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


def _typed_error_keys() -> list[tuple[str, str, set[str], bool]]:
    """(where, key, value names, chosen by a condition) for every typed error in review/ (and every
    ExportFailure in exports/) raised with a key; one that passes on another error's key is checked where
    that key is written."""
    found = []
    for path in sorted([*REVIEW.rglob("*.py"), *(REVIEW.parent / "exports").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if not isinstance(node, ast.Call) or name not in TYPED_ERRORS | {"ExportFailure"}:
                continue
            key = node.args[1] if len(node.args) >= 2 else next((kw.value for kw in node.keywords if kw.arg == "key"), None)
            if key is None or isinstance(key, ast.Attribute) and key.attr == "key":
                continue
            where = f"{path.relative_to(REVIEW.parent)}:{node.lineno}"
            keys = _literal_keys(key, where)
            values = {kw.arg for kw in node.keywords} - ({"kind"} if name == "ExportFailure" else set())
            values -= {"key"} if len(node.args) < 2 else set()  # the key given by name is the key
            found += [(where, key, values, len(keys) > 1) for key in keys]
    return found


def _literal_keys(node: ast.expr, where: str) -> list[str]:
    """The key, or every key a condition chooses from ("…_down" if … else "…_up")."""
    if isinstance(node, ast.IfExp):
        return _literal_keys(node.body, where) + _literal_keys(node.orelse, where)
    assert isinstance(node, ast.Constant) and isinstance(node.value, str), f"{where}: the key is not a literal"
    return [node.value]


def test_every_key_a_typed_error_carries_is_in_the_catalogue_with_its_values():
    keys = _typed_error_keys()
    assert len(keys) > 150, "the scan found too few keyed errors: has review/ moved?"
    for where, key, values, chosen in keys:
        assert key in catalogue(), f"{where}: {key} is not in the catalogue"
        assert not values & {"key", "message"}, f"{where}: a value named key or message clashes with SilError's own"
        for language in LANGUAGES:
            placeholders = _names(catalogue()[key][language])
            # one of several texts a condition chooses may leave a value out; none may name one not given
            fits = placeholders <= values if chosen else placeholders == values
            assert fits, f"{where}: {key} ({language}) names {placeholders}, the error gives {values}"


REFUSALS = {
    "en": ("A project needs at least one lead: make someone else lead first.",
           "Participants: &#039;&lt;b&gt;forty&lt;/b&gt;&#039; is not a whole number.",
           "Excluding a full text needs an exclusion reason from the project&#039;s list.",
           "Only the project lead can do this."),
    "nb": ("Et prosjekt trenger minst én prosjektleder: gjør en annen til prosjektleder først.",
           "Deltakere: «&lt;b&gt;forty&lt;/b&gt;» er ikke et heltall.",
           "For å ekskludere en fulltekst må du velge en eksklusjonsgrunn fra prosjektets liste.",
           "Bare prosjektlederen kan gjøre dette."),
}


@pytest.mark.parametrize("language", ["en", "nb"])
def test_refusals_are_shown_in_the_users_language_and_escaped(app, conn, make_user, language):
    from review.accounts import users
    from review.appraisal import evidence
    from review.projects import project as projects
    from review.screening import decisions as screening
    from review.searches.importing import add_records, create_search

    ids = {name: make_user(name) for name in ("lea", "rita", "rolf")}
    for user_id in ids.values():
        users.set_language(conn, user_id, language)
    pid = projects.create_project(conn, ids["lea"], "Breaks at work")
    projects.set_member(conn, pid, ids["lea"], "rita", "reviewer")
    projects.set_member(conn, pid, ids["lea"], "rolf", "reviewer")
    search = create_search(conn, pid, ids["lea"], "medline.ris", "1" * 64, "ris")
    add_records(conn, pid, search, [{"title": "Rest breaks for nurses", "year": 2020}])
    record_id = conn.execute("SELECT id FROM records WHERE project_id = ?", (pid,)).fetchone()[0]
    for name in ("rita", "rolf"):
        screening.record_decision(conn, pid, ids[name], record_id, 1, "include")
    from review.screening.blinding import release_outcomes

    release_outcomes(conn, pid, ids["lea"], 1)  # blinded reviewers work on released records at full text
    outcome_id = evidence.create_outcome(conn, pid, ids["lea"], "Fatigue")
    last_lead, bad_number, no_reason, lead_only = REFUSALS[language]
    other = REFUSALS["nb" if language == "en" else "en"]

    login(app, "lea")
    page = app.post(f"/projects/{pid}/members/{ids['lea']}/remove", {"csrf_token": csrf_of(app)}, status=409)
    assert last_lead in page.text and other[0] not in page.text

    form = app.get(f"/projects/{pid}/grade/{outcome_id}").forms["grade-form"]
    form["participants"] = "<b>forty</b>"
    page = form.submit(status=400)
    assert bad_number in page.text and "<b>forty" not in page.text and other[1] not in page.text

    app.reset()
    login(app, "rita")
    page = app.get(f"/projects/{pid}/screen/2").forms["decide-form"].submit("decision", value="exclude").follow()
    assert no_reason in page.text and other[2] not in page.text
    page = app.post(f"/projects/{pid}/settings", {"csrf_token": csrf_of(app), "title": "Mine now"}, status=403)
    assert lead_only in page.text and other[3] not in page.text


LOCALE = Path(__file__).resolve().parent.parent / "screens" / "locale"


def test_the_catalogues_are_gettext_files_with_no_fuzzy_entries_and_no_old_dicts_left():
    from babel.messages.pofile import read_po

    for language in LANGUAGES:
        with (LOCALE / language / "LC_MESSAGES" / "sil.po").open("rb") as f:
            po = read_po(f, locale=language)
        fuzzy = [m.id for m in po if m.id and m.fuzzy]
        assert not fuzzy, f"{language}: fuzzy entries are not shown: {fuzzy[:5]}"
        assert po.plural_forms == "nplurals=2; plural=(n != 1);", language
    # a branch that still adds MESSAGES dicts must run po_convert.py and remove them (see docs/DEVELOPING.md)
    leftovers = [p.name for p in (TEMPLATES / "i18n").glob("*.py") if re.search(r"^MESSAGES\s*=", p.read_text(encoding="utf-8"), re.M)]
    assert not leftovers, f"screens/i18n still has message dicts, not in the .po files: {leftovers}"


def test_a_changed_po_file_is_compiled_again(tmp_path):
    import os
    import shutil

    from screens.i18n.catalogues import load_language

    folder = tmp_path / "nb" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(LOCALE / "nb" / "LC_MESSAGES" / "sil.po", folder / "sil.po")
    assert load_language("nb", tmp_path)[0]["login.title"] == "Logg inn"
    po = folder / "sil.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Logg inn"', 'msgstr "Logg på"'), encoding="utf-8")
    later = (folder / "sil.mo").stat().st_mtime + 5
    os.utime(po, (later, later))
    assert load_language("nb", tmp_path)[0]["login.title"] == "Logg på"


def test_every_key_an_importer_gives_is_in_the_catalogue_and_names_where_and_its_values():
    found = []
    for path in sorted((REVIEW.parent / "imports").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ImportFailure":
                key = next((kw.value for kw in node.keywords if kw.arg == "key"), None)
                where = f"{path.name}:{node.lineno}"
                assert key is not None, f"{where}: an ImportFailure without a catalogue key"
                values = {kw.arg for kw in node.keywords if kw.arg != "key"} | {"where"}
                keys = [key.value] if isinstance(key, ast.Constant) else [
                    k for k in catalogue() if k.startswith("error.import.advice.")]
                found += [(where, k, values) for k in keys]
    assert len(found) >= 17
    for where, key, values in found:
        assert key in catalogue(), f"{where}: {key} is not in the catalogue"
        for language in LANGUAGES:
            assert _names(catalogue()[key][language]) == values, f"{where}: {key} ({language})"
