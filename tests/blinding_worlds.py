"""Two databases that differ only in one reviewer's decisions on open records, and a way to compare what others see.

Used by tests/test_blinding_noninterference.py: the template project is built once through the core
(records, agreed and resolved records, a full text, a study, a summary), copied, and then reviewer A
('rita') decides some records that nobody else has decided yet differently in each copy. Whatever
reviewer B ('rolf') or the communicator ('cora') then does and reads must come out the same in both.
"""
from __future__ import annotations

import io
import itertools
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from review.accounts.users import create_session
from review.appraisal import studies
from review.projects import project as projects
from review.publishing import summaries
from review.screening import decisions as screening
from review.screening.conflicts import resolve_conflict
from review.screening.fulltext import attach_pdf
from review.searches.importing import add_records, create_search
from review.store import db
from review.store.db import now, transaction

PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRET = "RITA-SECRET-NOTE"
NAMES = {"lea": "lead", "rita": "reviewer", "rolf": "reviewer", "cai": "reviewer", "cora": "communicator"}
VIEWERS = ("rolf", "cora")
PARAM = re.compile(r"<(\w+)(?::(\w*)(?::([^>]*))?)?>")


def _user(conn: sqlite3.Connection, name: str) -> int:
    with transaction(conn):
        return conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES (?, 'x', ?)",
                            (name, now())).lastrowid


def build_template(folder: Path, pilot: bool = False) -> dict[str, Any]:
    """The shared starting point of both worlds: a project half-way through screening, and signed-in sessions.

    pilot: a pilot round of A and B is running over three records nobody has decided (A's decisions vary there).
    """
    path = folder / "template.sqlite3"
    files = folder / "files"
    conn = db.open_database(path)
    ids = {name: _user(conn, name) for name in NAMES}
    pid = projects.create_project(conn, ids["lea"], "Breaks at work", highlight_include="nurse",
                                  inclusion_criteria="Workers in health care")
    for name, role in NAMES.items():
        if role != "lead":
            projects.set_member(conn, pid, ids["lea"], name, role)
    search = create_search(conn, pid, ids["lea"], "medline.ris", "1" * 64, "ris",
                           {"database_name": "MEDLINE", "query": "breaks AND nurses"})
    add_records(conn, pid, search, [
        {"title": f"Rest breaks for nurses {i}", "abstract": f"Nurses on shifts in study {i}.",
         "authors": [f"Author{i}, A"], "journal": f"Journal{i}", "year": 2010 + i, "keywords": ["nursing"]}
        for i in range(8)])
    r = [row[0] for row in conn.execute("SELECT id FROM records WHERE project_id = ? ORDER BY id", (pid,))]
    decide = screening.record_decision
    # Settled for everyone before the worlds part: agreed, agreed exclude, a resolved conflict, B's own pair.
    for who in ("rita", "cai"):
        decide(conn, pid, ids[who], r[0], 1, "include")
        decide(conn, pid, ids[who], r[1], 1, "exclude")
    decide(conn, pid, ids["rita"], r[2], 1, "include", note="settled note")
    decide(conn, pid, ids["cai"], r[2], 1, "exclude")
    resolve_conflict(conn, pid, ids["lea"], r[2], 1, "include", "fits the question")
    decide(conn, pid, ids["cai"], r[3], 1, "include")
    decide(conn, pid, ids["rolf"], r[3], 1, "include", note="mine")
    # The lead releases what is settled at title/abstract, so full-text screening can go on blinded.
    from review.screening.blinding import release_outcomes

    release_outcomes(conn, pid, ids["lea"], 1)
    for who in ("rita", "cai"):
        decide(conn, pid, ids[who], r[0], 2, "include")
    attach_pdf(conn, files, pid, ids["cai"], r[0], PDF, "r0.pdf")
    # Open, with one decision of someone else than A: B may be the one who closes it.
    decide(conn, pid, ids["cai"], r[4], 1, "exclude")
    studies.create_study(conn, pid, ids["lea"], "Author0 2010", [r[0]])
    sid = summaries.create_summary(conn, pid, "nb", ids["cora"])
    summaries.save_version(conn, sid, ids["cora"], {"title": "Pauser", "key_messages": ["Pauser hjelper."]}, ("helse",))
    open_records = [(1, r[5]), (1, r[6]), (1, r[7]), (2, r[2]), (2, r[3])]
    if pilot:
        from review.screening.pilot import open_pilot, start_pilot

        start_pilot(conn, pid, ids["lea"], 3, reviewer_ids=[ids["rita"], ids["rolf"]], seed=3)
        open_records = [(1, rid) for rid in open_pilot(conn, pid)["record_ids"]] + [(2, r[2]), (2, r[3])]
    sessions = {name: create_session(conn, ids[name]) for name in NAMES}
    csrf = {name: conn.execute("SELECT csrf_token FROM sessions WHERE user_id = ?", (ids[name],)).fetchone()[0]
            for name in NAMES}
    conn.close()
    # Records still open for A's decisions to differ on: at stage 1 nobody decided r5..r7; at stage 2 r2 and r3.
    return {"path": path, "files": files, "pid": pid, "ids": ids, "records": r, "sessions": sessions,
            "csrf": csrf, "open": open_records}


def make_world(template: dict[str, Any], folder: Path, a_decisions: dict[tuple[int, int], str | None],
               blinded: bool = True):
    """A copy of the template in which reviewer A decided the open records as given; returns (conn, app)."""
    from webtest import TestApp

    from screens.app import make_app

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "world.sqlite3"
    shutil.copyfile(template["path"], path)
    shutil.copytree(template["files"], folder / "files")
    conn = db.open_database(path)
    pid, rita = template["pid"], template["ids"]["rita"]
    reason = conn.execute("SELECT id FROM exclusion_reasons WHERE project_id = ? ORDER BY position", (pid,)).fetchone()[0]
    for (stage, record), decision in a_decisions.items():
        if decision:
            screening.record_decision(conn, pid, rita, record, stage, decision, note=SECRET, labels=["RITA-LABEL"],
                                      reason_id=reason if (stage, decision) == (2, "exclude") else None)
    if not blinded:
        from review.screening.settings import set_blinding

        set_blinding(conn, pid, template["ids"]["lea"], False)
    return conn, TestApp(make_app({"db": path, "files": folder / "files"}))


def as_user(app, template: dict[str, Any], name: str):
    """Sign the WebTest app in as name (the template's session cookie)."""
    app.reset()
    app.set_cookie("sil_session", template["sessions"][name])
    return app


# --- every URL, read from the route table -------------------------------------------------------------

def _ids(conn: sqlite3.Connection, pid: int) -> dict[str, list[int]]:
    one = lambda sql: [row[0] for row in conn.execute(sql, (pid,))] or [1]
    return {
        "project_id": [pid], "record_id": one("SELECT id FROM records WHERE project_id = ? ORDER BY id"),
        "user_id": one("SELECT user_id FROM memberships WHERE project_id = ? ORDER BY user_id"),
        "study_id": one("SELECT id FROM studies WHERE project_id = ?"),
        "summary_id": one("SELECT id FROM summaries WHERE project_id = ?"),
        "removal_id": one("SELECT id FROM prisma_removals WHERE project_id = ?"),
        "group_id": one("SELECT id FROM duplicate_groups WHERE project_id = ?"),
    }


def _words() -> list[str]:
    """Values for a path parameter that is a word: every export name and format, languages, diagram types."""
    from review.publishing import exports as exporting

    words = {"nb", "en", "nn", "svg", "png", "csv", "xlsx", "ris", "docx", "html", "json", "zip", "atom"}
    for what, (_, formats) in exporting.EXPORTS.items():
        words.add(what)
        words.update(formats)
    return sorted(words)


FORMAT_PARAMS = ("fmt", "ext", "format")
LANG_PARAMS = ("lang", "language")


def _values(name: str, kind: str, pattern: str, ids: dict[str, list[int]]) -> list[str]:
    if name in ids:
        return [str(v) for v in ids[name]]
    if kind == "int":
        return ["1", "2"]
    if kind == "path":
        return []
    words = _words()
    if kind == "re":
        candidates = [str(n) for n in range(1, 4)] + words + ["portal.css", "portal.js"]
        return [w for w in candidates if re.fullmatch(pattern, w)]
    formats, what = _formats()
    if name in FORMAT_PARAMS:
        return formats
    if name in LANG_PARAMS:
        return ["nb", "en", "nn"]
    return what + ["nb", "en", "submit", "approve", "publish"]


def _formats() -> tuple[list[str], list[str]]:
    from review.publishing import exports as exporting

    formats = {"svg", "png", "csv", "xlsx", "ris", "docx", "html", "json", "zip"}
    for _, fmts in exporting.EXPORTS.values():
        formats.update(fmts)
    return sorted(formats), sorted(exporting.EXPORTS)


def _export_queries() -> list[str]:
    from review.publishing import exports as exporting
    from review.screening.exports import FORMATS

    queries = [f"?what={what}&format={fmt}&stage={stage}&label=RITA-LABEL"
               for what, (_, formats) in exporting.EXPORTS.items() for fmt in formats for stage in (1, 2)]
    queries += [f"?what={what}&format={fmt}&stage={stage}" for what, formats in FORMATS.items()
                for fmt in formats for stage in (1, 2)]
    return queries


def every_url(app, conn: sqlite3.Connection, pid: int) -> list[str]:
    """Every GET URL of the app with its path filled from the project's ids, and the queries pages read.

    Each GET route gets its bare URL, the queries any screen reads (record, skip, stage, page, hide,
    lang, label), and routes that answer with files get every what/format/stage of the export tables.
    """
    ids = _ids(conn, pid)
    per_record = [f"?record={r}" for r in ids["record_id"]] + [f"?skip={r}" for r in ids["record_id"]]
    common = ["", "?stage=1", "?stage=2", "?page=1", "?hide=1", "?lang=nb", "?label=RITA-LABEL"]
    exports = _export_queries()
    urls = []
    for route in app.app.routes:
        if route.method != "GET":
            continue
        params = PARAM.findall(route.rule)
        choices = [_values(name, kind, pattern, ids) for name, kind, pattern in params]
        if any(not c for c in choices):
            continue  # /static/<path>: files of the app, the same for everyone
        for combo in itertools.product(*choices):
            path = route.rule
            for value in combo:
                path = PARAM.sub(value, path, count=1)
            words = any(kind not in ("int", "re") for _, kind, _ in params)
            queries = [""] if words else common + (per_record if "record" not in route.rule else [])
            if not words and ("export" in route.rule or "file" in (route.name or "")):
                queries += exports
            urls.extend(path + q for q in queries)
    return urls


# --- comparing responses -------------------------------------------------------------------------------

_CLOCK = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"), "<when>"),
    (re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"), "<time>"),
    (re.compile(r"(name=\"csrf_token\" value=\")[^\"]*"), r"\1<csrf>"),
]
HEADERS = ("Content-Type", "Content-Disposition", "Location", "Cache-Control", "Content-Length")


def _text(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    for pattern, replacement in _CLOCK:
        text = pattern.sub(replacement, text)
    return text


def normalised(response) -> tuple:
    """What a person receives, with clocks and tokens taken out: status, headers that matter, body."""
    body = response.body
    kind = response.headers.get("Content-Type", "")
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            content: Any = tuple((n, _text(archive.read(n))) for n in sorted(archive.namelist()))
        headers = tuple((h, _text(response.headers.get(h, "").encode())) for h in HEADERS if h != "Content-Length")
    else:
        content = _text(body) if not kind.startswith("image/png") else body
        headers = tuple((h, _text(response.headers.get(h, "").encode())) for h in HEADERS
                        if not (h == "Content-Length" and content != body))
    return response.status_int, headers, content


def first_difference(one: tuple, two: tuple) -> str:
    """A short account of where two normalised responses part."""
    if one[:2] != two[:2]:
        return f"status/headers {one[:2]} != {two[:2]}"
    a, b = one[2], two[2]
    if isinstance(a, tuple):
        for (na, ta), (nb, tb) in zip(a, b):
            if (na, ta) != (nb, tb):
                a, b = f"{na}: {ta}", f"{nb}: {tb}"
                break
    if isinstance(a, bytes):
        return "binary bodies differ"
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"bodies part at {at}: ...{a[max(0, at - 150):at + 150]!r}\n   vs ...{b[max(0, at - 150):at + 150]!r}"
