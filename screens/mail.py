"""The emails Sil sends (invitation links, project invitations, password resets), in bokmål and English.

Links start with the site's configured address (run.py --base-url), never with a request's Host header:
a forged Host would otherwise put an attacker's site in front of a reset token."""
from __future__ import annotations

import logging
import threading
from typing import Any

from review.accounts import MailFailed, send_mail
from screens.i18n import translate
from screens.web import ctx, url

log = logging.getLogger("sil.mail")


def settings() -> dict[str, Any] | None:
    """The SMTP settings, or None when Sil sends no email (then accounts get one-time passwords)."""
    return ctx().app.config.get("sil.mail") or None


def absolute(path: str) -> str:
    return ctx().app.config.get("sil.base_url", "").rstrip("/") + path


def _send(to: str, key: str, role: str = "", background: bool = False, **values: Any) -> None:
    """One email in bokmål, then English (a role named in each language).

    background: sent by a thread after the answer, so that how long the answer takes does not tell whether
    an email went out (the "forgot password" form answers the same for unknown names); a failure is logged."""
    texts = {}
    for lang in ("nb", "en"):
        filled = {**values, **({"role": translate(lang, f"role.{role}")} if role else {})}
        texts[lang] = (translate(lang, f"{key}.subject", **filled), translate(lang, f"{key}.body", **filled))
    arguments = (settings(), to, f"{texts['nb'][0]} / {texts['en'][0]}",
                 texts["nb"][1] + "\n\n-- English --\n\n" + texts["en"][1])
    if not background:
        send_mail(*arguments)
        return
    threading.Thread(target=_send_logged, args=arguments, name="sil-mail", daemon=True).start()


def _send_logged(*arguments: Any) -> None:
    try:
        send_mail(*arguments)
    except MailFailed as error:
        log.error("%s", error)


def send_account_link(to: str, token: str, purpose: str, inviter: str = "", project: str = "",
                      background: bool = False) -> None:
    """Email the link that sets an account's password (purpose 'invite' or 'reset')."""
    link = absolute(url("account_link", token=token))
    if purpose == "reset":
        _send(to, "mail.reset", link=link, background=background)
    elif project:
        _send(to, "mail.invite_project", link=link, inviter=inviter, project=project)
    else:
        _send(to, "mail.invite", link=link, inviter=inviter)


def send_project_notice(to: str, inviter: str, project: str, role: str) -> None:
    """Tell an existing account that a lead invites it into a project (it accepts after logging in)."""
    _send(to, "mail.project_notice", role=role, inviter=inviter, project=project, link=absolute(url("home")))
