"""Project archives: one project written as a zip (every record, decision, note and file: a full backup)
and read back into another Sil.

write_project_archive, import_project_archive.
"""
from review.archive.reader import import_project_archive
from review.archive.writer import _project_rows, write_project_archive

__all__ = [
    "_project_rows",
    "import_project_archive",
    "write_project_archive",
]
