"""Sending from the window: choose the account, show the plan, check the approval, ask for the
password when the keyring has none, then run `send_notice` on the network thread with progress
and Cancel. The rules (approval, who gets it, retries) are the core's; this only asks and shows.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ..core.chat.posting import label
from ..core.incident.times import format_stored
from ..core.mail.accounts import AccountError
from ..core.mail.plan import Plan, plan
from ..core.mail.secrets import SecretsError
from ..core.review import textdiff
from ..core.review import workflow as review
from ..core.session.errors import ConflictError, ReviewError, SendError
from .tasks import TaskRunner
from .tr_args import args

translate = QCoreApplication.translate


def describe_plan(number: int, subject: str, what: Plan, approval: str, test: bool) -> str:
    if test:
        return args(translate("Sending", "A [TEST] copy of notice %1 (“%2”) goes only to the sending account’s "
                              "own address. Nobody else gets it, and it is not recorded as sent."), number, subject)
    # English has its singular in the source text (no English .qm is shipped); the count is %n in both, so a
    # language with other plural rules takes its own forms from the translation.
    count = len(what.targets)
    goes = translate("Sending", "Notice %1 (“%2”) goes to %n recipient.", "", count) if count == 1 else \
        translate("Sending", "Notice %1 (“%2”) goes to %n recipients.", "", count)
    lines = [args(goes, number, subject)]
    if what.already:
        lines.append(translate("Sending", "%n got it already and will not get it again.", "", len(what.already)))
    if what.unknown:
        lines.append(translate("Sending", "%n may have it already (the connection broke while it was handed "
                               "over); they are left out.", "", len(what.unknown)))
    lines.append(approval)
    return "\n".join(lines)


def describe_approval(status, settings) -> str:
    if isinstance(status, review.Valid):
        return args(translate("Sending", "Approved by %1 (%2)."), status.approval.reviewer,
                    format_stored(status.approval.time))
    if not settings.approval_required:
        return translate("Sending", "Your settings do not require an approval before sending.")
    return ""


def accounts_to_send_through(window, then: str) -> list | None:
    """The mail accounts; with none yet, offer to open Mail accounts and go on once one is saved.
    `then` says what happens after that ("the notice is sent"), translated. None: nothing to send through."""
    context = window.context
    try:
        accounts, broken = context.accounts.readable()
    except AccountError as exc:
        context.dialogs.error(window, translate("Sending", "Mail accounts"), str(exc))
        return None
    if broken and not accounts:  # one broken entry never hides the others; with none usable, say why
        context.dialogs.error(window, translate("Sending", "Mail accounts"), "\n".join(broken.values()))
        return None
    if accounts:
        return accounts
    if context.dialogs.no_account(window, args(translate(
            "Sending", "There is no mail account to send through yet. Add yours in Mail accounts; once it is "
            "saved, %1."), then)):
        if context.dialogs.accounts(window, context):
            return accounts_to_send_through(window, then)
    return None


def check_with_chat(session, notice):
    """(the send check with its chat posts, ""); when only the chat posts cannot go (a destination has
    no webhook URL), the check without them and why, for the send dialog to say."""
    try:
        return session.check_send(notice), ""
    except SendError as exc:
        try:
            check = session.check_send(notice, chat=False)
        except SendError:
            raise exc from None
        return check, str(exc).removesuffix(" Nothing was sent.")


def not_approved(number: int, status) -> str:
    """The refusal for a notice nobody approved, in the window's words (the core's name commands)."""
    ask = translate("Sending", "Ask a reviewer to approve it (Review tab, Request review), then send it.")
    if status.reason == review.Missing.reason:
        return args(translate("Sending", "Notice %1 has not been approved yet. %2"), number, ask)
    return args(translate("Sending", "Notice %1 has not been approved yet (%2). %3"), number, status.reason, ask)


def password_for(window, account) -> str | None:
    """The keyring's password for the account, else asked for this once (never stored); None if none."""
    if not account.username:
        return None
    context = window.context
    try:
        password = context.secrets.get(account.name) if context.secrets.available() else None
    except SecretsError:
        password = None
    return password or context.dialogs.password(window, account)


class Sending(QObject):
    progress = Signal(int, int)  # accepted or answered so far, of total; emitted on the worker thread
    finished = Signal(object)  # the SendResult, or None

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.running = False
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def start(self, *, test: bool) -> None:
        window, context = self.window, self.context
        dialogs = context.dialogs
        if self.running:
            return
        window.flush()
        doc, notice = window.doc, window.notice
        session, incident = doc.session, doc.incident
        number = session.number(notice)
        if doc.read_only:
            dialogs.error(window, self.tr("Opened read-only"),
                          self.tr("This file is open read-only; it cannot be sent from here."))
            return
        what, rendered, chats, chat_problem = plan(notice), None, (), ""
        if not test:
            try:
                check, chat_problem = check_with_chat(session, notice)  # renders it as it would go out
                what, rendered, chats = check.plan, check.rendered, tuple(label(d) for d in check.posts)
            except review.ApprovalError as exc:
                rendered = session.render(notice)
                reloaded = self._approved_meanwhile(incident, notice, rendered)
                if reloaded is not None:
                    if reloaded:
                        self.start(test=test)  # the window now shows the file with its approval
                    return
                status = review.approval_status(incident, notice, rendered)
                text = not_approved(number, status) if isinstance(status, review.Missing) else \
                    str(exc)[:1].upper() + str(exc)[1:]
                dialogs.error(window, self.tr("Not approved"), text)
                return
            except SendError as exc:
                dialogs.error(window, self.tr("Not sent"), str(exc))
                return
            if (doc.modified or not doc.path) and not window.save():
                return  # the record of who has it goes into the file: it must be saved first
        rendered = rendered or session.render(notice)  # a test copy: no check rendered it
        accounts = accounts_to_send_through(window, self.tr("the sending goes on"))  # only once it may go out
        if accounts is None:
            return
        status = review.approval_status(incident, notice, rendered)
        text = describe_plan(number, rendered.subject, what, describe_approval(status, context.settings), test)
        if chat_problem:
            text += "\n" + args(self.tr("No chat posts this time: %1"), chat_problem)
        chosen = dialogs.send(window, accounts, text, test, chats)
        if chosen is None:
            return
        name, post_chats = chosen
        account = next((a for a in accounts if a.name == name), None)
        if account is None:
            return
        password = password_for(window, account)
        if account.username and not password:
            return
        self._run(notice, account, password, test, len([account] if test else what.targets),
                  chat=post_chats and bool(chats))

    def _approved_meanwhile(self, incident, notice, rendered) -> bool | None:
        """Someone approved the notice in the file after this window read it (another window, the
        command line): offer to reload it. True when the file was reloaded with an approval that
        covers exactly the notice shown here; False when the user was told why not or said no;
        None when the file holds no approval either."""
        window, dialogs, doc = self.window, self.context.dialogs, self.window.doc
        status = doc.session.approval_on_disk(notice, rendered)
        if status is None:
            return None
        who, when = status.approval.reviewer or self.tr("A reviewer"), format_stored(status.approval.time)
        if isinstance(status, review.Void):
            differences = textdiff.format_diff(status.diff) or status.reason
            dialogs.error(window, self.tr("Approved, but another version"), args(self.tr(
                "%1 approved this notice in the file (%2), but not the version you see here. What differs ([-…-] "
                "approved, {+…+} yours):\n%3\n\nAsk %1 to approve it as it is now, or reload the file to see the "
                "approved version."), who, when, differences))
            return False
        lost = self.tr(" Your unsaved changes are replaced by the file's version.") if doc.modified else ""
        if not dialogs.confirm(window, self.tr("Approved meanwhile"), args(self.tr(
                "%1 approved this notice (%2) and saved the approval to the file after you opened it. It covers "
                "exactly the text and recipients you see now. Reload the file to send with this approval?%3"),
                who, when, lost), self.tr("Reload and continue")):
            return False
        window.reload_from_disk()
        return not window.doc.changed_since_read()

    def _run(self, notice, account, password, test: bool, total: int, chat: bool) -> None:
        window, context, session = self.window, self.context, self.window.doc.session
        self.running = True
        self.cancel = threading.Event()
        window.autosave.discard(None)  # nothing pending may serialise the incident while it is sent
        sending_to = self.tr("Sending to %n recipient…", "", total) if total == 1 else \
            self.tr("Sending to %n recipients…", "", total)
        dialog = QProgressDialog(sending_to, self.tr("Cancel"), 0, total, window)
        dialog.setObjectName("send_progress")
        dialog.setAccessibleName(self.tr("Sending progress"))
        dialog.setWindowTitle(self.tr("Sending"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(380)
        dialog.canceled.disconnect()  # Cancel asks the core to stop between batches, it does not hide
        dialog.canceled.connect(self.stop)
        dialog.show()
        self.dialog = dialog
        cancel = self.cancel

        def job():  # this window holds the edit lock: its whole incident is saved after each batch
            return session.send(notice, account, password, test=test, persist_whole=True,
                                on_progress=self.progress.emit, cancel=cancel, chat=chat)

        context.tasks.run(job, self._done, lane=TaskRunner.NETWORK)

    def stop(self) -> None:
        self.cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Stopping after this batch…"))
            self.dialog.setCancelButtonText(self.tr("Stopping…"))

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)

    def _done(self, result, error) -> None:
        window, dialogs = self.window, self.context.dialogs
        self.running = False
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        window.after_send()
        if isinstance(error, ConflictError):
            dialogs.error(window, self.tr("The file changed while sending"), self.tr(
                "Someone else saved the incident file while the notice was being sent. The record of who got it is "
                "kept in this window: save it now so nobody gets it twice."))
            window.doc.set_modified(True)
            window.files.write(None)
        elif isinstance(error, (SendError, ReviewError)):
            dialogs.error(window, self.tr("Not sent"), str(error))
        elif error is not None:
            dialogs.error(window, self.tr("Sending failed"), f"{error}")
        else:
            title = self.tr("Sent") if result.ok else self.tr("Not everyone got it")
            dialogs.info(window, title, result.summary())
            window.statusBar().showMessage(result.summary().splitlines()[0], 8000)
        self.finished.emit(result)
