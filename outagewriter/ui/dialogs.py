"""Every question the window asks the user, in one replaceable object.

The window never builds a QMessageBox itself: it asks `context.dialogs`. Tests pass a subclass
that answers from a script; production code does not know about it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.fileformat import SUFFIX

FILE_FILTER = f"Incident files (*{SUFFIX});;All files (*)"

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RELOAD, OVERWRITE, KEEP = "reload", "overwrite", "keep"


class Dialogs:
    def unsaved_changes(self, parent: QWidget, name: str) -> str:
        """SAVE, DISCARD or CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{name}” before closing?")
        box.setInformativeText("If you don’t save, your changes since the last save are lost.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL
        )

    def changed_on_disk_before_save(self, parent: QWidget, path: str) -> str:
        """The file changed since it was opened and the user saves: OVERWRITE, RELOAD or CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("File changed on disk")
        box.setText("Someone else changed this incident file since you opened it.")
        box.setInformativeText(
            f"{path}\n\nOverwrite replaces their changes with yours. Reload shows theirs and drops yours."
        )
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        reload_ = box.addButton("Reload", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return OVERWRITE if clicked is overwrite else RELOAD if clicked is reload_ else CANCEL

    def choose_recovery(self, parent: QWidget, copies: list) -> tuple[list, list]:
        """(copies to restore, copies to discard); copies not in either are kept for next time."""
        from .recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(copies, parent)
        dialog.exec()
        return dialog.to_restore, dialog.to_discard

    def open_path(self, parent: QWidget, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, "Open incident", folder, FILE_FILTER)
        return path or None

    def save_path(self, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, "Save incident", suggested, FILE_FILTER)
        if path and not path.endswith(SUFFIX) and "." not in path.rsplit("/", 1)[-1]:
            path += SUFFIX
        return path or None

    def new_incident(self, parent: QWidget) -> tuple[str, str, str] | None:
        """(title, service, kind) or None."""
        from .new_incident_dialog import NewIncidentDialog

        dialog = NewIncidentDialog(parent)
        return dialog.values() if dialog.exec() else None

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)
