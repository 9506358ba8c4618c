"""Bodies of evidence: one per outcome, with its studies, GRADE ratings and Summary of Findings data."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from review import accounts
from review.accounts import record_event
from review.appraisal import grade
from review.appraisal.extraction import agreed_values
from review.store import Conflict, Invalid, NotFound, now, transaction

IMPORTANCE = ("critical", "important", "not important")
EDITABLE = ("name", "importance", "start", "participants", "effect", "comments", "position")


def create_outcome(conn: sqlite3.Connection, project_id: int, user_id: int, name: str,
                   study_ids: Iterable[int] = (), start: str | None = None, **fields: Any) -> int:
    """Start a body of evidence for an outcome; the start defaults to what the studies' designs suggest."""
    accounts.require_member(conn, project_id, user_id, "lead", "reviewer")
    study_ids = sorted({int(s) for s in study_ids})
    if start is None:
        start = grade.suggest_start(_designs(conn, project_id, study_ids))
    values = _checked({"name": name, "start": start, **fields})
    with transaction(conn):
        if conn.execute("SELECT 1 FROM grade_outcomes WHERE project_id = ? AND name = ?",
                        (project_id, values["name"])).fetchone():
            raise Conflict(f"the project has an outcome named {values['name']!r} already",
                           "error.outcome.exists", name=values["name"])
        columns = ["project_id", "created_at", *values]
        outcome_id = conn.execute(
            f"INSERT INTO grade_outcomes ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [project_id, now(), *values.values()]).lastrowid
        _set_studies(conn, project_id, outcome_id, study_ids)
        record_event(conn, project_id, user_id, "grade.outcome_created", values["name"],
                     {"outcome_id": outcome_id, "studies": study_ids, "start": start})
    return outcome_id


def update_outcome(conn: sqlite3.Connection, outcome_id: int, user_id: int, study_ids: Iterable[int] | None = None,
                   **fields: Any) -> None:
    """Change an outcome's name, importance, start, participants, effect, comments or studies."""
    outcome = _row(conn, outcome_id)
    accounts.require_member(conn, outcome["project_id"], user_id, "lead", "reviewer")
    values = _checked(fields)
    with transaction(conn):
        for column, value in values.items():
            conn.execute(f"UPDATE grade_outcomes SET {column} = ? WHERE id = ?", (value, outcome_id))
        if study_ids is not None:
            conn.execute("DELETE FROM grade_outcome_studies WHERE outcome_id = ?", (outcome_id,))
            values["studies"] = _set_studies(conn, outcome["project_id"], outcome_id, study_ids)
        record_event(conn, outcome["project_id"], user_id, "grade.outcome_updated", outcome["name"], values)


def rate(conn: sqlite3.Connection, outcome_id: int, user_id: int, factor: str, level: str, explanation: str = "") -> None:
    """Rate one GRADE factor of an outcome (an explanation is required unless the level is 'none')."""
    outcome = _row(conn, outcome_id)
    accounts.require_member(conn, outcome["project_id"], user_id, "lead", "reviewer")
    grade.check_rating(factor, level, explanation)
    before = conn.execute("SELECT level, explanation FROM grade_ratings WHERE outcome_id = ? AND factor = ?",
                          (outcome_id, factor)).fetchone()
    if (tuple(before) if before else ("none", "")) == (level, explanation.strip()):
        return
    with transaction(conn):
        conn.execute(
            """INSERT INTO grade_ratings (outcome_id, factor, level, explanation, updated_at, updated_by)
               VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (outcome_id, factor) DO UPDATE SET level = excluded.level,
               explanation = excluded.explanation, updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
            (outcome_id, factor, level, explanation.strip(), now(), user_id))
        record_event(conn, outcome["project_id"], user_id, "grade.rated", outcome["name"],
                     {"factor": factor, "level": level, "explanation": explanation.strip()})


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise Invalid(f"an outcome has no field {', '.join(sorted(unknown))}",
                      "error.outcome.unknown_field", fields=", ".join(sorted(unknown)))
    values = dict(fields)
    if "name" in values:
        values["name"] = str(values["name"] or "").strip()
        if not values["name"]:
            raise Invalid("an outcome needs a name, e.g. 'Burnout (MBI emotional exhaustion)'",
                          "error.outcome.no_name")
    if "importance" in values and values["importance"] not in IMPORTANCE:
        raise Invalid(f"importance must be one of {', '.join(IMPORTANCE)}",
                      "error.outcome.importance", choices=", ".join(IMPORTANCE))
    if "start" in values and values["start"] not in grade.STARTS:
        raise Invalid(f"starting level must be one of {', '.join(grade.STARTS)}",
                      "error.outcome.start", choices=", ".join(grade.STARTS))
    if values.get("participants") not in (None, ""):
        try:
            values["participants"] = int(values["participants"])
        except (TypeError, ValueError):
            raise Invalid(f"participants: {values['participants']!r} is not a whole number",
                          "error.outcome.participants", value=values["participants"]) from None
    elif "participants" in values:
        values["participants"] = None
    return values


def _designs(conn: sqlite3.Connection, project_id: int, study_ids: list[int]) -> list[str]:
    designs = []
    for study_id in study_ids:
        row = conn.execute("SELECT design FROM studies WHERE id = ? AND project_id = ?", (study_id, project_id)).fetchone()
        if row is None:
            raise NotFound(f"study {study_id} is not in this project",
                           "error.outcome.study_not_in_project", study=study_id)
        designs.append(row["design"])
    return designs


def _set_studies(conn: sqlite3.Connection, project_id: int, outcome_id: int, study_ids: Iterable[int]) -> list[int]:
    ids = sorted({int(s) for s in study_ids})
    _designs(conn, project_id, ids)
    conn.executemany("INSERT INTO grade_outcome_studies (outcome_id, study_id) VALUES (?, ?)",
                     [(outcome_id, s) for s in ids])
    return ids


def _row(conn: sqlite3.Connection, outcome_id: int, project_id: int | None = None) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM grade_outcomes WHERE id = ?", (outcome_id,)).fetchone()
    if row is None or project_id is not None and row["project_id"] != project_id:
        raise NotFound(f"no outcome {outcome_id}", "error.outcome.not_found", outcome=outcome_id)
    return dict(row)


def get_outcome(conn: sqlite3.Connection, outcome_id: int, project_id: int | None = None) -> dict[str, Any]:
    """An outcome with its studies, ratings (factor -> level, explanation) and resulting certainty;
    NotFound when it is not in project_id."""
    outcome = _row(conn, outcome_id, project_id)
    outcome["studies"] = [dict(r) for r in conn.execute(
        "SELECT s.id, s.label, s.design FROM grade_outcome_studies o JOIN studies s ON s.id = o.study_id "
        "WHERE o.outcome_id = ? ORDER BY s.label COLLATE NOCASE", (outcome_id,))]
    outcome["ratings"] = {r["factor"]: {"level": r["level"], "explanation": r["explanation"]} for r in conn.execute(
        "SELECT factor, level, explanation FROM grade_ratings WHERE outcome_id = ?", (outcome_id,))}
    outcome.update(grade.certainty(outcome["start"], {f: r["level"] for f, r in outcome["ratings"].items()}))
    if outcome["participants"] is None:
        outcome["participants"] = _extracted_participants(conn, [s["id"] for s in outcome["studies"]])
    return outcome


def _extracted_participants(conn: sqlite3.Connection, study_ids: list[int]) -> int | None:
    """The sum of agreed sample sizes, when every study has one (else unknown)."""
    sizes = [agreed_values(conn, s).get("sample_size") for s in study_ids]
    return int(sum(sizes)) if sizes and all(isinstance(n, (int, float)) for n in sizes) else None


def list_outcomes(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Every outcome of a project in table order, each as get_outcome gives it."""
    ids = [r[0] for r in conn.execute("SELECT id FROM grade_outcomes WHERE project_id = ? ORDER BY position, id",
                                      (project_id,))]
    return [get_outcome(conn, outcome_id) for outcome_id in ids]


def sof_table(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """The Summary of Findings as plain values: title, rows and numbered footnotes with the explanations."""
    title = conn.execute("SELECT title FROM projects WHERE id = ?", (project_id,)).fetchone()
    if title is None:
        raise NotFound("no such project", "error.project.not_found")
    rows, footnotes, notes = [], [], []
    for outcome in list_outcomes(conn, project_id):
        marks = []
        for factor in grade.FACTORS:
            rating = outcome["ratings"].get(factor)
            if rating and rating["level"] != "none":
                footnotes.append(f"{grade.FACTOR_LABELS[factor]} ({rating['level'].replace('_', ' ')}): "
                                 f"{rating['explanation']}")
                notes.append({"factor": factor, "level": rating["level"], "explanation": rating["explanation"]})
                marks.append(len(footnotes))
        rows.append({"outcome": outcome["name"], "importance": outcome["importance"],
                     "studies": len(outcome["studies"]), "participants": outcome["participants"],
                     "effect": outcome["effect"], "certainty": outcome["label"], "symbol": outcome["symbol"],
                     "footnotes": marks, "comments": outcome["comments"],
                     "design": ", ".join(sorted({s["design"].replace("_", "-") for s in outcome["studies"]})),
                     "certainty_key": outcome["certainty"], "designs": sorted({s["design"] for s in outcome["studies"]})})
    # footnotes: English text; notes: the same as codes and the explanation, for a table in another language
    return {"title": title["title"], "rows": rows, "footnotes": footnotes, "notes": notes}


def certainty_for_outcomes(conn: Any, project_id: int) -> list[dict[str, Any]]:
    """Each outcome's certainty for plain-language summaries: id, name, importance, effect, studies,
    participants, certainty (high|moderate|low|very_low), label and symbol."""
    keep = ("id", "name", "importance", "effect", "participants", "certainty", "label", "symbol", "score")
    return [dict({k: o[k] for k in keep}, studies=len(o["studies"])) for o in list_outcomes(conn, project_id)]
