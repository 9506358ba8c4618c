"""Properties of what the portal puts in a page's head and in its ids, for any text a writer can type."""
import json
import re

from conftest import fuzz_examples
from hypothesis import given, settings
from hypothesis import strategies as st

from exports import portal_meta
from exports.summary_files import _md
from screens.portal_language import PORTAL_LANGS, pick_portal_language

EXAMPLES = settings(max_examples=fuzz_examples(60), deadline=None)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


def item(title, messages, topics):
    return {"id": 7, "lang": "nn", "title": title, "topics": topics, "version": 2, "review_title": title,
            "first_published_at": "2026-11-01T10:00:00Z", "published_at": "2026-11-02T10:00:00Z",
            "content": {"title": title, "key_messages": messages, "report_url": "https://example.org/r"}}


@EXAMPLES
@given(title=text, messages=st.lists(text, max_size=3), topics=st.lists(text, max_size=3))
def test_json_ld_reads_back_as_written_and_never_ends_its_script(title, messages, topics):
    head = portal_meta.head_html(item(title, messages, topics), "https://portal.example.no/nn/7")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block) == json.loads(json.dumps(portal_meta.json_ld(item(title, messages, topics),
                                                                          "https://portal.example.no/nn/7")))
    assert head.count("<script") == 1


@EXAMPLES
@given(host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){1,2}", fullmatch=True),
       other=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){1,2}", fullmatch=True))
def test_two_hosts_never_share_an_entry_id(host, other):
    a = portal_meta.entry_id(item("t", [], []), f"https://{host}/")
    b = portal_meta.entry_id(item("t", [], []), f"https://{other}/")
    assert (a == b) == (host == other)
    assert a.startswith(f"tag:{host},2026-11-01:")


@EXAMPLES
@given(header=st.text(max_size=60))
def test_any_accept_language_gives_a_portal_language(header):
    assert pick_portal_language(header) in PORTAL_LANGS


@EXAMPLES
@given(words=text)
def test_markdown_escaping_leaves_no_active_character_unescaped(words):
    rest = re.sub(r"\\.", "", _md(words), flags=re.S)  # what is left once every escaped pair is taken out
    assert not set(rest) & set("\\`*_{}[]<>#|")
