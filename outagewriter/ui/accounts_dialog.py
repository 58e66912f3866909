"""Settings → Mail accounts: list, add, edit and remove the accounts notices are sent through.

The dialog only shows and collects values: `Account` validates them, `AccountStore` writes them,
`Secrets` keeps the password, `transport.test_connection` tries them (on the task runner's network
lane, never on the GUI thread). Every question it asks goes through `context.dialogs`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.mail import transport
from ..core.mail.accounts import (
    DEFAULT_BATCH_SIZE,
    MAX_BATCH_SIZE,
    PRESETS,
    Account,
    AccountError,
    unencrypted_sign_in,
)
from ..core.mail.errors import MailError
from ..core.i18n import _
from ..core.mail.secrets import NO_KEYRING_ADVICE, SecretsError
from .answers import CANCEL, SAVE
from .highlight import quiet
from .tasks import TaskRunner
from .theme import tint
from .tr_args import args

SECURITY_LABELS = (
    ("starttls", QT_TRANSLATE_NOOP("AccountsDialog", "STARTTLS (encrypted, usually port 587)")),
    ("tls", QT_TRANSLATE_NOOP("AccountsDialog", "Implicit TLS (encrypted, usually port 465)")),
    ("none", QT_TRANSLATE_NOOP("AccountsDialog", "None — not encrypted")),
)


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class AccountsDialog(QDialog):
    def __init__(self, context, parent=None):  # the window's AppContext
        super().__init__(parent)
        self.context = context
        self.setObjectName("accounts_dialog")
        self.setWindowTitle(self.tr("Mail accounts"))
        self.setMinimumSize(860, 600)
        self._editing: str | None = None  # name of the account shown, None for a new one
        self._testing = False
        self._shown: tuple = ()  # the fields as last shown or saved: anything else is unsaved
        self.saved_any = False  # an account was saved while the dialog was open
        self._build()
        self.reload()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 12)
        top = QHBoxLayout()
        top.setSpacing(16)
        outer.addLayout(top, 1)

        left = QVBoxLayout()
        self.list = _named(QListWidget(self), "accounts_list", self.tr("Mail accounts"))
        self.list.setMinimumWidth(200)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._row_changed)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = _named(QPushButton(self.tr("&Add"), self), "account_add", self.tr("Add an account"))
        self.add_button.clicked.connect(lambda: self.may_leave() and self.new_account())
        self.remove_button = _named(QPushButton(self.tr("&Remove"), self), "account_remove",
                                    self.tr("Remove the account"))
        self.remove_button.clicked.connect(self.remove_account)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        top.addLayout(left)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(7)
        top.addLayout(form, 1)

        self.preset = _named(QComboBox(self), "account_preset", self.tr("Provider preset"))
        self.preset.addItem(self.tr("Choose a provider to fill in the server…"), "")
        for key, preset in PRESETS.items():
            self.preset.addItem(preset.label, key)
        self.preset.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.preset.activated.connect(self._preset_chosen)
        self.preset_note = _named(QLabel(self), "account_preset_note", self.tr("Provider note"))
        self.preset_note.setWordWrap(True)
        quiet(self.preset_note)
        self.name = _named(QLineEdit(self), "account_name", self.tr("Account name"))
        self.name.setPlaceholderText(self.tr("e.g. work"))
        self.sender_name = _named(QLineEdit(self), "account_sender_name", self.tr("Sender name"))
        self.sender_name.setPlaceholderText(self.tr("e.g. Acme Operations"))
        self.sender_address = _named(QLineEdit(self), "account_sender_address", self.tr("Sender address"))
        self.sender_address.setPlaceholderText("ops@example.com")
        self.reply_to = _named(QLineEdit(self), "account_reply_to", self.tr("Reply-to address"))
        self.reply_to.setPlaceholderText(self.tr("Optional"))
        self.host = _named(QLineEdit(self), "account_host", self.tr("Server host"))
        self.host.setPlaceholderText("smtp.example.com")
        self.port = _named(QSpinBox(self), "account_port", self.tr("Server port"))
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        server = QWidget(self)
        server_row = QHBoxLayout(server)
        server_row.setContentsMargins(0, 0, 0, 0)
        server_row.addWidget(self.host, 1)
        server_row.addWidget(QLabel(self.tr("Port"), self))
        server_row.addWidget(self.port)
        self.security = _named(QComboBox(self), "account_security", self.tr("Connection security"))
        for key, label in SECURITY_LABELS:
            self.security.addItem(self.tr(label), key)
        self.security.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.allow_plaintext = _named(QCheckBox(self.tr("Allow sending the password unencrypted"), self),
                                      "account_allow_plaintext", self.tr("Allow sending the password unencrypted"))
        self.allow_plaintext.setToolTip(self.tr("Only for a relay on a network you trust: anyone on the way can "
                                                "read it."))
        self.username = _named(QLineEdit(self), "account_username", self.tr("User name"))
        self.username.setPlaceholderText(self.tr("Usually the full address; empty if the server needs no sign-in"))
        self.password = _named(QLineEdit(self), "account_password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = _named(QLabel(self), "account_password_note", self.tr("About the password"))
        self.password_note.setWordWrap(True)
        quiet(self.password_note)
        self.cafile = _named(QLineEdit(self), "account_cafile", self.tr("Trusted certificate file"))
        self.cafile.setPlaceholderText(self.tr("Optional: PEM file of a self-hosted relay"))
        browse = _named(QPushButton(self.tr("Browse…"), self), "account_cafile_browse",
                        self.tr("Choose a certificate file"))
        browse.clicked.connect(self._browse_cafile)
        ca = QWidget(self)
        ca_row = QHBoxLayout(ca)
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.cafile, 1)
        ca_row.addWidget(browse)
        self.batch_size = _named(QSpinBox(self), "account_batch_size", self.tr("Recipients per batch"))
        self.batch_size.setRange(1, MAX_BATCH_SIZE)
        self.batch_size.setValue(DEFAULT_BATCH_SIZE)

        form.addRow(self.tr("&Provider"), _stack(self, self.preset, self.preset_note))
        form.addRow(self.tr("Account &name"), self.name)
        form.addRow(self.tr("Sender na&me"), self.sender_name)
        form.addRow(self.tr("Sender &address"), self.sender_address)
        form.addRow(self.tr("Re&ply-to"), self.reply_to)
        form.addRow(self.tr("Ser&ver"), server)
        form.addRow(self.tr("&Security"), self.security)
        form.addRow("", self.allow_plaintext)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("Pass&word"), _stack(self, self.password, self.password_note))
        form.addRow(self.tr("&Trusted certificate"), ca)
        form.addRow(self.tr("&Batch size"), self.batch_size)
        self.error = _named(QLabel(self), "account_error", self.tr("Problem with the account"))
        self.error.setWordWrap(True)
        tint(self.error, "error")
        form.addRow("", self.error)
        self.form = form
        self.error.hide()
        form.setRowVisible(self.error, False)

        test_row = QHBoxLayout()
        self.test_button = _named(QPushButton(self.tr("&Test connection"), self), "account_test",
                                  self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = _named(QLabel(self), "account_test_result", self.tr("Connection test result"))
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", _wrap(self, test_row))

        buttons = QDialogButtonBox(self)
        self.save_button = _named(buttons.addButton(self.tr("Sa&ve account"), QDialogButtonBox.ButtonRole.ApplyRole),
                                  "account_save", self.tr("Save the account"))
        self.save_button.clicked.connect(self.save_account)
        close = _named(buttons.addButton(QDialogButtonBox.StandardButton.Close), "accounts_close", self.tr("Close"))
        close.clicked.connect(self.reject)  # closing asks first when there are unsaved changes
        outer.addWidget(buttons)
        # Enter means "save this account": no other button may catch it (after Test connection it
        # closed the dialog, on an empty form it opened the certificate picker).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self._security_changed()

    # ---- the list ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        problem = ""
        try:
            # The usable accounts are listed even when another entry is broken; that one is named below.
            accounts, broken = self.context.accounts.readable()
            problem = "\n".join(broken.values())
        except AccountError as exc:
            accounts, problem = [], str(exc)
        self.list.blockSignals(True)
        self.list.clear()
        for account in accounts:
            self.list.addItem(f"{account.name}\n{account.sender_address}")
        self._names = [a.name for a in accounts]
        self._accounts = {a.name: a for a in accounts}
        row = self._names.index(select) if select in self._names else 0 if accounts else -1
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        # Shown directly: what the fields held is saved or given up by now, so nothing to ask.
        if row >= 0:
            self.show_account(accounts[row])
        else:
            self.new_account()
        if problem:  # after the form is filled, which clears the line
            self._show_error(problem)
        self.remove_button.setEnabled(bool(accounts))

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._names):
            return
        if not self.may_leave():  # stay on the account being edited, selected in the list
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._names.index(self._editing) if self._editing in self._names else -1)
            self.list.blockSignals(False)
            return
        self.show_account(self._accounts[self._names[row]])

    def show_account(self, account: Account) -> None:
        self._editing = account.name
        self.preset.setCurrentIndex(max(0, self.preset.findData(account.preset)))
        self.preset_note.setText(account.preset_note)
        self.preset_note.setVisible(bool(account.preset_note))
        self.name.setText(account.name)
        self.sender_name.setText(account.sender_name)
        self.sender_address.setText(account.sender_address)
        self.reply_to.setText(account.reply_to)
        self.host.setText(account.host)
        self.port.setValue(account.port)
        self.security.setCurrentIndex(self.security.findData(account.security))
        self.allow_plaintext.setChecked(account.allow_plaintext_auth)
        self.username.setText(account.username)
        self.password.clear()
        self.cafile.setText(account.cafile)
        self.batch_size.setValue(account.batch_size)
        self._show_error("")
        self.test_result.clear()
        self._describe_password()
        self._security_changed()
        self._shown = self._values()

    def new_account(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._editing = None
        for edit in (self.name, self.sender_name, self.sender_address, self.reply_to, self.host, self.username,
                     self.password, self.cafile):
            edit.clear()
        self.preset.setCurrentIndex(0)
        self.preset_note.hide()
        self.port.setValue(587)
        self.security.setCurrentIndex(0)
        self.allow_plaintext.setChecked(False)
        self.batch_size.setValue(DEFAULT_BATCH_SIZE)
        self._show_error("")
        self.test_result.clear()
        self._describe_password()
        self._shown = self._values()
        self.name.setFocus()

    # ---- values --------------------------------------------------------------------------

    def _preset_chosen(self, _index: int) -> None:
        key = self.preset.currentData()
        preset = PRESETS.get(key)
        if preset is None:
            self.preset_note.hide()
            return
        if preset.host:
            self.host.setText(preset.host)
        self.port.setValue(preset.port)
        self.security.setCurrentIndex(self.security.findData(preset.security))
        self.batch_size.setValue(preset.batch_size)
        self.preset_note.setText(_(preset.note))
        self.preset_note.show()

    def _security_changed(self, *_args) -> None:
        plain = self.security.currentData() == "none"
        self.allow_plaintext.setEnabled(plain)
        self.form.setRowVisible(self.allow_plaintext, plain)
        if not plain:
            self.allow_plaintext.setChecked(False)

    def account(self) -> Account:
        """The account the fields describe; raises AccountError in plain words."""
        username = self.username.text().strip()
        return Account(
            name=self.name.text().strip(),
            sender_address=self.sender_address.text().strip(),
            sender_name=self.sender_name.text().strip(),
            reply_to=self.reply_to.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            security=self.security.currentData(),
            allow_plaintext_auth=self.allow_plaintext.isChecked() and self.security.currentData() == "none",
            username=username,
            cafile=self.cafile.text().strip(),
            batch_size=self.batch_size.value(),
            preset=self.preset.currentData() or "",
        )

    def _values(self) -> tuple:
        return (tuple(edit.text() for edit in self.findChildren(QLineEdit))
                + tuple(box.currentIndex() for box in (self.preset, self.security))
                + (self.port.value(), self.batch_size.value(), self.allow_plaintext.isChecked()))

    def has_unsaved_changes(self) -> bool:
        return self._values() != self._shown

    def may_leave(self) -> bool:
        """Before the fields show something else: ask about unsaved changes; False means stay."""
        if not self.has_unsaved_changes():
            return True
        name = self.name.text().strip() or self._editing or self.tr("the new account")
        answer = self.context.dialogs.unsaved_changes(self, name)
        return not (answer == CANCEL or answer == SAVE and not self.save_account())

    def reject(self) -> None:  # Esc, the Close button and the window's close button all come here
        if self.may_leave():
            super().reject()

    def _describe_password(self) -> None:
        secrets = self.context.secrets
        if not secrets.available():
            self.password_note.setText(args(self.tr("%1 A password typed here is used for Test connection only."),
                                            _(NO_KEYRING_ADVICE)))
            self.password.setPlaceholderText(self.tr("Not saved: no system keyring"))
            return
        stored = False
        if self._editing:
            try:
                stored = secrets.get(self._editing) is not None
            except SecretsError:
                stored = False
        self.password.setPlaceholderText(self.tr("Saved in the keyring") if stored else "")
        self.password_note.setText(args(
            self.tr("Saved in the system keyring (%1). Type a new one to replace it.") if stored else
            self.tr("Saved only in the system keyring (%1), never in a file."), secrets.describe()))

    def _browse_cafile(self) -> None:
        path = self.context.dialogs.certificate_path(self, self.cafile.text())
        if path:
            self.cafile.setText(path)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.form.setRowVisible(self.error, bool(text))

    # ---- actions -------------------------------------------------------------------------

    def save_account(self) -> bool:
        try:
            account = self.account()
        except AccountError as exc:
            self._show_error(args(self.tr("Not saved: %1."), exc))
            return False
        store, secrets = self.context.accounts, self.context.secrets
        old = self._editing
        password = self.password.text()
        warning = unencrypted_sign_in(account, has_password=bool(password))
        if warning and not self.context.dialogs.confirm(self, self.tr("Sign-in without encryption"), warning,
                                                        self.tr("Save anyway")):
            self._show_error(args(self.tr("Not saved: %1"), warning))
            return False
        try:
            if account.name != old and account.name in store.names():
                self._show_error(args(self.tr("Not saved: there is already an account named '%1'."), account.name))
                return False
            store.save(account)
            if old and old != account.name:
                store.remove(old)
        except (AccountError, OSError) as exc:
            self._show_error(args(self.tr("Not saved: %1"), exc))
            return False
        notes = []
        self.saved_any = True
        if secrets.available():
            try:
                if old and old != account.name and not password:
                    password = secrets.get(old) or ""
                if password:
                    secrets.set(account.name, password)
                if old and old != account.name:
                    secrets.delete(old)
            except SecretsError as exc:
                notes.append(str(exc))
        elif password:
            notes.append(self.tr("The password was not saved: no system keyring is available."))
        self.password.clear()
        self.reload(select=account.name)
        self._show_error(" ".join(notes))
        self.test_result.setText(args(self.tr("Saved account %1."), account.name))
        return True

    def remove_account(self) -> None:
        name = self._editing
        if not name:
            return
        if not self.context.dialogs.confirm(
                self, self.tr("Remove account"), args(self.tr("Remove the account “%1” and its saved password?"), name),
                self.tr("Remove")):
            return
        try:
            self.context.accounts.remove(name)
            self.context.secrets.delete(name)
        except (AccountError, SecretsError, OSError) as exc:
            self._show_error(str(exc))
            return
        self.reload()

    def test_connection(self) -> None:
        if self._testing:
            return
        try:
            account = self.account()
        except AccountError as exc:
            self._show_error(args(self.tr("Cannot test: %1."), exc))
            return
        self._show_error("")
        typed = self.password.text()
        secrets, stored_name = self.context.secrets, self._editing

        def job():
            password = typed or None
            if password is None and account.username and stored_name and secrets.available():
                password = secrets.get(stored_name)
            return transport.test_connection(account, password)

        self._testing = True
        self.test_button.setEnabled(False)
        tint(self.test_result, None)
        self.test_result.setText(args(self.tr("Connecting to %1…"), account.where))
        self.context.tasks.run(job, self._tested, lane=TaskRunner.NETWORK)

    def _tested(self, info, error) -> None:
        self._testing = False
        try:
            self.test_button.setEnabled(True)
        except RuntimeError:  # the dialog is gone
            return
        if error is None:
            tint(self.test_result, None)
            self.test_result.setText("✓ " + info.describe())
        else:
            text = str(error) if isinstance(error, (MailError, SecretsError)) else \
                args(self.tr("The test failed: %1"), error)
            tint(self.test_result, "error")
            self.test_result.setText(text)


def _stack(parent: QWidget, field: QWidget, note: QLabel) -> QWidget:
    """A field with its explanation right under it (a wrapped label in its own form row gets odd gaps)."""
    holder = QWidget(parent)
    holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(4)
    box.addWidget(field)
    box.addWidget(note)
    return holder


def _wrap(parent: QWidget, layout) -> QWidget:
    holder = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
