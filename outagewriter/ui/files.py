"""Opening and saving incident files on a shared folder: the questions to ask.

The rules are the session's (`core.session`: the edit lock, the one checked save); this module
only asks the user, through `context.dialogs`, what to do when a file is locked or was saved by
someone else meanwhile.
"""
from __future__ import annotations

from pathlib import Path

from ..core import os_errors
from ..core.session.errors import ConflictError, FileLocked, IncidentFileError
from .answers import OVERWRITE, READ_ONLY, RELOAD, SAVE_COPY, TAKE_OVER
from .document import Document
from .language import moment_text, translate
from .tr_args import args


class Files:
    def __init__(self, window):
        self.window = window
        self.context = window.context

    # ---- opening ---------------------------------------------------------------------------

    def open(self, path: str) -> Document | None:
        """The document on `path`, locked for editing or opened read-only; None if the user cancelled."""
        try:
            document = Document.open(self.context.services, path, parent=self.window)
        except IncidentFileError as exc:
            self.context.dialogs.error(self.window, translate("Files", "Cannot open the incident"), str(exc))
            return None
        if not self.lock(document):
            document.close()
            document.deleteLater()
            return None
        return document

    def lock(self, document: Document, *, ask: bool = True) -> bool:
        """Take the edit lock. When someone holds it, ask: read-only, take over (stale only) or cancel."""
        take_over = False
        refresh_ms = self.context.timings.lock_refresh_ms
        while True:
            try:
                document.acquire_lock(take_over=take_over, refresh_ms=refresh_ms)
                return True
            except FileLocked as exc:
                who = _holder(exc)
                if not ask:
                    self.window.statusBar().showMessage(
                        args(translate("Files", "%1. Save it under a new name to keep your work."), who))
                    return True
                stale = args(translate("Files", " The lock looks stale: %1."), exc.stale) if exc.stale else ""
                said = args(translate("Files", "%1."), who) + stale  # the sentence ends as its language ends it
                answer = self.context.dialogs.file_locked(self.window, said, bool(exc.stale))
                if answer == TAKE_OVER and exc.stale and not take_over:
                    take_over = True
                    continue
                if answer == READ_ONLY:
                    document.session.open_read_only(who)
                    return True
                return False
            except OSError as exc:  # a folder we may read but not write: nothing can be saved there anyway
                document.session.open_read_only(args(translate(
                    "Files", "The edit lock cannot be created beside the file (%1), so it is open read-only"),
                    os_errors.reason(exc)))
                return True

    # ---- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        window, doc = self.window, self.window.doc
        window.flush()
        if doc.read_only:
            self.context.dialogs.error(window, translate("Files", "Opened read-only"),
                                       translate("Files",
                                                 "This file is open read-only. Use Save As to keep your own copy."))
            return False
        if not doc.path:
            return self.save_as()
        return self.write(None)

    def save_as(self) -> bool:
        window, doc = self.window, self.window.doc
        window.flush()
        path = self.context.dialogs.save_path(window, window.suggested_path())
        if not path:
            return False
        if not self.write(path):
            return False
        doc.keep_lock_fresh(self.context.timings.lock_refresh_ms)  # the lock of the file saved as
        return True

    def write(self, path: str | None, *, force: bool = False) -> bool:
        """The session's one save, to `path` (None: the file's own), asking what to do on a conflict."""
        window, doc = self.window, self.window.doc
        window.flush()
        if window.rejected_input:  # saving now would drop what the user typed there
            problems = "; ".join(window.rejected_input.values())
            self.context.dialogs.error(window, translate("Files", "Not saved"),
                                       args(translate("Files", "%1. Correct this, then save again: nothing was "
                                                               "written."), problems))
            return False
        try:
            doc.session.save(path, force=force)
        except FileLocked as exc:  # Save As onto a file someone has open: theirs stays as it is
            self.context.dialogs.error(window, translate("Files", "Not saved"), args(translate(
                "Files", "%1. Nothing was written; save under another name, or ask them to close it first."),
                _holder(exc)))
            return False
        except ConflictError as exc:
            answer = self.context.dialogs.save_conflict(window, str(exc))
            if answer == RELOAD:
                window.reload_from_disk()
                return False
            if answer == SAVE_COPY:
                return self.save_copy()
            if answer == OVERWRITE:
                return self.write(path, force=True)
            return False
        except OSError as exc:
            target = path or doc.path
            self.context.dialogs.error(window, translate("Files", "Cannot save the incident"),
                                       f"{target}: {os_errors.reason(exc)}")
            return False
        window.saved()
        return True

    def save_copy(self) -> bool:
        """Our version goes to a new file beside the shared one; this window then edits the copy."""
        window, doc = self.window, self.window.doc
        try:
            copy, _ = doc.session.save_copy()
        except OSError as exc:
            self.context.dialogs.error(window, translate("Files", "Cannot save a copy"),
                                       f"{doc.path}: {os_errors.reason(exc)}")
            return False
        doc.release_lock()
        self.lock(doc, ask=False)
        window.saved()
        self.context.dialogs.info(window, translate("Files", "Saved as a copy"),
                                  args(translate("Files", "Your version was saved as %1, beside the shared file. This "
                                                 "window now edits the copy; the shared file keeps the other "
                                                 "changes."), Path(copy).name))
        return True


def _holder(exc: FileLocked) -> str:
    """'payments.outage is locked by Petr on host pc-17 since Mon 30 Nov, 11:00 CET' (no advice:
    the question that shows it says what to do)."""
    what = exc.holder.describe(moment_text) if exc.holder else translate("Files",
                                                                         "locked (the lock file cannot be read)")
    return args(translate("Files", "%1 is %2"), exc.path.name, what)
