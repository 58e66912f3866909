"""Posting one payload to one webhook: a single HTTPS POST with a timeout, the certificate verified.

The outcome says whether the post may be in the channel (record.py has the states):
  connecting fails (refused, no such host, bad certificate, timeout): nothing was sent -> failed
  the request could not be written completely: the service never got it -> failed
  the service answered 2xx -> posted; 3xx, 4xx, 5xx -> failed, with the service's words and what to do
  the connection broke or timed out after the whole request went out -> unknown (it may have posted)
Redirects are not followed (a webhook never redirects; following one could hand the post elsewhere).
The webhook URL is a secret: it, its path and its token never appear in an outcome's words.
"""
from __future__ import annotations

import email.utils
import http.client
import json
import ssl
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from .. import os_errors
from ..i18n import N_, _
from ..incident.chat_destinations import SERVICE_LABELS, ChatDestination
from .destinations import check_webhook_url
from .record import FAILED, POSTED, UNKNOWN

DEFAULT_TIMEOUT = 20.0
REPLY_LIMIT = 200
# The words are made when a post is tried, in the program's language, and kept in the record as said.
SETTINGS_HINT = N_("make a new one in Settings → Chat (or `outagewriter chats add NAME --service S`)")

_ADVICE = {
    400: N_("it did not accept the message"),
    401: N_("the webhook refused the post (its URL is wrong or was revoked); {hint}"),
    403: N_("the webhook refused the post (its URL is wrong, revoked, or the channel is closed to it); {hint}"),
    404: N_("the webhook was removed; {hint}"),
    410: N_("the webhook or its channel was removed or archived; {hint}"),
    413: N_("the message is too long for it"),
}


@dataclass(frozen=True)
class PostOutcome:
    destination: str  # its name
    status: str  # posted | failed | unknown
    reply: str  # the service's answer or the fault, in plain words
    service: str = ""
    retry_after: float | None = None  # seconds the service asked to wait (429), when it said

    @property
    def ok(self) -> bool:
        return self.status == POSTED

    def describe(self) -> str:
        """One line for a summary: 'Posted to Status channel (Slack).' or why not."""
        where = f"{self.destination} ({SERVICE_LABELS.get(self.service, self.service)})"
        if self.ok:
            return _("Posted to {where}.").format(where=where)
        if self.status == UNKNOWN:
            return _("Maybe posted to {where}: {reply}").format(where=where, reply=self.reply)
        return _("Not posted to {where}: {reply}").format(where=where, reply=self.reply)


def _scrub(text: str, url: str) -> str:
    """`text` without the webhook URL, its path or any long piece of it (the token)."""
    parts = urlsplit(url)
    secrets = [url, parts.path, parts.query] + [p for p in parts.path.split("/") if len(p) >= 8]
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "[hidden]")
    return text


def _reply_words(body: bytes) -> str:
    """The service's answer as one short line: a JSON error's message, else the text itself."""
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        text = str(data.get("message") or data.get("error") or data.get("text") or text)
    text = " ".join(text.split())
    return text[:REPLY_LIMIT] + "…" if len(text) > REPLY_LIMIT else text


def _retry_after(response: http.client.HTTPResponse, body: bytes) -> float | None:
    """The wait a 429 asks for: the Retry-After header (seconds or a date), else Discord's retry_after."""
    header = response.getheader("Retry-After")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            when = email.utils.parsedate_to_datetime(header) if email.utils.parsedate(header) else None
            if when is not None:
                return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
    try:
        value = json.loads(body).get("retry_after")
        return max(0.0, float(value)) if value is not None else None
    except (ValueError, AttributeError, TypeError):
        return None


def _answer(destination: ChatDestination, response: http.client.HTTPResponse, body: bytes,
            testing: bool = False) -> PostOutcome:
    label = SERVICE_LABELS.get(destination.service, destination.service)
    code = response.status
    words = _reply_words(body)
    said = _("{service} said {reply}").format(service=label, reply=f"{code} {words}".strip())
    if 200 <= code < 300:
        return PostOutcome(destination.name, POSTED, f"{code} {words}".strip(), destination.service)
    if code == 429:
        wait = _retry_after(response, body)
        when = (_("it asks to wait {seconds} seconds").format(seconds=f"{wait:.0f}") if wait is not None
                else _("it asks to wait"))
        again = (_("{said}: too many posts; {when}, then test again") if testing
                 else _("{said}: too many posts; {when}, then send again"))
        return PostOutcome(destination.name, FAILED, again.format(said=said, when=when), destination.service, wait)
    if 300 <= code < 400:
        advice = _("the webhook URL redirects elsewhere, which OutageWriter does not follow; check the URL")
    elif code >= 500:
        advice = (_("{service} had a fault; test again later") if testing
                  else _("{service} had a fault; send again to retry")).format(service=label)
    else:
        advice = _(_ADVICE.get(code, N_("it did not take the post"))).format(hint=_(SETTINGS_HINT))
    return PostOutcome(destination.name, FAILED, _("{said}: {advice}").format(said=said, advice=advice),
                       destination.service)


def _connection(url: str, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.scheme == "https":
        return http.client.HTTPSConnection(parts.hostname, parts.port, timeout=timeout,
                                           context=ssl.create_default_context())
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)


def _why(exc: BaseException) -> str:
    """A broken connection's reason: the system's words when it gave some, else the fault's name."""
    return os_errors.reason(exc) if isinstance(exc, OSError) and exc.errno else type(exc).__name__


def post(destination: ChatDestination, url: str, body: bytes, *, timeout: float = DEFAULT_TIMEOUT,
         testing: bool = False) -> PostOutcome:
    """POST `body` (JSON) to the webhook `url`; never raises for a network or service fault. A test post
    (`testing`) is told as one: what to do next is to test again, not to send."""
    def outcome(status: str, reply: str) -> PostOutcome:
        return PostOutcome(destination.name, status, _scrub(reply, url), destination.service)

    problem = check_webhook_url(destination.service, url)
    if problem:
        return outcome(FAILED, _("{problem}; change it in Settings → Chat").format(problem=problem))
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host = parts.hostname
    connection = _connection(url, timeout)
    try:
        try:
            connection.connect()
        except ssl.SSLCertVerificationError as exc:
            return outcome(FAILED, _("the certificate of {host} could not be verified ({reason}); nothing was "
                                     "posted").format(host=host, reason=exc.verify_message))
        except OSError as exc:
            failed = (_("could not connect to {host} ({reason}); the test post was not made: check the URL and "
                        "your network, then test again") if testing
                      else _("could not connect to {host} ({reason}); nothing was posted: send again to retry"))
            return outcome(FAILED, failed.format(host=host, reason=os_errors.reason(exc)))
        try:
            connection.request("POST", target, body=body, headers={
                "Content-Type": "application/json; charset=utf-8", "User-Agent": "OutageWriter"})
        except (OSError, http.client.HTTPException) as exc:
            failed = (_("the connection to {host} broke before the test post was sent ({reason}); test again")
                      if testing else _("the connection to {host} broke before the post was sent ({reason}); "
                                        "nothing was posted: send again to retry"))
            return outcome(FAILED, failed.format(host=host, reason=_why(exc)))
        try:
            response = connection.getresponse()
            answer = response.read(64 * 1024)
        except (OSError, http.client.HTTPException) as exc:
            maybe = (_("the connection to {host} broke after the test post was sent ({reason}), so it may be in "
                       "the channel: look there") if testing
                     else _("the connection to {host} broke after the post was sent ({reason}), so it may be in the "
                            "channel: look there; send again with --include-unknown only if it is not"))
            return outcome(UNKNOWN, maybe.format(host=host, reason=_why(exc)))
    finally:
        connection.close()
    result = _answer(destination, response, answer, testing)
    return PostOutcome(result.destination, result.status, _scrub(result.reply, url), result.service,
                       result.retry_after)
