"""Settings → Mail accounts: list, add, edit, remove, presets, keyring, Test connection off the GUI thread."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
)

from outagewriter.core.mail.accounts import Account
from outagewriter.ui.accounts_dialog import AccountsDialog


class MemorySecrets:
    """A keyring in a dict (the real one is exercised in tests/integration)."""

    def __init__(self, available=True):
        self._available = available
        self.stored: dict[str, str] = {}

    def available(self):
        return self._available

    def describe(self):
        return "memory" if self._available else "none"

    def get(self, name):
        return self.stored.get(name)

    def set(self, name, password):
        self.stored[name] = password

    def delete(self, name):
        return self.stored.pop(name, None) is not None


@pytest.fixture
def window(make_window):
    return make_window()


def open_dialog(qtbot, window, secrets=None):
    if secrets is not None:
        window.context.secrets = secrets
    dialog = AccountsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(dialog, **values):
    for name, value in values.items():
        widget = dialog.findChild(QLineEdit, f"account_{name}")
        widget.setText(value)


def test_every_input_has_an_object_and_accessible_name(qtbot, window):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    inputs = [w for cls in (QLineEdit, QComboBox, QSpinBox, QCheckBox, QPushButton, QListWidget)
              for w in dialog.findChildren(cls) if w.parent() is not None and not w.objectName().startswith("qt_")]
    inputs = [w for w in inputs if not isinstance(w.parent(), (QSpinBox, QComboBox))]  # their inner editors
    assert inputs
    for widget in inputs:
        assert widget.objectName(), widget
        assert widget.accessibleName() or isinstance(widget, QPushButton) and widget.text(), widget.objectName()


def test_add_an_account_from_a_preset_with_its_password_in_the_keyring(qtbot, window):
    secrets = MemorySecrets()
    dialog = open_dialog(qtbot, window, secrets)
    preset = dialog.findChild(QComboBox, "account_preset")
    preset.setCurrentIndex(preset.findData("fastmail"))
    preset.activated.emit(preset.currentIndex())
    assert dialog.host.text() == "smtp.fastmail.com" and dialog.port.value() == 465
    assert dialog.security.currentData() == "tls"
    note = dialog.findChild(QLabel, "account_preset_note")
    assert note.isVisible() and "app password" in note.text()
    fill(dialog, name="work", sender_name="Acme Ops", sender_address="ops@acme.example",
         username="ops@acme.example", password="s3cret")
    qtbot.mouseClick(dialog.findChild(QPushButton, "account_save"), Qt.MouseButton.LeftButton)
    saved = window.context.accounts.get("work")
    assert (saved.host, saved.port, saved.security, saved.preset) == ("smtp.fastmail.com", 465, "tls", "fastmail")
    assert secrets.stored == {"work": "s3cret"}
    assert "s3cret" not in window.context.accounts.path.read_text()
    assert dialog.password.text() == ""
    assert "Saved in the system keyring" in dialog.password_note.text()


def test_bad_values_are_told_in_plain_words_and_nothing_is_saved(qtbot, window):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    fill(dialog, name="work", sender_address="not an address", host="smtp.acme.example")
    assert not dialog.save_account()
    assert dialog.error.isVisible() and "sender address" in dialog.error.text()
    assert window.context.accounts.list() == []


def test_none_needs_an_explicit_choice_and_a_separate_checkbox(qtbot, window):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    assert dialog.security.currentData() == "starttls"
    assert not dialog.allow_plaintext.isVisible()
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    assert dialog.allow_plaintext.isVisible() and not dialog.allow_plaintext.isChecked()
    fill(dialog, name="lan", sender_address="ops@acme.example", host="relay.lan", username="ops")
    assert dialog.save_account()
    assert window.context.accounts.get("lan").allow_plaintext_auth is False
    dialog.allow_plaintext.setChecked(True)
    assert dialog.save_account()
    assert window.context.accounts.get("lan").allow_plaintext_auth is True
    dialog.security.setCurrentIndex(dialog.security.findData("starttls"))
    assert not dialog.allow_plaintext.isChecked()


def test_without_a_keyring_the_dialog_says_so_and_stores_nothing(qtbot, window):
    secrets = MemorySecrets(available=False)
    dialog = open_dialog(qtbot, window, secrets)
    assert "No system keyring" in dialog.password_note.text()
    fill(dialog, name="work", sender_address="ops@acme.example", host="smtp.acme.example", username="ops",
         password="s3cret")
    assert dialog.save_account()
    assert secrets.stored == {}
    assert "not saved" in dialog.error.text()


def test_edit_rename_and_remove(qtbot, window, dialogs):
    secrets = MemorySecrets()
    window.context.accounts.save(Account("work", "ops@acme.example", "smtp.acme.example", username="ops"))
    secrets.stored["work"] = "pw"
    dialog = open_dialog(qtbot, window, secrets)
    assert dialog.list.count() == 1 and dialog.name.text() == "work"
    fill(dialog, name="office", reply_to="help@acme.example")
    assert dialog.save_account()
    assert window.context.accounts.names() == ["office"]
    assert window.context.accounts.get("office").reply_to == "help@acme.example"
    assert secrets.stored == {"office": "pw"}
    dialogs.answers["confirm"] = False
    dialog.remove_account()
    assert window.context.accounts.names() == ["office"]
    dialogs.answers["confirm"] = True
    dialog.remove_account()
    assert window.context.accounts.names() == [] and secrets.stored == {}


def test_test_connection_runs_off_the_gui_thread_and_answers_in_plain_words(qtbot, window):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fill(dialog, name="work", sender_address="ops@acme.example", host="127.0.0.1")
    dialog.port.setValue(port)
    qtbot.mouseClick(dialog.findChild(QPushButton, "account_test"), Qt.MouseButton.LeftButton)
    assert "Connecting to 127.0.0.1" in dialog.test_result.text()  # returned at once: not on the GUI thread
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10000)
    assert "Nothing accepted a connection" in dialog.test_result.text()


def type_account(qtbot, dialog, **values):
    """As a person fills the form: click into each field and type."""
    for name, text in values.items():
        edit = dialog.findChild(QLineEdit, f"account_{name}")
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(edit, text)


def test_enter_after_test_connection_saves_the_account_and_keeps_the_dialog_open(qtbot, window):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    type_account(qtbot, dialog, name="work", sender_address="ops@acme.example", host="127.0.0.1")
    dialog.port.setValue(port)
    qtbot.mouseClick(dialog.findChild(QPushButton, "account_test"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert window.context.accounts.get("work").host == "127.0.0.1"
    assert "Saved account work" in dialog.test_result.text()


def test_enter_on_an_empty_form_means_save_not_the_certificate_picker(qtbot, window, dialogs):
    dialog = open_dialog(qtbot, window, MemorySecrets())
    assert dialog.save_button.isDefault()
    assert [b.objectName() for b in dialog.findChildren(QPushButton) if b.autoDefault()] == []
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert "certificate_path" not in dialogs.asked
    assert dialog.isVisible() and "Not saved: account name is required" in dialog.error.text()


def test_closing_with_unsaved_changes_asks_first(qtbot, window, dialogs):
    from outagewriter.ui.dialogs import CANCEL, DISCARD, SAVE

    dialog = open_dialog(qtbot, window, MemorySecrets())
    type_account(qtbot, dialog, name="work", sender_address="ops@acme.example", host="smtp.acme.example")
    dialogs.answers["unsaved_changes"] = CANCEL
    qtbot.keyClick(dialog.host, Qt.Key.Key_Escape)
    assert dialogs.asked == ["unsaved_changes"] and dialog.isVisible()
    dialog.close()  # the window's close button
    assert dialogs.asked == ["unsaved_changes"] * 2 and dialog.isVisible()
    qtbot.mouseClick(dialog.findChild(QPushButton, "accounts_close"), Qt.MouseButton.LeftButton)
    assert dialogs.asked == ["unsaved_changes"] * 3 and dialog.isVisible()
    assert dialog.name.text() == "work"  # nothing lost

    dialogs.answers["unsaved_changes"] = SAVE
    qtbot.keyClick(dialog.host, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.context.accounts.get("work").sender_address == "ops@acme.example"

    dialogs.asked.clear()
    again = open_dialog(qtbot, window, MemorySecrets())
    qtbot.keyClick(again.host, Qt.Key.Key_Escape)  # nothing changed: no question
    assert dialogs.asked == [] and not again.isVisible()
    third = open_dialog(qtbot, window, MemorySecrets())
    type_account(qtbot, third, reply_to="help@acme.example")
    dialogs.answers["unsaved_changes"] = DISCARD
    qtbot.keyClick(third.host, Qt.Key.Key_Escape)
    assert dialogs.asked == ["unsaved_changes"] and not third.isVisible()
    assert window.context.accounts.get("work").reply_to == ""


def test_saving_a_sign_in_without_encryption_warns_and_waits_for_a_yes(qtbot, window, dialogs):
    secrets = MemorySecrets()
    dialog = open_dialog(qtbot, window, secrets)
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    type_account(qtbot, dialog, name="lan", sender_address="ops@acme.example", host="relay.lan",
                 password="s3cret")
    dialogs.answers["confirm"] = False
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked == ["confirm"]
    assert window.context.accounts.list() == [] and secrets.stored == {}
    assert "Not saved" in dialog.error.text() and "no encryption" in dialog.error.text()
    dialogs.answers["confirm"] = True
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.context.accounts.get("lan").security == "none" and secrets.stored == {"lan": "s3cret"}


def test_switching_account_or_adding_one_asks_before_dropping_unsaved_edits(qtbot, window, dialogs):
    from outagewriter.ui.dialogs import CANCEL, DISCARD, SAVE

    dialog = open_dialog(qtbot, window, MemorySecrets())
    for name in ("home", "work"):
        type_account(qtbot, dialog, name=name, sender_address=f"{name}@acme.example", host="smtp.acme.example")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked == []  # saved each time: nothing to ask
    first = dialog.list.visualItemRect(dialog.list.item(0)).center()
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert dialog.name.text() == "home"

    type_account(qtbot, dialog, reply_to="help@acme.example")
    dialogs.answers["unsaved_changes"] = CANCEL
    second = dialog.list.visualItemRect(dialog.list.item(1)).center()
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert dialogs.asked == ["unsaved_changes"]
    assert dialog.name.text() == "home" and dialog.reply_to.text() == "help@acme.example"
    assert dialog.list.currentRow() == 0  # the list still shows what is being edited
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked == ["unsaved_changes"] * 2 and dialog.reply_to.text() == "help@acme.example"

    dialogs.answers["unsaved_changes"] = SAVE
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert dialog.name.text() == "work"
    assert window.context.accounts.get("home").reply_to == "help@acme.example"

    type_account(qtbot, dialog, reply_to="x@acme.example")
    dialogs.answers["unsaved_changes"] = DISCARD
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == "" and window.context.accounts.get("work").reply_to == ""


def test_one_broken_account_in_the_file_is_named_and_the_others_are_listed(window, qtbot):
    import json

    store = window.context.accounts
    store.save(Account("work", "ops@acme.example", "smtp.acme.example"))
    store.save(Account("lan", "ops@acme.example", "relay.lan", security="none"))
    data = json.loads(store.path.read_text("utf-8"))
    data["accounts"][0]["port"] = "abc"
    store.path.write_text(json.dumps(data), encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    listed = dialog.findChild(QListWidget, "accounts_list")
    assert [listed.item(i).text().split("\n")[0] for i in range(listed.count())] == ["lan"]
    error = dialog.findChild(QLabel, "account_error")
    assert error.isVisible()
    assert error.text() == f"{store.path}: account 'work': port: 'abc' is not a port number (1 to 65535)"
