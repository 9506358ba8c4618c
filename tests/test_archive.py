"""The whole-project archive: everything comes back in a new project; bombs and traversal are refused."""
import hashlib
import io
import zipfile

import pytest

from review.archive import reader as archive_import
from review.archive import writer as archive
from review.projects import reasons as screening_reasons
from review.publishing import prisma, publications, summaries
from review.screening import decisions as screening
from review.store import db
from review.store.errors import Invalid
from tests.review_factory import add_project, add_search, complete, published

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def review(conn, tmp_path):
    project_id, users = add_project(conn, lead="lead", comm="communicator", rev="reviewer")
    records = add_search(conn, project_id, "MEDLINE", 5) + add_search(conn, project_id, "Citation searching", 2, "other")
    gid = conn.execute("INSERT INTO duplicate_groups (project_id, representative_id, created_at) VALUES (?, ?, ?)",
                       (project_id, records[0], db.now())).lastrowid
    for record_id in records[:2]:
        conn.execute("INSERT INTO duplicate_links (record_id, group_id, status, linked_at) VALUES (?, ?, 'certain', ?)",
                     (record_id, gid, db.now()))
    conn.execute("UPDATE projects SET reviewers_per_record = 1 WHERE id = ?", (project_id,))
    reason = screening_reasons.add_reason(conn, project_id, users["lead"], "Wrong population")
    screening.record_decision(conn, project_id, users["rev"], records[2], 1, "include", note="looks right", labels=["nurses"])
    screening.record_decision(conn, project_id, users["rev"], records[3], 1, "exclude")
    screening.record_decision(conn, project_id, users["rev"], records[5], 1, "include")
    from review.screening.blinding import release_outcomes

    release_outcomes(conn, project_id, users["lead"], 1)  # blinded reviewers work on released records at full text
    screening.record_decision(conn, project_id, users["rev"], records[2], 2, "exclude", reason_id=reason)
    prisma.add_removal(conn, project_id, users["lead"], 4, "Retracted")
    sid = published(conn, project_id, users, "nb", snapshot=lambda pid: summaries.publication_snapshot(conn, pid))
    summaries.save_version(conn, sid, users["comm"], complete("Revidert tittel"))
    files = tmp_path / "files"
    digest = hashlib.sha256(PDF).hexdigest()
    (files / f"project-{project_id}").mkdir(parents=True)
    (files / f"project-{project_id}" / f"{digest}.pdf").write_bytes(PDF)
    return conn, project_id, files, digest


def archive_of(conn, project_id, files, tmp_path):
    path = tmp_path / "review.zip"
    with open(path, "wb") as out:
        archive.write_project_archive(conn, project_id, out, files)
    return path


def test_archive_imports_into_a_new_database_with_everything(review, tmp_path):
    conn, project_id, files, digest = review
    path = archive_of(conn, project_id, files, tmp_path)
    other = db.open_database(tmp_path / "other.sqlite3")
    other.execute("INSERT INTO users (name, password_hash, created_at) VALUES ('someone', 'x', ?)", (db.now(),))
    new_files = tmp_path / "other-files"
    new_id = archive_import.import_project_archive(other, path, None, new_files)
    assert prisma.prisma_counts(other, new_id) == prisma.prisma_counts(conn, project_id)
    old_titles = [r[0] for r in conn.execute("SELECT title FROM records WHERE project_id = ? ORDER BY id", (project_id,))]
    assert [r[0] for r in other.execute("SELECT title FROM records WHERE project_id = ? ORDER BY id", (new_id,))] == old_titles
    assert [s["title"] for s in publications.published_summaries(other)] == ["Pauser på jobben"]
    found = other.execute("SELECT r.title FROM records_fts f JOIN records r ON r.id = f.rowid "
                          "WHERE records_fts MATCH 'citation' AND r.project_id = ?", (new_id,)).fetchall()
    assert len(found) == 2  # the imported records are in the full-text index, and the trigger is back
    assert other.execute("SELECT 1 FROM sqlite_master WHERE name = 'records_fts_insert'").fetchone()
    versions = other.execute("""SELECT COUNT(*) FROM summary_versions v JOIN summaries s ON s.id = v.summary_id
                                WHERE s.project_id = ?""", (new_id,)).fetchone()[0]
    assert versions == 2
    notes = other.execute("SELECT note FROM screening_current WHERE project_id = ? AND note <> ''", (new_id,)).fetchall()
    assert [n[0] for n in notes] == ["looks right"]
    assert other.execute("SELECT disabled_at FROM users WHERE name = 'rev'").fetchone()[0]
    assert (new_files / f"project-{new_id}" / f"{digest}.pdf").read_bytes() == PDF
    assert other.execute("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH 'MEDLINE'").fetchone()[0] == 5


def test_archive_imports_beside_the_original_in_the_same_database(review, tmp_path):
    conn, project_id, files, _ = review
    new_id = archive_import.import_project_archive(conn, archive_of(conn, project_id, files, tmp_path), None, files)
    assert new_id != project_id
    assert prisma.prisma_counts(conn, new_id) == prisma.prisma_counts(conn, project_id)
    pending = "SELECT COUNT(*) FROM screening_pending WHERE project_id = ?"
    assert conn.execute(pending, (new_id,)).fetchone()[0] == conn.execute(pending, (project_id,)).fetchone()[0]


def bad_zip(tmp_path, entries):
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", '{"format": "sil-project-archive", "version": 1, "project_id": 1}')
        for name, data in entries:
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.jsonl", "data/../../evil.jsonl", "/etc/passwd", "files/x.pdf",
                                  "data/Records.jsonl", "files/" + "a" * 64 + ".pdf/../../x"])
def test_path_traversal_and_stray_names_are_refused(conn, tmp_path, name):
    with pytest.raises(Invalid, match="unexpected"):
        archive_import.import_project_archive(conn, bad_zip(tmp_path, [(name, "{}")]), None, tmp_path / "files")
    assert not (tmp_path / "files").exists()
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == 0


def test_zip_bomb_is_refused(conn, tmp_path):
    path = bad_zip(tmp_path, [("data/records.jsonl", b"\0" * (20 * 1024 * 1024))])
    with pytest.raises(Invalid, match="zip bomb"):
        archive_import.import_project_archive(conn, path, None, tmp_path / "files")


def test_not_an_archive(conn, tmp_path):
    path = tmp_path / "notes.zip"
    path.write_bytes(b"hello")
    with pytest.raises(Invalid, match="not a Sil project archive"):
        archive_import.import_project_archive(conn, path, None, tmp_path)
    with pytest.raises(Invalid, match="holds no project"):
        archive_import.import_project_archive(conn, bad_zip(tmp_path, []), None, tmp_path)


def test_pdf_that_does_not_match_its_name_is_refused(review, tmp_path):
    conn, project_id, files, digest = review
    path = archive_of(conn, project_id, files, tmp_path)
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, b"%PDF forged" if info.filename.endswith(".pdf") else src.read(info))
    forged = tmp_path / "forged.zip"
    forged.write_bytes(data.getvalue())
    before = conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0]
    with pytest.raises(Invalid, match="SHA-256"):
        archive_import.import_project_archive(conn, forged, None, tmp_path / "f2")
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == before
    assert not any((tmp_path / "f2").rglob("*.pdf"))


def test_untrusted_import_makes_the_importer_the_only_member_and_matches_no_one_else(review, tmp_path):
    conn, project_id, files, digest = review
    path = archive_of(conn, project_id, files, tmp_path)
    importer = conn.execute("INSERT INTO users (name, password_hash, created_at) VALUES ('ida', 'x', ?)",
                            (db.now(),)).lastrowid
    new_id = archive_import.import_project_archive(conn, path, importer, tmp_path / "f3", trusted=False)
    members = conn.execute("SELECT user_id, role FROM memberships WHERE project_id = ?", (new_id,)).fetchall()
    assert [tuple(m) for m in members] == [(importer, "lead")]
    decided_by = conn.execute("SELECT DISTINCT u.name, u.display_name, u.disabled_at FROM screening_events e "
                              "JOIN users u ON u.id = e.user_id WHERE e.project_id = ?", (new_id,)).fetchall()
    # The existing account 'rev' is not made to speak in the upload; a disabled stand-in keeps who did what.
    assert len(decided_by) == 1 and decided_by[0]["name"].startswith("rev (archive ")
    assert decided_by[0]["display_name"] == "rev" and decided_by[0]["disabled_at"]
    assert (tmp_path / "f3" / f"project-{new_id}" / f"{digest}.pdf").read_bytes() == PDF


def test_archive_and_import_archive_commands(review, db_path, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    conn, project_id, files, digest = review
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "a.zip"
    cli = [sys.executable, "run.py", "--db", str(db_path)]
    done = subprocess.run([*cli, "archive", str(project_id), "--out", str(out), "--files", str(files)],
                          capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stderr
    again = subprocess.run([*cli, "archive", str(project_id), "--out", str(out)], capture_output=True, text=True, cwd=root)
    assert again.returncode == 1 and "exists already" in again.stderr
    back = subprocess.run([*cli, "import-archive", str(out), "--files", str(files)], capture_output=True, text=True, cwd=root)
    assert back.returncode == 0, back.stderr
    new_id = int(back.stdout.split()[-1])
    assert (files / f"project-{new_id}" / f"{digest}.pdf").is_file()
    bad = subprocess.run([*cli, "import-archive", str(db_path)], capture_output=True, text=True, cwd=root)
    assert bad.returncode == 1 and bad.stderr.startswith("error: ")


def test_an_archive_from_before_drafts_per_writer_imports_its_draft_to_the_writer_who_saved_it(tmp_path):
    """Migration 0017 renamed summary_drafts.saved_by to user_id: an archive written before it still imports."""
    import json

    from review.publishing import drafts

    old = db.connect(tmp_path / "old.sqlite3")
    db.migrate(old, upto=16)
    project_id, users = add_project(old, lead="lead", comm="communicator")
    sid = summaries.create_summary(old, project_id, "nb", users["comm"])
    summaries.save_version(old, sid, users["comm"], complete("Versjon 1"))
    old.execute("INSERT INTO summary_drafts (summary_id, content, topics, saved_at, saved_by) VALUES (?, ?, '[]', ?, ?)",
                (sid, json.dumps(complete("Utkast etter versjon 1")), "2999-01-01T00:00:00Z", users["comm"]))
    path = archive_of(old, project_id, tmp_path / "files", tmp_path)
    old.close()
    other = db.open_database(tmp_path / "other.sqlite3")
    new_id = archive_import.import_project_archive(other, path, None, tmp_path / "other-files")
    new_sid = other.execute("SELECT id FROM summaries WHERE project_id = ?", (new_id,)).fetchone()[0]
    comm = other.execute("SELECT id FROM users WHERE name = 'comm'").fetchone()[0]
    draft = drafts.get_draft(other, new_sid, comm)
    assert draft["content"]["title"] == "Utkast etter versjon 1" and draft["based_on"] == 1


def test_each_writers_draft_travels_with_the_archive(review, tmp_path):
    from review.publishing import drafts

    conn, project_id, files, _ = review
    sid = conn.execute("SELECT id FROM summaries WHERE project_id = ?", (project_id,)).fetchone()[0]
    people = {name: conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()[0] for name in ("lead", "comm")}
    for name, based_on in (("lead", 1), ("comm", 2)):
        drafts.save_draft(conn, sid, people[name], complete(f"{name}s utkast"), based_on=based_on)
    other = db.open_database(tmp_path / "other.sqlite3")
    new_id = archive_import.import_project_archive(other, archive_of(conn, project_id, files, tmp_path), None,
                                                   tmp_path / "other-files")
    new_sid = other.execute("SELECT id FROM summaries WHERE project_id = ?", (new_id,)).fetchone()[0]
    for name, based_on in (("lead", 1), ("comm", 2)):
        user_id = other.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()[0]
        draft = drafts.get_draft(other, new_sid, user_id)
        assert (draft["content"]["title"], draft["based_on"]) == (f"{name}s utkast", based_on)
