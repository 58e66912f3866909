"""The sections of each kind's email, in reading order, derived from the kind's field layout.

Several fields make one section (data loss and its details, the contact's name, email and phone,
a maintenance window's start and end); the summary opens every notice and the technical details
close it, so neither is listed here.
"""
from __future__ import annotations

from ..incident.fields import KIND_LAYOUT

_SECTION_OF = {
    "data_loss": "data", "data_loss_details": "data",
    "contact_name": "contact", "contact_email": "contact", "contact_phone": "contact",
    "window_start": "window", "window_end": "window",
    "action_details": "actions",  # only says how the actions are shown
}
_OUTSIDE = ("summary", "appendix")
# Resolutions and post-incident reports give the timings right after the summary.
_TIMINGS_FIRST = ("resolution", "post-incident")


def email_sections(kind: str) -> tuple[str, ...]:
    names = [_SECTION_OF.get(name, name) for name, _ in KIND_LAYOUT[kind] if name not in _OUTSIDE]
    if kind in _TIMINGS_FIRST:
        names.insert(0, "timeline")
    return tuple(dict.fromkeys(names))
