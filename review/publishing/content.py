"""What a plain-language summary holds, checked: title, 2-3 key messages, the sections, findings, link."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from review.publishing.wording import normalise_certainty
from review.store import Invalid

SECTIONS = ("why", "what_for", "what_did", "what_found", "limitations", "up_to_date", "workplaces")
MAX_FIELD = 20_000


def empty_content() -> dict[str, Any]:
    """A blank summary as the editor starts it."""
    return {"title": "", "key_messages": ["", "", ""], **{s: "" for s in SECTIONS}, "findings": [],
            "report_url": ""}


def clean_content(raw: dict[str, Any]) -> dict[str, Any]:
    """The content as stored: known fields only, text trimmed, link and certainties checked."""
    content = empty_content()
    content["title"] = _text(raw.get("title"), "title")
    content["key_messages"] = [_text(m, "key message") for m in raw.get("key_messages") or [] if str(m or "").strip()]
    for section in SECTIONS:
        content[section] = _text(raw.get(section), section)
    content["findings"] = [_finding(f) for f in raw.get("findings") or [] if (f.get("text") or "").strip()]
    content["report_url"] = check_url(_text(raw.get("report_url"), "report_url"))
    return content


def clean_topics(topics: Any) -> list[str]:
    """Topics as a sorted list without blanks or repeats; a comma-separated string is split."""
    if isinstance(topics, str):
        topics = topics.split(",")
    seen = {str(t).strip().lower(): str(t).strip() for t in topics or [] if str(t).strip()}
    return sorted(seen.values(), key=str.lower)


def check_url(url: str) -> str:
    """Only http(s) links to the full report: a javascript: link on a public page would run script."""
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise Invalid(f"the link to the full report must start with http:// or https://, not {url[:40]!r}",
                      "error.summary.bad_url", url=url[:40])
    return url


def missing_for_review(content: dict[str, Any]) -> list[str]:
    """What must be filled before a summary goes to review (empty list when complete)."""
    missing = [] if content["title"] else ["title"]
    if not 2 <= len(content["key_messages"]) <= 3:
        missing.append("key_messages")
    missing += [s for s in SECTIONS if not content[s]]
    if not content["report_url"]:
        missing.append("report_url")
    return missing


def full_text(content: dict[str, Any]) -> str:
    """The prose of the summary in reading order, for word count and LIX."""
    parts = [content["title"], *content["key_messages"], *[content[s] for s in SECTIONS],
             *[f["text"] for f in content["findings"]]]
    return "\n".join(p for p in parts if p)


def _text(value: Any, name: str) -> str:
    text = "" if value is None else str(value).replace("\r\n", "\n").strip()
    if len(text) > MAX_FIELD:
        raise Invalid(f"{name} is {len(text)} characters long; keep it under {MAX_FIELD}",
                      "error.summary.too_long", field=name, length=len(text), max=MAX_FIELD)
    return text


def _finding(raw: dict[str, Any]) -> dict[str, str]:
    certainty = raw.get("certainty") or ""
    return {"outcome": _text(raw.get("outcome"), "finding outcome"),
            "certainty": normalise_certainty(certainty) if certainty else "",
            "text": _text(raw.get("text"), "finding")}
