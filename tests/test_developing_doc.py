"""docs/DEVELOPING.md states facts that drift: the packages, the migrations and the export table.

Each list sits between HTML comments (<!-- name: ... --> and <!-- /name -->) and is checked here against
the code, so a new package, migration or export that is not written down fails the suite."""
from __future__ import annotations

import re
from pathlib import Path

from review.publishing.exports import EXPORTS, STREAMS
from review.store.db import MIGRATIONS_DIR

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "DEVELOPING.md").read_text(encoding="utf-8")


def section(name: str) -> str:
    found = re.search(rf"<!-- {name}:.*?-->(.*?)<!-- /{name} -->", DOC, re.S)
    assert found, f"docs/DEVELOPING.md has no <!-- {name}: --> section"
    return found.group(1)


def test_the_package_list_is_the_packages_of_review_in_the_order_of_the_flow():
    from test_layering import LAYERS

    listed = re.findall(r"^- `([a-z_]+)/`", section("packages"), re.M)
    assert listed == LAYERS
    on_disk = sorted(p.name for p in (ROOT / "review").iterdir() if (p / "__init__.py").exists())
    assert sorted(listed) == on_disk


def test_the_migration_list_is_the_migrations_folder():
    listed = re.findall(r"^\s*- (\d{4}) ([a-z_]+):", section("migrations"), re.M)
    assert [f"{n}_{name}.sql" for n, name in listed] == sorted(p.name for p in MIGRATIONS_DIR.glob("*.sql"))


def test_the_export_table_is_the_export_table_of_the_code():
    rows = re.findall(r"^\s*\| ([a-z-]+) \| ([a-z, ]+) \| (yes)? ?\|", section("exports"), re.M)
    listed = {what: (tuple(f.strip() for f in formats.split(",")), bool(streamed)) for what, formats, streamed in rows}
    assert listed == {what: (formats, what in STREAMS) for what, (_target, formats) in EXPORTS.items()}
