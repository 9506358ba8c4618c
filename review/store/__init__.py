"""Storage: one SQLite connection's settings, the numbered migrations, the one transaction helper, backup,
and the typed errors every other package raises.

connect / open_database (connect + migrate), transaction(conn) (the only way to write: BEGIN IMMEDIATE,
nests by joining), now() and readable() for *_at times, backup(), end_request(); the errors SilError,
Invalid (400), Forbidden (403), NotFound (404) and Conflict (409).
"""
from review.store import db
from review.store.db import (
    backup,
    checkpoint_in_background,
    connect,
    end_request,
    now,
    open_database,
    readable,
    schema_version,
    transaction,
)
from review.store.errors import Conflict, Forbidden, Invalid, NotFound, SilError

__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "SilError",
    "backup",
    "checkpoint_in_background",
    "connect",
    "db",
    "end_request",
    "now",
    "open_database",
    "readable",
    "schema_version",
    "transaction",
]
