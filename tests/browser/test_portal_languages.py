"""axe-core in headless Chromium on every portal page in bokmål, nynorsk and English, live and static,
at normal size, at 200 % zoom (a 640 CSS px wide window at device scale 2) and 320 CSS px wide (WCAG
1.4.10 reflow: no horizontal scrolling). No serious or critical WCAG 2.1 A/AA violation may appear.

With SIL_RECORD_AXE=1 the run writes its figures to exports/axe_results.json, which the portal's
accessibility statement reads (see docs/outputs.md)."""
import datetime as dt
import json
import os

import pytest

from exports.portal import export_site
from review.demo import builder as demo
from review.publishing import publications
from screens.portal import gettext_for
from tests.browser.test_accessibility import AXE, TAGS

pytestmark = pytest.mark.browser
MODES = {"normal": {"viewport": {"width": 1280, "height": 900}},
         "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
         "reflow320": {"viewport": {"width": 320, "height": 256}}}
RESULTS = {"pages": set(), "serious": 0, "other": 0}


@pytest.fixture(scope="module", autouse=True)
def record_results():
    yield
    if os.environ.get("SIL_RECORD_AXE") and RESULTS["pages"]:
        from exports.portal_meta import AXE_RESULTS

        version = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
        AXE_RESULTS.write_text(json.dumps({
            "date": dt.date.today().isoformat(), "axe_version": version, "tags": TAGS, "modes": sorted(MODES),
            "languages": ["nb", "nn", "en"], "pages": len(RESULTS["pages"]),
            "serious": RESULTS["serious"], "other": RESULTS["other"]}, indent=2) + "\n", encoding="utf-8")


def check(tab, url: str, mode: str) -> list[str]:
    tab.goto(url)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    RESULTS["pages"].add(url.split("?")[0].split("127.0.0.1")[-1])
    RESULTS["serious"] += len(serious)
    RESULTS["other"] += len(result["violations"]) - len(serious)
    if mode == "reflow320":
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            serious.append(f"reflow: the page scrolls {overflow} px sideways at 320 CSS px")
    return serious


@pytest.fixture
def demo_site(conn):
    demo.ensure_demo(conn)
    return {i["lang"]: i["id"] for i in publications.published_summaries(conn)}


def contexts(chromium):
    for mode, options in MODES.items():
        context = chromium.new_context(locale="nb-NO", bypass_csp=True, **options)
        tab = context.new_page()
        tab.set_default_timeout(15000)
        yield mode, tab
        context.close()


@pytest.fixture
def require_axe():
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: run `npm install`")
        pytest.skip(f"{AXE} is missing: run `npm install` in the repository root")


def test_live_portal_in_three_languages_at_three_sizes(require_axe, chromium, live_server, demo_site):
    slugs = {"nb": "tilgjengelighetserklaering", "nn": "tilgjengelegheitserklaering", "en": "accessibility-statement"}
    paths = ["/portal/"]
    for lang, sid in demo_site.items():
        paths += [f"/portal/{lang}/", f"/portal/{lang}/{sid}", f"/portal/{lang}/{slugs[lang]}", f"/portal/{lang}/404404",
                  f"/portal/{lang}/?topic=Helse"]
    failures = []
    for mode, tab in contexts(chromium):
        for path in paths:
            failures += [f"{mode} {path}: {v}" for v in check(tab, live_server + path, mode)]
    assert failures == []


def test_static_portal_in_three_languages_at_three_sizes(require_axe, chromium, conn, demo_site, tmp_path):
    site = tmp_path / "site"
    files = export_site(site, publications.published_summaries(conn), gettext_for, "https://portal.example.no/")
    pages = [f for f in files if f.endswith(".html")]
    assert {p.split("/")[0] for p in pages if "/" in p} >= {"nb", "nn", "en"}
    failures = []
    for mode, tab in contexts(chromium):
        for page in pages:
            failures += [f"{mode} {page}: {v}" for v in check(tab, (site / page).as_uri(), mode)]
    assert failures == []
