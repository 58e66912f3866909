"""A notice's review and sent records, typed, exactly as the incident file holds them.

`to_dict` writes the keys in the order the file has them and `from_dict` reads what `to_dict` wrote,
so a file loads and saves to the same bytes. Where the file may leave a key out (a sent record
written by another tool), None stands for "absent" and the key stays absent on saving.
The shapes are checked by the file's JSON Schema before `from_dict` sees them; what the records
mean (review states, delivery statuses) is up to core/review and core/mail/record.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field


def _present(**values) -> dict:
    """The keys whose value is not None: a sent record keeps only what it was given."""
    return {key: value for key, value in values.items() if value is not None}


@dataclass
class Voided:
    """Why and when an approval stopped counting, and what the notice had become then."""

    time: str
    who: str
    reason: str
    hash: str

    def to_dict(self) -> dict:
        return {"time": self.time, "who": self.who, "reason": self.reason, "hash": self.hash}

    @classmethod
    def from_dict(cls, data: dict) -> "Voided":
        return cls(data.get("time", ""), data.get("who", ""), data.get("reason", ""), data.get("hash", ""))


@dataclass
class ApprovalRecord:
    """A reviewer's approval of one canonical content (core/review/content.py), with its hash."""

    reviewer: str
    time: str
    hash: str
    content: dict
    comment: str | None = None
    recorded_by: dict[str, str] | None = None  # {"user", "host"} of the machine that recorded it
    voided: Voided | None = None
    signature: str | None = None  # SSH signature, see core/review/signature.py

    def to_dict(self) -> dict:
        return {"reviewer": self.reviewer, "time": self.time, "hash": self.hash, "comment": self.comment,
                "content": self.content, "recorded_by": self.recorded_by,
                "voided": self.voided.to_dict() if self.voided else None, "signature": self.signature}

    @classmethod
    def from_dict(cls, data: dict) -> "ApprovalRecord":
        voided = data.get("voided")
        return cls(reviewer=data["reviewer"], time=data["time"], hash=data["hash"], content=data["content"],
                   comment=data.get("comment"), recorded_by=data.get("recorded_by"),
                   voided=Voided.from_dict(voided) if voided else None, signature=data.get("signature"))


@dataclass
class ReviewRequested:
    by: str
    time: str
    reviewer: str | None
    hash: str

    def to_dict(self) -> dict:
        return {"by": self.by, "time": self.time, "reviewer": self.reviewer, "hash": self.hash}

    @classmethod
    def from_dict(cls, data: dict) -> "ReviewRequested":
        return cls(data.get("by", ""), data.get("time", ""), data.get("reviewer"), data.get("hash", ""))


@dataclass
class ChangeRequest:
    """A reviewer's comment sending the notice back, on one field or (field None) the whole notice."""

    reviewer: str
    time: str
    comment: str
    field: str | None = None
    resolved: bool = False  # True once the author asked for a review again

    def describe(self) -> str:
        where = f" ({self.field})" if self.field else ""
        return f"{self.reviewer}{where}: {self.comment}"

    def to_dict(self) -> dict:
        return {"reviewer": self.reviewer, "time": self.time, "comment": self.comment, "field": self.field,
                "resolved": self.resolved}

    @classmethod
    def from_dict(cls, data: dict) -> "ChangeRequest":
        return cls(data["reviewer"], data.get("time", ""), data["comment"], data.get("field"),
                   bool(data.get("resolved")))


@dataclass
class ReviewRecord:
    """The notice's "review" key: its review state, who asked, the approval and the change requests."""

    state: str = "draft"
    author: str | None = None
    requested: ReviewRequested | None = None
    approval: ApprovalRecord | None = None
    comments: list[ChangeRequest] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"state": self.state, "author": self.author,
                "requested": self.requested.to_dict() if self.requested else None,
                "approval": self.approval.to_dict() if self.approval else None,
                "comments": [c.to_dict() for c in self.comments]}

    @classmethod
    def from_dict(cls, data: dict) -> "ReviewRecord":
        requested, approval = data.get("requested"), data.get("approval")
        return cls(state=data.get("state", "draft"), author=data.get("author"),
                   requested=ReviewRequested.from_dict(requested) if requested else None,
                   approval=ApprovalRecord.from_dict(approval) if approval else None,
                   comments=[ChangeRequest.from_dict(c) for c in data.get("comments", [])])


@dataclass
class RecipientStatus:
    """The latest result for one envelope recipient (statuses: core/mail/record.py)."""

    status: str
    reply: str | None = None
    time: str | None = None

    def to_dict(self) -> dict:
        return {"status": self.status, **_present(reply=self.reply, time=self.time)}

    @classmethod
    def from_dict(cls, data: dict) -> "RecipientStatus":
        return cls(data["status"], data.get("reply"), data.get("time"))


@dataclass
class PostStatus:
    """The latest result of posting the notice's short version to one chat destination (core/chat/)."""

    status: str  # posted | failed | sending | unknown | pending (core/chat/record.py says what each means)
    service: str | None = None
    reply: str | None = None  # the service's answer or the fault, in plain words
    time: str | None = None

    def to_dict(self) -> dict:
        return {"status": self.status, **_present(service=self.service, reply=self.reply, time=self.time)}

    @classmethod
    def from_dict(cls, data: dict) -> "PostStatus":
        return cls(data["status"], data.get("service"), data.get("reply"), data.get("time"))


@dataclass
class SentRecord:
    """The notice's "sent" key: set once anyone may have the notice; from then on it is immutable.

    Every key may be absent in a record written elsewhere (None here); `attempts` is the history of
    sends and retries, kept as the file holds it (see core/mail/record.py)."""

    time: str | None = None
    account: str | None = None
    message_id: str | None = None
    archive: str | None = None  # the .eml as sent, relative to the incident file's folder
    sha256: str | None = None  # of the archive's bytes
    addressed: list[str] | None = None  # every envelope recipient at first send
    recipients: dict[str, RecipientStatus] | None = None
    attempts: list[dict] | None = None
    posts: dict[str, PostStatus] | None = None  # chat destination name -> latest result; absent: none

    def to_dict(self) -> dict:
        recipients = None if self.recipients is None else {a: s.to_dict() for a, s in self.recipients.items()}
        posts = None if self.posts is None else {name: p.to_dict() for name, p in self.posts.items()}
        return _present(time=self.time, account=self.account, message_id=self.message_id, archive=self.archive,
                        sha256=self.sha256, addressed=self.addressed, recipients=recipients,
                        attempts=self.attempts, posts=posts)

    @classmethod
    def from_dict(cls, data: dict) -> "SentRecord":
        recipients = data.get("recipients")
        return cls(time=data.get("time"), account=data.get("account"), message_id=data.get("message_id"),
                   archive=data.get("archive"), sha256=data.get("sha256"),
                   addressed=list(data["addressed"]) if "addressed" in data else None,
                   recipients=None if recipients is None else {
                       address: RecipientStatus.from_dict(entry) for address, entry in recipients.items()},
                   attempts=[dict(a) for a in data["attempts"]] if "attempts" in data else None,
                   posts=None if data.get("posts") is None else {
                       name: PostStatus.from_dict(entry) for name, entry in data["posts"].items()})
