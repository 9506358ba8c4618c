"""Sending Sil's emails (invitations, password resets) through the SMTP server the site configures.

Settings (run.py --smtp-host ...): host, port, user, password (from SIL_SMTP_PASSWORD), sender, and tls:
"starttls" (the default: the connection is upgraded and the server's certificate checked) or "none"."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from typing import Any

from review.store import SilError

TIMEOUT_SECONDS = 20


class MailFailed(SilError):
    """The SMTP server could not be reached or refused the message."""

    status = 503


def send_mail(settings: dict[str, Any], to: str, subject: str, body: str) -> None:
    """Send one plain-text email; MailFailed (with what the server said) when it cannot be sent."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings["sender"], to, subject
    message.set_content(body)
    try:
        with smtplib.SMTP(settings["host"], int(settings.get("port") or 587), timeout=TIMEOUT_SECONDS) as smtp:
            if settings.get("tls", "starttls") == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.get("user"):
                smtp.login(settings["user"], settings.get("password") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailFailed(f"The email to {to} could not be sent ({error}); try again later or tell the site "
                         "administrator.", "error.mail.failed", to=to, detail=str(error)[:200]) from None
