"""Crafted project archives (a wrong size in the zip directory, a manifest that names no usable project)
are refused with a message naming what is wrong, and leave nothing behind."""
import json
import struct
import zipfile

import pytest

from review.archive import reader as archive_import
from review.archive import writer as archive
from review.store.errors import Invalid
from tests.review_factory import add_project, add_search


@pytest.fixture
def archived(conn, tmp_path):
    project_id, _ = add_project(conn, lead="lead")
    add_search(conn, project_id, "MEDLINE", 30)
    path = tmp_path / "review.zip"
    with open(path, "wb") as out:
        archive.write_project_archive(conn, project_id, out, tmp_path / "files")
    return conn, path


def with_directory_size(path, member, change, offset=24):
    """The archive with the size that the zip's central directory gives member changed (offset 24: the
    uncompressed size, 20: the compressed one)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    name = member.encode()
    start = 0
    while True:
        start = data.index(b"PK\x01\x02", start)
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46:start + 46 + name_length]) == name:
            break
        start += 4
    size = info.file_size if offset == 24 else info.compress_size
    struct.pack_into("<I", data, start + offset, change(size))
    out = path.with_name(f"crafted-{offset}-{change(size)}.zip")
    out.write_bytes(bytes(data))
    return out


def with_manifest(path, edit):
    out = path.with_name("manifest-edited.zip")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                edit(manifest)
                data = json.dumps(manifest).encode()
            dst.writestr(info.filename, data)
    return out


def projects_count(conn):
    return conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0]


@pytest.mark.parametrize("member", ["data/records.jsonl", "manifest.json"])
@pytest.mark.parametrize("offset", [24, 20])
@pytest.mark.parametrize("change", [lambda n: n // 2, lambda n: n + 1000, lambda n: 1])
def test_a_wrong_size_in_the_zip_directory_is_refused_with_a_message(archived, tmp_path, change, offset, member):
    conn, path = archived
    crafted = with_directory_size(path, member, change, offset)
    before = projects_count(conn)
    with pytest.raises(Invalid, match=r"crafted-\d+-\d+\.zip.*(damaged|records|manifest|not valid)"):
        archive_import.import_project_archive(conn, crafted, None, tmp_path / "files")
    assert projects_count(conn) == before


@pytest.mark.parametrize("edit", [lambda m: m.update(project_id=[1]), lambda m: m.pop("project_id"),
                                  lambda m: m.update(project_id="1"), lambda m: m.update(project_id=999),
                                  lambda m: m.update(project_id=True), lambda m: m.update(project_id={"a": 1})])
def test_a_manifest_without_a_usable_project_id_is_refused_with_a_message(archived, tmp_path, edit):
    conn, path = archived
    before = projects_count(conn)
    with pytest.raises(Invalid, match="project_id"):
        archive_import.import_project_archive(conn, with_manifest(path, edit), None, tmp_path / "files")
    assert projects_count(conn) == before


def test_the_web_upload_of_a_crafted_archive_is_a_400_with_the_message(app, conn, make_user, tmp_path):
    from conftest import csrf_of, login

    make_user("anne")
    project_id, _ = add_project(conn, lead="lead")
    path = tmp_path / "review.zip"
    with open(path, "wb") as out:
        archive.write_project_archive(conn, project_id, out, tmp_path / "files")
    login(app, "anne")
    crafted = with_manifest(path, lambda m: m.update(project_id=[1]))
    response = app.post("/projects/import", {"csrf_token": csrf_of(app)},
                        upload_files=[("archive", "crafted.zip", crafted.read_bytes())], expect_errors=True)
    assert response.status_int == 400 and "project_id" in response.text
