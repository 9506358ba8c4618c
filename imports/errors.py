"""The one error an importer raises on input it cannot read."""
from __future__ import annotations


class ImportFailure(Exception):
    """A file Sil cannot read: names the file, the line (or record) and what to do."""

    def __init__(self, file: str, line: int | None, message: str, key: str | None = None, **values: object):
        # key and values: the message's catalogue entry, so the web can say it in the reader's language
        self.file, self.line, self.message, self.key, self.values = file, line, message, key, values
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")
