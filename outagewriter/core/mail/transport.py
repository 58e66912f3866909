"""Opening an authenticated SMTP connection, and the "Test connection" button behind it.

Certificates are always verified: with the system's trust store (`ssl.create_default_context()`,
which honours SSL_CERT_FILE) or with the account's trusted certificate file. Without TLS the
password is never sent unless the account explicitly allows it.
"""
from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from dataclasses import dataclass

from ..i18n import _
from .. import os_errors
from . import errors
from .accounts import Account
from .errors import MailError, reply_text, scrub, secret_forms

DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class ConnectionInfo:
    host: str
    port: int
    tls_version: str | None  # "TLSv1.3", or None for an unencrypted connection
    authenticated_as: str | None
    max_message_size: int | None  # the server's SIZE limit, if it announces one

    def describe(self) -> str:
        how = _("encrypted ({version})").format(version=self.tls_version) if self.tls_version else _("NOT encrypted")
        who = (_(", signed in as {user}").format(user=self.authenticated_as) if self.authenticated_as
               else _(", without signing in"))
        size = _("; largest message {size:,} bytes").format(size=self.max_message_size) if self.max_message_size else ""
        return _("Connected to {where}, {how}{who}{size}.").format(where=f"{self.host}:{self.port}", how=how,
                                                                    who=who, size=size)


def ssl_context(account: Account) -> ssl.SSLContext:
    if account.cafile:
        try:
            return ssl.create_default_context(cafile=account.cafile)
        except (OSError, ssl.SSLError) as exc:
            raise MailError(
                errors.CERTIFICATE,
                _("The trusted certificate file {file} cannot be used ({reason}).").format(
                    file=account.cafile, reason=_reason(exc)),
                _("Choose a PEM certificate file in the account settings, or clear the setting."),
            ) from None
    return ssl.create_default_context()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_message:
        return exc.verify_message
    if isinstance(exc, ssl.SSLError) and getattr(exc, "reason", None):
        return exc.reason.replace("_", " ").lower()
    if isinstance(exc, OSError):
        return os_errors.reason(exc)
    return str(exc) or type(exc).__name__


def explain(exc: BaseException, account: Account, password: str | None = None, *,
            timeout: float = DEFAULT_TIMEOUT, after_data: bool = False) -> MailError:
    """Turn anything smtplib, ssl or socket raised into a MailError in plain words."""
    if isinstance(exc, MailError):
        return exc
    where = account.where
    secrets = secret_forms(account.username, password)
    unknown = _("The message may or may not have been delivered to the recipients of the last batch; "
                "they are marked 'unknown' and are not sent again unless you ask for it.")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            errors.CERTIFICATE,
            _("The certificate of {where} is not trusted ({reason}).").format(where=where, reason=_reason(exc)),
            _("If this is your organisation's own relay, set its certificate as the account's trusted "
              "certificate file. Otherwise do not send: the connection may be intercepted."),
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            errors.TLS,
            _("The encrypted connection to {where} failed ({reason}).").format(where=where, reason=_reason(exc)),
            _("Check the security setting: port 465 usually needs 'tls', port 587 'starttls'."),
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        note = account.preset_note or _("Many providers need an app password instead of your normal password.")
        return MailError(
            errors.AUTH,
            _("{where} refused the user name or password ({reply}).").format(
                where=where, reply=scrub(reply_text(exc.smtp_code, exc.smtp_error), secrets)),
            _("Check the user name ({user}) and the password. {note}").format(user=account.username, note=note),
            code=exc.smtp_code,
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(exc.__context__, (socket.timeout, TimeoutError)):
        exc = exc.__context__  # smtplib reports a reply that never came as "unexpectedly closed"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if after_data:
            return MailError(errors.DROPPED, _("{where} closed the connection before confirming the message.").format(
                where=where), unknown, retry_safe=False)
        return MailError(errors.DROPPED, _("{where} closed the connection unexpectedly.").format(where=where),
                         _("Send again in a few minutes; recipients who got it already will not get it twice."))
    if isinstance(exc, smtplib.SMTPResponseException):
        text = scrub(reply_text(exc.smtp_code, exc.smtp_error), secrets)
        if exc.smtp_code == 421:
            return closing(account, text)
        if 400 <= exc.smtp_code < 500:
            return MailError(errors.TEMPORARY, _("{where} cannot take mail right now ({reply}).").format(
                where=where, reply=text), _("Send again in a few minutes."), code=exc.smtp_code)
        return MailError(errors.REJECTED, _("{where} refused ({reply}).").format(where=where, reply=text),
                         _("Check the account settings; the server's words above say why."), code=exc.smtp_code)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError(errors.PROTOCOL, _("{where} does not support what was asked ({reason}).").format(
            where=where, reason=exc), _("Check the security setting and port."))
    if isinstance(exc, (socket.timeout, TimeoutError)):
        if after_data:
            return MailError(errors.TIMEOUT,
                             _("{where} did not confirm the message within {seconds} seconds.").format(
                                 where=where, seconds=f"{timeout:g}"), unknown, retry_safe=False)
        return MailError(errors.TIMEOUT, _("{where} did not answer within {seconds} seconds.").format(
                             where=where, seconds=f"{timeout:g}"),
                         _("Try again later; if it keeps happening, check the host, port and security setting "
                           "(a 'starttls' account on a 'tls' port waits like this)."))
    if isinstance(exc, ConnectionRefusedError):
        return MailError(errors.CONNECTION_REFUSED, _("Nothing accepted a connection at {where}.").format(where=where),
                         _("Check the host and port (587 is usual for 'starttls', 465 for 'tls') "
                           "and that no firewall blocks it."))
    if isinstance(exc, socket.gaierror):
        return MailError(errors.HOST_NOT_FOUND, _("The mail server name {host} was not found.").format(
            host=account.host), _("Check the host name and your network connection."))
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
        if after_data:
            return MailError(errors.DROPPED, _("The connection to {where} was lost before the server "
                                               "confirmed the message.").format(where=where), unknown, retry_safe=False)
        return MailError(errors.DROPPED, _("The connection to {where} was lost.").format(where=where),
                         _("Send again in a few minutes; recipients who got it already will not get it twice."))
    if isinstance(exc, OSError):
        return MailError(errors.NETWORK, _("Cannot reach {where} ({reason}).").format(where=where, reason=_reason(exc)),
                         _("Check your network connection and the host and port."))
    if isinstance(exc, smtplib.SMTPException):
        return MailError(errors.PROTOCOL, _("The mail server at {where} answered unexpectedly ({reply}).").format(
            where=where, reply=scrub(str(exc), secrets)), _("Check the account settings and try again."))
    raise exc  # a programming error: let it surface


def closing(account: Account, text: str) -> MailError:
    return MailError(errors.SERVER_CLOSING, _("{where} is not accepting mail right now ({reply}).").format(
        where=account.where, reply=text),
        _("Wait a few minutes and send again; recipients who got it already will not get it twice."), code=421)


def connect(account: Account, password: str | None, *, timeout: float = DEFAULT_TIMEOUT) -> smtplib.SMTP:
    """An open SMTP session, encrypted as the account says and signed in. Raises MailError."""
    if account.username and not password:
        raise MailError(errors.NO_PASSWORD, _("No password for account {name!r}.").format(name=account.name),
                        _("Enter the password (it is saved only if a system keyring is available)."))
    if account.security == "none" and account.username and not account.allow_plaintext_auth:
        raise MailError(
            errors.PLAINTEXT_AUTH,
            _("Account {name!r} would send the password without encryption.").format(name=account.name),
            _("Use security 'starttls' or 'tls'. Allow sign-in without encryption only for a relay on a "
              "network you trust."), retry_safe=True,
        )
    context = ssl_context(account) if account.security != "none" else None
    smtp: smtplib.SMTP | None = None
    try:
        if account.security == "tls":
            smtp = smtplib.SMTP_SSL(account.host, account.port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(account.host, account.port, timeout=timeout)
        smtp.ehlo()
        if account.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise MailError(errors.NO_STARTTLS, _("{where} does not offer STARTTLS encryption.").format(
                    where=account.where), _("Check the port (465 needs security 'tls'); never send a password "
                                            "unencrypted over the internet."))
            smtp.starttls(context=context)
            smtp.ehlo()
        if account.username:
            if not smtp.has_extn("auth"):
                raise MailError(errors.NO_AUTH, _("{where} does not offer sign-in on this connection.").format(
                    where=account.where), _("Check the port and security setting, or clear the user name for a "
                                            "relay that needs no sign-in."))
            login(smtp, account.username, password or "")
        return smtp
    except BaseException as exc:
        if smtp is not None:
            smtp.close()
        if isinstance(exc, (MailError, smtplib.SMTPException, OSError)):
            raise explain(exc, account, password, timeout=timeout) from None
        raise


def login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """smtplib's login, except that non-ASCII user names and passwords go as UTF-8 (RFC 4616),
    where smtplib would fail with UnicodeEncodeError before saying a word to the server."""
    if username.isascii() and password.isascii():
        smtp.login(username, password)
        return
    mechanisms = smtp.esmtp_features.get("auth", "").upper().split()
    b64 = lambda raw: base64.b64encode(raw.encode("utf-8")).decode("ascii")  # noqa: E731
    if "PLAIN" in mechanisms:
        code, resp = smtp.docmd("AUTH", "PLAIN " + b64(f"\0{username}\0{password}"))
    elif "LOGIN" in mechanisms:
        code, resp = smtp.docmd("AUTH", "LOGIN")
        if code == 334:
            code, resp = smtp.docmd(b64(username))
        if code == 334:
            code, resp = smtp.docmd(b64(password))
    else:
        raise smtplib.SMTPNotSupportedError("the server offers no sign-in method for a non-ASCII password")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, resp)


def server_size_limit(smtp: smtplib.SMTP) -> int | None:
    value = smtp.esmtp_features.get("size", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def quit_quietly(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def test_connection(account: Account, password: str | None, *,
                    timeout: float = DEFAULT_TIMEOUT) -> ConnectionInfo:
    """Connect, encrypt, sign in and say goodbye; nothing is sent. Raises MailError."""
    smtp = connect(account, password, timeout=timeout)
    try:
        sock = smtp.sock
        version = sock.version() if isinstance(sock, ssl.SSLSocket) else None
        return ConnectionInfo(account.host, account.port, version,
                              account.username or None, server_size_limit(smtp))
    finally:
        quit_quietly(smtp)
