"""The small questions of a review: who approves (and a comment), what should change (and where),
and whom to email the review request to."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..core.mail.review_request import reviewer_address_problem
from .highlight import quiet
from .theme import tint
from .tr_args import args


class _Form(QDialog):
    def __init__(self, title: str, intro: str, ok: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(500)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 12)
        outer.setSpacing(10)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        quiet(label)
        outer.addWidget(label)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("review_dialog_ok")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def _line(self, name: str, label: str, value: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label.replace("&", ""))
        edit.setPlaceholderText(placeholder)
        self.form.addRow(label, edit)
        return edit

    def _text(self, name: str, label: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label.replace("&", ""))
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(90)
        self.form.addRow(label, edit)
        return edit


class ApproveDialog(_Form):
    def __init__(self, reviewer: str, what: str, parent=None):
        super().__init__(self.tr("Approve"), args(self.tr(
            "%1: you approve exactly the text and the recipients shown now. Any later change voids the approval."),
            what), self.tr("Approve"), parent)
        self.reviewer = self._line("approve_reviewer", self.tr("&Reviewer"), reviewer)
        self.comment = self._text("approve_comment", self.tr("&Comment"), self.tr("Optional, e.g. Clear and calm."))

    def values(self) -> tuple[str, str]:
        return self.reviewer.text().strip(), self.comment.toPlainText().strip()


class ChangesDialog(_Form):
    def __init__(self, reviewer: str, fields: list[tuple[str, str]], parent=None):
        super().__init__(self.tr("Request changes"), self.tr("Say what should change. The author sees your comment "
                                                             "beside the field it is about."),
                         self.tr("Send back"), parent)
        self.reviewer = self._line("changes_reviewer", self.tr("&Reviewer"), reviewer)
        self.field = QComboBox(self)
        self.field.setObjectName("changes_field")
        self.field.setAccessibleName(self.tr("Field the comment is about"))
        self.field.addItem(self.tr("The whole notice"), None)
        for name, label in fields:
            self.field.addItem(label, name)
        self.form.addRow(self.tr("&About"), self.field)
        self.comment = self._text("changes_comment", self.tr("&Comment"), self.tr("e.g. Name the affected countries."))

    def values(self) -> tuple[str, str, str | None]:
        return self.reviewer.text().strip(), self.comment.toPlainText().strip(), self.field.currentData()


class ReviewEmailDialog(_Form):
    def __init__(self, accounts: list, parent=None):
        super().__init__(self.tr("Request review by email"), self.tr(
            "The reviewer gets the notice as recipients will see it and the incident file attached, to open in "
            "OutageWriter. The notice is marked “in review” once the mail server has accepted the request."),
            self.tr("Send request"), parent)
        self.setObjectName("review_email_dialog")
        self.setMinimumWidth(560)  # room for the title and the intro without cutting either
        self.reviewer = self._line("review_email_address", self.tr("&Reviewer’s address"),
                                   placeholder="petr@example.com")
        self.problem = QLabel(self)
        self.problem.setObjectName("review_email_problem")
        self.problem.setAccessibleName(self.tr("Problem with the address"))
        self.problem.setWordWrap(True)
        tint(self.problem, "error")
        self.form.addRow("", self.problem)
        self.account = QComboBox(self)
        self.account.setObjectName("review_email_account")
        self.account.setAccessibleName(self.tr("Send through account"))
        for account in accounts:
            self.account.addItem(f"{account.name} — {account.sender_address}", account.name)
        self.form.addRow(self.tr("Send &through"), self.account)
        self.reviewer.textChanged.connect(self._check_address)
        self._check_address()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.reviewer.setFocus()  # the one thing to type: no click needed first

    def _check_address(self, *_args) -> None:
        """Send only to one valid address; say what is wrong once something was typed."""
        text = self.reviewer.text()
        problem = reviewer_address_problem(text)
        self.ok.setEnabled(problem is None)
        self.problem.setText(problem if problem and text.strip() else "")
        self.form.setRowVisible(self.problem, bool(self.problem.text()))
        self.adjustSize()  # the message wraps onto more lines: the dialog grows rather than cut it

    def values(self) -> tuple[str, str]:
        return self.account.currentData(), self.reviewer.text().strip()
