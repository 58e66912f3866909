"""One exception type for everything that can go wrong talking to a mail server.

Each MailError says in plain words what happened and what to do next, and whether sending again
is safe. Server replies are quoted, but with any trace of the password removed first.
"""
from __future__ import annotations

import base64

# kinds, for code that wants to react (a dialog highlighting the host field, say)
CONNECTION_REFUSED = "connection-refused"
HOST_NOT_FOUND = "host-not-found"
NETWORK = "network"
TLS = "tls"
CERTIFICATE = "certificate"
NO_STARTTLS = "no-starttls"
PLAINTEXT_AUTH = "plaintext-auth"
NO_AUTH = "no-auth"
AUTH = "auth"
NO_PASSWORD = "no-password"
TIMEOUT = "timeout"
SERVER_CLOSING = "server-closing"  # 421
TEMPORARY = "temporary"  # other 4xx for the whole message
REJECTED = "rejected"  # 5xx for the whole message
RECIPIENTS = "recipients"  # some recipients not accepted
TOO_LARGE = "too-large"  # 552 / SIZE
DROPPED = "dropped"  # connection lost; after DATA the outcome is unknown
PROTOCOL = "protocol"


class MailError(Exception):
    """What went wrong (`message`), what to do next (`advice`), and whether a retry is safe."""

    def __init__(self, kind: str, message: str, advice: str = "", *, retry_safe: bool = True,
                 code: int | None = None):
        self.kind = kind
        self.message = message
        self.advice = advice
        self.retry_safe = retry_safe
        self.code = code
        # A Japanese sentence ends in 。 and the next follows without a space.
        super().__init__(f"{message}{'' if message.endswith('。') else ' '}{advice}".strip())

    def __reduce__(self):  # picklable across a worker boundary, keywords included
        return (_rebuild, (self.kind, self.message, self.advice, self.retry_safe, self.code))


def _rebuild(kind, message, advice, retry_safe, code) -> MailError:
    return MailError(kind, message, advice, retry_safe=retry_safe, code=code)


def secret_forms(username: str, password: str | None) -> list[str]:
    """Every way a password could come back in a server reply: plain, and the AUTH encodings."""
    if not password:
        return []
    forms = {password}
    raw = password.encode("utf-8")
    for blob in (raw, b"\0" + username.encode("utf-8") + b"\0" + raw):
        forms.add(base64.b64encode(blob).decode("ascii"))
    return sorted(forms, key=len, reverse=True)


def scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[hidden]")
    return text


def reply_text(code: int | None, raw) -> str:
    """A server reply as one readable line: '550 5.1.1 No such user'."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    text = " ".join(str(raw or "").split())
    if len(text) > 300:
        text = text[:300] + "…"
    return f"{code} {text}".strip() if code is not None else text
