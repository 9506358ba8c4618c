"""A large synthetic project built from the benchmark records: distinct works, each exported by 1-4
databases with the variations real exports show (case, markup, abbreviated journals, author formats,
page styles, missing or URL-form DOIs). Run alone: python bench/dedupe_synthetic.py N"""
from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedupe_data import load_all
from dedupe_score import score_groups


def _abbreviate(journal: str) -> str:
    words = [w for w in re.split(r"\W+", journal) if w and w.lower() not in ("of", "the", "and", "in")]
    return " ".join(w if len(w) <= 4 else w[:4] for w in words)


def _author_style(author: str, style: int) -> str:
    family, _, given = author.partition(",")
    initials = "".join(p[0] for p in given.replace(".", " ").split() if p)
    if style == 1:
        return f"{family.strip()} {initials}"
    if style == 2:
        return f"{'. '.join(initials)}. {family.strip()}" if initials else family.strip()
    return author


def _variant(record: dict, rng: random.Random, copy: int) -> dict:
    """One database's export of a work: same publication, different surface."""
    r = dict(record)
    if copy == 0:
        return r
    title = r["title"]
    choice = rng.random()
    title = title.upper() if choice < 0.2 else title.lower() if choice < 0.4 else title
    if rng.random() < 0.3 and " " in title:
        first, rest = title.split(" ", 1)
        title = f"<i>{first}</i> {rest}"
    r["title"] = title + ("." if rng.random() < 0.5 and not title.endswith(".") else "")
    if rng.random() < 0.5:
        r["journal"] = _abbreviate(r["journal"])
    style = rng.randrange(3)
    r["authors"] = [_author_style(a, style) for a in r["authors"]]
    start, end = r["pages_start"], r["pages_end"]
    if start.isdigit() and end.isdigit() and len(end) == len(start) and rng.random() < 0.5:
        keep = next((i for i, (x, y) in enumerate(zip(start, end)) if x != y), len(end))
        r["pages_end"] = end[keep:] or end
    if r["doi"]:
        r["doi"] = "" if rng.random() < 0.4 else f"https://doi.org/{r['doi'].upper()}" if rng.random() < 0.5 else r["doi"]
    return r


def _resolve(alias: dict[str, str], label: str) -> str:
    while label in alias and alias[label] != label:
        label = alias[label]
    return label


def build(n: int, seed: int = 7) -> tuple[list[dict], dict[str, str]]:
    """n records and each record's work label (records of one label are true duplicates)."""
    rng = random.Random(seed)
    base, label = [], {}
    same: dict[tuple, str] = {}  # one article can sit in two benchmark sets: one work, not two
    alias: dict[str, str] = {}
    for bench in load_all():
        if bench.flagged is not None:
            continue
        work = {i: f"{bench.name}:{min(g)}" for g in bench.groups for i in g}
        for r in bench.records:
            base.append(r)
            own = work.get(r["source_id"], f"{bench.name}:{r['source_id']}")
            citation = (r["title"].lower().strip(" ."), r["year"], r["volume"], r["pages_start"])
            if r["title"] and r["pages_start"] and same.setdefault(citation, own) != own:
                alias[own] = _resolve(alias, same[citation])
            label[id(r)] = own
    label = {key: _resolve(alias, value) for key, value in label.items()}
    records, truth = [], {}
    w = 0
    while len(records) < n:
        src = base[w % len(base)]
        generation = w // len(base)
        work = dict(src)
        work_label = label[id(src)]
        if generation:
            # a different study on the same topic: title halves, authors, journal and numbers from others
            first, second, people, venue = (base[rng.randrange(len(base))] for _ in range(4))
            head, tail = first["title"].split(), second["title"].split()
            work["title"] = " ".join(head[:max(2, len(head) // 2)] + tail[len(tail) // 2:])
            work["authors"] = people["authors"]
            work["journal"] = venue["journal"]
            work["year"] = rng.randrange(1995, 2025)
            work["volume"] = str(rng.randrange(1, 200))
            work["pages_start"] = str(rng.randrange(1, 3000))
            work["pages_end"] = ""
            work["doi"] = f"10.9999/synthetic.{w}" if rng.random() < 0.7 else ""
            work_label = f"synthetic:{w}"
        for copy in range(rng.choice((1, 1, 2, 2, 3, 4))):
            record = _variant(work, rng, copy)
            record["source_id"] = f"s{len(records)}"
            truth[record["source_id"]] = work_label
            records.append(record)
            if len(records) == n:
                break
        w += 1
    return records, truth


def run_once(n: int) -> None:
    """Build, load and deduplicate n records; print time, peak memory of this process and accuracy."""
    import dedupe as bench_main

    records, truth = build(n)
    groups, seconds, _peak, counts = bench_main.run_sil(records, f"synthetic{n}", trace_memory=False)
    works: dict[str, set[str]] = {}
    for source_id, work in truth.items():
        works.setdefault(work, set()).add(source_id)
    s = score_groups([r["source_id"] for r in records], groups, [g for g in works.values() if len(g) > 1])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  synthetic {n:>7} records: find_duplicates {seconds:6.1f} s (cpu {counts['cpu']:5.1f} s), "
          f"peak RSS {rss:6.0f} MiB, "
          f"sens {s.sensitivity:.3f} spec {s.specificity:.4f} false merges {s.fp} "
          f"(possible pairs queued {counts['possible']})", flush=True)


def run_synthetic(n: int, _run_sil=None) -> None:
    """Each size in a fresh process, so peak memory is that size's own."""
    print("synthetic project (benchmark records varied as databases export them), 2-core target < 60 s:")
    for size in sorted({n // 4, n // 2, n}):
        subprocess.run([sys.executable, __file__, str(size)], check=True)
        print(f"    (load average now {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    run_once(int(sys.argv[1]))
