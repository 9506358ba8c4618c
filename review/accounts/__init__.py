"""People: user accounts, sessions and passwords, who may do what on a project, and the audit trail.

require_member(conn, project, user, *roles) is the one way to ask "may this user do X on this project"
(NotFound for non-members, Forbidden for another role); find_member asks only whether someone is a
member. create_user, authenticate, create_session, session_user, end_session; record_event and
list_events write and read the project's audit trail.
"""
from review.accounts.access import find_member, project_blinded, require_member
from review.accounts.audit import list_events, record_event
from review.accounts.users import (
    MIN_PASSWORD_LENGTH,
    authenticate,
    count_users,
    create_session,
    create_user,
    end_session,
    find_user,
    get_user,
    list_users,
    session_user,
    set_disabled,
    set_language,
    set_password,
    verify_password,
)

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "authenticate",
    "count_users",
    "create_session",
    "create_user",
    "end_session",
    "find_member",
    "find_user",
    "get_user",
    "list_events",
    "list_users",
    "project_blinded",
    "record_event",
    "require_member",
    "session_user",
    "set_disabled",
    "set_language",
    "set_password",
    "verify_password",
]
