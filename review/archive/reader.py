"""Importing a project archive as a new project: ids renumbered, references followed, people matched by name."""
from __future__ import annotations

import secrets
import shutil
import sqlite3
import zipfile
import zlib
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from exports.archive import ArchiveReader
from exports.errors import ExportFailure
from review.accounts import record_event
from review.archive.writer import _decode, columns, foreign_keys, has_row_id, table_order
from review.searches import FTS_TRIGGER, derived_in_bulk
from review.store import Invalid, now, transaction

# Columns a migration renamed: an archive written before it names them as they were (table -> old -> new).
RENAMED = {"summary_drafts": {"saved_by": "user_id"}}  # 0017: a draft belongs to its writer


def import_project_archive(conn: sqlite3.Connection, path: str | Path, user_id: int | None,
                           files_dir: str | Path, trusted: bool = True) -> int:
    """Create a new project from an archive (all or nothing, PDFs included); return the new project's id.

    trusted False (an import by someone other than a site admin) leaves the archive's memberships behind, so the
    importing user is the only member, as lead, and matches no one but the importer to this Sil's accounts: the
    others get disabled accounts named "<name> (archive xxxxxx)", so an upload cannot put real people into a
    project, speak for them, or reserve their user names."""
    try:
        return _import(conn, path, user_id, files_dir, trusted)
    except ExportFailure as failure:
        raise Invalid(failure.message, failure.key, **failure.values) from None


def _import(conn: sqlite3.Connection, path: str | Path, user_id: int | None, files_dir: str | Path,
            trusted: bool) -> int:
    staging = Path(files_dir) / f".import-{secrets.token_hex(8)}"
    reader = None
    try:
        reader = ArchiveReader(path)
        _check_tables(conn, reader)
        old_id = _manifest_project_id(reader)
        # PDFs are checked against their names before a row is written, so a forged one leaves nothing behind.
        for digest in reader.pdfs():
            reader.extract_pdf(digest, staging / f"{digest}.pdf")
        with transaction(conn):
            ids = _Importer(conn, reader, user_id, trusted=trusted).run()
            project_id = ids.get("projects", {}).get(old_id)
            if project_id is None:
                raise Invalid(f"{reader.path.name}: manifest.json names project_id {old_id}, which the archive does "
                              "not hold", "error.archive.project_id_missing", file=reader.path.name, id=old_id)
            if user_id is not None and not conn.execute(
                    "SELECT 1 FROM memberships WHERE project_id = ? AND user_id = ?", (project_id, user_id)).fetchone():
                conn.execute("INSERT INTO memberships (project_id, user_id, role, can_resolve, added_at) "
                             "VALUES (?, ?, 'lead', 1, ?)", (project_id, user_id, now()))
            record_event(conn, project_id, user_id, "project.import_archive", Path(path).name,
                         {"from_project": old_id})
            _move_files(staging, Path(files_dir) / f"project-{project_id}")
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        # The zip's directory disagrees with its content (a size, a checksum): nothing of it is kept.
        name = Path(path).name
        raise Invalid(f"{name}: the zip is damaged ({error}); write the archive again with 'run.py archive'",
                      "error.archive.damaged", file=name, detail=str(error)) from None
    finally:
        if reader is not None:
            reader.close()
        shutil.rmtree(staging, ignore_errors=True)
    return project_id


def _manifest_project_id(reader: ArchiveReader) -> int:
    """The id the archive's project had where it was written, as the manifest names it (a whole number)."""
    value = reader.manifest.get("project_id")
    if type(value) is not int:  # not bool, not a list, not text
        raise Invalid(f"{reader.path.name}: manifest.json must give project_id as a number, not {value!r}",
                      "error.archive.bad_project_id", file=reader.path.name, value=repr(value)[:80])
    return value


def _move_files(staging: Path, folder: Path) -> None:
    # Inside the transaction: should a move fail, the rows are rolled back with it.
    if not staging.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in staging.iterdir():
        pdf.replace(folder / pdf.name)


def _check_tables(conn: sqlite3.Connection, reader: ArchiveReader) -> None:
    order, _ = table_order(conn)
    unknown = [t for t in reader.tables() if t not in order and t != "users"]
    if unknown:
        raise Invalid(f"{reader.path.name} holds tables this version of Sil does not know ({', '.join(unknown)}); "
                      "import it with the version that wrote it or a newer one",
                      "error.archive.unknown_tables", file=reader.path.name, tables=", ".join(unknown))
    if "projects" not in reader.tables():
        raise Invalid(f"{reader.path.name} holds no project", "error.archive.no_project", file=reader.path.name)


class _Importer:
    """Inserts the archive's rows table by table, mapping every old id to the new one."""

    def __init__(self, conn: sqlite3.Connection, reader: ArchiveReader, importer: int | None, trusted: bool):
        self.conn, self.reader = conn, reader
        self.skip = set() if trusted else {"memberships"}
        self.match_people = trusted
        row = conn.execute("SELECT name FROM users WHERE id = ?", (importer,)).fetchone() if importer else None
        self.importer_name = row[0] if row else None
        self.ids: dict[str, dict[Any, int]] = {"users": self._people()}
        self.later: list[tuple[str, str, int, str, Any]] = []

    def _people(self) -> dict[Any, int]:
        found = {}
        for person in self.reader.rows("users"):
            name = str(person.get("name") or "").strip()
            if not name:
                raise Invalid(f"{self.reader.path.name}: a person in the archive has no name",
                              "error.archive.nameless_person", file=self.reader.path.name)
            found[person.get("id")] = self._account(name, str(person.get("display_name") or ""))
        return found

    def _account(self, name: str, display_name: str) -> int:
        if self.match_people or name == self.importer_name:
            row = self.conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return row[0]
        if not self.match_people:
            # Not matched to this Sil's accounts, so an upload can neither speak for nor reserve a real person.
            display_name, name = display_name or name, f"{name} (archive {secrets.token_hex(3)})"
        # Keep who did what: an account without a usable password, disabled.
        return self.conn.execute(
            "INSERT INTO users (name, display_name, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?)",
            (name, display_name, "!" + secrets.token_hex(8), now(), now())).lastrowid

    def run(self) -> dict[str, dict[Any, int]]:
        order, deferred = table_order(self.conn)
        new_project = None
        for table in order:
            cols, refs = set(columns(self.conn, table)), foreign_keys(self.conn, table)
            with_id = has_row_id(self.conn, table)
            if new_project is not None and "project_id" in cols:  # drop rows triggers made for the new records
                self.conn.execute(f'DELETE FROM "{table}" WHERE project_id = ?', (new_project,))
            rows = () if table in self.skip else self.reader.rows(table)
            with derived_in_bulk(self.conn, (FTS_TRIGGER,)) if table == "records" else nullcontext():
                for number, row in enumerate(rows, start=1):
                    self._insert(table, row, cols, refs, deferred.get(table, set()), with_id, number)
            if table == "projects":
                new_project = next(iter(self.ids.get("projects", {}).values()), None)
        for table, column, new_id, ref, old in self.later:
            self.conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (self._map(ref, old, table), new_id))
        return self.ids

    def _insert(self, table: str, row: dict[str, Any], cols: set[str], refs: dict[str, str], deferred: set[str],
                with_id: bool, number: int) -> None:
        renamed = RENAMED.get(table, {})
        if renamed and not set(renamed.values()) & set(row):
            row = {renamed.get(name, name): value for name, value in row.items()}
        unknown = set(row) - cols
        if unknown:
            raise Invalid(f"{self.reader.path.name}: {table} line {number} has unknown fields {sorted(unknown)}",
                          "error.archive.unknown_fields", file=self.reader.path.name, table=table, line=number,
                          fields=", ".join(sorted(unknown)))
        values = {k: _decode(v) for k, v in row.items() if not (with_id and k == "id")}
        postponed = []
        for column, ref in refs.items():
            if values.get(column) is None:
                continue
            if column in deferred or (ref == table and values[column] not in self.ids.get(table, {})):
                postponed.append((column, ref, values.pop(column)))
            else:
                values[column] = self._map(ref, values[column], table)
        names = ", ".join(f'"{c}"' for c in values)
        verb = "INSERT" if with_id else "INSERT OR REPLACE"
        cur = self.conn.execute(f'{verb} INTO "{table}" ({names}) VALUES ({", ".join("?" * len(values))})',
                                list(values.values()))
        if with_id:
            self.ids.setdefault(table, {})[row.get("id")] = cur.lastrowid
            self.later += [(table, column, cur.lastrowid, ref, old) for column, ref, old in postponed]
        elif postponed:
            raise Invalid(f"{self.reader.path.name}: {table} line {number} refers to rows not in the archive",
                          "error.archive.missing_rows", file=self.reader.path.name, table=table, line=number)

    def _map(self, ref: str, old: Any, table: str) -> int:
        try:
            return self.ids[ref][old]
        except KeyError:
            raise Invalid(f"{self.reader.path.name}: a row of {table} refers to {ref} {old}, "
                          "which the archive does not hold",
                          "error.archive.missing_ref", file=self.reader.path.name, table=table, ref=ref,
                          id=old) from None
