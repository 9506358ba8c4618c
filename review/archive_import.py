"""Importing a project archive as a new project: ids renumbered, references followed, people matched by name."""
from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import Any

from exports.archive import ArchiveReader
from review.archive import _decode, columns, foreign_keys, has_row_id, table_order
from review.audit import record_event
from review.db import now, transaction
from review.errors import Invalid


def import_project_archive(conn: sqlite3.Connection, path: str | Path, user_id: int | None,
                           files_dir: str | Path) -> int:
    """Create a new project from an archive (all or nothing) and copy its PDFs; return the new project's id."""
    reader = ArchiveReader(path)
    try:
        _check_tables(conn, reader)
        with transaction(conn):
            ids = _Importer(conn, reader).run()
            project_id = ids["projects"][reader.manifest["project_id"]]
            if user_id is not None and not conn.execute(
                    "SELECT 1 FROM memberships WHERE project_id = ? AND user_id = ?", (project_id, user_id)).fetchone():
                conn.execute("INSERT INTO memberships (project_id, user_id, role, can_resolve, added_at) "
                             "VALUES (?, ?, 'lead', 1, ?)", (project_id, user_id, now()))
            record_event(conn, project_id, user_id, "project.import_archive", Path(path).name,
                         {"from_project": reader.manifest["project_id"]})
        for digest in reader.pdfs():
            reader.extract_pdf(digest, Path(files_dir) / f"project-{project_id}" / f"{digest}.pdf")
    finally:
        reader.close()
    return project_id


def _check_tables(conn: sqlite3.Connection, reader: ArchiveReader) -> None:
    order, _ = table_order(conn)
    unknown = [t for t in reader.tables() if t not in order and t != "users"]
    if unknown:
        raise Invalid(f"{reader.path.name} holds tables this version of Sil does not know ({', '.join(unknown)}); "
                      "import it with the version that wrote it or a newer one")
    if "projects" not in reader.tables():
        raise Invalid(f"{reader.path.name} holds no project")


class _Importer:
    """Inserts the archive's rows table by table, mapping every old id to the new one."""

    def __init__(self, conn: sqlite3.Connection, reader: ArchiveReader):
        self.conn, self.reader = conn, reader
        self.ids: dict[str, dict[Any, int]] = {"users": self._people()}
        self.later: list[tuple[str, str, int, str, Any]] = []

    def _people(self) -> dict[Any, int]:
        found = {}
        for person in self.reader.rows("users"):
            name = str(person.get("name") or "").strip()
            if not name:
                raise Invalid(f"{self.reader.path.name}: a person in the archive has no name")
            row = self.conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()
            if row is None:  # keep who did what: an account without a usable password, disabled
                row = [self.conn.execute(
                    "INSERT INTO users (name, display_name, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?)",
                    (name, person.get("display_name") or "", "!" + secrets.token_hex(8), now(), now())).lastrowid]
            found[person.get("id")] = row[0]
        return found

    def run(self) -> dict[str, dict[Any, int]]:
        order, deferred = table_order(self.conn)
        new_project = None
        for table in order:
            cols, refs = set(columns(self.conn, table)), foreign_keys(self.conn, table)
            with_id = has_row_id(self.conn, table)
            if new_project is not None and "project_id" in cols:  # drop rows triggers made for the new records
                self.conn.execute(f'DELETE FROM "{table}" WHERE project_id = ?', (new_project,))
            for number, row in enumerate(self.reader.rows(table), start=1):
                self._insert(table, row, cols, refs, deferred.get(table, set()), with_id, number)
            if table == "projects":
                new_project = next(iter(self.ids.get("projects", {}).values()), None)
        for table, column, new_id, ref, old in self.later:
            self.conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (self._map(ref, old, table), new_id))
        return self.ids

    def _insert(self, table: str, row: dict[str, Any], cols: set[str], refs: dict[str, str], deferred: set[str],
                with_id: bool, number: int) -> None:
        unknown = set(row) - cols
        if unknown:
            raise Invalid(f"{self.reader.path.name}: {table} line {number} has unknown fields {sorted(unknown)}")
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
            raise Invalid(f"{self.reader.path.name}: {table} line {number} refers to rows not in the archive")

    def _map(self, ref: str, old: Any, table: str) -> int:
        try:
            return self.ids[ref][old]
        except KeyError:
            raise Invalid(f"{self.reader.path.name}: a row of {table} refers to {ref} {old}, "
                          "which the archive does not hold") from None
