"""The user's settings file, `settings.json` in the configuration folder.

    {
      "user_name": "Jana Novák",          who I am: recorded as author, reviewer and in the audit log
      "user_email": "jana@example.com",   how others reach me: shown with my name in lock messages
      "appearance": "system",             system | light | dark: the window and the preview's email
      "ui_language": "",                  "" (follow the system's locale) | en | ja: the window's and
                                          the command line's language (core/i18n.py)
      "own_names": ["Acme", "Acme Pay"],  my organisation, brands and products: the tone checks do not
                                          call a sentence blame when it names these as at fault
      "components": ["API", "Dashboard"], the organisation's components, offered in every incident
      "audiences": [                      who notices go to, each with its time zone and office hours
        {"name": "EMEA customers", "zone": "Europe/Berlin", "hours": "08:00-18:00", "days": "Mon-Fri",
         "to": "", "bcc": "list@example.com"}
      ],
      "chat_destinations": [              incoming webhooks a notice's short version is posted to; an
        {"name": "Status channel", "service": "slack"}   audience follows them with "chats": [names].
      ],                                  services: slack, teams, mattermost, discord; each URL is in the keyring
      "status_page": {                    the static status page (core/publish/)
        "folder": "",                     where `publish` and the window write it ("" = not set up)
        "incidents": "",                  the folder of incident files it shows (needed to publish)
        "url": "",                        where readers find it, e.g. "https://status.acme.example/":
                                          feeds, the JSON summary and chat posts link to it
        "title": "",                      the page's name; "" = "<first own name> status"
        "publish_after_send": false       publish again after every notice sent from this machine
      },
      "reminders": {"before_minutes": 10}, remind this long before a promised update is due
      "review": {
        "approval_required": true,        a notice cannot be sent until a reviewer approved its exact text
        "approver_must_differ": true,     the approver must be someone other than the author; false
                                          allows self-approval (one-person teams), recorded in the log
        "signing_key": "",                my private SSH key, e.g. "~/.ssh/id_ed25519": when set,
                                          my approvals are signed with it (approval_signature.py)
        "require_signed_approval": false, send only approvals whose signature verifies against...
        "allowed_signers": ""             ...this OpenSSH allowed-signers file; "" means
                                          <configuration folder>/allowed_signers (never the shared folder)
      },
      "sharing": {
        "lock_stale_after_minutes": 30    a lock not refreshed for this long may be taken over
      },
      "grammar": {
        "mode": "off",                    off | local (LanguageTool found on this machine) |
                                          jars (a folder of LanguageTool jars) | server (an HTTP server)
        "language": "en-US",              LanguageTool's language code
        "jar_folder": "",                 mode "jars": the folder holding languagetool-server.jar
        "server_url": "",                 mode "server": e.g. "http://lt.example.internal:8081"
        "custom_words": ["Acme", "PayGate"]   never reported as misspelt (product names)
      }
    }

Every key is optional. A missing or broken file gives the defaults, and the defaults are the strict
choices, so a damaged settings file can never switch the approval rule off; what was wrong is kept
in `Settings.problems` for the window or the command line to show. Other modules may keep their own
keys in the same file: unknown keys are ignored here, never removed, and `save_settings` (the
Settings window, storage/settings_file.py) rewrites only the keys it knows, atomically, after checking the result.
"""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import safe_text
from .i18n import N_, UI_LANGUAGES, _
from . import os_errors
from .incident.audiences import MAX_AUDIENCES, Audience, AudienceError, audience_data, parse_audience
from .incident.chat_destinations import (
    MAX_DESTINATIONS,
    ChatDestination,
    ChatDestinationError,
    destination_data,
    parse_destination,
)
from .paths import config_dir

SETTINGS_FILE = "settings.json"
ALLOWED_SIGNERS_FILE = "allowed_signers"
DEFAULT_LOCK_STALE_MINUTES = 30.0
GRAMMAR_MODES = ("off", "local", "jars", "server")  # the same as core.grammar.MODES
APPEARANCES = ("system", "light", "dark")
MAX_CUSTOM_WORDS = 10_000
MAX_OWN_NAMES = 1_000
MAX_COMPONENTS = 200
DEFAULT_REMIND_BEFORE_MINUTES = 10.0


@dataclass(frozen=True)
class Settings:
    user_name: str = ""
    user_email: str = ""
    appearance: str = "system"
    ui_language: str = ""  # "" follows the system locale; else one of i18n.UI_LANGUAGES
    own_names: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    audiences: tuple[Audience, ...] = ()
    remind_before_minutes: float = DEFAULT_REMIND_BEFORE_MINUTES
    chat_destinations: tuple[ChatDestination, ...] = ()
    status_page_folder: str = ""
    status_page_incidents: str = ""
    status_page_url: str = ""
    status_page_title: str = ""
    publish_after_send: bool = False
    approval_required: bool = True
    approver_must_differ: bool = True
    signing_key: str = ""
    require_signed_approval: bool = False
    allowed_signers: str = ""
    lock_stale_after_minutes: float = DEFAULT_LOCK_STALE_MINUTES
    grammar_mode: str = "off"
    grammar_language: str = "en-US"
    grammar_jar_folder: str = ""
    grammar_server_url: str = ""
    grammar_custom_words: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def lock_stale_after_seconds(self) -> float:
        return self.lock_stale_after_minutes * 60.0

    def allowed_signers_path(self) -> Path:
        """The senders' own list of reviewers' keys; in the user's configuration folder by default,
        since a file in the shared folder could be edited by whoever forges the approval."""
        if self.allowed_signers:
            return Path(self.allowed_signers).expanduser()
        return config_dir() / ALLOWED_SIGNERS_FILE

    def identity(self) -> str:
        """Who is using the app here: the configured name, else the operating-system user name."""
        return current_user(self)


def current_user(settings: Settings | None = None) -> str:
    name = (settings.user_name if settings else "").strip()
    if name:
        return name
    try:
        name = getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (some containers): still name somebody
        name = ""
    if name and safe_text.problem(name) is None:
        return name
    return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown user"


def settings_file(folder: str | os.PathLike | None = None) -> Path:
    return Path(folder if folder is not None else config_dir()) / SETTINGS_FILE


def load_settings(folder: str | os.PathLike | None = None) -> Settings:
    """Read `<folder>/settings.json` (default: the configuration folder); never raises."""
    file = settings_file(folder)
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        return Settings(problems=(_("{file}: cannot be read ({reason}); using the default settings").format(
            file=file, reason=os_errors.reason(exc) if isinstance(exc, OSError) else exc),))
    if not isinstance(data, dict):
        return Settings(problems=(_("{file}: should hold a JSON object; using the default settings").format(
            file=file),))
    return parse_settings(data, file)


def parse_settings(data: dict, file: str | os.PathLike = SETTINGS_FILE, causes: list[str] | None = None) -> Settings:
    """The settings a parsed settings.json holds; unusable values give defaults and a problem, one line
    each in the program's language. `causes`, when given, gets each problem without the file and what
    is done instead (the Settings window refuses to save such a value)."""
    problems: list[str] = []
    values: dict = {}

    def problem(cause: str, instead: str) -> None:
        problems.append(_("{file}: {problem}; {instead}").format(file=file, problem=cause, instead=instead))
        if causes is not None:
            causes.append(cause)

    def take(section: dict, key: str, kind, name: str, where: str, check=None):
        if key not in section:
            return
        value = section[key]
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if ok and check is not None:
            ok = check(value)
        if ok:
            values[name] = value
        else:
            problem(_("{setting} has an unusable value {value!r}").format(setting=where, value=value),
                    _("the default is used"))

    # The name goes into lock files, the audit log and terminals: no control characters.
    take(data, "user_name", str, "user_name", "user_name", lambda v: len(v) <= 200 and safe_text.problem(v) is None)
    take(data, "user_email", str, "user_email", "user_email", _usable_email)
    take(data, "appearance", str, "appearance", "appearance", lambda v: v in APPEARANCES)
    take(data, "ui_language", str, "ui_language", "ui_language", lambda v: v == "" or v in UI_LANGUAGES)
    take(data, "own_names", list, "own_names", "own_names",
         lambda v: len(v) <= MAX_OWN_NAMES and all(isinstance(n, str) and n.strip() and len(n) <= 100
                                                    and safe_text.problem(n) is None for n in v))
    take(data, "components", list, "components", "components",
         lambda v: len(v) <= MAX_COMPONENTS and all(isinstance(n, str) and n.strip() and len(n) <= 80
                                                     and not {"=", ";"} & set(n) and safe_text.problem(n) is None for n in v))
    def named(key: str, parse, error, limit: int, left_out: str) -> None:
        """A list of named entries (audiences, chat destinations): each bad one left out with a problem,
        the first of two with one name kept (notices choose them by name)."""
        raws = data.get(key, [])
        if not isinstance(raws, list) or len(raws) > limit:
            problem(_("{setting} should be a list of at most {limit}").format(setting=key, limit=limit),
                    _("none are used"))
            raws = []
        parsed: dict = {}
        for raw in raws:
            try:
                entry = parse(raw)
            except error as exc:
                problem(str(exc), _(left_out))
                continue
            parsed.setdefault(entry.name.casefold(), entry)
        if parsed:
            values[key] = tuple(parsed.values())

    named("audiences", parse_audience, AudienceError, MAX_AUDIENCES, N_("that audience is left out"))
    named("chat_destinations", parse_destination, ChatDestinationError, MAX_DESTINATIONS,
          N_("that destination is left out"))
    wanted = (
        ("reminders", "before_minutes", (int, float), lambda v: 0 <= v <= 24 * 60),
        ("status_page", "folder", str, _usable_path),
        ("status_page", "incidents", str, _usable_path),
        ("status_page", "url", str, usable_url),
        ("status_page", "title", str, lambda v: len(v) <= 200 and safe_text.problem(v) is None),
        ("status_page", "publish_after_send", bool, None),
        ("review", "approval_required", bool, None),
        ("review", "approver_must_differ", bool, None),
        ("review", "signing_key", str, _usable_path),
        ("review", "require_signed_approval", bool, None),
        ("review", "allowed_signers", str, _usable_path),
        ("sharing", "lock_stale_after_minutes", (int, float), lambda v: 0 < v < 10_000_000),
        ("grammar", "mode", str, lambda v: v in GRAMMAR_MODES),
        ("grammar", "language", str, lambda v: 0 < len(v) <= 20 and v.replace("-", "").isalnum()),
        ("grammar", "jar_folder", str, _usable_path),
        ("grammar", "server_url", str, usable_url),
        ("grammar", "custom_words", list,
         lambda v: len(v) <= MAX_CUSTOM_WORDS and all(isinstance(w, str) and w.strip() and len(w) <= 100 for w in v)),
    )
    for section_name, key, kind, check in wanted:
        section = data.get(section_name, {})
        if not isinstance(section, dict):
            problem(_("'{section}' should be an object").format(section=section_name), _("its defaults are used"))
            continue
        name = {"grammar": f"grammar_{key}", "reminders": f"remind_{key}",
                "status_page": key if key == "publish_after_send" else f"status_page_{key}"}.get(section_name, key)
        take(section, key, kind, name, f"{section_name}.{key}", check)
    if "user_name" in values:
        values["user_name"] = " ".join(values["user_name"].split())
    if "components" in values:
        values["components"] = tuple(dict.fromkeys(" ".join(n.split()) for n in values["components"]))
    if "remind_before_minutes" in values:
        values["remind_before_minutes"] = float(values["remind_before_minutes"])
    if "lock_stale_after_minutes" in values:
        values["lock_stale_after_minutes"] = float(values["lock_stale_after_minutes"])
    if "own_names" in values:
        values["own_names"] = tuple(dict.fromkeys(n.strip() for n in values["own_names"]))
    if "grammar_custom_words" in values:
        values["grammar_custom_words"] = tuple(dict.fromkeys(w.strip() for w in values["grammar_custom_words"]))
    if values.get("grammar_mode") == "jars" and not values.get("grammar_jar_folder"):
        problem(_('grammar.mode is "jars" but grammar.jar_folder is empty'), _("grammar checks are off"))
        values["grammar_mode"] = "off"
    if values.get("grammar_mode") == "server" and not values.get("grammar_server_url"):
        problem(_('grammar.mode is "server" but grammar.server_url is empty'), _("grammar checks are off"))
        values["grammar_mode"] = "off"
    return Settings(**values, problems=tuple(dict.fromkeys(problems)))


def merged(base: Settings, mine: Settings, theirs: Settings) -> Settings:
    """Three-way merge for saving: `mine` is `base` (what this process loaded) as the user edited it,
    `theirs` the file as it is now, perhaps changed since by the command line or another window. A value
    the user left as it was takes the file's, so saving one page never undoes a change made elsewhere.
    A file that cannot be read as a whole (`theirs.problems`) gives way to `mine`."""
    if theirs.problems:
        return mine
    values = {}
    for item in fields(Settings):
        if item.name == "problems":
            continue
        chosen = getattr(mine, item.name)
        values[item.name] = getattr(theirs, item.name) if chosen == getattr(base, item.name) else chosen
    return Settings(**values)


def to_data(settings: Settings) -> dict:
    """The keys this module knows, in the shape of settings.json."""
    return {
        "user_name": settings.user_name,
        "user_email": settings.user_email,
        "appearance": settings.appearance,
        "ui_language": settings.ui_language,
        "own_names": list(settings.own_names),
        "components": list(settings.components),
        "audiences": [audience_data(a) for a in settings.audiences],
        "chat_destinations": [destination_data(d) for d in settings.chat_destinations],
        "status_page": {
            "folder": settings.status_page_folder,
            "incidents": settings.status_page_incidents,
            "url": settings.status_page_url,
            "title": settings.status_page_title,
            "publish_after_send": settings.publish_after_send,
        },
        "reminders": {"before_minutes": settings.remind_before_minutes},
        "review": {
            "approval_required": settings.approval_required,
            "approver_must_differ": settings.approver_must_differ,
            "signing_key": settings.signing_key,
            "require_signed_approval": settings.require_signed_approval,
            "allowed_signers": settings.allowed_signers,
        },
        "sharing": {"lock_stale_after_minutes": settings.lock_stale_after_minutes},
        "grammar": {
            "mode": settings.grammar_mode,
            "language": settings.grammar_language,
            "jar_folder": settings.grammar_jar_folder,
            "server_url": settings.grammar_server_url,
            "custom_words": list(settings.grammar_custom_words),
        },
    }


def _usable_email(value: str) -> bool:
    if not value:
        return True
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=value)
    except (ValueError, IndexError):
        return False
    return bool(address.username and address.domain) and safe_text.problem(value) is None


def _usable_path(value: str) -> bool:
    return len(value) <= 4096 and "\n" not in value and "\0" not in value


def usable_url(value: str) -> bool:
    """Empty, or an http:// or https:// address with a host and no spaces (what the Settings window takes)."""
    if not value:
        return True
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)
