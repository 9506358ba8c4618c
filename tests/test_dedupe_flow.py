"""Finding duplicates in a project: counts, decisions, undo, split, re-import, PRISMA and export rows."""
import pytest

from review.accounts.audit import list_events
from review.dedupe.decisions import bulk_confirm, confirm_pair, reject_pair, split_record, undo_group
from review.dedupe.finding import duplicate_rows, duplicates_removed, find_duplicates
from review.dedupe.views import list_groups, list_pairs
from review.searches.importing import add_records, create_search
from review.store import db
from review.store.errors import Conflict, Invalid, NotFound

PAPER = {"title": "Intestinal lipoprotein overproduction in insulin-resistant states", "authors": ["Adeli, K."],
         "year": 2008, "journal": "Curr Opin Lipidol", "volume": "19", "pages_start": "221", "pages_end": "228",
         "doi": "10.1097/MOL.0b013e3282ffaf82", "abstract": "Postprandial lipemia is prevalent."}
MEDLINE = [
    PAPER,
    {"title": "Liraglutide and linagliptin in obese rats", "authors": ["Hansen, H. H.", "Pedersen, P. J."],
     "year": 2012, "journal": "Appetite", "volume": "59", "pages_start": "24"},
    {"title": "Statins and sleep in shift workers", "authors": ["Berg, A."], "year": 2020, "journal": "Sleep"},
]
EMBASE = [
    {**PAPER, "title": PAPER["title"].upper(), "journal": "Current Opinion in Lipidology", "abstract": "",
     "doi": "http://dx.doi.org/10.1097/MOL.0b013e3282ffaf82", "issn": "0957-9672"},
    # possible: same authors and title, journal and pages missing
    {"title": "Liraglutide and linagliptin in obese rats: a pilot", "authors": ["Hansen, H. H.", "Pedersen, P. J."],
     "year": 2012},
    {"title": "Shift work and burnout in nurses", "authors": ["Dahl, E."], "year": 2019, "journal": "Work"},
]


@pytest.fixture
def project(conn):
    with db.transaction(conn):
        conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES ('lead', 'x', ?)", (db.now(),))
        project_id = conn.execute("INSERT INTO projects (title, created_at) VALUES ('Breaks', ?)",
                                  (db.now(),)).lastrowid
    return project_id


def load(conn, project_id, records, name):
    search_id = create_search(conn, project_id, 1, name, name, "ris")
    add_records(conn, project_id, search_id, records)
    return search_id


def state(conn, project_id):
    """Everything a person or screening can see of the grouping."""
    return (conn.execute("SELECT record_id FROM screenable_records WHERE project_id = ? ORDER BY 1",
                         (project_id,)).fetchall(),
            conn.execute("SELECT * FROM duplicate_groups ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM duplicate_links ORDER BY record_id").fetchall(),
            [(p["id"], p["record_a"], p["record_b"]) for p in list_pairs(conn, project_id)])


def test_counts_prisma_and_export_rows(conn, project):
    load(conn, project, MEDLINE, "medline.ris")
    load(conn, project, EMBASE, "embase.ris")
    assert find_duplicates(conn, project, 1) == {"groups": 1, "certain": 1, "possible": 1}
    assert duplicates_removed(conn, project) == 1
    rows = duplicate_rows(conn, project)
    assert [r[4] for r in rows] == ["certain", "possible", "distinct", "certain", "possible", "distinct"]
    assert rows[0][3] == rows[3][3] is not None
    assert find_duplicates(conn, project, 1) == {"groups": 0, "certain": 0, "possible": 0}  # nothing new


def test_confirm_reject_and_audit(conn, project):
    load(conn, project, MEDLINE, "medline.ris")
    load(conn, project, EMBASE, "embase.ris")
    find_duplicates(conn, project, 1)
    [pair] = list_pairs(conn, project)
    assert pair["a"]["title"] != pair["b"]["title"] and "title" in pair["differences"]
    confirm_pair(conn, project, pair["id"], 1)
    assert duplicates_removed(conn, project) == 2
    assert [r[4] for r in duplicate_rows(conn, project)][1] == "confirmed"
    with pytest.raises(Invalid):
        reject_pair(conn, project, pair["id"], 1)
    with pytest.raises(NotFound):
        confirm_pair(conn, project, 999, 1)
    actions = [e["action"] for e in list_events(conn, project)]
    assert actions[:2] == ["dedupe.confirm", "dedupe.run"]


def test_rejected_pair_leaves_the_queue_and_stays_apart(conn, project):
    load(conn, project, MEDLINE + EMBASE, "all.ris")
    find_duplicates(conn, project, 1)
    [pair] = list_pairs(conn, project)
    reject_pair(conn, project, pair["id"], 1)
    assert list_pairs(conn, project) == []
    assert [e["action"] for e in list_events(conn, project)][0] == "dedupe.reject"


def test_undo_of_a_confirmation_restores_the_previous_state_exactly(conn, project):
    load(conn, project, MEDLINE + EMBASE, "all.ris")
    find_duplicates(conn, project, 1)
    before = state(conn, project)
    [pair] = list_pairs(conn, project)
    group_id = bulk_confirm(conn, project, [pair["id"]], 1) and conn.execute(
        "SELECT group_id FROM duplicate_links WHERE record_id = ?", (pair["record_a"],)).fetchone()[0]
    assert state(conn, project) != before
    undo_group(conn, project, group_id, 1)
    assert state(conn, project) == before


def test_undo_of_an_automatic_group_restores_screening_and_sticks(conn, project):
    load(conn, project, MEDLINE + EMBASE, "all.ris")
    before = state(conn, project)[0]
    find_duplicates(conn, project, 1)
    [group] = list_groups(conn, project)
    undo_group(conn, project, group["id"], 1)
    assert state(conn, project)[0] == before
    assert conn.execute("SELECT COUNT(*) FROM duplicate_groups").fetchone()[0] == 0
    load(conn, project, [{"title": "Unrelated later record", "year": 2001}], "late.ris")
    find_duplicates(conn, project, 1)
    assert state(conn, project)[0][:6] == before  # the undone pair is not grouped again


def test_split_moves_the_representative_and_dissolves_a_pair(conn, project):
    third = {**PAPER, "doi": "", "journal": "Current Opinion in Lipidology"}
    load(conn, project, [PAPER, EMBASE[0], third], "three.ris")
    find_duplicates(conn, project, 1)
    [group] = list_groups(conn, project)
    assert [m["record_id"] for m in group["members"]] == [1, 2, 3] and group["representative_id"] == 1
    split_record(conn, project, 1, 1)
    [group] = list_groups(conn, project)
    assert group["representative_id"] == 2 and len(group["members"]) == 2
    split_record(conn, project, 3, 1)
    assert list_groups(conn, project) == []
    with pytest.raises(Invalid):
        split_record(conn, project, 3, 1)


def test_a_reimport_joins_the_screened_group_and_inherits_its_decisions(conn, project):
    load(conn, project, MEDLINE + EMBASE, "first.ris")
    find_duplicates(conn, project, 1)
    [group] = list_groups(conn, project)
    screened = group["representative_id"]  # the record reviewers decided on
    load(conn, project, [{**PAPER, "title": PAPER["title"] + ".", "doi": "", "authors": ["Adeli K"]}], "scopus.ris")
    counts = find_duplicates(conn, project, 1)
    assert counts["certain"] == 1
    [group] = list_groups(conn, project)
    assert group["representative_id"] == screened and len(group["members"]) == 3
    assert screened in [r[0] for r in conn.execute("SELECT record_id FROM screenable_records")]
    assert 7 not in [r[0] for r in conn.execute("SELECT record_id FROM screenable_records")]


def test_merged_view_takes_the_most_complete_value_and_names_its_record(conn, project):
    load(conn, project, MEDLINE + EMBASE, "all.ris")
    find_duplicates(conn, project, 1)
    [group] = list_groups(conn, project)
    merged = group["merged"]
    assert merged["abstract"] == {"value": PAPER["abstract"], "record_id": 1}
    assert merged["issn"] == {"value": "0957-9672", "record_id": 4}
    assert merged["journal"]["value"] == "Current Opinion in Lipidology"


def test_demo_exports_pair_up_and_the_traps_stay_apart(conn):
    import json

    from review.demo import builder as demo

    demo.ensure_demo(conn)
    project_id = conn.execute("SELECT id FROM projects").fetchone()[0]
    expected = json.loads((demo.DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
    counts = find_duplicates(conn, project_id, None)  # the demo was deduplicated when made: nothing new
    group_of = {r[2]: r[3] for r in duplicate_rows(conn, project_id)}  # source_id -> group
    for medline, embase in expected["duplicate_pairs"]:
        assert group_of[medline] is not None and group_of[medline] == group_of[embase], (medline, embase)
    for trap, article in expected["not_duplicates"].values():
        assert group_of[trap] is None or group_of[trap] != group_of[article]
    assert counts["groups"] == 0
    assert len({group_of[m] for m, _ in expected["duplicate_pairs"]}) == len(expected["duplicate_pairs"])


def test_a_run_that_another_run_overtook_writes_nothing_and_says_so(conn, project, db_path, monkeypatch):
    """Two runs at once (the web's and a command's): the second to finish would group everything again."""
    from review.dedupe import finding as dedupe

    load(conn, project, MEDLINE, "medline")
    load(conn, project, EMBASE, "embase")
    real = dedupe.group_pairs

    def overtaken(*args):
        other = db.connect(db_path)
        monkeypatch.setattr(dedupe, "group_pairs", real)
        find_duplicates(other, project, 1)  # finishes first
        other.close()
        return real(*args)

    monkeypatch.setattr(dedupe, "group_pairs", overtaken)
    with pytest.raises(Conflict, match="finished while this one ran"):
        find_duplicates(conn, project, 1)
    assert conn.execute("SELECT COUNT(*) FROM dedupe_runs").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM duplicate_groups").fetchone()[0] == 1
