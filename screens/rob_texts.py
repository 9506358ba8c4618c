"""Risk-of-bias tool texts in the reader's language: tool names, domains, signalling questions, answers, notes.

A built-in tool's texts have catalogue keys rob.<tool>.name, rob.<tool>.<domain> and
rob.<tool>.<domain>.<question>; a text without a key (a project's own tool, or a question not yet
translated) is shown as the tool defines it. Stored assessments are not touched.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from review.appraisal import ANSWER_LABELS
from screens.i18n import catalogue

Texts = Callable[..., str]


def text(_: Texts, key: str, given: str) -> str:
    """The catalogue's text for key, or the tool's own text."""
    return _(key) if key in catalogue() else given


def tool_name(_: Texts, tool_key: str, given: str) -> str:
    return text(_, f"rob.{tool_key}.name", given)


def domain_name(_: Texts, tool_key: str, domain_key: str, given: str) -> str:
    return text(_, f"rob.{tool_key}.{domain_key}", given)


def answer_labels(_: Texts) -> dict[str, str]:
    return {answer: text(_, f"rob.answer.{answer}", label) for answer, label in ANSWER_LABELS.items()}


def localise_state(state: dict[str, Any], _: Texts) -> dict[str, Any]:
    """An assessment as view_assessment gives it, with its tool's texts translated where they have keys."""
    tool = state["tool"]
    names = {}
    for d in state["domains"]:
        names[d["key"]] = d["name"] = domain_name(_, tool, d["key"], d["name"])
        d["questions"] = [(q, text(_, f"rob.{tool}.{d['key']}.{q}", words)) for q, words in d["questions"]]
    state["tool_name"] = tool_name(_, tool, state["tool_name"])
    if state.get("note_key") and state["note_key"] in catalogue():
        values = dict(state.get("note_values") or {})
        if "domains" in values:
            values["domains"] = "; ".join(names.get(k, k) for k in values["domains"])
        state["note"] = _(state["note_key"], **values)
    return state


def localise_comparison(view: dict[str, Any], tool_key: str, _: Texts) -> dict[str, Any]:
    view["tool_name"] = tool_name(_, tool_key, view["tool_name"])
    for d in view["domains"]:
        d["name"] = domain_name(_, tool_key, d["key"], d["name"])
    return view


def localise_plot(data: dict[str, Any], _: Texts) -> dict[str, Any]:
    """Plot values (review.rob.assessments.plot_data) with the reader's words for tool, domains, levels and labels."""
    tool = data["tool"]
    name = tool_name(_, tool, data["tool_name"])
    levels = [dict(level, label=text(_, f"rob.level.{level['key']}", level["label"])) for level in data["levels"]]
    return dict(data, title=f"{name}: {data['outcome']}" if data["outcome"] else name, levels=levels,
                domains=[(key, domain_name(_, tool, key, words)) for key, words in data["domains"]],
                texts={name: _(f"rob.plot.{name}") for name in PLOT_TEXTS})


PLOT_TEXTS = ("domains", "judgement", "overall", "overall_rob", "not_judged", "domain")
