"""The page walk of tests/test_i18n_pages.py, extended to what it leaves out: the public portal in each of
its languages, and the routes that serve files and formats, visited with the values the app offers.

The portal's language comes from its address (/portal/nn/...), not from the reader's account, so there is
no pseudo-language to show it in: each page is rendered in nb, nn and en with every catalogue text that
exists in that language between ⟦ and ⟧ (a bokmål fallback on a nynorsk page, or English on a bokmål one,
stays unmarked) and checked like the app's pages. The file routes (<what>.<fmt>, <ext>, <path>, <name>)
are visited with every format and file the code lists and every such link and export form the walked
pages offer: none may answer with a 5xx, each route must serve at least one file, and what comes back as
HTML must be translated.
"""
from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import bottle
import pytest
from conftest import login
from test_i18n_pages import PARAM, _pages, interface_leftovers, untranslated, world  # noqa: F401 (world: the fixture)

import exports.portal_pages
import exports.prisma_text as prisma_text
import screens.exports
import screens.portal
from exports.portal_meta import STATEMENT_SLUGS
from review import publishing
from review.appraisal.rob import assessments as rob
from review.demo import builder as demo
from review.publishing.exports import EXPORTS
from review.publishing.offers import OFFERS
from review.screening import add_label
from screens import portal_language
from screens.extraction import APPRAISAL_EXPORTS
from screens.i18n import PSEUDO_MARKS, catalogue

OPEN, CLOSE = PSEUDO_MARKS
PORTAL_LANGS = portal_language.PORTAL_LANGS
STATIC = Path(screens.portal.__file__).resolve().parent / "static"
FILE_PARAMS = ("<path", "<what>", "<fmt>", "<ext", "<name")
FILE_ROUTE_NAMES = {"project_export_file", "screening_export"}  # files named by their query string


def marked_gettext(lang: str):
    """The portal's translator for one language, marking each text the catalogue has in that language."""
    def _(key: str, **values: object) -> str:
        text = portal_language.portal_text(lang, key, **values)
        return f"{OPEN}{text}{CLOSE}" if catalogue().get(key, {}).get(lang) else text
    return _


@pytest.fixture
def marked_portal(monkeypatch):
    monkeypatch.setattr(screens.portal, "gettext_for", marked_gettext)
    dated = exports.portal_pages.page_date
    # a date is Babel's, in the page's language: marked like a message
    monkeypatch.setattr(exports.portal_pages, "page_date", lambda stamp, lang: f"{OPEN}{dated(stamp, lang)}{CLOSE}")
    # the PRISMA diagram's words (and its text alternative's) are exports/prisma_text.py's own table, per language
    labels = prisma_text.labels
    monkeypatch.setattr(prisma_text, "labels", lambda lang: {key: f"{OPEN}{text}{CLOSE}" for key, text in labels(lang).items()}
                        if lang in prisma_text.LABELS else labels(lang))


def _portal_paths(app, conn) -> dict[str, list[tuple[str, str]]]:
    """Every portal route with real values: route rule -> [(path, the language its page should be in)]."""
    summaries = {lang: [s["id"] for s in publishing.published_summaries(conn, lang=lang)] for lang in PORTAL_LANGS}
    assert all(summaries.values()), f"the walk needs a published summary in every language: {summaries}"
    topics = {lang: sorted({t for s in publishing.published_summaries(conn, lang=lang) for t in s["topics"]})
              for lang in PORTAL_LANGS}
    paths: dict[str, list[tuple[str, str]]] = {}
    for route in app.app.routes:
        if route.method != "GET" or not route.rule.startswith("/portal"):
            continue
        found = paths.setdefault(route.rule, [])
        for lang in PORTAL_LANGS:
            values = {"lang": [lang], "summary_id": summaries[lang] + [999999], "slug": [STATEMENT_SLUGS[lang]],
                      "ext": ["svg", "png"], "name": ["portal.css", "portal.js"],
                      "rest": [f"{lang}/no-such-page", "no-such-page"]}
            names = PARAM.findall(route.rule)
            assert set(names) <= set(values), f"{route.rule}: the walk has no values for {set(names) - set(values)}"
            for combo in itertools.product(*(values[n] for n in names)):
                path = route.rule
                for value in combo:
                    path = PARAM.sub(str(value), path, count=1)
                found.append((path, lang))
            if route.rule == "/portal/<lang:re:nb|nn|en>/":
                found += [(f"/portal/{lang}/?" + urlencode({"topic": t}), lang) for t in topics[lang]]
                found.append((f"/portal/{lang}/?q=a", lang))
    return {rule: sorted(set(found)) for rule, found in paths.items()}


def _accept(lang: str) -> dict[str, str]:
    return {"Accept-Language": {"nb": "nb-NO,nb;q=0.9", "nn": "nn-NO,nn;q=0.9", "en": "en-GB,en;q=0.9"}[lang]}


def test_every_portal_page_speaks_the_language_of_its_address(app, conn, world, marked_portal):
    app.reset()  # the public site: nobody logged in
    problems, html_pages, served = {}, 0, set()
    walked = _portal_paths(app, conn)
    for rule, paths in walked.items():
        for path, lang in paths:
            response = app.get(path, headers=_accept(lang), expect_errors=True)
            where = f"{path} ({lang})"
            if response.status_int >= 500:
                problems[where] = [f"status {response.status}"]
                continue
            served |= {rule} if response.status_int < 400 else set()
            if "text/html" not in response.content_type:
                continue
            html_pages += 1
            page_lang = response.html.find("html").get("lang")
            leftovers = [f"<html lang={page_lang}>"] if page_lang != lang else []
            leftovers += interface_leftovers(response.text)
            if leftovers:
                problems[where] = sorted(set(leftovers))
    assert html_pages >= 30, f"only {html_pages} portal pages rendered: did the walk lose its data?"
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())
    unserved = sorted(set(walked) - served - {"/portal/<rest:path>"})  # that one is the portal's 404 page
    assert not unserved, f"portal routes that answered nothing but errors with real values: {unserved}"


class Offered(HTMLParser):
    """The links a page offers (href and src) and its GET forms with every choice their selects give."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: set[str] = set()
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.add(attrs[name])
        if tag == "form" and (attrs.get("method") or "get").lower() == "get" and attrs.get("action"):
            self.forms.append((attrs["action"], {}))
        elif self.forms and tag in ("input", "select") and attrs.get("name"):
            fields = self.forms[-1][1]
            if tag == "select":
                self._select = attrs["name"]
                fields.setdefault(attrs["name"], [])
            elif attrs.get("type") in (None, "hidden", "text", "search") and attrs.get("value") is not None:
                fields.setdefault(attrs["name"], []).append(attrs["value"])
        elif tag == "option" and self.forms and self._select and attrs.get("value"):
            self.forms[-1][1][self._select].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _file_rule(app, path: str) -> str | None:
    """The rule of the file route that serves this path, or None."""
    try:
        route, _ = app.app.router.match({"PATH_INFO": urlsplit(path).path, "REQUEST_METHOD": "GET"})
    except bottle.HTTPError:  # no route serves it
        return None
    return route.rule if _serves_files(route) else None


def _serves_files(route) -> bool:
    return any(p in route.rule for p in FILE_PARAMS) or route.name in FILE_ROUTE_NAMES


def _offered_files(app, values) -> dict[str, set[str]]:
    """Every file link and export-form choice on the pages of the walk, by the rule that serves it."""
    offered: dict[str, set[str]] = {}
    for path in _pages(app, values):
        response = app.get(path, expect_errors=True)
        if "text/html" not in response.content_type:
            continue
        parser = Offered()
        parser.feed(response.text)
        links = {link for link in parser.links if link.startswith("/")}
        for action, fields in parser.forms:
            choices = [[(name, v) for v in vs] or [(name, "")] for name, vs in fields.items()]
            links |= {action + "?" + urlencode(combo) for combo in itertools.product(*choices)}
        for link in links:
            rule = _file_rule(app, link)
            if rule:
                offered.setdefault(rule, set()).add(link)
    return offered


def _listed_files(pid: int, label: str) -> dict[str, set[str]]:
    """The file routes with what the code lists: every export in every format (with each choice it needs),
    every static file."""
    export_files = set()
    for what, (_, formats) in EXPORTS.items():
        needs = OFFERS[what][0]
        choices = [[("stage", s) for s in (1, 2)] if "stage" in needs else [],
                   [("summary_lang", lang) for lang in PORTAL_LANGS] if "summary_lang" in needs else [],
                   [("label", label)] if "label" in needs else []]
        for fmt in formats:
            for combo in itertools.product(*(c for c in choices if c)):
                export_files.add(f"/projects/{pid}/exports/file?" + urlencode([("what", what), ("format", fmt), *combo]))
    return {
        "/static/<path:path>": {f"/static/{p.relative_to(STATIC).as_posix()}" for p in STATIC.rglob("*") if p.is_file()},
        "/projects/<project_id:int>/export/<what>.<fmt>": {f"/projects/{pid}/export/{what}.{fmt}"
                                                           for what in APPRAISAL_EXPORTS for fmt in EXPORTS[what][1]},
        "/projects/<project_id:int>/prisma.<ext>": {f"/projects/{pid}/prisma.{ext}?lang={lang}"
                                                    for ext in EXPORTS["prisma"][1] for lang in PORTAL_LANGS},
        "/projects/<project_id:int>/searches/log.<fmt>": {f"/projects/{pid}/searches/log.{fmt}"
                                                          for fmt in EXPORTS["searches"][1]},
        "/projects/<project_id:int>/records/export.<fmt>": {f"/projects/{pid}/records/export.{fmt}"
                                                            for fmt in EXPORTS["records"][1]},
        "/projects/<project_id:int>/records/filtered.<fmt>": {f"/projects/{pid}/records/filtered.{fmt}"
                                                              for fmt in EXPORTS["records"][1]},
        "/projects/<project_id:int>/exports/file": export_files,
    }


@pytest.fixture
def with_files(conn, world):
    """The walk's review with what its file routes need to serve every file: a consensus risk-of-bias
    assessment (the plot) and a label on a record (the labelled records)."""
    lead, study = world["ids"]["lead"], world["values"]["study_id"][0]
    agreed = rob.open_assessment(conn, study, lead, "rob2", "Fatigue", consensus=True)
    rob.record_judgements(conn, agreed, lead, {f"d{i}.judgement": "some_concerns" for i in range(1, 6)})
    add_label(conn, world["pid"], lead, [world["values"]["record_id"][0]], "Skiftarbeid")
    return {**world, "label": "Skiftarbeid"}


def _summary_words(conn, lang: str) -> set[str]:
    """The words of what the communicators wrote in the published summary in lang (title, text, topics)."""
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
    return set(untranslated(" ".join(s for item in publishing.published_summaries(conn, lang=lang) for s in strings(item))))


def _html_leftovers(conn, path: str, html: str) -> list[str]:
    """The interface text of an HTML file not in its language. A summary's HTML is an article in the summary's
    language, with the portal's texts: those must be marked, and every other word the summary's own."""
    query = dict(parse_qsl(urlsplit(path).query))
    if query.get("what") != "summary":
        return interface_leftovers(html)
    lang = query.get("summary_lang")
    opened = re.match(r'<article lang="(\w+)">', html)
    if not opened or opened.group(1) != lang:
        return [f"the article is not in {lang}: {html[:40]!r}"]
    leftovers = interface_leftovers(html.replace(opened.group(0), "<article>", 1))
    return sorted(set(leftovers) - _summary_words(conn, lang))


@pytest.mark.parametrize("who", ["lead", "anna"])
def test_every_file_the_app_offers_is_served_and_its_html_translated(app, conn, with_files, marked_portal,
                                                                   monkeypatch, who):
    monkeypatch.setattr(screens.exports, "portal_gettext", marked_gettext)  # the summary exports' texts
    login(app, who, demo.DEMO_PASSWORD)
    listed = _listed_files(with_files["pid"], with_files["label"])
    to_visit = {rule: set(paths) for rule, paths in listed.items()}
    for rule, links in _offered_files(app, with_files["values"]).items():
        to_visit.setdefault(rule, set()).update(links)
    file_rules = {r.rule for r in app.app.routes if r.method == "GET" and not r.rule.startswith("/portal") and _serves_files(r)}
    assert file_rules <= set(to_visit), f"file routes the walk has no values for: {sorted(file_rules - set(to_visit))}"
    problems, served = {}, set()
    for rule in sorted(to_visit):
        for path in sorted(to_visit[rule]):
            response = app.get(path, expect_errors=True)
            if response.status_int >= 500:
                problems[path] = [f"status {response.status}"]
                continue
            if response.status_int == 200:
                served |= {rule, path}
            if "text/html" in response.content_type:
                leftovers = _html_leftovers(conn, path, response.text)
                if leftovers:
                    problems[path] = sorted(set(leftovers))
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())
    unserved = sorted(rule for rule in file_rules if rule not in served)
    assert not unserved, f"routes that served no file with the values the app offers: {unserved}"
    if who == "lead":  # the lead may take every export: each one, in each format, is a file
        missing = sorted(path for path in listed["/projects/<project_id:int>/exports/file"] if path not in served)
        assert not missing, f"exports the lead could not download: {missing}"
