"""What the session's operations raise, in one place for the window and the command line to catch.

Each carries a message in plain words for the user; the views decide only how to show it.
"""
from ..incident.fields import FieldError
from ..incident.model import NoticeLocked
from ..incident.times import TimeError
from ..mail.plan import SendError
from ..review.workflow import ApprovalError, ReviewError
from ..storage.conflicts import ConflictError
from ..storage.fileformat import SUFFIX, IncidentFileError
from ..storage.locks import FileLocked, LockLost
from ..storage.settings_file import SettingsError
from .one_shot import CannotLock

__all__ = [
    "SUFFIX", "ApprovalError", "CannotLock", "ConflictError", "FieldError", "FileLocked", "IncidentFileError",
    "LockLost", "NoticeLocked", "ReviewError", "SendError", "SettingsError", "TimeError",
]
