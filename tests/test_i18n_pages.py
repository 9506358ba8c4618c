"""Every page, in a pseudo-language, on a project with data in every area: no interface text is left untranslated.

The pseudo-language (screens.i18n.PSEUDO) shows every catalogue message as bokmål between ⟦ and ⟧.
A text a person can see (or hear: title, aria-label, alt, placeholder) that is outside those marks is
interface text that bypassed the catalogue, unless it is record content or what a user typed, which
templates mark with data-content (or lang=..., or translate="no"), or a number, a symbol, a date
formatted by Babel (marked too), or one of the few names that are the same in every language.
"""
import itertools
import re
from html.parser import HTMLParser

import pytest
from conftest import login
from review_factory import published

import screens.app
from review.accounts import users
from review.appraisal import evidence, extraction, studies
from review.appraisal.rob import assessments as rob
from review.demo import builder as demo
from review.projects import project as projects
from review.publishing import drafts as summary_drafts
from review.screening import decisions as screening
from review.screening import fulltext as screening_fulltext
from review.screening.blinding import release_outcomes
from screens.i18n import LANGUAGES, PSEUDO, PSEUDO_MARKS

OPEN, CLOSE = PSEUDO_MARKS
PARAM = re.compile(r"<(\w+)(?::[^>]*)?>")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"head", "script", "style", "textarea", "template", "svg", "kbd"}  # kbd: the key's letter
SPOKEN = ("title", "aria-label", "alt", "placeholder")
# names of formats, standards and tools: written the same in English and bokmål
SAME_IN_EVERY_LANGUAGE = {"CSV", "RIS", "XLSX", "SVG", "PNG", "PDF", "HTML", "DOCX", "JSON", "ZIP", "Atom", "PRISMA",
                          "GRADE", "LIX", "Sil", "κ", "RoB", "ROBINS-I", "ROBINS-E", "RoB 2", "SoF", "PICO", "DOI",
                          "PMID", "ISSN", "MEDLINE", "Embase", "URL", "ID", "p", "SHA-256", "Ovid",
                          "Y", "PY", "PN", "N", "NI", "NA",  # RoB answer codes
                          "SHA", "OR", "RR", "HR", "IRR", "RD", "MD", "SMD", "CI"}  # effect measures


class InterfaceText(HTMLParser):
    """Collects the visible text outside record content, and spoken attributes, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, is content or skipped)
        self.chunks: list[str] = []
        self.attributes: list[str] = []

    def _inside_content(self) -> bool:
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        content = ("data-content" in attrs or attrs.get("translate") == "no" or tag in SKIPPED
                   or ("lang" in attrs and tag != "html") or attrs.get("type") == "hidden")
        if not self._inside_content() and not content:
            for name in SPOKEN:
                if attrs.get(name):
                    self.attributes.append(f"{tag}[{name}]={attrs[name]}")
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.attributes.append(f"input[value]={attrs['value']}")
        if tag not in VOID:
            self.stack.append((tag, content))
        else:
            self.chunks.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        self.chunks.append(" ")

    def handle_data(self, data):
        if not self._inside_content():
            self.chunks.append(data)


def unmarked(text: str) -> str:
    """What is left of a text once every ⟦…⟧ (nested too) is taken out."""
    out, depth = [], 0
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def untranslated(text: str) -> list[str]:
    """Pieces of unmarked text with letters in them that are not names every language shares."""
    found = []
    for piece in re.split(r"[\s·|/,:;()\[\]–—-]+", unmarked(text)):
        piece = piece.strip(".!?«»\"'…#*+=%‰§©✓✗×→←↑↓")
        # one letter is a footnote mark or a key, not a word
        if re.search(r"[^\W\d_]", piece) and len(piece) > 1 and piece not in SAME_IN_EVERY_LANGUAGE:
            found.append(piece)
    return found


def interface_leftovers(html: str) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    leftovers = untranslated("".join(parser.chunks))
    leftovers += [a for a in parser.attributes if untranslated(a.split("=", 1)[1])]
    return leftovers


def test_the_checker_sees_english_outside_the_marks_and_ignores_marked_content():
    assert interface_leftovers("<p>⟦Lagre⟧</p>") == []
    assert interface_leftovers("<p>⟦Lagre⟧ Save</p>") == ["Save"]
    assert interface_leftovers('<p data-content>Rest breaks for nurses</p><p>12 · 95,0 %</p>') == []
    assert interface_leftovers('<button title="Open the record">⟦Åpne⟧</button>') == ['button[title]=Open the record']
    assert interface_leftovers("<ul><li>⟦a ⟦b⟧ c⟧<li>Included</ul>") == ["Included"]
    assert interface_leftovers("<p>⟦Eksporter⟧ CSV</p><script>var x = 'English';</script>") == []


@pytest.fixture
def world(app, conn, tmp_path, monkeypatch):
    """The demo review (searches, duplicates, decisions, conflicts) plus full text, extraction, RoB, GRADE and summaries."""
    monkeypatch.setattr(screens.app, "LANGUAGES", LANGUAGES + (PSEUDO,))
    demo.ensure_demo(conn)
    pid = projects.resolve_project(conn, demo.DEMO_TITLE)["id"]
    ids = {name: users.find_user(conn, name)["id"] for name in ("lead", "anna", "bjorn", "kari")}
    for user_id in ids.values():
        users.set_language(conn, user_id, PSEUDO)
    both = [row[0] for row in conn.execute(
        "SELECT record_id FROM screening_state WHERE project_id = ? AND stage = 1 AND state = 'settled'"
        " AND outcome = 'include' ORDER BY record_id", (pid,))]
    assert len(both) >= 2, "the demo should have records both reviewers included"
    release_outcomes(conn, pid, ids["lead"], 1)  # blinded reviewers screen the full texts the lead released
    files = app.app.config["sil.files"]
    screening_fulltext.attach_pdf(conn, files, pid, ids["anna"], both[0], b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n",
                                  "smith2020.pdf")
    screening.record_decision(conn, pid, ids["anna"], both[0], 2, "include")
    reason = conn.execute("SELECT id FROM exclusion_reasons WHERE project_id = ? LIMIT 1", (pid,)).fetchone()[0]
    screening.record_decision(conn, pid, ids["bjorn"], both[0], 2, "exclude", reason_id=reason)
    study = studies.create_study(conn, pid, ids["lead"], "Smith 2020", both[:1], design="randomised")
    extraction.save_values(conn, study, ids["anna"], {"country": "Norway", "sample_size": 40})
    extraction.submit(conn, study, ids["anna"])
    assessment = rob.open_assessment(conn, study, ids["anna"], "rob2", "Fatigue")
    rob.record_judgements(conn, assessment, ids["anna"], {f"d{i}.judgement": "low" for i in range(1, 6)})
    rob.submit_assessment(conn, assessment, ids["anna"])
    robins = [rob.open_assessment(conn, study, ids["anna"], tool, "Fatigue") for tool in ("robins_i", "robins_e")]
    outcome = evidence.create_outcome(conn, pid, ids["lead"], "Fatigue", [study])
    evidence.rate(conn, outcome, ids["lead"], "imprecision", "serious", "Few participants")
    # the demo publishes its summary in every language; a project without one gets nb and en here
    found = conn.execute("SELECT id FROM summaries WHERE project_id = ? AND lang = 'nb'", (pid,)).fetchone()
    summary = found[0] if found else published(conn, pid, {"comm": ids["kari"], "lead": ids["lead"]})
    if not found:
        published(conn, pid, {"comm": ids["kari"], "lead": ids["lead"]}, lang="en")
    # two writers' drafts: Kari's started before the first version, so her editor lists the versions since,
    # offers to save over them and shows the lead's newer draft; the lead's shows Kari's
    summary_drafts.save_draft(conn, summary, ids["kari"], {"title": "Kari's draft"}, based_on=0)
    summary_drafts.save_draft(conn, summary, ids["lead"], {"title": "The lead's draft"})
    values = {"project_id": [pid], "stage": ["1", "2"], "record_id": [both[0], both[1]], "study_id": [study],
              "outcome_id": [outcome], "assessment_id": [assessment, *robins], "summary_id": [summary], "lang": ["nb", "nn", "en"],
              "user_id": [ids["anna"]]}
    return {"pid": pid, "ids": ids, "values": values}


def _pages(app, values):
    for route in app.app.routes:
        # the portal (in the language of its address, not the reader's) and the routes that serve files need
        # values of their own: tests/test_i18n_pages_public.py walks them
        if route.method != "GET" or route.rule.startswith("/portal") or "<path" in route.rule or "<what>" in route.rule or "<fmt>" in route.rule \
                or "<ext" in route.rule or "<name" in route.rule:
            continue
        names = PARAM.findall(route.rule)
        for combo in itertools.product(*(values.get(n, [1]) for n in names)):
            path = route.rule
            for value in combo:
                path = PARAM.sub(str(value), path, count=1)
            yield path


@pytest.mark.parametrize("who", ["lead", "anna", "kari"])
def test_every_page_is_translated_for_every_role(app, conn, world, who):
    login(app, who, demo.DEMO_PASSWORD)
    problems, shown = {}, 0
    for path in _pages(app, world["values"]):
        response = app.get(path, expect_errors=True)
        if response.status_int >= 500:
            problems[path] = [f"status {response.status}"]
            continue
        if "text/html" not in response.content_type:
            continue
        shown += response.status_int == 200
        leftovers = interface_leftovers(response.text)
        if leftovers:
            problems[path] = sorted(set(leftovers))
    assert shown >= (25 if who == "lead" else 12), f"only {shown} pages rendered: did the walk lose its data?"
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_the_walks_language_refuses_no_page_that_bokmal_shows(app, conn, world):
    """A page that refuses the pseudo-language would stay out of the walk unseen (an error page is all it checks)."""
    login(app, "lead", demo.DEMO_PASSWORD)
    pseudo = {path: app.get(path, expect_errors=True).status_int for path in _pages(app, world["values"])}
    users.set_language(conn, world["ids"]["lead"], "nb")
    refused = [path for path, status in pseudo.items() if status >= 400 and app.get(path, expect_errors=True).status_int < 400]
    assert not refused, f"pages that refuse only the walk's language: {refused}"


def test_every_action_in_the_walks_audit_log_has_words(app, conn, world):
    """The audit log shows each action in words (its code stays beside it, for searching)."""
    from screens.i18n import catalogue

    actions = {row[0] for row in conn.execute("SELECT DISTINCT action FROM audit_events")}
    assert len(actions) >= 15
    missing = sorted(a for a in actions if f"audit.action.{a}" not in catalogue())
    assert not missing, missing
