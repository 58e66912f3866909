"""The notice's fields: their names, what each holds, and how a value is checked.

The form, the file and the command line all use these names, so this table is the one
place that says what a field is.
"""
from __future__ import annotations

import inspect
import unicodedata
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import getaddresses
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from .. import safe_text
from ..i18n import N_, _, active_language, ngettext
from .address_reasons import address_reason
from .components import ComponentError, format_components, parse_components
from .times import parse_next_update, parse_zoned

MAX_FIELD_CHARS = 100_000  # ~15,000 words: far beyond any notice, small enough to render fast
# One-line values end up in headers and subjects, where a long non-ASCII value takes seconds to encode.
MAX_CHARS_BY_KIND = {"line": 2_000, "email": 254, "choice": 50, "datetime": 100, "time": 100, "components": 20_000}

DATA_LOSS = ("none", "possible", "confirmed", "unknown")

NOTICE_KINDS = ("initial", "update", "resolution", "post-incident", "maintenance")
_KIND_WORDS = (N_("initial"), N_("update"), N_("resolution"), N_("post-incident"), N_("maintenance"))  # kind_label
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
# One maintenance is told in up to five notices: announced, a reminder shortly before the start, started,
# extended when it overruns, completed.
MAINTENANCE_STATUSES = ("scheduled", "reminder", "in-progress", "extended", "completed")
STATUSES = INCIDENT_STATUSES + MAINTENANCE_STATUSES
_STATUS_WORDS = (N_("investigating"), N_("identified"), N_("monitoring"), N_("resolved"), N_("scheduled"),
                 N_("reminder"), N_("in-progress"), N_("extended"), N_("completed"))  # status_label
# What a component is doing, best first: the worst one listed names the notice's subject and short post.
IMPACT_LEVELS = ("none", "minor", "major", "critical")
ACTION_DETAILS = ("hidden", "shown")


class FieldError(ValueError):
    """A value a field cannot hold; the message is written for the user."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    english_label: str  # as written here; `label` is what a person reads, in the program's language
    kind: str  # line | text | choice | addresses | email | datetime (next update) | time | components
    english_help: str
    choices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return _(self.english_label)

    @property
    def help(self) -> str:
        return _(self.english_help)


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", N_("Title"), "line", N_("Incident title; the subject line uses it.")),
    FieldSpec("service", N_("Affected service"), "line", N_("The affected service or product.")),
    FieldSpec("status", N_("Status"), "choice", N_("Where the incident stands."), STATUSES),
    FieldSpec("summary", N_("Summary"), "text",
              N_("What is broken, who is affected, what to do, when the next update comes.")),
    FieldSpec("impact", N_("Consequences now"), "text", N_("What does not work now.")),
    FieldSpec("later_impact", N_("Consequences later"), "text",
              N_("What will follow: delayed jobs, reports, invoices.")),
    FieldSpec("data_loss", N_("Data loss"), "choice", N_("Is any data lost?"), DATA_LOSS),
    FieldSpec("data_loss_details", N_("Data loss details"), "text", N_("What data, and what happens to it.")),
    FieldSpec("workaround", N_("Workaround"), "text", N_("What users can do meanwhile.")),
    FieldSpec("contact_name", N_("Contact name"), "line", N_("The person to ask.")),
    FieldSpec("contact_email", N_("Contact email"), "email", N_("How to reach them by email.")),
    FieldSpec("contact_phone", N_("Contact phone"), "line", N_("How to reach them by phone.")),
    FieldSpec("next_update", N_("Next update"), "datetime",
              N_("ISO 8601 date-time with offset or zone, or on-change.")),
    FieldSpec("appendix", N_("Technical appendix"), "text", N_("Details for technical readers.")),
    FieldSpec("to", N_("To"), "addresses", N_("Comma-separated addresses.")),
    FieldSpec("cc", N_("Cc"), "addresses", N_("Comma-separated addresses.")),
    FieldSpec("bcc", N_("Bcc"), "addresses", N_("Comma-separated addresses; never shown to recipients.")),
    FieldSpec("subject", N_("Subject"), "line", N_("Optional; replaces the generated subject.")),
    FieldSpec("audiences", N_("Audiences"), "line",
              N_("Saved audiences this notice goes to, comma-separated: their recipients fill To and Bcc.")),
    FieldSpec("impact_level", N_("Impact"), "choice", N_("How bad it is overall."), IMPACT_LEVELS),
    FieldSpec("components", N_("Components"), "components",
              N_("Affected components, one per line: name = status.")),
    FieldSpec("done", N_("What we did"), "text", N_("How the service was restored.")),
    FieldSpec("remaining", N_("What remains"), "text", N_("Work still to do; what users may still notice.")),
    FieldSpec("root_cause", N_("Root cause"), "text", N_("What caused it, in plain words.")),
    FieldSpec("events", N_("Timeline of events"), "text", N_("One event per line: the time, then what happened.")),
    FieldSpec("actions", N_("What we are changing"), "text",
              N_("One action per line: what | owner | target date (owner and date are optional).")),
    FieldSpec("action_details", N_("Owners and dates"), "choice",
              N_("Whether the email shows each action's owner and target date."), ACTION_DETAILS),
    FieldSpec("window_start", N_("Window starts"), "time", N_("When the maintenance starts, with its time zone.")),
    FieldSpec("window_end", N_("Window ends"), "time", N_("When the maintenance ends, with its time zone.")),
    FieldSpec("unavailable", N_("What will be unavailable"), "text", N_("What users cannot use during the window.")),
    FieldSpec("prepare", N_("What to do before"), "text", N_("What users must do before the window starts.")),
    FieldSpec("chats", N_("Chat posts"), "line",
              N_("Chat destinations this notice is posted to, comma-separated: its audiences' destinations fill it.")),
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
FIRST_RELEASE_FIELDS = FIELD_NAMES[:18]  # written in every file; the later ones only when set
SPECS: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
TEXT_FIELDS = tuple(f.name for f in FIELDS if f.kind in ("line", "text"))
# The prose a bilingual notice writes in both languages; names, numbers, addresses, times and choices
# are the same in both and are written once.
TRANSLATED_FIELDS = tuple(name for name in TEXT_FIELDS
                          if name not in ("contact_name", "contact_phone", "audiences", "chats"))


CONTACT = ("contact_name", "contact_email", "contact_phone")
DATA = ("data_loss", "data_loss_details")
# Each kind's content fields in the order the email tells them, under the email's own headings. Title,
# service, status, components, impact level and the recipients belong to every kind and are not listed.
KIND_LAYOUT: dict[str, tuple[tuple[str, str], ...]] = {
    "initial": (("summary", N_("Summary")), ("impact", N_("What does not work now")),
                ("later_impact", N_("What to expect later")), ("data_loss", N_("Data loss")),
                ("data_loss_details", N_("Data loss details")), ("workaround", N_("What you can do meanwhile")),
                ("next_update", N_("Next update")), ("contact_name", N_("Contact name")),
                ("contact_email", N_("Contact email")), ("contact_phone", N_("Contact phone")),
                ("appendix", N_("Technical appendix"))),
    "resolution": (("summary", N_("Summary")), ("done", N_("What we did")), ("remaining", N_("What remains to be done")),
                   ("impact", N_("What was affected")), ("data_loss", N_("Data loss")),
                   ("data_loss_details", N_("Data loss details")), ("workaround", N_("If you still see problems")),
                   ("next_update", N_("Post-incident report by")), ("contact_name", N_("Contact name")),
                   ("contact_email", N_("Contact email")), ("contact_phone", N_("Contact phone")),
                   ("appendix", N_("Technical appendix"))),
    "post-incident": (("summary", N_("Summary")), ("impact", N_("What was affected")), ("root_cause", N_("Root cause")),
                      ("events", N_("Timeline of events")), ("actions", N_("What we are changing")),
                      ("action_details", N_("Owners and dates")), ("data_loss", N_("Data loss")),
                      ("data_loss_details", N_("Data loss details")), ("next_update", N_("Further update by")),
                      ("contact_name", N_("Contact name")), ("contact_email", N_("Contact email")),
                      ("contact_phone", N_("Contact phone")), ("appendix", N_("Technical details"))),
    "maintenance": (("summary", N_("Summary")), ("window_start", N_("Window starts")), ("window_end", N_("Window ends")),
                    ("unavailable", N_("What will be unavailable")), ("prepare", N_("What to do before")),
                    ("later_impact", N_("Afterwards")), ("data_loss", N_("Data loss")),
                    ("data_loss_details", N_("Data loss details")), ("next_update", N_("Next update")),
                    ("contact_name", N_("Contact name")), ("contact_email", N_("Contact email")),
                    ("contact_phone", N_("Contact phone")), ("appendix", N_("Technical appendix"))),
}
KIND_LAYOUT["update"] = KIND_LAYOUT["initial"]
# The same headings in a Japanese notice, as Japanese customer notices title their sections.
KIND_HEADINGS_JA: dict[str, dict[str, str]] = {
    "initial": {"summary": "概要", "impact": "現在発生している影響", "later_impact": "今後予想される影響",
                "data_loss": "データへの影響", "data_loss_details": "データへの影響の詳細",
                "workaround": "回避策", "next_update": "次回のご案内", "contact_name": "担当者",
                "contact_email": "メールアドレス", "contact_phone": "電話番号", "appendix": "技術的な詳細"},
    "resolution": {"summary": "概要", "done": "実施した対応", "remaining": "今後の対応", "impact": "影響範囲",
                   "data_loss": "データへの影響", "data_loss_details": "データへの影響の詳細",
                   "workaround": "引き続き問題が発生する場合", "next_update": "障害報告書のご送付",
                   "contact_name": "担当者", "contact_email": "メールアドレス", "contact_phone": "電話番号",
                   "appendix": "技術的な詳細"},
    "post-incident": {"summary": "概要", "impact": "影響範囲", "root_cause": "発生原因", "events": "発生から復旧までの経緯",
                      "actions": "再発防止策", "action_details": "担当と期限", "data_loss": "データへの影響",
                      "data_loss_details": "データへの影響の詳細", "next_update": "続報のご案内",
                      "contact_name": "担当者", "contact_email": "メールアドレス", "contact_phone": "電話番号",
                      "appendix": "技術的な詳細"},
    "maintenance": {"summary": "概要", "window_start": "開始日時", "window_end": "終了予定日時",
                    "unavailable": "ご利用いただけない機能", "prepare": "事前にご対応いただきたいこと",
                    "later_impact": "メンテナンス後の影響", "data_loss": "データへの影響",
                    "data_loss_details": "データへの影響の詳細", "next_update": "次回のご案内",
                    "contact_name": "担当者", "contact_email": "メールアドレス", "contact_phone": "電話番号",
                    "appendix": "技術的な詳細"},
}
KIND_HEADINGS_JA["update"] = KIND_HEADINGS_JA["initial"]
EVERY_KIND = ("title", "service", "status", "components", "impact_level", "audiences", "to", "cc", "bcc", "chats",
              "subject")


def fields_of(kind: str) -> tuple[str, ...]:
    """Every field a notice of `kind` shows and sends; the others are kept in its file but not used."""
    return EVERY_KIND + tuple(name for name, _ in KIND_LAYOUT[kind])


def label_for(kind: str, name: str, language: str = "en") -> str:
    """The field's label in a notice of `kind`: the heading its text appears under in the email written
    in `language` (whatever language the program speaks; `display_label` is the heading for a person to
    read), the form's English label for a field outside the layout."""
    if language == "ja" and name in KIND_HEADINGS_JA[kind]:
        return KIND_HEADINGS_JA[kind][name]
    return dict(KIND_LAYOUT[kind]).get(name, SPECS[name].english_label)


def display_label(kind: str, name: str) -> str:
    """`label_for` in the program's language, for messages and forms."""
    return _(label_for(kind, name))


def kind_label(kind: str) -> str:
    """A notice kind as a person reads it in the program's language ("initial" in English: the word typed)."""
    return _(kind)


def status_label(status: str) -> str:
    """A status as a person reads it in the program's language ("monitoring" in English: the word typed)."""
    return _(status)


def statuses_for(kind: str) -> tuple[str, ...]:
    return MAINTENANCE_STATUSES if kind == "maintenance" else INCIDENT_STATUSES


def _check_header_safe(name: str, value: str) -> None:
    """One-line values may end up in mail headers: no line breaks, no other control characters."""
    problem = _header_problem(value)
    if problem is not None:
        raise FieldError(_("{field}: {problem}").format(field=name, problem=problem))


def _header_problem(value: str) -> str | None:
    if "\r" in value or "\n" in value:
        return _("a line break is not allowed here")
    control = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if control is not None:
        return _("the control character U+{code:04X} is not allowed here").format(code=ord(control))
    return None


def parse_addresses(value: str) -> list[tuple[str, str]]:
    """Split a comma-, semicolon- or newline-separated list into (display name, address) pairs.

    Raises FieldError naming every entry that is not a mailbox address, each with the reason, so a
    pasted list is corrected in one go.
    """
    pairs, bad = [], []
    for raw in _entries(value):
        try:
            pairs.append(parse_address(raw))
        except FieldError as exc:
            bad.append(str(exc))
    if len(bad) == 1:
        raise FieldError(_("not an email address: {entry}").format(entry=bad[0]))
    if bad:
        raise FieldError(ngettext("{count} entry is not an email address: {entries}",
                                  "{count} entries are not email addresses: {entries}", len(bad)).format(
            count=len(bad), entries="; ".join(bad)))
    return pairs


@lru_cache(maxsize=16384)  # pure; the same list is parsed again on every load and every keystroke
def parse_address(raw: str) -> tuple[str, str]:
    """One entry, `jana@acme.example` or `Jana Novák <jana@acme.example>`, as (display name, address).

    Raises FieldError("'entry' (reason)"). Unicode display names are welcome; the address itself
    must pass email-validator's syntax check (no DNS lookup: drafts are written offline too).
    """
    reason = _header_problem(raw)
    if reason is not None:
        raise FieldError(_("{entry!r} ({reason})").format(entry=raw, reason=reason))
    parsed = getaddresses([raw], **_STRICT)
    addr = parsed[0][1] if len(parsed) == 1 else ""
    reason = mailbox_problem(addr or raw)
    if reason is None and not addr:
        reason = _("not a single name and address")
    if reason is not None:
        raise FieldError(_("{entry!r} ({reason})").format(entry=raw, reason=reason))
    return parsed[0]


def _as_checked(addr: str) -> str:
    """The address email-validator should check for syntax.

    Company mail often lives under `.local` (Active Directory domains, small offices) and the user's
    own server delivers it; email-validator refuses that special-use name, so its syntax is checked
    as if it were any other top-level domain. Other special-use names (.invalid, .localhost, .onion,
    .arpa) stay refused.
    """
    local, at, domain = addr.rpartition("@")
    if at and domain.lower().endswith(".local"):
        return f"{local}@{domain[: -len('.local')]}.example"
    return addr


def mailbox_problem(addr: str) -> str | None:
    """Why `addr` is not a plain mailbox address we can send to, in the user's words; None if it is."""
    return _mailbox_problem(addr, active_language())


@lru_cache(maxsize=16384)  # a 1,000-address list is checked on every load and every keystroke in To
def _mailbox_problem(addr: str, _language: str) -> str | None:
    """Cached by language too: the window can switch its language while it runs."""
    try:
        validate_email(_as_checked(addr), check_deliverability=False)
        Address(addr_spec=addr)  # what the message builder will do with it
    except EmailNotValidError as exc:
        return address_reason(str(exc))
    except (ValueError, IndexError, TypeError, HeaderParseError):
        return _("the mail standard cannot write this address")
    return None


def _entries(value: str) -> list[str]:
    """The entries of a pasted list. Lists from spreadsheets and mail clients come separated by commas,
    semicolons or line breaks; a comma inside a quoted name ("Novák, Jana" <jana@...>) separates nothing."""
    entries: list[str] = []
    for line in value.replace("\r", "\n").split("\n"):
        current, quoted, escaped = [], False, False
        for char in line:
            if escaped:
                escaped = False
            elif char == "\\" and quoted:
                escaped = True
            elif char == '"':
                quoted = not quoted
            elif char in ",;" and not quoted:
                entries.append("".join(current))
                current = []
                continue
            current.append(char)
        entries.append("".join(current))
    return [entry.strip() for entry in entries if entry.strip()]


# Python releases with the CVE-2023-27043 fix parse strictly only when asked.
_STRICT = {"strict": True} if "strict" in inspect.signature(getaddresses).parameters else {}


def format_address(name: str, addr: str) -> str:
    """Unicode display form (quoted where needed, not RFC 2047 encoded): what the user typed."""
    return str(Address(display_name=name, addr_spec=addr)) if name else addr


def check_raw_value(spec: FieldSpec, value: str) -> str:
    """Check length and characters of any field's value; Windows line ends become plain newlines.

    Control characters other than newline and tab are refused (an ESC sequence would hide text
    from a reviewer's terminal yet be sent), and so are lone surrogates, which no file can store."""
    limit = MAX_CHARS_BY_KIND.get(spec.kind, MAX_FIELD_CHARS)
    if len(value) > limit:
        raise FieldError(_("{field}: {count:,} characters is more than the {limit:,} allowed").format(
            field=spec.name, count=len(value), limit=limit))
    if spec.kind != "addresses":  # address lists treat line ends as separators themselves
        value = value.replace("\r\n", "\n")
    char = safe_text.bad_character(value)
    if char == "\x00":
        raise FieldError(_("{field}: contains a NUL character").format(field=spec.name))
    if char is not None and not (spec.kind == "addresses" and char == "\r"):
        raise FieldError(_("{field}: {character} is not allowed").format(
            field=spec.name, character=safe_text.describe_character(char)))
    return value


def normalise(name: str, value: str) -> str:
    """Return the value as stored, or raise FieldError with a message for the user."""
    spec = SPECS.get(name)
    if spec is None:
        raise FieldError(_("unknown field {name!r}; fields are: {names}").format(name=name, names=", ".join(FIELD_NAMES)))
    if not isinstance(value, str):
        raise FieldError(_("{field}: expected text").format(field=name))
    value = check_raw_value(spec, value)
    if spec.kind in ("line", "email", "choice", "datetime", "time"):
        value = value.strip()
        _check_header_safe(name, value)
    if spec.kind == "choice" and value:
        token = value.lower().replace(" ", "-").replace("_", "-")
        if token not in spec.choices:
            raise FieldError(_("{field}: {value!r} is not one of {choices}").format(
                field=name, value=value, choices=", ".join(spec.choices)))
        return token
    if spec.kind == "email" and value:
        reason = mailbox_problem(value)
        if reason is not None:
            raise FieldError(_("{field}: not an email address: {value!r} ({reason})").format(
                field=name, value=value, reason=reason))
    if spec.kind == "addresses" and value.strip():
        try:
            pairs = parse_addresses(value)
        except FieldError as exc:
            raise FieldError(_("{field}: {problem}").format(field=name, problem=exc)) from None
        return ", ".join(format_address(*pair) for pair in pairs)
    if spec.kind == "addresses":
        return ""
    if spec.kind == "datetime" and value:
        return parse_next_update(value).canonical
    if spec.kind == "time" and value:
        return parse_zoned(value).canonical
    if spec.kind == "components":
        try:
            return format_components(parse_components(value)) if value.strip() else ""
        except ComponentError as exc:
            raise FieldError(_("{field}: {problem}").format(field="components", problem=exc)) from None
    return value
