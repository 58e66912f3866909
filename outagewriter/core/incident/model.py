"""The incident and its notices: the data every other part reads and writes.

An incident holds an ordered list of notices (initial, updates, resolution, post-incident).
Each notice keeps its own copy of every field, because what was sent must stay exactly as sent
while the next update is drafted from it.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..i18n import _
from .carry import taken_by, translation_taken_by
from .fields import FIELD_NAMES, NOTICE_KINDS, TRANSLATED_FIELDS, FieldError, kind_label, normalise, statuses_for
from .records import ReviewRecord, SentRecord
from .times import TimeError, isoformat_utc, now_utc, parse_next_update, parse_zoned

INCIDENT_KINDS = ("incident", "maintenance")
LANGUAGES = ("en", "ja")
# Each language's name in itself: how a language is offered to someone who may not read the other.
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}
TIME_NAMES = ("started", "detected", "mitigated", "resolved")


class NoticeLocked(Exception):
    """Raised when something tries to change a notice that has been sent."""


def check_languages(first: str, second: str = "") -> None:
    """A notice's languages: one of LANGUAGES first, optionally another one second."""
    for value in (first, second) if second else (first,):
        if value not in LANGUAGES:
            raise FieldError(_("unsupported language {language!r}; available: {languages}").format(
                language=value, languages=", ".join(LANGUAGES)))
    if second == first:
        raise FieldError(_("the second language must differ from the first ({language})").format(language=first))


def _new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Notice:
    kind: str
    fields: dict[str, str]
    id: str = field(default_factory=_new_id)
    created: str = field(default_factory=lambda: isoformat_utc(now_utc()))
    dismissed: list[str] = field(default_factory=list)  # Finding.key values the user dismissed
    sent: SentRecord | None = None  # set once by the sender; a sent notice is immutable
    review: ReviewRecord | None = None  # review state, approval and change requests: see core/review/
    # A bilingual incident's second language: the same prose fields written in it (TRANSLATED_FIELDS),
    # shown after the first language's text in the same email. Empty for a notice in one language.
    translation: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in NOTICE_KINDS:
            raise FieldError(_("unknown notice kind {kind!r}; kinds are: {kinds}").format(
                kind=self.kind, kinds=", ".join(NOTICE_KINDS)))
        complete = dict.fromkeys(FIELD_NAMES, "")
        for name, value in self.fields.items():
            complete[name] = normalise(name, value)
        self.fields = complete
        translation = dict.fromkeys(TRANSLATED_FIELDS, "")
        for name, value in self.translation.items():
            if name not in TRANSLATED_FIELDS:
                raise FieldError(_("{name!r} has no second-language text; those fields are: {names}").format(
                    name=name, names=", ".join(TRANSLATED_FIELDS)))
            translation[name] = normalise(name, value)
        self.translation = translation

    @property
    def is_sent(self) -> bool:
        return self.sent is not None

    def get(self, name: str) -> str:
        if name not in self.fields:
            raise FieldError(_("unknown field {name!r}").format(name=name))
        return self.fields[name]

    def set(self, name: str, value: str) -> bool:
        """Validate and store one field; returns whether the stored value changed."""
        if self.is_sent:
            raise NoticeLocked(_("this notice has been sent and can no longer be edited"))
        stored = normalise(name, value)
        if name == "status" and stored and stored not in statuses_for(self.kind):
            allowed = ", ".join(statuses_for(self.kind))
            raise FieldError(_("status: {value!r} does not fit a {kind} notice; use {allowed}").format(
                value=stored, kind=kind_label(self.kind), allowed=allowed))
        changed = self.fields[name] != stored
        self.fields[name] = stored
        return changed

    def set_translation(self, name: str, value: str) -> bool:
        """Store one field's second-language text; returns whether it changed."""
        if self.is_sent:
            raise NoticeLocked(_("this notice has been sent and can no longer be edited"))
        if name not in TRANSLATED_FIELDS:
            raise FieldError(_("{name!r} has no second-language text; those fields are: {names}").format(
                name=name, names=", ".join(TRANSLATED_FIELDS)))
        stored = normalise(name, value)
        changed = self.translation[name] != stored
        self.translation[name] = stored
        return changed

    def update(self, values: dict[str, str]) -> None:
        """Set several fields at once; nothing changes unless every value is valid."""
        if self.is_sent:
            raise NoticeLocked(_("this notice has been sent and can no longer be edited"))
        trial = Notice(self.kind, dict(self.fields), id=self.id, created=self.created,
                       translation=dict(self.translation))
        for name, value in values.items():
            trial.set(name, value)
        self.fields = trial.fields


DEFAULT_STATUS = {
    "initial": "investigating",
    "update": "identified",
    "resolution": "resolved",
    "post-incident": "resolved",
    "maintenance": "scheduled",
}
# A maintenance notice's follow-up tells its next stage; an overrun is chosen by hand ("extended").
NEXT_MAINTENANCE_STAGE = {"scheduled": "reminder", "reminder": "in-progress", "in-progress": "completed",
                          "extended": "completed", "completed": "completed"}


@dataclass
class Incident:
    kind: str = "incident"
    language: str = "en"  # the language notices are written in first
    id: str = field(default_factory=_new_id)
    created: str = field(default_factory=lambda: isoformat_utc(now_utc()))
    times: dict[str, str] = field(default_factory=dict)  # started/detected/mitigated/resolved, zoned ISO
    notices: list[Notice] = field(default_factory=list)
    log: list[dict] = field(default_factory=list)  # audit trail, oldest first: see core/review/audit.py
    # The sender's names in this incident (organisation, brands, products) besides those in settings:
    # the tone checks do not call it blame when a sentence names them as the party at fault.
    own_names: list[str] = field(default_factory=list)
    # A bilingual incident: the language written second, below the first in every notice (its text in
    # Notice.translation); "" for notices in one language.
    second_language: str = ""

    def __post_init__(self) -> None:
        if self.kind not in INCIDENT_KINDS:
            raise FieldError(_("unknown incident kind {kind!r}; use incident or maintenance").format(kind=self.kind))
        check_languages(self.language, self.second_language)
        self.set_times(dict(self.times))

    @property
    def languages(self) -> tuple[str, ...]:
        """The notice's languages in the order the email shows them."""
        return (self.language, self.second_language) if self.second_language else (self.language,)

    @classmethod
    def create(cls, title: str, service: str, kind: str = "incident", language: str = "en") -> "Incident":
        incident = cls(kind=kind, language=language)
        first = "maintenance" if kind == "maintenance" else "initial"
        incident.notices.append(
            Notice(first, {"title": title, "service": service, "status": DEFAULT_STATUS[first]})
        )
        return incident

    # The incident is known by its newest notice's title and service: updates may sharpen them.
    @property
    def title(self) -> str:
        return self.notices[-1].fields["title"] if self.notices else ""

    @property
    def service(self) -> str:
        return self.notices[-1].fields["service"] if self.notices else ""

    @property
    def zone(self) -> str | None:
        """The incident's own time zone, for times not written yet: the zone of its first known
        time (started, detected, resolved), else of the newest maintenance window or promised update;
        None if none."""
        promises = [n.fields[name] for n in reversed(self.notices) for name in ("window_start", "next_update")]
        for value in [self.times.get(name, "") for name in TIME_NAMES] + promises:
            try:
                promise = parse_next_update(value) if value else None
            except TimeError:
                continue
            if promise is not None and promise.when is not None:
                return promise.when.zone
        return None

    def set_time(self, name: str, value: str) -> None:
        self.set_times({name: value})

    def set_times(self, values: dict[str, str]) -> None:
        """Set several of started/detected/mitigated/resolved at once; all or nothing, in a sensible order."""
        times = dict(self.times)
        for name, value in values.items():
            if name not in TIME_NAMES:
                raise FieldError(_("unknown time {name!r}; times are: {names}").format(name=name, names=", ".join(TIME_NAMES)))
            if value.strip():
                times[name] = parse_zoned(value).canonical
            else:
                times.pop(name, None)
        moments = {name: parse_zoned(value).utc for name, value in times.items()}
        for earlier, later in [(a, b) for i, a in enumerate(TIME_NAMES) for b in TIME_NAMES[i + 1:]]:
            if earlier in moments and later in moments and moments[later] < moments[earlier]:
                raise FieldError(_("{later} ({later_time}) is before {earlier} ({earlier_time})").format(
                    later=later, later_time=times[later], earlier=earlier, earlier_time=times[earlier]))
        self.times = times

    def newest_unsent(self) -> Notice | None:
        if self.notices and not self.notices[-1].is_sent:
            return self.notices[-1]
        return None

    def number(self, notice: Notice) -> int:
        """The notice's number as the user sees it (1 is the first); a notice not in the incident yet
        gets the number it would have as the next one."""
        return self.notices.index(notice) + 1 if notice in self.notices else len(self.notices) + 1

    def notice(self, number: int) -> Notice:
        """Notice by its 1-based number as the user sees it; negative counts from the end."""
        if number == 0 or abs(number) > len(self.notices):
            raise IndexError(_("there is no notice {number}; this incident has {count}").format(
                number=number, count=len(self.notices)))
        return self.notices[number - 1 if number > 0 else number]

    def add_notice(self, kind: str) -> Notice:
        """Start the next notice from the last one sent, so an update only says what changed; fields the
        new kind does not show are left out (carry.cleared_by names them)."""
        if self.newest_unsent() is not None:
            raise FieldError(_("the newest notice has not been sent yet; edit it instead of adding another"))
        notice = Notice(kind, taken_by(self.notices[-1], kind) if self.notices else {},
                        translation=translation_taken_by(self.notices[-1], kind) if self.notices else {})
        allowed = statuses_for(kind)
        if notice.fields["status"] not in allowed or kind in ("resolution", "post-incident"):
            notice.fields["status"] = DEFAULT_STATUS[kind]
        elif kind == "maintenance":
            notice.fields["status"] = NEXT_MAINTENANCE_STAGE[notice.fields["status"]]
        self.notices.append(notice)
        return notice

    def earlier_notices(self, notice: Notice) -> list[Notice]:
        return self.notices[: self.notices.index(notice)]
