"""Review projects: their settings (question, PECO, criteria, blinding, reviewers per record), their
members with roles, and the list of exclusion reasons each project has from its creation.

create_project, update_project, get_project, resolve_project, list_projects; list_members,
set_member, remove_member; list_reasons, add_reason, rename_reason, retire_reason.
"""
from review.projects import project
from review.projects.invitations import (
    accept,
    decline,
    find_account,
    invite,
    is_email,
    my_invitations,
    project_invitations,
    withdraw,
)
from review.projects.project import (
    REVIEW_TYPES,
    ROLES,
    create_project,
    get_project,
    list_members,
    list_projects,
    remove_member,
    resolve_project,
    set_member,
    update_project,
)
from review.projects.reasons import STARTING_REASONS, add_reason, list_reasons, rename_reason, retire_reason

__all__ = [
    "REVIEW_TYPES",
    "ROLES",
    "STARTING_REASONS",
    "accept",
    "add_reason",
    "create_project",
    "decline",
    "find_account",
    "get_project",
    "invite",
    "is_email",
    "list_members",
    "list_projects",
    "list_reasons",
    "my_invitations",
    "project",
    "project_invitations",
    "remove_member",
    "rename_reason",
    "resolve_project",
    "retire_reason",
    "set_member",
    "update_project",
    "withdraw",
]
