#!/usr/bin/env python3
"""Sil's command line: serve the app (the default), manage accounts and projects, import, export, back up."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exports.errors import ExportFailure
from imports.errors import ImportFailure
from review import accounts, projects, store
from review.projects import STARTING_REASONS
from review.store import SilError

# review.ranking.replay.NAMES, the default first, written out so that parsing options loads no numpy
# (tests/test_simulation.py holds them equal)
STOP_METHODS = ("ranked-or-curve", "ranked", "curve", "ranked-bonferroni", "random", "target", "irrelevant-100",
                "safe", "knee", "none")

DEFAULT_DB = "sil.sqlite3"
DEMO_DB = "sil-demo.sqlite3"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], Any] = getattr(args, "command", None) or serve
    try:
        command(args)
    except (SilError, ImportFailure, ExportFailure) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Sil, a systematic-review workbench.")
    add_common(parser)
    add_serve_options(parser)
    parser.add_argument("--demo", action="store_true", help="serve with a demo review (in sil-demo.sqlite3 unless --db)")
    sub = parser.add_subparsers(metavar="COMMAND")

    p = sub.add_parser("serve", help="serve Sil (the default)")
    add_common(p)
    add_serve_options(p, suppress=True)
    p.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)
    p.set_defaults(command=serve)

    p = sub.add_parser("demo", help="serve Sil with a demo review")
    add_common(p)
    add_serve_options(p, suppress=True)
    p.set_defaults(command=serve, demo=True)

    p = sub.add_parser("users", help="manage accounts")
    users_sub = p.add_subparsers(metavar="ACTION", required=True)
    q = users_sub.add_parser("add", help="add an account and print its one-time password")
    add_common(q)
    q.add_argument("name")
    q.add_argument("--admin", action="store_true", help="make it a site administrator")
    q.add_argument("--email", help="the person's email address (for 'forgot password' when SMTP is configured)")
    q.set_defaults(command=cmd_users_add)
    q = users_sub.add_parser("passwd", help="give an account a new one-time password")
    add_common(q)
    q.add_argument("name")
    q.set_defaults(command=cmd_users_passwd)
    q = users_sub.add_parser("list", help="list accounts")
    add_common(q)
    q.set_defaults(command=cmd_users_list)

    p = sub.add_parser("projects", help="manage review projects")
    projects_sub = p.add_subparsers(metavar="ACTION", required=True)
    q = projects_sub.add_parser("add", help="create a review project and print its id")
    add_common(q)
    q.add_argument("title")
    q.add_argument("--type", choices=projects.REVIEW_TYPES, default="systematic")
    q.add_argument("--lead", help="user name of the project's lead")
    q.add_argument("--language", choices=tuple(STARTING_REASONS), default="en",
                   help="language of the starting exclusion reasons (en English, nb bokmål); default en")
    q.set_defaults(command=cmd_projects_add)
    q = projects_sub.add_parser("list", help="list review projects")
    add_common(q)
    q.set_defaults(command=cmd_projects_list)

    p = sub.add_parser("import", help="import database export files into a project, one search per file")
    add_common(p)
    p.add_argument("project", help="project id (or exact title)")
    p.add_argument("files", nargs="+", metavar="FILE", help="export files (RIS, MEDLINE, WoS, EndNote XML, BibTeX, CSV)")
    p.add_argument("--database", help="database searched, e.g. MEDLINE, Embase")
    p.add_argument("--platform", help="platform or interface, e.g. Ovid, PubMed, EBSCOhost")
    p.add_argument("--searched-on", help="date the search was run, YYYY-MM-DD")
    p.add_argument("--query", help="the search exactly as run")
    p.add_argument("--limits", help="limits and filters applied")
    p.add_argument("--reported", help="number of records the database reported")
    p.add_argument("--force", action="store_true", help="import a file even if the same file was imported before")
    p.add_argument("--skip-broken", action="store_true",
                   help="import the entries that can be read and list the broken ones in the search's warnings "
                        "(BibTeX); without it a file with a broken entry is refused")
    p.set_defaults(command=cmd_import)
    p = sub.add_parser("dedupe", help="find duplicate records in a project (prints groups, certain, possible)")
    add_common(p)
    p.add_argument("project", help="project id (or exact title)")
    p.set_defaults(command=cmd_dedupe)

    p = sub.add_parser("export", help="write an export of a project (records, decisions, ...) to a file")
    add_common(p)
    p.add_argument("project", help="project id (or exact title)")
    p.add_argument("--what", required=True, help="what to export, e.g. records, duplicates, decisions, included")
    p.add_argument("--format", default="csv", help="csv, ris, xlsx, ... (what each export offers)")
    p.add_argument("--out", default="-", help="file to write (default: standard output)")
    p.add_argument("--stage", type=int, help="screening stage (1 title/abstract, 2 full text), where it applies")
    p.add_argument("--search", type=int, help="only the records of this search, where it applies")
    p.add_argument("--label", help="only records with this label, where it applies")
    p.add_argument("--language", choices=("nb", "nn", "en"),
                   help="summary: which language's summary; automation-methods, prisma: the text's language")
    p.set_defaults(command=cmd_export)

    p = sub.add_parser("simulate", help="replay a labelled screening with the ranking model; print WSS@95 and recall@10%%")
    p.add_argument("data", metavar="DATA.csv", help="title, abstract, (keywords), label_included or included")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--prior-included", type=int, default=1)
    p.add_argument("--prior-excluded", type=int, default=1)
    p.add_argument("--out", metavar="ORDER.csv", help="write the screening order here")
    p.add_argument("--stop", nargs="?", const=STOP_METHODS[0], metavar="METHOD", choices=STOP_METHODS,
                   help=f"apply a stopping method after every 100 decisions (no METHOD: the default, {STOP_METHODS[0]}; "
                        "none: screen to the end) and end with 'stop: N of M records screened, recall R'; "
                        f"one of {', '.join(STOP_METHODS)}")
    p.set_defaults(command=cmd_simulate)

    p = sub.add_parser("export-portal", help="write the published summaries as a static site (HTML, CSS, feeds)")
    add_common(p)
    p.add_argument("dir", help="folder to write (new, empty, or an earlier portal export)")
    p.add_argument("--base-url", default="", help="where the site will be published, for absolute links in the feeds")
    p.set_defaults(command=cmd_export_portal)

    p = sub.add_parser("archive", help="write a whole project (its data as JSON and its PDFs) to a zip")
    add_common(p)
    p.add_argument("project", help="project id (or exact title)")
    p.add_argument("--out", required=True, help="the zip file to write")
    p.add_argument("--files", help="folder of uploaded PDFs (default: 'files' beside the database)")
    p.set_defaults(command=cmd_archive)

    p = sub.add_parser("import-archive", help="import a project archive as a new project; prints its id last")
    add_common(p)
    p.add_argument("file", help="a zip written by 'run.py archive'")
    p.add_argument("--files", help="folder of uploaded PDFs (default: 'files' beside the database)")
    p.set_defaults(command=cmd_import_archive)

    p = sub.add_parser("backup", help="copy the live database with SQLite's backup API")
    add_common(p)
    p.add_argument("dest", help="the new file to write")
    p.set_defaults(command=cmd_backup)
    return parser


def cmd_simulate(args: argparse.Namespace) -> None:
    from review import ranking

    print(ranking.run(args))


def add_serve_options(parser: argparse.ArgumentParser, suppress: bool = False) -> None:
    """Where and how to serve; on a subcommand (suppress) an option left out keeps the main parser's value."""
    default = (lambda value: argparse.SUPPRESS) if suppress else (lambda value: value)  # noqa: E731
    parser.add_argument("--host", default=default("127.0.0.1"), help="address to serve on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=default(8080), help="port to serve on (default 8080)")
    parser.add_argument("--trusted-proxy", metavar="ADDR", default=default(os.environ.get("SIL_TRUSTED_PROXY")),
                        help="the address of the reverse proxy in front of Sil (default $SIL_TRUSTED_PROXY): "
                             "X-Forwarded-Proto, -For and -Host are honoured from it alone")
    parser.add_argument("--base-url", default=default(os.environ.get("SIL_BASE_URL")),
                        help="Sil's address as people reach it, e.g. https://sil.example.org (default $SIL_BASE_URL); "
                             "links in emails use it")
    parser.add_argument("--smtp-host", default=default(os.environ.get("SIL_SMTP_HOST")),
                        help="SMTP server for invitations and password resets (default $SIL_SMTP_HOST); "
                             "without it, accounts get one-time passwords")
    parser.add_argument("--smtp-port", type=int, default=default(int(os.environ.get("SIL_SMTP_PORT", 587))),
                        help="SMTP port (default $SIL_SMTP_PORT or 587)")
    parser.add_argument("--smtp-user", default=default(os.environ.get("SIL_SMTP_USER")),
                        help="SMTP user name (default $SIL_SMTP_USER); the password is read from $SIL_SMTP_PASSWORD")
    parser.add_argument("--smtp-from", default=default(os.environ.get("SIL_SMTP_FROM")),
                        help="the sender of Sil's emails (default $SIL_SMTP_FROM, else the SMTP user)")
    parser.add_argument("--smtp-tls", choices=("starttls", "none"),
                        default=default(os.environ.get("SIL_SMTP_TLS", "starttls")),
                        help="STARTTLS (the default) or none (only for a server on the same machine)")


def mail_settings(args: argparse.Namespace) -> dict[str, Any] | None:
    """The SMTP settings of the serve options, or None without --smtp-host."""
    from review.store import Invalid

    host = getattr(args, "smtp_host", None)
    if not host:
        return None
    if not getattr(args, "base_url", None):
        raise Invalid("--smtp-host needs --base-url (or SIL_BASE_URL): the links in emails must not take their "
                      "address from a request's Host header")
    user = getattr(args, "smtp_user", None)
    return {"host": host, "port": getattr(args, "smtp_port", 587), "user": user,
            "password": os.environ.get("SIL_SMTP_PASSWORD"), "sender": getattr(args, "smtp_from", None) or user
            or f"sil@{host}", "tls": getattr(args, "smtp_tls", "starttls")}


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help=f"database file (default: $SIL_DB or ./{DEFAULT_DB})")


def database_path(args: argparse.Namespace) -> str:
    """--db, then SIL_DB, then the default file in the current folder (the demo has its own)."""
    explicit = getattr(args, "db", None) or os.environ.get("SIL_DB")
    if explicit:
        return explicit
    return DEMO_DB if getattr(args, "demo", False) else DEFAULT_DB


def open_db(args: argparse.Namespace):
    return store.open_database(database_path(args))


def serve(args: argparse.Namespace) -> None:
    from screens.app import make_app
    from screens.serving import create_server

    path = database_path(args)
    conn = store.open_database(path)
    if getattr(args, "demo", False):
        from review import demo

        for line in demo.ensure_demo(conn):
            print(line)
    if accounts.count_users(conn) == 0:
        _, password = accounts.create_user(conn, "admin", is_admin=True, display_name="Site administrator")
        print("Created the site administrator.\n"
              f"  user name: admin\n  one-time password: {password}\n"
              "  (shown once; you choose your own password at first login)")
    conn.close()
    from review.searches import sweep_stale_scratch

    sweep_stale_scratch()  # what a server killed mid-import left in the temporary folder
    host, port = getattr(args, "host", "127.0.0.1"), getattr(args, "port", 8080)
    config = {"db": path, "sil.background_ranking": True, "sil.mail": mail_settings(args),
              "sil.base_url": (getattr(args, "base_url", None) or "").rstrip("/")}
    try:
        server = create_server(make_app(config), path, host, port, trusted_proxy=getattr(args, "trusted_proxy", None))
    except OSError as error:
        from review.store import Invalid

        raise Invalid(f"cannot listen on {host}:{port}: {error.strerror}; choose another --port") from error
    print(f"Sil serves {Path(path).resolve()} on http://{host}:{port}/  (Ctrl+C stops)", flush=True)
    server.run()


def cmd_users_add(args: argparse.Namespace) -> None:
    conn = open_db(args)
    _, password = accounts.create_user(conn, args.name, is_admin=args.admin, email=args.email)
    print(f"Added {args.name}{' (site administrator)' if args.admin else ''}. One-time password: {password}")


def cmd_users_passwd(args: argparse.Namespace) -> None:
    conn = open_db(args)
    password = accounts.set_password(conn, accounts.find_user(conn, args.name)["id"])
    print(f"New one-time password for {args.name}: {password}")


def cmd_users_list(args: argparse.Namespace) -> None:
    for user in accounts.list_users(open_db(args)):
        flags = " admin" if user["is_admin"] else ""
        flags += " disabled" if user["disabled_at"] else ""
        print(f"{user['name']}\t{user['display_name']}\t{user['email'] or ''}{flags}")


def cmd_projects_add(args: argparse.Namespace) -> None:
    conn = open_db(args)
    lead = accounts.find_user(conn, args.lead)["id"] if args.lead else None
    project_id = projects.create_project(conn, lead, args.title, lang=args.language, review_type=args.type)
    print(f"Created project {project_id}: {args.title}")
    print(project_id)


def cmd_projects_list(args: argparse.Namespace) -> None:
    for project in projects.list_projects(open_db(args)):
        print(f"{project['id']}\t{project['review_type']}\t{project['title']}")


def cmd_import(args: argparse.Namespace) -> None:
    """Import each file as its own search; a file that fails is reported and the others still go in."""
    from review import searches
    from review.store import Invalid

    conn = open_db(args)
    project = projects.resolve_project(conn, args.project)
    meta = {"database_name": args.database, "platform": args.platform, "searched_on": args.searched_on,
            "query": args.query, "limits": args.limits, "reported_count": args.reported}
    failures = []
    for name in args.files:
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            failures.append(f"{name}: cannot read the file ({error.strerror})")
            continue
        try:
            result = searches.import_file(conn, project["id"], None, Path(name).name, data, meta, force=args.force,
                                          skip_broken=args.skip_broken)
        except SilError as error:
            failures.append(str(error))
            continue
        print(f"{name}: imported {result['record_count']} records ({result['format']}, {result['encoding']}) "
              f"as search {result['search_id']}")
        for warning in result["warnings"]:
            print(f"  warning: {warning['text']}")  # the command line speaks English
    for failure in failures[:-1]:
        print(f"error: {failure}", file=sys.stderr)
    if failures:
        raise Invalid(failures[-1])
def cmd_dedupe(args: argparse.Namespace) -> None:
    from review.dedupe import duplicates_removed, find_duplicates

    conn = open_db(args)
    project = projects.resolve_project(conn, args.project)
    counts = find_duplicates(conn, project["id"], None)
    print(f"groups found: {counts['groups']}")
    print(f"certain (grouped automatically): {counts['certain']}")
    print(f"possible (waiting for a person): {counts['possible']}")
    print(f"duplicates removed in total: {duplicates_removed(conn, project['id'])}")


def cmd_export(args: argparse.Namespace) -> None:
    from review import publishing

    conn = open_db(args)
    project = projects.resolve_project(conn, args.project)
    options = {k: v for k, v in (("stage", args.stage), ("search", args.search), ("label", args.label),
                                 ("lang", args.language)) if v is not None}
    if args.what in ("summary", "press-pack"):
        from screens.portal_language import gettext_for

        options["gettext_for"] = gettext_for
    data = publishing.export(conn, project["id"], args.what, args.format, **options)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return
    write_file_atomically(Path(args.out), data)
    print(f"Wrote {args.what} of project {project['id']} as {args.format} to {args.out}", file=sys.stderr)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, renamed into place."""
    from review.store import Invalid

    if path.is_dir():
        raise Invalid(f"{path} is a folder; give a file name with --out.")
    temporary = path.with_name(f".{path.name}.partial")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise Invalid(f"cannot write {path}: {error.strerror}") from error


def cmd_export_portal(args: argparse.Namespace) -> None:
    from exports.portal import export_site
    from review.publishing import published_summaries, statement
    from screens.portal import gettext_for

    conn = open_db(args)
    items = published_summaries(conn)
    files = export_site(args.dir, items, gettext_for, args.base_url, statement=statement(conn, args.base_url))
    print(f"Wrote {len(items)} published summaries ({len(files)} files) to {args.dir}")
    if not args.base_url:
        print("warning: no --base-url: links in the feeds and the sitemap are relative, and the feed and entry ids "
              "are not unique to this installation (tag:sil,...); give the address the site will be published at",
              file=sys.stderr)


def files_folder(args: argparse.Namespace) -> Path:
    """--files, or the 'files' folder beside the database (where the web app keeps PDFs)."""
    return Path(args.files) if args.files else Path(database_path(args)).resolve().parent / "files"


def cmd_archive(args: argparse.Namespace) -> None:
    from review.archive import write_project_archive

    conn = open_db(args)
    project = projects.resolve_project(conn, args.project)
    out = Path(args.out)
    if out.exists():
        raise SilError(f"{out} exists already; choose a new file name for the archive")
    partial = out.with_name(f".{out.name}.partial")
    try:
        with open(partial, "wb") as stream:
            write_project_archive(conn, project["id"], stream, files_folder(args))
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    print(f"Wrote project {project['id']} to {out}")


def cmd_import_archive(args: argparse.Namespace) -> None:
    from review.archive import import_project_archive

    project_id = import_project_archive(open_db(args), args.file, None, files_folder(args))
    print(f"Imported {args.file} as project {project_id}")
    print(project_id)


def cmd_backup(args: argparse.Namespace) -> None:
    conn = open_db(args)
    store.backup(conn, args.dest)
    print(f"Backed up {database_path(args)} to {args.dest}")


if __name__ == "__main__":
    sys.exit(main())
