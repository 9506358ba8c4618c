"""The one error writers raise: what cannot be written or read back, and what to do about it.

Writers know nothing of the database or of review's typed errors; the core turns an ExportFailure into
Invalid or Conflict where it calls a writer, and the command line prints it as `error: <message>`."""
from __future__ import annotations

from typing import Any


class ExportFailure(Exception):
    """A writer refuses its input or its target: the message names the file and what is wrong.

    key and values are its catalogue entry, so the web can say it in the reader's language; kind is
    "invalid" (what was given is wrong: a damaged archive, a bad URL) or "conflict" (the target is in
    use: a folder that is not an earlier export)."""

    def __init__(self, message: str, key: str = "", *, kind: str = "invalid", **values: Any):
        super().__init__(message)
        self.message, self.key, self.kind, self.values = message, key, kind, values
