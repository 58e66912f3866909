"""Mail accounts: where and how to send, stored as JSON in the config folder, never a password.

The password of an account lives in the OS keyring under the account's name (see `secrets`).
"""
from __future__ import annotations

import json
import os
from dataclasses import MISSING, asdict, dataclass, fields, replace
from pathlib import Path

from .. import paths, safe_text
from ..i18n import N_, _
from .. import os_errors
from ..incident.fields import FieldError, parse_addresses
from ..storage.atomic import atomic_write_text

SECURITY_MODES = ("starttls", "tls", "none")
FILE_NAME = "accounts.json"
FORMAT_NAME = "outagewriter-accounts"
FORMAT_VERSION = 1
DEFAULT_BATCH_SIZE = 50
MAX_BATCH_SIZE = 1000
MAX_NAME_CHARS = 100


class AccountError(ValueError):
    """A bad account setting or an unreadable accounts file; the message is written for the user."""


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    host: str
    port: int
    security: str
    note: str  # marked with N_: shown translated, through Account.preset_note or _(preset.note)
    batch_size: int = DEFAULT_BATCH_SIZE


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset("gmail", "Gmail / Google Workspace", "smtp.gmail.com", 587, "starttls",
           N_("Gmail needs an app password (2-step verification on); the user name is the full address."),
           batch_size=100),
    Preset("microsoft365", "Microsoft 365 / Outlook.com", "smtp.office365.com", 587, "starttls",
           N_("Microsoft 365 needs SMTP AUTH turned on for this mailbox by an administrator (it is off by "
              "default)."),
           batch_size=100),
    Preset("fastmail", "Fastmail", "smtp.fastmail.com", 465, "tls",
           N_("Fastmail needs an app password with SMTP access (Settings, Privacy & Security, App passwords).")),
    Preset("icloud", "iCloud Mail", "smtp.mail.me.com", 587, "starttls",
           N_("iCloud needs an app-specific password (appleid.apple.com, Sign-In and Security).")),
    Preset("relay", "Your own relay", "", 587, "starttls",
           N_("Your own relay: enter its host; for a self-signed certificate choose that certificate as trusted.")),
)}


@dataclass(frozen=True)
class Account:
    name: str
    sender_address: str
    host: str
    port: int = 587
    security: str = "starttls"
    username: str = ""
    sender_name: str = ""
    reply_to: str = ""
    allow_plaintext_auth: bool = False
    cafile: str = ""  # trusted certificate file (PEM) for a self-hosted relay; "" = the system's
    batch_size: int = DEFAULT_BATCH_SIZE
    preset: str = ""  # key of the preset it was made from, for provider-specific advice

    def __post_init__(self) -> None:
        validate(self)

    @property
    def preset_note(self) -> str:
        preset = PRESETS.get(self.preset)
        return _(preset.note) if preset else ""

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Account":
        if not isinstance(data, dict):
            raise AccountError(_("an account entry is not an object"))
        if any("password" in str(key).lower() for key in data):
            raise AccountError(
                _("account {name!r} has a password written in the accounts file; "
                  "remove it from the file: passwords belong in the system keyring").format(name=data.get("name"))
            )
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        missing = [f.name for f in fields(cls) if f.default is MISSING and f.name not in values]
        if missing:  # named here: Python's own TypeError would say it in English
            raise AccountError(_("account entry is incomplete: it has no {settings}").format(
                settings=", ".join(missing)))
        return cls(**values)

    def with_changes(self, **changes) -> "Account":
        return replace(self, **changes)


def _check_text(label: str, value, *, required: bool = False, limit: int = 1000) -> None:
    """`label` is marked with N_ where it is written, and translated here."""
    if not isinstance(value, str):
        raise AccountError(_("{setting}: expected text").format(setting=_(label)))
    if required and not value.strip():
        raise AccountError(_("{setting} is required").format(setting=_(label)))
    if len(value) > limit:
        raise AccountError(_("{setting} is too long ({count} characters; at most {limit})").format(
            setting=_(label), count=len(value), limit=limit))
    if "\t" in value or safe_text.bad_character(value) is not None:  # C1 controls such as U+0085 too
        raise AccountError(_("{setting}: line breaks and control characters are not allowed").format(setting=_(label)))


def _check_address(label: str, value: str, *, required: bool) -> None:
    _check_text(label, value, required=required)
    if not value:
        return
    try:
        pairs = parse_addresses(value)
    except FieldError:
        pairs = []
    if len(pairs) != 1 or pairs[0][0] or pairs[0][1] != value.strip():
        raise AccountError(_("{setting}: not a single email address: {value!r}").format(setting=_(label), value=value))


def validate(account: Account) -> None:
    _check_text(N_("account name"), account.name, required=True, limit=MAX_NAME_CHARS)
    if account.name != account.name.strip():
        raise AccountError(_("account name: no spaces at the start or end"))
    _check_address(N_("sender address"), account.sender_address, required=True)
    _check_address(N_("reply-to address"), account.reply_to, required=False)
    _check_text(N_("sender name"), account.sender_name)
    _check_text(N_("host"), account.host, required=True, limit=255)
    if any(c.isspace() for c in account.host) or "/" in account.host:
        raise AccountError(_("host: {host!r} is not a host name (no spaces, no slashes, no scheme)").format(
            host=account.host))
    _check_text(N_("user name"), account.username)
    _check_text(N_("trusted certificate file"), account.cafile, limit=4096)
    if not isinstance(account.port, int) or isinstance(account.port, bool) or not 1 <= account.port <= 65535:
        raise AccountError(_("port: {port!r} is not a port number (1 to 65535)").format(port=account.port))
    if account.security not in SECURITY_MODES:
        raise AccountError(_("security: {security!r} is not one of {modes}").format(
            security=account.security, modes=", ".join(SECURITY_MODES)))
    if not isinstance(account.allow_plaintext_auth, bool):
        raise AccountError(_("allow_plaintext_auth: expected true or false"))
    size = account.batch_size
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_BATCH_SIZE:
        raise AccountError(_("batch size: {size!r} is not a number from 1 to {limit}").format(
            size=size, limit=MAX_BATCH_SIZE))
    if account.preset and account.preset not in PRESETS:
        raise AccountError(_("preset: unknown preset {preset!r}; presets are: {presets}").format(
            preset=account.preset, presets=", ".join(PRESETS)))


def unencrypted_sign_in(account: Account, has_password: bool = False) -> str | None:
    """The warning due when saving an account that signs in over a connection without encryption
    (security "none" with a user name or a password), in plain words; None when there is nothing to say."""
    if account.security != "none" or not (account.username or has_password):
        return None
    if account.allow_plaintext_auth:
        return _("Account {name!r} sends its password to {host} without encryption: anyone on the network in "
                 "between can read it. Use it only for a relay on a network you trust.").format(
                     name=account.name, host=account.host)
    return _("Account {name!r} has no encryption (security \"none\") but signs in with a password. "
             "OutageWriter never sends a password unencrypted unless you allow it, so sending through this "
             "account will fail. Choose STARTTLS or TLS, or allow sign-in without encryption for a relay on a "
             "network you trust.").format(name=account.name)


def from_preset(key: str, **values) -> Account:
    """An account filled from a preset; explicit values win over the preset's."""
    preset = PRESETS.get(key)
    if preset is None:
        raise AccountError(_("unknown preset {preset!r}; presets are: {presets}").format(
            preset=key, presets=", ".join(PRESETS)))
    base = {"host": preset.host, "port": preset.port, "security": preset.security,
            "batch_size": preset.batch_size, "preset": key}
    base.update({k: v for k, v in values.items() if v is not None})
    if not base.get("username"):
        base["username"] = base.get("sender_address", "")
    return Account(**base)


@dataclass(frozen=True)
class _Broken:
    """An entry of the accounts file that cannot be used: kept as written, and why, naming it."""

    name: str  # "" when the entry has no usable name
    problem: str
    raw: object


def _has_password(entry) -> bool:
    return isinstance(entry, dict) and any("password" in str(key).lower() for key in entry)


class AccountStore:
    """The accounts file. Every change is written at once, atomically."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder is not None else paths.config_dir()
        self.path = self.folder / FILE_NAME

    def list(self) -> list[Account]:
        """Every account; AccountError (naming the account) when one of them cannot be used."""
        accounts, broken = self.readable()
        if broken:
            raise AccountError(next(iter(broken.values())))
        return accounts

    def readable(self) -> tuple[list[Account], dict[str, str]]:
        """The accounts that can be used, and for each one that cannot (by name, or "#3" for an entry
        without a usable name), why, naming it: one bad port must not hide every other account.
        AccountError when the file as a whole cannot be used."""
        entries = self._entries()
        return ([e for e in entries.values() if isinstance(e, Account)],
                {key: e.problem for key, e in entries.items() if isinstance(e, _Broken)})

    def names(self) -> list[str]:
        return [key for key, entry in self._entries().items() if isinstance(entry, Account) or entry.name]

    def get(self, name: str) -> Account:
        entries = self._entries()
        entry = entries.get(name)
        if isinstance(entry, _Broken):
            raise AccountError(entry.problem)
        accounts = {key: e for key, e in entries.items() if isinstance(e, Account)}
        if name not in accounts:
            if not accounts:
                raise AccountError(_("no account named {name!r} (accounts: none yet; add one with `outagewriter "
                                     "accounts add`)").format(name=name))
            raise AccountError(_("no account named {name!r} (accounts: {known})").format(
                name=name, known=", ".join(accounts)))
        return accounts[name]

    def save(self, account: Account) -> None:
        """Add the account, or replace the one with the same name (a broken one too: that mends it).
        The other entries are written back as they were, broken ones included, for the user to mend."""
        entries = self._entries()
        entries[account.name] = account
        self._write(entries)

    def remove(self, name: str) -> None:
        entries = self._entries()
        if name not in entries or (isinstance(entries[name], _Broken) and not entries[name].name):
            raise AccountError(_("no account named {name!r}").format(name=name))
        del entries[name]
        self._write(entries)

    def _entries(self) -> dict[str, "Account | _Broken"]:
        """The file's entries in order: an Account, or a _Broken one kept as written."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            raise AccountError(_("{file}: cannot read the accounts file ({reason})").format(
                file=self.path, reason=os_errors.reason(exc) if isinstance(exc, OSError) else exc)) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AccountError(_("{file}: not valid JSON at line {line}: {reason}").format(
                file=self.path, line=exc.lineno, reason=exc.msg)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise AccountError(_("{file}: not an OutageWriter accounts file").format(file=self.path))
        version = data.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise AccountError(_("{file}: written by a newer OutageWriter (version {version!r})").format(
                file=self.path, version=version))
        raw = data.get("accounts")
        if not isinstance(raw, list):
            raise AccountError(_("{file}: 'accounts' should be a list").format(file=self.path))
        entries: dict[str, Account | _Broken] = {}
        for number, entry in enumerate(raw, 1):
            try:
                account = Account.from_dict(entry)
            except AccountError as exc:
                if _has_password(entry):  # a password in the file: the whole file is refused until it is gone
                    raise AccountError(_("{file}: {problem}").format(file=self.path, problem=exc)) from None
                name = entry.get("name") if isinstance(entry, dict) else None
                name = name if isinstance(name, str) and name.strip() else ""
                if name:
                    problem = _("{file}: account {name!r}: {problem}").format(file=self.path, name=name, problem=exc)
                else:
                    problem = _("{file}: account entry {number}: {problem}").format(
                        file=self.path, number=number, problem=exc)
                key = name if name and name not in entries else f"#{number}"
                entries[key] = _Broken(name, problem, entry)
                continue
            entries[account.name] = account
        return entries

    def _write(self, entries: dict[str, "Account | _Broken"]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                "accounts": [e.to_dict() if isinstance(e, Account) else e.raw for e in entries.values()]}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
