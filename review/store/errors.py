"""Typed errors of the domain; screens map them to HTTP status in one place, run.py to exit 1.

The message is English; a catalogue key (screens/i18n) with values lets the web show it translated.
"""
from __future__ import annotations


class SilError(Exception):
    """A problem the user can act on; its message says what and what to do."""

    status = 400

    def __init__(self, message: str, key: str | None = None, **values: object):
        super().__init__(message)
        self.message, self.key, self.values = message, key, values


class Invalid(SilError):
    """Input that cannot be accepted as it is."""

    status = 400


class Forbidden(SilError):
    """The user may not do this on this project."""

    status = 403


class NotFound(SilError):
    """The thing asked for does not exist (or is not visible to this user)."""

    status = 404


class Conflict(SilError):
    """The request clashes with the current state (e.g. a file already imported)."""

    status = 409
