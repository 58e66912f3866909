"""Which actions may be taken now: a pure function of the session's state, shared by every view."""
from __future__ import annotations

from dataclasses import dataclass

from ..incident.model import Incident, Notice
from ..mail.plan import plan
from ..review import workflow as review

ADD_INCIDENT_NOTICE = ("add_update", "add_resolution", "add_post-incident")
ADD_MAINTENANCE_NOTICE = ("add_maintenance",)  # a maintenance is told in stages of one kind
ADD_NOTICE = ADD_INCIDENT_NOTICE + ADD_MAINTENANCE_NOTICE
EDIT_DRAFT = ("send_test", "request_review", "review_by_email", "start_from")
DECIDE = ("approve", "request_changes")


@dataclass(frozen=True)
class ActionState:
    read_only: bool  # someone else holds the edit lock, or the folder cannot be written
    has_file: bool  # the incident was saved to a file at least once
    notice_sent: bool  # the notice shown has gone out (to some or all of its recipients)
    fully_sent: bool  # ... and nobody is left to send it to
    can_add: bool  # the newest notice was sent, so a follow-up may start
    in_review: bool = False  # its author asked for a review: a reviewer may approve or send it back
    maintenance: bool = False  # planned maintenance: its follow-ups are maintenance notices

    @classmethod
    def of(cls, incident: Incident, notice: Notice, *, read_only: bool, has_file: bool) -> "ActionState":
        return cls(read_only=read_only, has_file=has_file, notice_sent=notice.is_sent,
                   fully_sent=notice.is_sent and not plan(notice).targets,
                   can_add=incident.newest_unsent() is None,
                   in_review=review.state(notice) == review.IN_REVIEW,
                   maintenance=incident.kind == "maintenance")


def enabled_actions(state: ActionState) -> frozenset[str]:
    on: set[str] = set()
    if not state.read_only:
        on.add("save")
        if state.can_add:
            on.update(ADD_MAINTENANCE_NOTICE if state.maintenance else ADD_INCIDENT_NOTICE)
        if not state.notice_sent:
            on.update(EDIT_DRAFT)
        if not state.fully_sent:
            on.add("send")
    # A reviewer may decide on a file the author has open: the checked save keeps both safe.
    if state.in_review and (state.has_file or not state.read_only) and not state.notice_sent:
        on.update(DECIDE)
    return frozenset(on)

ACTION_KEYS = ("save", "send", *ADD_NOTICE, *EDIT_DRAFT, *DECIDE)  # every action `enabled_actions` decides
