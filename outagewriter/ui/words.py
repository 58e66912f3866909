"""The words the window shows for the values a notice and its review take (a status such as
"in-progress", a review state such as "changes requested"), in the window's language."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from .language import translate

VALUE_WORDS = {
    # core.incident.fields: INCIDENT_STATUSES, MAINTENANCE_STATUSES
    "investigating": QT_TRANSLATE_NOOP("Words", "Investigating"),
    "identified": QT_TRANSLATE_NOOP("Words", "Identified"),
    "monitoring": QT_TRANSLATE_NOOP("Words", "Monitoring"),
    "resolved": QT_TRANSLATE_NOOP("Words", "Resolved"),
    "scheduled": QT_TRANSLATE_NOOP("Words", "Scheduled"),
    "reminder": QT_TRANSLATE_NOOP("Words", "Reminder"),
    "in-progress": QT_TRANSLATE_NOOP("Words", "In progress"),
    "extended": QT_TRANSLATE_NOOP("Words", "Extended"),
    "completed": QT_TRANSLATE_NOOP("Words", "Completed"),
    # core.review.workflow: a notice's review state, as display_state words it
    "draft": QT_TRANSLATE_NOOP("Words", "Draft"),
    "in-review": QT_TRANSLATE_NOOP("Words", "In review"),
    "changes-requested": QT_TRANSLATE_NOOP("Words", "Changes requested"),
    "approved": QT_TRANSLATE_NOOP("Words", "Approved"),
    "approval-void": QT_TRANSLATE_NOOP("Words", "Approval void"),
    "sent": QT_TRANSLATE_NOOP("Words", "Sent"),
}


def value_label(value: str) -> str:
    """'in-progress', 'in review' or 'Approval void' as the window names it; an unknown value
    capitalised, as before."""
    key = value.strip().lower().replace(" ", "-")
    if key in VALUE_WORDS:
        return translate("Words", VALUE_WORDS[key])
    return value.replace("-", " ").capitalize()
