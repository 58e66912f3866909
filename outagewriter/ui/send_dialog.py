"""The last look before sending: which account, who gets the notice (the core's plan), and the chat
destinations its short version is also posted to, with a box to skip them this once."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from .highlight import quiet
from .tr_args import args


class SendDialog(QDialog):
    def __init__(self, accounts: list, plan_text: str, test: bool, chats: tuple[str, ...] = (), parent=None):
        super().__init__(parent)
        self.setObjectName("send_dialog")
        self.setWindowTitle(self.tr("Send a test to myself") if test else self.tr("Send the notice"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(12)
        self.plan = QLabel(plan_text, self)
        self.plan.setObjectName("send_plan")
        self.plan.setAccessibleName(self.tr("Who gets it"))
        self.plan.setWordWrap(True)
        self.plan.setStyleSheet("QLabel { font-size: 11pt; }")
        layout.addWidget(self.plan)
        form = QFormLayout()
        self.account = QComboBox(self)
        self.account.setObjectName("send_account")
        self.account.setAccessibleName(self.tr("Send through account"))
        for account in accounts:
            self.account.addItem(args(self.tr("%1 — %2 via %3"), account.name, account.sender_address, account.host),
                                 account.name)
        form.addRow(self.tr("Send &through"), self.account)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setObjectName("send_account_note")
        self.note.setWordWrap(True)
        quiet(self.note)
        layout.addWidget(self.note)
        self.chats = QLabel(args(self.tr("Also posts to: %1"), self.tr(", ").join(chats)), self)
        self.chats.setObjectName("send_chats")
        self.chats.setAccessibleName(self.tr("Chat destinations it is also posted to"))
        self.chats.setWordWrap(True)
        self.post_chats = QCheckBox(self.tr("Also &post to chat"), self)
        self.post_chats.setObjectName("send_post_chats")
        self.post_chats.setAccessibleName(self.tr("Also post the short version to chat"))
        self.post_chats.setChecked(True)
        self._chats = bool(chats)
        for widget in (self.chats, self.post_chats):
            widget.setVisible(self._chats)
            layout.addWidget(widget)
        self._accounts = {a.name: a for a in accounts}
        self.account.currentIndexChanged.connect(self._describe)
        self._test = test
        self._describe()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        send = buttons.addButton(self.tr("Send test") if test else self.tr("Send now"),
                                 QDialogButtonBox.ButtonRole.AcceptRole)
        send.setObjectName("send_confirm")
        send.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _describe(self, *_args) -> None:
        account = self._accounts.get(self.account.currentData())
        if account is None:
            return
        sender = f"{account.sender_name + ' ' if account.sender_name else ''}<{account.sender_address}>"
        self.note.setText(args(self.tr("From %1; the test goes only to %2.") if self._test else self.tr("From %1."),
                               sender, account.sender_address))

    def account_name(self) -> str | None:
        return self.account.currentData()

    def chosen(self) -> tuple[str, bool]:
        """(account name, whether to post to the chat destinations shown)."""
        return self.account.currentData(), self._chats and self.post_chats.isChecked()
