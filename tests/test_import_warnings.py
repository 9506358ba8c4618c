"""Every warning an importer can give carries a catalogue key and its values, with texts in English, bokmål
and nynorsk, and the search log shows it in the reader's language (issue 20).

Three ways of asking "every": a scan of the readers' code (no warning is a bare string, every key it names
is in the catalogues with the values it gives), one small input per warning key (every key in the
catalogues has a file that produces it), and the readers run over the fixtures, the corpus and mutilated
files, checking whatever warnings come out.
"""
from __future__ import annotations

import ast
import codecs
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, csrf_of, login
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imports
from review.accounts import users
from review.projects import project as projects
from review.searches import importing as searches
from screens.i18n import catalogue, keyed_text
from tests.test_import_classes import workbook

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "nb", "nn")
WARNING_PREFIX = "import.warning."


def _names(text) -> set[str]:
    return {name for form in (text if isinstance(text, tuple) else (text,)) for name in re.findall(r"{(\w+)}", form)}


def keys_in(item, where: str) -> set[str]:
    """The keys of a warning and of every piece it names, each checked: in every language's catalogue,
    with exactly the values the warning gives; its English text is a string."""
    assert isinstance(item, dict) and set(item) == {"key", "values", "text"}, f"{where}: {item!r} is not worded"
    assert isinstance(item["text"], str) and item["text"], where
    key, values = item["key"], item["values"]
    texts = catalogue().get(key, {})
    for language in LANGUAGES:
        assert texts.get(language), f"{where}: {key} has no {language} text (screens/locale/{language}/LC_MESSAGES/sil.po)"
        assert _names(texts[language]) == set(values), f"{where}: {key} ({language}) names {_names(texts[language])}, " \
                                                      f"the warning gives {set(values)}"
    found = {key}
    for value in values.values():
        for piece in value if isinstance(value, list) else [value]:
            if isinstance(piece, dict):
                found |= keys_in(piece, where)
    return found


def check_warnings(parsed: imports.ParsedFile, where: str) -> set[str]:
    """Every warning of a parsed file keyed and sayable in each language; the keys seen."""
    found = set()
    for warning in parsed.warnings:
        assert warning["key"].startswith(WARNING_PREFIX), f"{where}: {warning['key']} is not a warning's key"
        found |= keys_in(warning, where)
        for language in LANGUAGES:
            shown = keyed_text(language, warning)
            assert "import.warning." not in shown and "import.part." not in shown, f"{where} ({language}): {shown}"
    return found


def read(data: bytes, name: str, skip_broken: bool = False) -> imports.ParsedFile | None:
    try:
        return imports.read_file(data, name, skip_broken=skip_broken)
    except imports.ImportFailure:
        return None


# One small file per warning: (bytes, file name, skip broken entries).
SAMPLES = {
    "not_utf8": (b"TY  - JOUR\nTI  - Caf\xe9 breaks\nER  - \n", "cp1252.ris", False),
    "replaced_bytes": (codecs.BOM_UTF8 + b"TY  - JOUR\nTI  - Breaks \xff\nER  - \n", "bad-byte.ris", False),
    "ris_no_er": (b"TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\nER  - \n", "no-er.ris", False),
    "ris_no_ty": (b"TY  - JOUR\nTI  - One\nER  - \nAU  - Lie, A\nTI  - Two\nER  - \n", "no-ty.ris", False),
    "ris_last_no_er": (b"TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Two\n", "last.ris", False),
    "outside_records": (b"TY  - JOUR\nTI  - One\nER  - \nstray text\n", "stray.ris", False),
    "untitled": (b"TY  - JOUR\nAU  - Roe, A\nER  - \n", "untitled.ris", False),
    "count_unread_starts": (b"@article{a, title={One}, year=2020}\n@ article{b, title={Two}}\n", "near.bib", False),
    "count_no_start": (b"PMID- 1\nTI  - One\n\nTI  - Two\n", "no-pmid.nbib", False),
    "count_differs": (b"Record #1 of 2\nTI: One\n\nRecord #2 of 2\n\n", "cochrane.txt", False),
    "foreign_lines": ((FIXTURES / "imports" / "mixed.ris").read_bytes(), "mixed.ris", False),
    "medline_unread": ((FIXTURES / "imports" / "medline_near_misses.nbib").read_bytes(), "near.nbib", False),
    "wos_last_no_er": (b"FN Clarivate\nVR 1.0\nPT J\nTI One\nER\nPT J\nTI Two\n", "last.txt", False),
    "wos_unindented": ((FIXTURES / "imports" / "wos_no_indent.txt").read_bytes(), "no-indent.txt", False),
    "wos_glued": (b"FN Clarivate\nVR 1.0\nPT J\nAUGilles, H\n   Berg, K\nTI One\nER\nEF\n", "glued.txt", False),
    "csv_no_title_column": (b"Authors,Year,DOI\nBerg K,2020,10.1/x\n", "no-title.csv", False),
    "csv_above_header": (b"Export from Oria, 2026\nTitle,Authors,Year\nOne,Berg K,2020\n", "caption.csv", False),
    "csv_swallowed": (b'Title,Authors,Year\n"One,Berg K,2020\nTwo,Lie A,2021\n', "quote.csv", False),
    "in_sheet": (workbook({"Treff": [["Search in MEDLINE"], ["Title", "Year"], ["One", 2020]]}), "caption.xlsx", False),
    "other_sheets": (workbook({"Treff": [["Title", "Year"], ["One", 2020]], "Notater": [["to check"]]}), "two.xlsx",
                     False),
    "bibtex_repeated_field": (b"@article{a, title={One}, title={Again}}\n", "field.bib", False),
    "bibtex_repeated_key": (b"@article{a, title={One}}\n@article{a, title={Two}}\n", "key.bib", False),
    "bibtex_skipped": (b"@article{good, title={One}}\n@article{bad, title={Two\n\n@article{c, title={Three}}\n", "skip.bib",
                       True),
}


@pytest.mark.parametrize("what", sorted(SAMPLES))
def test_each_sample_gives_its_warning_with_a_key_in_every_language(what):
    data, name, skip_broken = SAMPLES[what]
    parsed = imports.read_file(data, name, skip_broken=skip_broken)
    assert WARNING_PREFIX + what in check_warnings(parsed, name), [w["text"] for w in parsed.warnings]


def test_every_warning_in_the_catalogues_has_a_sample_that_gives_it():
    """The converse: no warning key is dead, so the samples above cover every warning there is."""
    keyed = {key[len(WARNING_PREFIX):] for key in catalogue() if key.startswith(WARNING_PREFIX)}
    assert keyed == set(SAMPLES)


def _calls(paths: list[Path], name: str):
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


READERS = sorted((ROOT / "imports").rglob("*.py")) + sorted((ROOT / "review" / "searches").rglob("*.py"))


def test_every_key_the_readers_word_is_in_the_catalogues_with_the_values_given():
    found = 0
    for where, call in _calls(READERS, "worded"):
        key = call.args[0]
        if isinstance(key, ast.Constant):
            keys = [key.value]
        else:  # f"import.part.format.{kind}": every key of that family
            assert isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant), f"{where}: key not a literal"
            keys = [k for k in catalogue() if k.startswith(key.values[0].value)]
            assert keys, f"{where}: no key in the catalogues starts with {key.values[0].value!r}"
        named = {kw.arg for kw in call.keywords if kw.arg}
        spread = any(kw.arg is None for kw in call.keywords)  # **values: checked where the samples give them
        for key in keys:
            assert key.startswith(("import.warning.", "import.part.")), f"{where}: {key}"
            for language in LANGUAGES:
                text = catalogue().get(key, {}).get(language)
                assert text, f"{where}: {key} has no {language} text"
                placeholders = _names(text)
                fits = named <= placeholders if spread else placeholders == named
                assert fits, f"{where}: {key} ({language}) names {placeholders}, the call gives {named}"
            found += 1
    assert found >= 40, "the scan found too few worded texts: have the readers moved?"


def test_no_reader_gives_a_warning_as_a_bare_string():
    """A warning appended or returned as a string would reach the page in English only."""
    strings = (ast.Constant, ast.JoinedStr, ast.BinOp)
    for path in READERS:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("append", "extend") \
                    and "warning" in ast.unparse(node.func.value):
                for arg in node.args:
                    items = arg.elts if isinstance(arg, ast.List) else [arg]
                    assert not any(isinstance(i, strings) for i in items), f"{where}: {ast.unparse(node)[:80]}"
            if isinstance(node, ast.FunctionDef) and "warning" in node.name:
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.List):
                        assert not any(isinstance(i, strings) for i in ret.value.elts), f"{where}: {node.name}"


def _fixture_files() -> list[Path]:
    return [p for p in sorted(FIXTURES.rglob("*")) if p.is_file() and "expected" not in p.parts and p.suffix != ".json"]


def test_the_fixtures_warn_with_keys_only():
    seen = set()
    for path in _fixture_files():
        for skip in (False, True):
            parsed = read(path.read_bytes(), path.name, skip)
            seen |= check_warnings(parsed, path.name) if parsed else set()
    assert len({k for k in seen if k.startswith(WARNING_PREFIX)}) >= 6, "the fixtures should give several kinds of warning"


@pytest.mark.corpus
def test_the_corpus_of_real_exports_warns_with_keys_only(shared_data):
    files = [p for p in sorted((shared_data / "exports").glob("*/*")) if p.name != "README.md"]
    assert files, f"{shared_data / 'exports'} holds no export files"
    seen = set()
    for path in files:
        for skip in (False, True) if path.suffix == ".bib" else (False,):
            parsed = read(path.read_bytes(), path.name, skip)
            seen |= check_warnings(parsed, str(path.relative_to(shared_data))) if parsed else set()
    assert len({k for k in seen if k.startswith(WARNING_PREFIX)}) >= 5


def _lines_of(paths: list[Path]) -> list[str]:
    lines = set()
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        lines |= {line for line in text.split("\n")[:200]}
    return sorted(lines)


LINES = _lines_of(_fixture_files()) + [data.decode("utf-8", "replace") for data, _, _ in SAMPLES.values()
                                       if not data.startswith(b"PK")]
ODD_LINES = st.sampled_from(["TY  - JOUR", "ER  - ", "TY - JOUR", "PMID- 1", "PT J", "ER", "@article{x,", "}",
                             "Record #1 of 3", "%0 Journal Article", "Title,Authors", "  continued", "stray", ""])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), ODD_LINES), min_size=1, max_size=40),
       st.sampled_from([b"", b"\xe9", codecs.BOM_UTF8, b"\xff"]), st.booleans())
def test_whatever_a_mutilated_file_makes_a_reader_say_is_keyed(lines, extra, skip_broken):
    data = "\n".join(lines).encode("utf-8")
    data = data[:3] + extra + data[3:] if extra != codecs.BOM_UTF8 else extra + data
    for name in ("mutilated.ris", "mutilated.bib", "mutilated.csv"):
        parsed = read(data, name, skip_broken)
        if parsed:
            check_warnings(parsed, name)


def test_a_warning_speaks_each_language_and_writes_its_counts_that_way():
    data = b"TY  - JOUR\nTI  - One\nER  - \n" + b"stray\n" * 1234
    (warning,) = imports.read_file(data, "stray.ris").warnings
    assert warning["text"] == "1234 line(s) outside records were ignored (first: line 4: 'stray')"  # the log's English
    assert keyed_text("en", warning) == "1,234 lines outside records were ignored (first: line 4: 'stray')"
    assert keyed_text("nb", warning) == "1\xa0234 linjer utenfor referansene ble ignorert (den første: linje 4: «stray»)"
    assert keyed_text("nn", warning) == "1\xa0234 linjer utanfor referansane vart ignorerte (den første: linje 4: «stray»)"
    (one,) = imports.read_file(b"TY  - JOUR\nTI  - One\nER  - \nstray\n", "stray.ris").warnings
    assert keyed_text("nn", one) == "1 linje utanfor referansane vart ignorert (linje 4: «stray»)"


def test_a_warning_naming_pieces_says_each_piece_in_the_language():
    untitled = b"".join(b"TY  - JOUR\nAU  - Roe, A\nER  - \n" for _ in range(12))
    (warning,) = imports.read_file(untitled, "untitled.ris").warnings
    assert keyed_text("nb", warning).startswith("12 referanser uten tittel: referanse 1 (linje 1), referanse 2 (linje 4)")
    assert keyed_text("nb", warning).endswith("referanse 10 (linje 28) og 2 til")
    assert keyed_text("nn", warning).startswith("12 referansar utan tittel: referanse 1 (linje 1)")
    data, name, skip = SAMPLES["bibtex_skipped"]
    (skipped,) = imports.read_file(data, name, skip_broken=skip).warnings
    assert keyed_text("nn", skipped).startswith("1 øydelagd BibTeX-oppføring vart hoppa over («hopp over øydelagde "
                                                "oppføringar» var valt): @article{bad (linje 2): ")
    assert "(oppdaga på linje 4)" in keyed_text("nn", skipped) and "(oppdaget på linje 4)" in keyed_text("nb", skipped)


def test_an_old_plain_string_warning_and_an_unknown_key_are_shown_in_their_english():
    assert keyed_text("nb", "line 3: record 1 had no ER line") == "line 3: record 1 had no ER line"
    later = {"key": "import.warning.from_a_later_version", "values": {}, "text": "something new"}
    assert keyed_text("nb", later) == "something new"


@pytest.fixture
def bokmal_lead(app, conn, make_user):
    lead = make_user("kari")
    users.set_language(conn, lead, "nb")
    project_id = projects.create_project(conn, lead, "Hjemmekontor")
    login(app, "kari")
    return project_id


def test_an_import_with_warnings_shows_them_in_bokmal_and_the_search_log_keeps_english(app, conn, bokmal_lead):
    upload = [("files", "small.ris", (FIXTURES / "small.ris").read_bytes())]
    response = app.post(f"/projects/{bokmal_lead}/searches", {"csrf_token": csrf_of(app)}, upload_files=upload, status=303)
    page = app.get(response.location)
    shown = [li.text for li in page.html.select("ul.warnings li")]
    assert shown == ["linje 24: den siste referansen (referanse 2) hadde ingen ER-linje; den ble beholdt",
                     "3 linjer utenfor referansene ble ignorert (den første: linje 1: «1.»)"]
    assert "had no ER" not in page.text and "outside records" not in page.text
    assert not any(li.get("lang") for li in page.html.select("ul.warnings li"))
    log = app.get(f"/projects/{bokmal_lead}/searches/log.csv").text
    assert "had no ER line" in log and "ER-linje" not in log  # the PRISMA-S appendix stays in English


def test_a_search_imported_before_warnings_had_keys_still_shows_its_english(app, conn, bokmal_lead):
    old = "line 3: record 1 had no ER line; it ends where the next TY starts"
    searches.create_search(conn, bokmal_lead, None, "old.ris", "2" * 64, "ris", warnings=[old])
    page = app.get(f"/projects/{bokmal_lead}/searches")
    (item,) = page.html.select("ul.warnings li")
    assert item.text == old and item.get("lang") == "en"  # marked as English for screen readers and the page walk
    assert old in app.get(f"/projects/{bokmal_lead}/searches/log.csv").text
