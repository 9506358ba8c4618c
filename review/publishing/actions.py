"""What a person may do with a summary right now, and what happens next: the editor offers only these
actions (no "Publish" before the lead approved) and says the next step in words."""
from __future__ import annotations

from typing import Any

from review.publishing import content as summary_content
from review.publishing.summaries import TRANSITIONS, WRITERS


def actions_now(summary: dict[str, Any] | None, role: str) -> dict[str, Any]:
    """{'actions': [...], 'next': message key, 'missing': [fields]} for a summary (None: not started)."""
    if summary is None or summary.get("latest") is None:
        return {"actions": [], "next": "summaries.next.write" if role in WRITERS else "summaries.next.not_started",
                "missing": []}
    state, latest = summary["state"], summary["latest"]
    approved = summary["approved_version_id"] is not None and summary["approved_version_id"] == latest["id"]
    missing = summary_content.missing_for_review(latest["content"]) if state == "draft" else []
    allowed = [action for action, (_, roles) in TRANSITIONS[state].items() if role in roles]
    ready = {"submit": not missing, "approve": not approved, "publish": approved}
    actions = [a for a in allowed if ready.get(a, True)]
    return {"actions": actions, "next": _next(state, role, approved, missing), "missing": missing}


def _next(state: str, role: str, approved: bool, missing: list[str]) -> str:
    if role not in WRITERS:
        return f"summaries.next.reader_{state}"
    if state == "draft":
        return "summaries.next.missing" if missing else "summaries.next.submit"
    if state == "in_review":
        if approved:
            return "summaries.next.approved"
        return "summaries.next.lead_review" if role == "lead" else "summaries.next.waiting"
    return f"summaries.next.{state}"
