"""Review steps from the window: request a review (also by email), approve, request changes.

Each step is the core's (`core.review`), applied to the open incident and saved at once with the
checked save, so a reviewer's decision reaches the shared file. A reviewer who opened the file
read-only (the author has it open) may still approve or send it back: the save refuses to
overwrite anything saved meanwhile and asks what to do.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.incident.fields import FIELD_NAMES, SPECS
from ..core.review import audit
from ..core.review import workflow as review
from ..core.session.errors import FieldError, NoticeLocked, ReviewError
from .sending import accounts_to_send_through, password_for
from .tasks import TaskRunner
from .tr_args import args

translate = QCoreApplication.translate


class ReviewFlow:
    def __init__(self, window, panel):
        self.window = window
        self.context = window.context
        self.panel = panel
        self.emailing = False
        self._rendered = None

    # ---- showing -------------------------------------------------------------------------

    def on_rendered(self, rendered) -> None:
        """The live preview rendered the notice: keep the panel current while it is on screen."""
        self._rendered = rendered
        if self.panel.isVisible():
            self.refresh(rendered)

    def refresh(self, rendered=None) -> None:
        window = self.window
        if window.doc is None:
            return
        incident, notice = window.incident, window.notice
        if not self.panel.isVisible() and rendered is None:
            return
        session = window.doc.session
        rendered = rendered or session.render(notice)
        since = session.changes_since_previous(notice, rendered)
        self.panel.show_review(
            state=review.display_state(incident, notice, rendered),
            status=review.approval_status(incident, notice, rendered),
            comments=review.change_requests(notice),
            since_previous=since,
            timeline=audit.timeline(incident, notice),
            findings=len(window.current_findings()),
            approval_required=self.context.settings.approval_required,
        )

    # ---- steps ---------------------------------------------------------------------------

    def _step(self, title: str, step) -> bool:
        """Run one review step of the session on the notice shown, then save it at once (a reviewer's
        decision must reach the shared file)."""
        window = self.window
        window.flush()
        try:
            changes = step(window.doc.session, window.notice)
        except (ReviewError, NoticeLocked) as exc:
            self.context.dialogs.error(window, title, str(exc)[:1].upper() + str(exc)[1:])
            return False
        saved = window.files.write(None) if window.doc.path else window.files.save_as()
        if saved and changes.message:
            window.statusBar().showMessage(changes.message, 6000)
        return saved

    def request_review(self) -> None:
        reviewer = self.context.dialogs.request_review(self.window)
        if reviewer is None:
            return
        self._step(translate("ReviewFlow", "Cannot request a review"), lambda session, notice: session.request_review(notice, reviewer))

    def approve(self) -> None:
        settings = self.context.settings
        try:  # before the approval is filled in: the author may not approve their own notice
            review.check_may_approve(self.window.notice, settings)
        except ReviewError as exc:
            self.context.dialogs.error(self.window, translate("ReviewFlow", "Cannot approve"),
                                       str(exc)[:1].upper() + str(exc)[1:])
            return
        answer = self.context.dialogs.approve(self.window, settings.identity(), self.window.notice_title())
        if answer is None:
            return
        reviewer, comment = answer
        self._step(translate("ReviewFlow", "Cannot approve"), lambda session, notice: session.approve(notice, reviewer, comment))

    def request_changes(self) -> None:
        fields = [(name, SPECS[name].label) for name in FIELD_NAMES]
        answer = self.context.dialogs.request_changes(self.window, self.context.settings.identity(), fields)
        if answer is None:
            return
        reviewer, comment, field = answer
        self._step(translate("ReviewFlow", "Cannot request changes"), lambda session, notice: session.request_changes(
            notice, reviewer, comment, field=field))

    def request_review_by_email(self) -> None:
        """Email the notice and the file to a reviewer. The notice is marked "in review" only once
        the mail server accepted the request; the attached file already shows it in review, so the
        reviewer can approve it at once."""
        window, context = self.window, self.context
        if self.emailing:
            return
        accounts = accounts_to_send_through(window, translate("ReviewFlow", "the review request goes out"))
        if accounts is None:
            return
        answer = context.dialogs.review_by_email(window, accounts)
        if answer is None:
            return
        name, address = answer
        account = next((a for a in accounts if a.name == name), None)
        if account is None:
            return
        window.flush()
        notice = window.notice
        if (window.doc.modified or not window.doc.path) and not window.save():
            return  # the attachment is the saved file, under its name
        try:
            request = window.doc.session.review_request(notice, account, address)
        except (ReviewError, NoticeLocked, FieldError) as exc:
            context.dialogs.error(window, translate("ReviewFlow", "Review request not sent"),
                                  str(exc)[:1].upper() + str(exc)[1:])
            return
        password = password_for(window, account)
        if account.username and not password:
            return
        self.emailing = True
        self._pending = request
        window.statusBar().showMessage(args(translate("ReviewFlow", "Sending the review request to %1…"), address))
        context.tasks.run(lambda: request.send(account, password), self._emailed, lane=TaskRunner.NETWORK)

    def _emailed(self, report, error) -> None:
        self.emailing = False
        window, dialogs, request = self.window, self.context.dialogs, self._pending
        address = request.reviewer
        problem = error if error is not None else report.problem
        if problem is not None:
            nothing = args(translate("ReviewFlow", "Nothing went to %1."), address)
            if request.asked_at is not None:
                nothing += translate("ReviewFlow", " The notice is still a draft: it is marked “in review” once a "
                                     "request has gone out.")
            dialogs.error(window, translate("ReviewFlow", "Review request not sent"), f"{nothing}\n\n{problem}")
            window.statusBar().showMessage(args(translate("ReviewFlow", "The review request to %1 was not sent."),
                                                address), 8000)
            return
        try:
            changes = window.doc.session.review_request_sent(request)
        except (ReviewError, NoticeLocked) as exc:
            dialogs.error(window, translate("ReviewFlow", "Cannot request a review"),
                          str(exc)[:1].upper() + str(exc)[1:])
            return
        if changes.review:
            window.files.write(None)
        text = args(translate("ReviewFlow", "The review request went to %1, with the incident file attached."),
                    address)
        dialogs.info(window, translate("ReviewFlow", "Review requested"), text)
        window.statusBar().showMessage(text, 6000)
