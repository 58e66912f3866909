"""Real SMTP servers for the tests: aiosmtpd on 127.0.0.1 with TLS, AUTH, and injectable faults.

Certificates are made at test time with trustme; the client trusts them through the account's
trusted certificate file (cafile) or SSL_CERT_FILE, exactly as a user's self-hosted relay would be.
"""
from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from outagewriter.core.mail.accounts import Account

USER = "ops@example.com"
PASSWORD = "Tr0ub4dor&3-ünï-パス"  # non-ASCII on purpose: it must survive AUTH and never leak


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Certificates:
    """A test CA and a server certificate for 127.0.0.1/localhost, as files and SSL contexts."""

    folder: Path
    ca: trustme.CA = field(repr=False)
    server_cert: trustme.LeafCert = field(repr=False)

    @classmethod
    def make(cls, folder: Path) -> "Certificates":
        folder.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        ca.cert_pem.write_to_path(str(folder / "ca.pem"))
        return cls(folder, ca, cert)

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca.pem"

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.server_cert.configure_cert(context)
        return context


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Faults:
    """What the server does wrong. Transactions (DATA commands) are counted from 1."""

    rcpt: dict[str, str] = field(default_factory=dict)  # address -> reply, e.g. "550 5.1.1 No such user"
    mail_reply: str | None = None  # reply to MAIL FROM, e.g. "421 4.3.2 Shutting down"
    data_reply: dict[int, str] = field(default_factory=dict)  # transaction -> reply instead of 250
    drop_after_data: set[int] = field(default_factory=set)  # keep the message, close without a reply
    data_delay: dict[int, float] = field(default_factory=dict)  # transaction -> seconds before replying
    rcpt_delay: dict[str, float] = field(default_factory=dict)  # address -> seconds before answering RCPT
    auth_reply: str | None = None  # reply for a failed AUTH (may quote the password, like a bad server)


class Mailbox:
    """aiosmtpd handler: keeps every message it accepted, and plays the faults it is given."""

    def __init__(self, faults: Faults):
        self.faults = faults
        self.received: list[Received] = []
        self.transactions = 0
        self.rcpts_seen: list[str] = []
        self._lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.faults.mail_reply:
            return self.faults.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpts_seen.append(address)
        if address in self.faults.rcpt_delay:
            await asyncio.sleep(self.faults.rcpt_delay[address])
        reply = self.faults.rcpt.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.transactions += 1
            number = self.transactions
        delay = self.faults.data_delay.get(number)
        if delay:
            await asyncio.sleep(delay)
        reply = self.faults.data_reply.get(number)
        if reply:
            return reply
        with self._lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        if number in self.faults.drop_after_data:
            server.transport.abort()  # the message is queued, but the client never hears so
        return "250 2.0.0 Queued"

    def delivered(self) -> Counter:
        """How many copies each recipient got."""
        with self._lock:
            return Counter(r for message in self.received for r in message.rcpt_tos)


class _QuietController(Controller):
    def factory(self):
        # Our implicit-TLS and plain servers do not make aiosmtpd require STARTTLS, on purpose.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
            return super().factory()


class SMTPTestServer:
    """One aiosmtpd server on 127.0.0.1. security: "starttls", "tls" (implicit) or "none"."""

    def __init__(self, certs: Certificates, *, security: str = "starttls", faults: Faults | None = None,
                 user: str = USER, password: str = PASSWORD, auth_required: bool = True,
                 data_size_limit: int | None = 32 * 1024 * 1024):
        self.certs = certs
        self.security = security
        self.faults = faults or Faults()
        self.user, self.password = user, password
        self.mailbox = Mailbox(self.faults)
        self.port = free_port()
        self.auth_attempts = 0
        kwargs = dict(
            authenticator=self._authenticate,
            auth_required=auth_required,
            # aiosmtpd only counts STARTTLS as TLS; an implicit-TLS server must not require it again
            auth_require_tls=security == "starttls",
            data_size_limit=data_size_limit,
        )
        if security == "starttls":
            kwargs.update(tls_context=certs.server_context(), require_starttls=True)
        elif security == "tls":
            kwargs.update(ssl_context=certs.server_context())
        self.controller = _QuietController(self.mailbox, hostname="127.0.0.1", port=self.port, **kwargs)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        self.auth_attempts += 1
        if (isinstance(auth_data, LoginPassword) and auth_data.login == self.user.encode()
                and auth_data.password == self.password.encode()):
            return AuthResult(success=True)
        # handled=False: aiosmtpd sends the 535 itself (with the default handled=True it sends nothing)
        return AuthResult(success=False, handled=False, message=self.faults.auth_reply)

    def start(self) -> "SMTPTestServer":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.mailbox.received

    def delivered(self) -> Counter:
        return self.mailbox.delivered()

    @property
    def transactions(self) -> int:
        """DATA commands seen, whatever their outcome."""
        return self.mailbox.transactions

    def account(self, name: str = "test", **changes) -> Account:
        values = dict(name=name, sender_address=self.user, sender_name="Ops Team", host="127.0.0.1",
                      port=self.port, security=self.security, username=self.user,
                      cafile=str(self.certs.ca_file) if self.security != "none" else "",
                      allow_plaintext_auth=self.security == "none", batch_size=10)
        values.update(changes)
        return Account(**values)


class SilentServer:
    """Accepts TCP connections and never says a word: the client must time out."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]

    def close(self) -> None:
        self.sock.close()
