"""Settings › Chat: the incoming webhooks a notice's short version is also posted to.

Names and services go to settings.json; a webhook URL is a secret (whoever has it can post as the
organisation), so it goes only to the OS keyring through `Services.webhooks`, after the settings
were saved, and the page never shows a stored one. `check_webhook_url` says whether a typed URL can
be used; Send test post runs on the network lane, never on the GUI thread.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.chat.destinations import check_webhook_url
from ..core.incident.chat_destinations import (
    CHAT_SERVICES,
    SERVICE_LABELS,
    ChatDestination,
    parse_destinations,
)
from ..core.session.errors import SettingsError
from ..core.settings import Settings
from . import theme
from .settings_pages import list_beside_form, named, note
from .tasks import TaskRunner
from .tr_args import args

NEW_NAME = QT_TRANSLATE_NOOP("ChatPage", "New destination")
EXAMPLE_URLS = {"slack": "https://hooks.slack.com/services/…", "teams": "https://….logic.azure.com/workflows/…",
                "mattermost": "https://chat.example.com/hooks/…", "discord": "https://discord.com/api/webhooks/…"}
STORED = QT_TRANSLATE_NOOP("ChatPage", "stored in the keyring; type a new URL to replace it")


@dataclasses.dataclass
class Entry:
    name: str
    service: str
    url: str = ""  # typed here, not yet in the keyring
    stored_as: str | None = None  # the name its URL is stored under in the keyring (None: nothing stored)


class ChatPage(QWidget):
    names_changed = Signal(list, dict)  # the destinations' names now, and {old name: new name} renamed

    def __init__(self, settings: Settings, context, parent=None):
        super().__init__(parent)
        self.tasks = context.tasks
        self.webhooks = context.services.webhooks
        self.keyring = self.webhooks.available()
        self.entries = [Entry(d.name, d.service, stored_as=d.name if self._stored(d.name) else None)
                        for d in settings.chat_destinations]
        self.removed: list[str] = []  # names whose stored URL goes once the settings are saved
        self._showing = False
        self._build()
        for entry in self.entries:
            self.list.addItem(entry.name)
        self.list.setCurrentRow(0 if self.entries else -1)
        self._show(self.list.currentRow())

    def _stored(self, name: str) -> bool:
        try:
            return self.keyring and self.webhooks.get(name) is not None
        except Exception:  # noqa: BLE001 — an unreadable entry is shown as not stored; typing one replaces it
            return False

    def _build(self) -> None:
        self.list = named(QListWidget(self), "chat_list", self.tr("Chat destinations"))
        self.list.setMaximumWidth(220)
        self.add = named(QPushButton(self.tr("&Add"), self), "chat_add", self.tr("Add a chat destination"))
        self.remove = named(QPushButton(self.tr("&Remove"), self), "chat_remove",
                            self.tr("Remove the selected chat destination"))
        self.name = named(QLineEdit(self), "chat_name", self.tr("Chat destination name"))
        self.service = named(QComboBox(self), "chat_service", self.tr("Chat service"))
        for service in CHAT_SERVICES:
            self.service.addItem(SERVICE_LABELS[service], service)
        self.url = named(QLineEdit(self), "chat_url", self.tr("Webhook URL"))
        self.url.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)  # a secret: readable only while typed
        self.url_note = named(QLabel(self), "chat_url_note", self.tr("About the webhook URL"))
        self.url_note.setWordWrap(True)
        self.test = named(QPushButton(self.tr("Send &test post"), self), "chat_test", self.tr("Send a test post"))
        self.test_result = named(QLabel(self), "chat_test_result", self.tr("Test post result"))
        self.test_result.setWordWrap(True)
        for button in (self.add, self.remove, self.test):
            button.setAutoDefault(False)

        self.form, form, body = list_beside_form(self, self.list, self.add, self.remove)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Service:"), self.service)
        form.addRow(self.tr("&Webhook URL:"), self.url)
        form.addRow("", self.url_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(note(self.tr("When a notice is sent, its short version (with a link to the status page "
                                      "when one is set) is also posted to the chat destinations its audiences "
                                      "follow (Settings › Audiences). Each needs an incoming webhook: create one in "
                                      "the chat app and paste its URL here. The URL is kept in the system keyring, "
                                      "never in a file."), self))
        layout.addLayout(body)
        layout.addStretch(1)

        self.list.currentRowChanged.connect(self._show)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.name.textEdited.connect(self._store)
        self.url.textEdited.connect(self._store)
        self.service.currentIndexChanged.connect(self._store)
        self.test.clicked.connect(self.send_test)

    # ---- editing ---------------------------------------------------------------------------

    def _show(self, row: int) -> None:
        self.form.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        entry = self.entries[row] if row >= 0 else Entry("", CHAT_SERVICES[0])
        self._showing = True  # filling the editors is not an edit
        self.name.setText(entry.name)
        self.service.setCurrentIndex(CHAT_SERVICES.index(entry.service))
        self.url.setText(entry.url)  # typed and unsaved only: a stored URL is never shown
        self._showing = False
        self.test_result.clear()
        self._describe_url()

    def _describe_url(self) -> None:
        row = self.list.currentRow()
        entry = self.entries[row] if row >= 0 else None
        self.url.setPlaceholderText(self.tr(STORED) if entry and entry.stored_as else
                                    EXAMPLE_URLS[entry.service if entry else CHAT_SERVICES[0]])
        self.url.setEnabled(self.keyring)
        problem = check_webhook_url(entry.service, entry.url) if entry and entry.url else None
        if not self.keyring:
            text, tone = self.tr("No system keyring is available, so a webhook URL cannot be stored here."), "error"
        elif problem:
            text, tone = problem[:1].upper() + problem[1:], "error"
        elif entry and entry.url:
            text, tone = self.tr("Stored in the keyring when you press OK or Apply."), None
        elif entry and entry.stored_as:
            text, tone = self.tr("The URL is stored in the keyring."), None
        else:
            text, tone = self.tr("No webhook URL yet: nothing can be posted here until one is stored."), "warning"
        self.url_note.setText(text)
        theme.tint(self.url_note, tone)
        self.test.setEnabled(bool(entry) and self.keyring and not problem and bool(entry.url or entry.stored_as))

    def _store(self, *_args) -> None:
        row = self.list.currentRow()
        if row < 0 or self._showing:
            return
        entry = self.entries[row]
        old = entry.name
        entry.name, entry.service, entry.url = self.name.text(), self.service.currentData(), self.url.text().strip()
        self.list.item(row).setText(entry.name)
        self._describe_url()
        self._announce({old: entry.name} if old != entry.name else {})

    def _add(self) -> None:
        self.entries.append(Entry(self.tr(NEW_NAME), CHAT_SERVICES[0]))
        self.list.addItem(self.entries[-1].name)
        self.list.setCurrentRow(len(self.entries) - 1)
        self.name.setFocus()
        self.name.selectAll()
        self._announce({})

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            entry = self.entries.pop(row)
            if entry.stored_as:
                self.removed.append(entry.stored_as)
            self.list.takeItem(row)
            self._show(self.list.currentRow())
            self._announce({})

    def _announce(self, renamed: dict) -> None:
        self.names_changed.emit([e.name for e in self.entries], renamed)

    # ---- test post -------------------------------------------------------------------------

    def send_test(self) -> None:
        from ..core.chat.posting import test_post

        row = self.list.currentRow()
        if row < 0:
            return
        entry = self.entries[row]
        destination = ChatDestination(" ".join(entry.name.split()), entry.service)
        typed, stored_as, webhooks = entry.url, entry.stored_as, self.webhooks
        no_url = self.tr("no webhook URL is stored for this destination")  # translated here, on the GUI thread
        self.test.setEnabled(False)
        theme.tint(self.test_result, None)
        self.test_result.setText(self.tr("Posting…"))

        def job():
            url = typed or webhooks.get(stored_as)
            if not url:
                raise ValueError(no_url)
            return test_post(destination, url)

        self.tasks.run(job, self._tested, lane=TaskRunner.NETWORK)

    def _tested(self, outcome, error) -> None:
        self._describe_url()
        if error is not None:
            said, ok = args(self.tr("Not posted: %1"), str(error).splitlines()[0] if str(error) else
                            type(error).__name__), False
        else:
            said, ok = outcome.describe(), outcome.ok
        theme.tint(self.test_result, "good" if ok else "error")
        self.test_result.setText(said)

    # ---- saving ----------------------------------------------------------------------------

    def apply_to(self, settings: Settings) -> Settings:
        """The destinations as typed; refused in one line (SettingsError) before anything is saved."""
        try:
            destinations = parse_destinations([{"name": e.name, "service": e.service} for e in self.entries])
        except ValueError as exc:
            raise SettingsError(f"Chat: {exc}") from None
        for entry, destination in zip(self.entries, destinations):
            problem = check_webhook_url(entry.service, entry.url) if entry.url else None
            if problem:
                raise SettingsError(f"Chat: {destination.name}: {problem}")
        return dataclasses.replace(settings, chat_destinations=destinations)

    def store_urls(self) -> None:
        """After the settings were saved: typed URLs into the keyring, a renamed destination's URL
        under its new name, a removed one's deleted. Raises SecretsError naming the destination."""
        for name in self.removed:
            if name not in {e.stored_as for e in self.entries}:
                self.webhooks.delete(name)
        self.removed = []
        for entry in self.entries:
            entry.name = " ".join(entry.name.split())
            if entry.url:
                self.webhooks.set(entry.name, entry.url)
            elif entry.stored_as and entry.stored_as != entry.name:
                url = self.webhooks.get(entry.stored_as)
                if url:
                    self.webhooks.set(entry.name, url)
            else:
                continue
            if entry.stored_as and entry.stored_as != entry.name:
                self.webhooks.delete(entry.stored_as)
            entry.url, entry.stored_as = "", entry.name
        self._show(self.list.currentRow())
