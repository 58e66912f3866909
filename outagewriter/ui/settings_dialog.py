"""Settings (Preferences on macOS): one window, a page per subject, applied without a restart.

OK and Apply save through `AppContext.apply_settings` (settings.json, written only after the core
accepted every value) and every open window follows at once; a refused value is shown in one line
and nothing is written. The Mail accounts page is the Mail accounts dialog, shown as a page.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.chat.secrets import SecretsError
from ..core.checks.rules import shipped_languages
from ..core.i18n import chosen_language
from ..core.session.errors import SettingsError
from ..core.session.rule_switches import own_packs, pack_problems, rule_switches
from . import theme
from .accounts_dialog import AccountsDialog
from .audiences_page import AudiencesPage
from .chat_page import ChatPage
from .components_page import ComponentsPage
from .settings_pages import (
    AppearancePage,
    ReviewPage,
    ToneRulesPage,
    WritingChecksPage,
    YouPage,
    named,
)
from .status_page_page import StatusPagePage
from .tr_args import args

# settings.json key -> (page, field, what the field holds): a refusal names the field the user sees.
# The sentence is whole for translators: "%1 is not a usable name." and so on.
REFUSED = {
    "user_name": ("You", "user_name", QT_TRANSLATE_NOOP("SettingsDialog", "%1 is not a usable name.")),
    "user_email": ("You", "user_email", QT_TRANSLATE_NOOP("SettingsDialog", "%1 is not a usable email address.")),
    "own_names": ("Tone rules", "own_names", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable list of names (up to 100 characters each).")),
    "components": ("Components", "settings_components", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable list of components (up to 80 characters each, no '=' or ';').")),
    "status_page.folder": ("Status page", "status_page_folder",
                           QT_TRANSLATE_NOOP("SettingsDialog", "%1 is not a usable folder.")),
    "status_page.incidents": ("Status page", "status_page_incidents",
                              QT_TRANSLATE_NOOP("SettingsDialog", "%1 is not a usable folder.")),
    "status_page.url": ("Status page", "status_page_url", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable web address (http:// or https://).")),
    "status_page.title": ("Status page", "status_page_title", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable title (up to 200 characters).")),
    "grammar.server_url": ("Writing checks", "grammar_server_url", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable server address (http://host:port).")),
    "grammar.jar_folder": ("Writing checks", "grammar_jar_folder",
                           QT_TRANSLATE_NOOP("SettingsDialog", "%1 is not a usable folder.")),
    "grammar.custom_words": ("Writing checks", "grammar_custom_words", QT_TRANSLATE_NOOP(
        "SettingsDialog", "%1 is not a usable word list (up to 100 characters a word).")),
}
EMPTY = {'grammar.mode is "server"': ("grammar.server_url", QT_TRANSLATE_NOOP(
             "SettingsDialog", "Give the LanguageTool server's address.")),
         'grammar.mode is "jars"': ("grammar.jar_folder", QT_TRANSLATE_NOOP(
             "SettingsDialog", "Choose the folder holding LanguageTool's files."))}

# The pages by the names the code asks for them; shown in the window's language (PAGE_NAMES).
PAGES = ("Writing checks", "Tone rules", "You", "Review", "Components", "Audiences", "Status page", "Chat",
         "Appearance", "Mail accounts")
PAGE_NAMES = (QT_TRANSLATE_NOOP("SettingsDialog", "Writing checks"), QT_TRANSLATE_NOOP("SettingsDialog", "Tone rules"),
              QT_TRANSLATE_NOOP("SettingsDialog", "You"), QT_TRANSLATE_NOOP("SettingsDialog", "Review"),
              QT_TRANSLATE_NOOP("SettingsDialog", "Components"), QT_TRANSLATE_NOOP("SettingsDialog", "Audiences"),
              QT_TRANSLATE_NOOP("SettingsDialog", "Status page"), QT_TRANSLATE_NOOP("SettingsDialog", "Chat"),
              QT_TRANSLATE_NOOP("SettingsDialog", "Appearance"), QT_TRANSLATE_NOOP("SettingsDialog", "Mail accounts"))


def _pack_problems(services, language: str) -> str:
    """What is wrong in the user's packs for `language`, as the findings panel tells it ("" when nothing is)."""
    try:
        return pack_problems(services.tone(language).ruleset)
    except Exception:  # noqa: BLE001 — a broken shipped pack is told in the findings panel already
        return ""


class SettingsDialog(QDialog):
    def __init__(self, context, parent=None, page: str = PAGES[0]):
        super().__init__(parent)
        self.context = context
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(980, 760)
        settings = context.settings
        rules_dir = context.services.rules_dir
        # Every shipped pack's rules, the program's language first (a Japanese window opens on 日本語).
        languages = sorted(shipped_languages(), key=lambda code: (code != chosen_language(settings.ui_language), code))
        self._switches = {language: rule_switches(language, rules_dir) for language in languages}
        # Test needs only what grammar reads (its own page, and the names on Tone rules): a value another
        # page would refuse is for OK to refuse, not for Test to trip over.
        self.writing = WritingChecksPage(settings, context.tasks, lambda: self.chosen((self.writing, self.tone)),
                                         self)
        self.tone = ToneRulesPage(settings, self._switches,
                                  {language: own_packs(language, rules_dir) for language in languages}, rules_dir, self,
                                  problems={language: _pack_problems(context.services, language) for language in languages})
        self.you = YouPage(settings, self)
        self.review = ReviewPage(settings, self)
        self.components = ComponentsPage(settings, self)
        self.audiences = AudiencesPage(settings, self)
        self.status_page = StatusPagePage(settings, self)
        self.chat = ChatPage(settings, context, self)
        self.audiences.set_chat_names([d.name for d in settings.chat_destinations])
        self.chat.names_changed.connect(self.audiences.set_chat_names)
        self.appearance = AppearancePage(settings, self)
        self.accounts = AccountsDialog(context, self)
        self.accounts.setWindowFlags(Qt.WindowType.Widget)  # the dialog, shown as a page
        self.accounts.setMinimumSize(0, 0)
        self.accounts.layout().setContentsMargins(4, 0, 0, 0)
        self.accounts.findChild(QPushButton, "accounts_close").hide()

        self.list = named(QListWidget(self), "settings_pages", self.tr("Settings pages"))
        self.list.addItems([self.tr(page) for page in PAGE_NAMES])
        self.list.setFixedWidth(max(170, self.list.sizeHintForColumn(0) + 24))
        self.list.setSpacing(3)
        self.stack = QStackedWidget(self)
        for widget in (self.writing, self.tone, self.you, self.review, self.components, self.audiences,
                       self.status_page, self.chat, self.appearance, self.accounts):
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(widget)
            self.stack.addWidget(scroll)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.error = named(QLabel(self), "settings_error", self.tr("Why the settings were not saved"))
        theme.tint(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Apply, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("settings_apply")
        self.apply_button.clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("settings_ok")

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 12)
        outer.addLayout(body, 1)
        outer.addWidget(self.error)
        outer.addWidget(buttons)
        self.show_page(page)
        for kind in (QLineEdit, QPlainTextEdit):  # a refusal is gone once the field is corrected
            for editor in self.findChildren(kind):
                editor.textChanged.connect(self.error.hide)

    def show_page(self, page: str) -> None:
        self.list.setCurrentRow(PAGES.index(page))

    def chosen(self, pages=None):
        """The settings as the pages (default: all) now say, not yet checked or saved; SettingsError
        when a page holds a value it cannot give."""
        settings = self.context.settings
        for page in pages or (self.writing, self.tone, self.you, self.review, self.components, self.audiences,
                              self.status_page, self.chat, self.appearance):
            settings = page.apply_to(settings)
        return settings

    def apply(self) -> bool:
        tested = self.writing.take_tested()
        try:
            self.context.apply_settings(self.chosen(), rules_off=self.tone.rules_off(), tested=tested)
        except (SettingsError, OSError) as exc:
            self.writing.tested = tested  # not saved: the tested LanguageTool is still this page's
            self.error.setText(args(self.tr("Not saved: %1"), self._explain(str(exc))))
            self.error.show()
            return False
        try:
            self.chat.store_urls()
        except SecretsError as exc:
            self.show_page("Chat")
            self.error.setText(args(self.tr("Saved, but a webhook URL was not stored: %1"), exc))
            self.error.show()
            return False
        self.error.hide()
        return True

    def _explain(self, refusal: str) -> str:
        """The core's refusal in the words of the page: the field's name, not its settings.json key;
        the page is shown and the field focused."""
        key, said = refusal.split(" ", 1)[0], refusal
        for start, (field_key, words) in EMPTY.items():
            if refusal.startswith(start):
                key, said = field_key, self.tr(words)
        if key not in REFUSED:
            if key.endswith(":") and key[:-1] in PAGES:  # "Chat: …": the page that refused, named as shown
                self.show_page(key[:-1])
                return args(self.tr("%1: %2"), self.tr(PAGE_NAMES[PAGES.index(key[:-1])]), said.split(" ", 1)[1])
            return said
        page, name, unusable = REFUSED[key]
        if " has an unusable value " in refusal:
            said = args(self.tr(unusable), refusal.split(" has an unusable value ", 1)[1])
        self.show_page(page)
        field = self.findChild(QWidget, name)
        if field is not None:
            field.setFocus()
        return args(self.tr("%1: %2"), self.tr(PAGE_NAMES[PAGES.index(page)]), said)

    def accept(self) -> None:
        if self.accounts.may_leave() and self.apply():
            self.writing.release()
            super().accept()

    def reject(self) -> None:
        if self.accounts.may_leave():
            self.writing.release()
            super().reject()
