"""People: user accounts, sessions and passwords, who may do what on a project, and the audit trail.

require_member(conn, project, user, *roles) is the one way to ask "may this user do X on this project"
(NotFound for non-members, Forbidden for another role); find_member asks only whether someone is a
member. create_user, authenticate, create_session, session_user, end_session; record_event and
list_events write and read the project's audit trail.
"""
from review.accounts import users
from review.accounts.access import find_member, project_blinded, require_member
from review.accounts.audit import list_events, record_event
from review.accounts.links import create_link, invite_account, link_account, reset_link, use_link
from review.accounts.mail import MailFailed, send_mail
from review.accounts.users import (
    authenticate,
    count_users,
    create_session,
    create_user,
    device_token,
    end_session,
    find_user,
    get_user,
    list_users,
    name_taken,
    session_user,
    set_disabled,
    set_language,
    set_password,
    set_time_zone,
    validate_email,
    verify_password,
)

__all__ = [
    "MailFailed",
    "authenticate",
    "count_users",
    "create_link",
    "create_session",
    "create_user",
    "device_token",
    "end_session",
    "find_member",
    "find_user",
    "get_user",
    "invite_account",
    "link_account",
    "list_events",
    "list_users",
    "name_taken",
    "project_blinded",
    "record_event",
    "require_member",
    "reset_link",
    "send_mail",
    "session_user",
    "set_disabled",
    "set_language",
    "set_password",
    "set_time_zone",
    "use_link",
    "users",
    "validate_email",
    "verify_password",
]
