"""Attack strings and a checker that finds script a browser would run in a page (shared by the hostile-input tests)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

PAYLOAD = '<script>alert("sil")</script><img src=x onerror=alert(1)><svg onload=alert(2)>"\'><iframe src=javascript:alert(3)>'
JS_URL = "javascript:alert(document.cookie)"
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)")
SQL = ("' OR '1'='1", "'; DROP TABLE records; --", '" OR 1=1 --', "1) OR (1=1", "%' UNION SELECT name, password_hash FROM users --",
       "title:*", 'NEAR("a" "b")', "*", "\"", "AND OR NOT", "\x00", "a\\", "ü' --")


class ScriptFinder(HTMLParser):
    """Collects what would run: script elements with inline code, on* handlers, javascript: URLs, frames."""

    URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in self.URL_ATTRIBUTES and value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value!r}>")
        # a data block (schema.org JSON-LD) is never run by a browser; that its text cannot end the element
        # early is tested in tests/test_portal_meta_properties.py
        data_block = (dict(attrs).get("type") or "").strip().lower() in ("application/ld+json", "application/json")
        if tag == "script" and not data_block:
            src = dict(attrs).get("src") or ""
            if not src.startswith(("/static/", "portal.js", "../portal.js", "../../portal.js")) and not src.endswith("portal.js"):
                self.in_script = True
        if tag in ("iframe", "object", "embed") and "fulltext" not in (dict(attrs).get("src") or ""):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.found.append(f"<script>{data[:40]}")


def scripts_in(html: str) -> list[str]:
    """What in this HTML would run an attacker's script; [] when the page is safe."""
    finder = ScriptFinder()
    finder.feed(html)
    return finder.found
