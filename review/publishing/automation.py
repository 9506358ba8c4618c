"""The methods text about automation for the report, from a project's own settings and logs.

What it says follows PRISMA 2020 item 8 (how many people screened each record, whether they worked
independently, and the details of automation tools used) and the RAISE recommendations on reporting
the use of AI in evidence synthesis (name and version of the tool, what it did, at which stage, how
its output was checked by people, and the records it left to no person). docs/outputs.md cites both.
The text is written in English, bokmål and nynorsk; every number in it comes from the database."""
from __future__ import annotations

import sqlite3
from importlib import metadata
from pathlib import Path
from typing import Any

from review import ranking, screening
from review.ranking import DEFAULT as MODEL
from review.ranking import excluded_by_automation, stage1_counts
from review.store import Invalid

METHOD_LANGS = ("en", "nb", "nn")


def stopping_decision(conn: sqlite3.Connection, project_id: int) -> dict[str, Any] | None:
    """The lead's decision to stop screening early (review.ranking.stop), or None: the figures kept with it
    (method, recall_target, confidence, screened, remaining, recall_at_least, ...) and when ("at")."""
    summary = ranking.automation_summary(conn, project_id)
    if not summary["stopped"]:
        return None
    return {**summary, "at": summary["stopped_at"]}


def sil_version() -> str:
    """Sil's version as installed, else as pyproject.toml says."""
    try:
        return metadata.version("sil")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        for line in pyproject.read_text(encoding="utf-8").splitlines() if pyproject.is_file() else []:
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
        return "unknown"


def automation_facts(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> dict[str, Any]:
    """Everything the methods text says, as plain values.

    viewer_id: a member who reads it; while blinding keeps them from others' outcomes, the figures come from
    the project-wide queue's model runs and the outcomes the lead released (None: the command line, all)."""
    settings = ranking.get_settings(conn, project_id)
    blind = not screening.sees_outcomes(conn, project_id, viewer_id)
    runs = conn.execute("""SELECT COUNT(*) AS runs, MIN(trained_at) AS first, MAX(trained_at) AS last,
                                  MAX(decisions) AS decisions FROM model_runs WHERE project_id = ? AND stage = 1
                                  AND (? = 0 OR user_id = 0)""", (project_id, int(blind))).fetchone()
    project = conn.execute("SELECT reviewers_per_record, blinded FROM projects WHERE id = ?", (project_id,)).fetchone()
    counts = stage1_counts(conn, project_id, screening.outcomes_table(conn, project_id, viewer_id))
    stop = stopping_decision(conn, project_id)
    return {
        "ranked": bool(runs["runs"]) and not settings["random_order"],
        "random_order": bool(settings["random_order"]), "runs": runs["runs"], "first_run": runs["first"],
        "last_run": runs["last"], "decisions": runs["decisions"] or 0, "version": sil_version(),
        "model": MODEL, "reviewers": int(project["reviewers_per_record"] or 1) if project else 1,
        "blinded": bool(project["blinded"]) if project else False, "total": counts["total"],
        "screened": counts["screened"], "stop": stop,
        "sample_started_at": settings["sample_started_at"], "excluded_by_automation": excluded_by_automation(conn, project_id),
    }


def methods_text(conn: sqlite3.Connection, project_id: int, lang: str = "en", viewer_id: int | None = None) -> list[str]:
    """The paragraphs of the methods text about automation in one language (en, nb or nn)."""
    if lang not in METHOD_LANGS:
        raise Invalid(f"the methods text is written in {', '.join(METHOD_LANGS)}, not {lang!r}",
                      "error.publishing.methods_language", lang=lang)
    return paragraphs(automation_facts(conn, project_id, viewer_id), lang)


def paragraphs(f: dict[str, Any], lang: str) -> list[str]:
    """The methods text from the facts (separate from the database so every case can be tested)."""
    t = TEXTS[lang]
    people = t["people"][min(f["reviewers"], 2)].format(blind=t["blind"] if f["blinded"] else "")
    out = [people]
    if f["ranked"]:
        m = f["model"]
        out.append(t["model"].format(version=f["version"], c=m.c, balance=m.balance, ngrams=t["ngrams"][m.ngram_max],
                                     sample=m.max_excludes or 0))
        out.append(t["runs"].format(first=f["first_run"][:10], last=f["last_run"][:10], runs=f["runs"],
                                    decisions=f["decisions"]))
        out.append(t["checked"])
    else:
        out.append(t["random"] if f["random_order"] else t["no_model"])
    out.append(_stop_text(f, t) if f["stop"] else t["all_screened"].format(screened=f["screened"], total=f["total"]))
    return out


def _stop_text(f: dict[str, Any], t: dict[str, Any]) -> str:
    stop = f["stop"]
    method = t["methods"].get(str(stop.get("method") or ""), str(stop.get("method") or t["methods"][""]))
    remaining = stop.get("remaining", f["excluded_by_automation"])
    text = t["stop"].format(date=str(stop.get("at", ""))[:10], screened=stop.get("screened", f["screened"]),
                            total=f["total"], method=method, recall=_pct(stop.get("recall_target")),
                            confidence=_pct(stop.get("confidence")), remaining=remaining,
                            excluded=f["excluded_by_automation"])
    if stop.get("recall_at_least") is not None:
        text += " " + t["estimated"].format(estimated=_pct(stop["recall_at_least"]), confidence=_pct(stop.get("confidence")))
    return text + " " + t["sample"] if f["sample_started_at"] else text


def _pct(value: Any) -> str:
    try:
        return f"{float(value) * 100:g} %"
    except (TypeError, ValueError):
        return "?"


CMH = "Callaghan & Müller-Hansen 2020"
SS = "Sneyd & Stevenson 2021"
TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "people": {1: "Each record was screened on title and abstract by one reviewer.",
                   2: "Each record was screened on title and abstract by two reviewers{blind}; disagreements were resolved by discussion or by a third reviewer."},
        "blind": " working independently (blinded to each other's decisions)",
        "no_model": "No automation tool ranked or excluded records: records were screened in random order.",
        "random": "The lead chose random order for the screening queues, so no model ranked the records.",
        "model": ("Records were screened in an order set by the active-learning ranking model built into Sil "
                  "(version {version}): a linear support vector machine (C = {c:g}; included records weighted "
                  "{balance:g} to 1 against excluded ones) on TF-IDF features of {ngrams} from titles and abstracts, "
                  "retrained on the reviewers' decisions (trained on every included record and at most {sample} excluded ones)."),
        "ngrams": {1: "single words", 2: "words and word pairs"},
        "runs": ("The model ranked the queue from {first} to {last} ({runs} trainings); the last training used "
                 "{decisions} screening decisions."),
        "checked": ("The model only ordered the records: every decision to include or exclude a record was made by "
                    "the reviewers, and the model excluded no record by itself."),
        "all_screened": "All {total} records were screened by people ({screened} settled).",
        "stop": ("Screening stopped on {date} after {screened} of {total} records, when the stopping test ({method}) "
                 "showed that the recall target of {recall} was reached with {confidence} confidence. "
                 "The {remaining} records left were not screened by anyone and are reported as excluded by "
                 "automation tools in the PRISMA flow diagram ({excluded})."),
        "estimated": "At the stop, recall was at least {estimated} with {confidence} confidence.",
        "sample": "Before stopping, the remaining records were screened in random order to test the stopping criterion.",
        "methods": {"": "a statistical stopping criterion",
                    "random": f"a hypergeometric test on a random sample, {CMH}",
                    "ranked": f"a hypergeometric test on the records screened last in ranked order, {CMH}",
                    "ranked-bonferroni": f"a hypergeometric test on the records screened last in ranked order, {CMH}, "
                                         "Bonferroni-corrected over several windows",
                    "curve": f"an inhomogeneous Poisson process with a power-law rate fitted to the ranked screening, {SS}",
                    "ranked-or-curve": f"a hypergeometric test on the records screened last in ranked order ({CMH}) "
                                       f"or an inhomogeneous Poisson process fitted to the ranked screening ({SS}), "
                                       "whichever showed it first"},
    },
    "nb": {
        "people": {1: "Hver post ble vurdert på tittel og sammendrag av én person.",
                   2: "Hver post ble vurdert på tittel og sammendrag av to personer{blind}; uenighet ble løst ved diskusjon eller av en tredje person."},
        "blind": " uavhengig av hverandre (uten å se hverandres beslutninger)",
        "no_model": "Ingen automatiske verktøy rangerte eller ekskluderte poster: postene ble vurdert i tilfeldig rekkefølge.",
        "random": "Prosjektleder valgte tilfeldig rekkefølge, så ingen modell rangerte postene.",
        "model": ("Postene ble vurdert i en rekkefølge satt av den aktivt lærende rangeringsmodellen i Sil "
                  "(versjon {version}): en lineær støttevektormaskin (C = {c:g}; inkluderte poster vektet "
                  "{balance:g} mot 1 mot ekskluderte) på TF-IDF-trekk av {ngrams} fra titler og sammendrag, "
                  "trent på nytt på beslutningene (på alle inkluderte poster og høyst {sample} ekskluderte)."),
        "ngrams": {1: "enkeltord", 2: "ord og ordpar"},
        "runs": ("Modellen rangerte køen fra {first} til {last} ({runs} treninger); den siste treningen brukte "
                 "{decisions} beslutninger."),
        "checked": ("Modellen bestemte bare rekkefølgen: alle beslutninger om å inkludere eller ekskludere en post ble "
                    "tatt av personer, og modellen ekskluderte ingen poster selv."),
        "all_screened": "Alle {total} poster ble vurdert av personer ({screened} avgjort).",
        "stop": ("Screeningen stoppet {date} etter {screened} av {total} poster, da stopptesten ({method}) viste at "
                 "målet om {recall} gjenfinning var nådd med {confidence} sikkerhet. De {remaining} postene som var igjen, "
                 "ble ikke vurdert av noen og er rapportert som ekskludert av automatiske verktøy i PRISMA-flytdiagrammet ({excluded})."),
        "estimated": "Ved stopp var gjenfinningen minst {estimated} med {confidence} sikkerhet.",
        "sample": "Før stopp ble de gjenværende postene vurdert i tilfeldig rekkefølge for å teste stoppkriteriet.",
        "methods": {"": "et statistisk stoppkriterium",
                    "random": f"en hypergeometrisk test på et tilfeldig utvalg, {CMH}",
                    "ranked": f"en hypergeometrisk test på de sist vurderte postene i rangert rekkefølge, {CMH}",
                    "ranked-bonferroni": f"en hypergeometrisk test på de sist vurderte postene i rangert rekkefølge, {CMH}, "
                                         "Bonferroni-korrigert over flere vinduer",
                    "curve": f"en inhomogen Poisson-prosess med en potenskurve tilpasset den rangerte screeningen, {SS}",
                    "ranked-or-curve": f"en hypergeometrisk test på de sist vurderte postene i rangert rekkefølge ({CMH}) "
                                       f"eller en inhomogen Poisson-prosess tilpasset den rangerte screeningen ({SS}), "
                                       "den som viste det først"},
    },
    "nn": {
        "people": {1: "Kvar post vart vurdert på tittel og samandrag av éin person.",
                   2: "Kvar post vart vurdert på tittel og samandrag av to personar{blind}; usemje vart løyst ved diskusjon eller av ein tredje person."},
        "blind": " uavhengig av kvarandre (utan å sjå avgjerdene til kvarandre)",
        "no_model": "Ingen automatiske verktøy rangerte eller ekskluderte postar: postane vart vurderte i tilfeldig rekkjefølgje.",
        "random": "Prosjektleiaren valde tilfeldig rekkjefølgje, så ingen modell rangerte postane.",
        "model": ("Postane vart vurderte i ei rekkjefølgje sett av den aktivt lærande rangeringsmodellen i Sil "
                  "(versjon {version}): ein lineær støttevektormaskin (C = {c:g}; inkluderte postar vekta "
                  "{balance:g} mot 1 mot ekskluderte) på TF-IDF-trekk av {ngrams} frå titlar og samandrag, "
                  "trena på nytt på avgjerdene (på alle inkluderte postar og høgst {sample} ekskluderte)."),
        "ngrams": {1: "einskildord", 2: "ord og ordpar"},
        "runs": ("Modellen rangerte køen frå {first} til {last} ({runs} treningar); den siste treninga brukte "
                 "{decisions} avgjerder."),
        "checked": ("Modellen bestemde berre rekkjefølgja: alle avgjerder om å inkludere eller ekskludere ein post vart "
                    "tekne av personar, og modellen ekskluderte ingen postar sjølv."),
        "all_screened": "Alle {total} postane vart vurderte av personar ({screened} avgjorde).",
        "stop": ("Screeninga stoppa {date} etter {screened} av {total} postar, då stopptesten ({method}) viste at "
                 "målet om {recall} attfinning var nådd med {confidence} visse. Dei {remaining} postane som var att, "
                 "vart ikkje vurderte av nokon og er rapporterte som ekskluderte av automatiske verktøy i PRISMA-flytdiagrammet ({excluded})."),
        "estimated": "Ved stopp var attfinninga minst {estimated} med {confidence} visse.",
        "sample": "Før stopp vart dei attverande postane vurderte i tilfeldig rekkjefølgje for å teste stoppkriteriet.",
        "methods": {"": "eit statistisk stoppkriterium",
                    "random": f"ein hypergeometrisk test på eit tilfeldig utval, {CMH}",
                    "ranked": f"ein hypergeometrisk test på dei sist vurderte postane i rangert rekkjefølgje, {CMH}",
                    "ranked-bonferroni": f"ein hypergeometrisk test på dei sist vurderte postane i rangert rekkjefølgje, {CMH}, "
                                         "Bonferroni-korrigert over fleire vindauge",
                    "curve": f"ein inhomogen Poisson-prosess med ei potenskurve tilpassa den rangerte screeninga, {SS}",
                    "ranked-or-curve": f"ein hypergeometrisk test på dei sist vurderte postane i rangert rekkjefølgje ({CMH}) "
                                       f"eller ein inhomogen Poisson-prosess tilpassa den rangerte screeninga ({SS}), "
                                       "den som viste det først"},
    },
}


def export_methods(conn: sqlite3.Connection, project_id: int, fmt: str, lang: str = "en",
                   viewer_id: int | None = None, **_: Any) -> bytes:
    """The methods text as plain text, Markdown or Word, for the report (as the viewer may see it)."""
    text = methods_text(conn, project_id, lang, viewer_id)
    heading = HEADINGS[lang]
    if fmt == "docx":
        from exports.summary_files import docx_paragraphs

        return docx_paragraphs(heading, text, lang)
    if fmt == "md":
        return (f"## {heading}\n\n" + "\n\n".join(text) + "\n").encode("utf-8")
    return (heading + "\n\n" + "\n\n".join(text) + "\n").encode("utf-8")


HEADINGS = {"en": "Automation tools (PRISMA 2020 item 8; RAISE)", "nb": "Automatiske verktøy (PRISMA 2020 punkt 8; RAISE)",
            "nn": "Automatiske verktøy (PRISMA 2020 punkt 8; RAISE)"}
