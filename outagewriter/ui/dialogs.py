"""Every question the window asks the user, in one replaceable object.

The window never builds a QMessageBox itself: it asks `context.dialogs`. Tests pass a subclass
that answers from a script; production code does not know about it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..core.i18n import chosen_language
from ..core.session.errors import SUFFIX
from .accounts_dialog import AccountsDialog
from .answers import (  # noqa: F401
    CANCEL,
    DISCARD,
    KEEP,
    OVERWRITE,
    READ_ONLY,
    RELOAD,
    SAVE,
    SAVE_COPY,
    TAKE_OVER,
)
from .tr_args import args

translate = QCoreApplication.translate


def file_filter() -> str:
    return args(translate("Dialogs", "Incident files (*%1);;All files (*)"), SUFFIX)


def export_filter() -> tuple[str, str]:
    """(the filter, the name of its HTML choice): the chosen filter tells the extension."""
    html = translate("Dialogs", "HTML page")
    return args(translate("Dialogs", "Markdown (*.md);;%1 (*.html)"), html), html


class Dialogs:
    def unsaved_changes(self, parent: QWidget, name: str) -> str:
        """SAVE, DISCARD or CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", "Unsaved changes"))
        box.setText(args(translate("Dialogs", "Save the changes to “%1” before closing?"), name))
        box.setInformativeText(translate("Dialogs", "If you don’t save, your changes since the last save are lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: SAVE, QMessageBox.StandardButton.Discard: DISCARD}.get(
            QMessageBox.StandardButton(answer), CANCEL
        )

    def save_conflict(self, parent: QWidget, message: str) -> str:
        """Someone else saved the file since we read it: RELOAD, SAVE_COPY, OVERWRITE or CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", "Someone else saved this file"))
        box.setText(message)  # names the file, when it changed, and that nothing was saved
        box.setInformativeText(translate(
            "Dialogs", "Reload shows their version and drops your changes. Save a copy keeps both: "
            "yours goes to a new file beside it. Overwrite replaces their changes with yours."))
        reload_ = box.addButton(translate("Dialogs", "Reload"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(translate("Dialogs", "Save a copy"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(translate("Dialogs", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        return {reload_: RELOAD, copy: SAVE_COPY, overwrite: OVERWRITE}.get(clicked, CANCEL)

    def file_locked(self, parent: QWidget, message: str, can_take_over: bool) -> str:
        """Someone else has the file open: READ_ONLY, TAKE_OVER (only when stale) or CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("Dialogs", "Incident file in use"))
        box.setText(message)  # who has it and since when; what to do is said once, below
        box.setInformativeText(translate(
            "Dialogs", "Open it read-only to look at it, or take the lock over: the program that held it seems "
            "to have stopped.") if can_take_over else
            translate("Dialogs", "Open it read-only to look at it, or ask them to close it."))
        read_only = box.addButton(translate("Dialogs", "Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        take = box.addButton(translate("Dialogs", "Take over"), QMessageBox.ButtonRole.DestructiveRole) \
            if can_take_over else None
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        return READ_ONLY if clicked is read_only else TAKE_OVER if take is not None and clicked is take else CANCEL

    def choose_recovery(self, parent: QWidget, copies: list) -> tuple[list, list]:
        """(copies to restore, copies to discard); copies not in either are kept for next time."""
        from .recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(copies, parent)
        dialog.exec()
        return dialog.to_restore, dialog.to_discard

    def open_path(self, parent: QWidget, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Open incident"), folder,
                                              file_filter())
        return path or None

    def save_path(self, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Save incident"), suggested,
                                              file_filter())
        if path and not path.endswith(SUFFIX) and "." not in path.rsplit("/", 1)[-1]:
            path += SUFFIX
        return path or None

    def export_path(self, parent: QWidget, suggested: str) -> str | None:
        """Where to export the incident; the extension (.md or .html) chooses the format."""
        filters, html = export_filter()
        path, chosen = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Export incident"), suggested,
                                                   filters)
        if path and "." not in path.rsplit("/", 1)[-1]:
            path += ".html" if chosen.startswith(html) else ".md"
        return path or None

    def new_incident(self, parent: QWidget) -> dict | None:
        """What `Session.new` takes (title, service, kind, languages), or None."""
        from .new_incident_dialog import NewIncidentDialog

        # A window shown in Japanese most likely writes to Japanese customers: offered first, still a choice.
        dialog = NewIncidentDialog(parent, chosen_language(parent.context.settings.ui_language))
        return dialog.values() if dialog.exec() else None

    def choose_starter(self, parent: QWidget, starters: list, kind: str, problems=()) -> str | None:
        """The name of the starting text picked for a notice of `kind`, or None."""
        from .starter_dialog import StarterDialog

        dialog = StarterDialog(starters, kind, problems, parent)
        return dialog.chosen() if dialog.exec() else None

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    # ---- mail ------------------------------------------------------------------------------

    def accounts(self, parent: QWidget, context) -> bool:
        """Settings → Mail accounts; True when an account was saved there."""
        dialog = AccountsDialog(context, parent)
        dialog.exec()
        return dialog.saved_any

    def settings(self, parent: QWidget, context, page: str) -> bool:
        """The Settings window on `page`; True when settings were saved (OK)."""
        from .settings_dialog import SettingsDialog

        return SettingsDialog(context, parent, page).exec() == QDialog.DialogCode.Accepted

    def no_account(self, parent: QWidget, text: str) -> bool:
        """There is no account to send through: True when the user chose to add one now."""
        box = QMessageBox(QMessageBox.Icon.Information, translate("Dialogs", "No mail account yet"), text,
                          QMessageBox.StandardButton.Cancel, parent)
        add = box.addButton(translate("Dialogs", "Open Mail accounts…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(add)
        box.exec()
        return box.clickedButton() is add

    def certificate_path(self, parent: QWidget, current: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("Dialogs", "Trusted certificate"), current,
            translate("Dialogs", "Certificates (*.pem *.crt *.cer);;All files (*)"))
        return path or None

    def password(self, parent: QWidget, account) -> str | None:
        """The account's password for this send only (the keyring has none); None = cancel."""
        text, ok = QInputDialog.getText(
            parent, translate("Dialogs", "Password"),
            args(translate("Dialogs", "Password for %1 at %2 (not saved):"), account.username, account.host),
            QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def send(self, parent: QWidget, accounts: list, plan_text: str, test: bool,
             chats: tuple[str, ...] = ()) -> tuple[str, bool] | None:
        """(account to send through, whether to post to `chats` too), after showing who gets it and the
        chat destinations ("Status channel (Slack)") it is also posted to; None = cancel."""
        from .send_dialog import SendDialog

        dialog = SendDialog(accounts, plan_text, test, chats, parent)
        return dialog.chosen() if dialog.exec() else None

    # ---- review ----------------------------------------------------------------------------

    def request_review(self, parent: QWidget) -> str | None:
        """The reviewer to name ("" for anyone), or None to cancel."""
        text, ok = QInputDialog.getText(parent, translate("Dialogs", "Request review"),
                                        translate("Dialogs", "Reviewer (optional):"))
        return text.strip() if ok else None

    def approve(self, parent: QWidget, reviewer: str, summary: str) -> tuple[str, str] | None:
        """(reviewer, comment) or None."""
        from .review_dialogs import ApproveDialog

        dialog = ApproveDialog(reviewer, summary, parent)
        return dialog.values() if dialog.exec() else None

    def request_changes(self, parent: QWidget, reviewer: str, fields: list[tuple[str, str]]):
        """(reviewer, comment, field or None) or None."""
        from .review_dialogs import ChangesDialog

        dialog = ChangesDialog(reviewer, fields, parent)
        return dialog.values() if dialog.exec() else None

    def review_by_email(self, parent: QWidget, accounts: list) -> tuple[str, str] | None:
        """(account name, reviewer's address) or None."""
        from .review_dialogs import ReviewEmailDialog

        dialog = ReviewEmailDialog(accounts, parent)
        return dialog.values() if dialog.exec() else None
