"""The pages of the Settings window. Each page shows part of `Settings` and gives back its changes.

A page holds no rules: what a value may be is decided by `core.settings` when the dialog saves, and
its one-line refusal is shown in the dialog.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.grammar import GrammarChecker, GrammarSettings
from ..core.checks.languagetool_server import (
    DEFAULT_JAVA_OPTIONS,
    find_java,
    server_jars,
)
from ..core.incident.bilingual import language_label
from ..core.i18n import _ as core_text
from ..core.session.rule_switches import PACK_PROBLEMS_NAME, RuleSwitch
from ..core.settings import Settings
from . import theme
from .highlight import category_label, quiet
from .language_choice import LanguageField
from .reminders import RemindBeforeField
from .tr_args import args


def named(widget, name: str, accessible: str = ""):
    widget.setObjectName(name)
    widget.setAccessibleName(accessible or name.replace("_", " "))
    return widget


def note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    quiet(label)
    return label


def list_beside_form(page: QWidget, entries, add, remove) -> tuple[QWidget, QFormLayout, QHBoxLayout]:
    """A list of entries with Add and Remove under it, beside a form for the chosen entry:
    (the form's widget, to enable; its layout, to fill; the row holding both, to lay out)."""
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    left = QVBoxLayout()
    left.addWidget(entries, 1)
    left.addLayout(buttons)
    widget = QWidget(page)
    form = QFormLayout(widget)
    form.setContentsMargins(0, 0, 0, 0)
    body = QHBoxLayout()
    body.setSpacing(16)
    body.addLayout(left)
    body.addWidget(widget, 1)
    return widget, form, body


def radios(parent: QWidget, choices, prefix: str) -> dict[str, QRadioButton]:
    """One exclusive radio button per (value, text), named `<prefix>_<value>`; the caller lays them out."""
    group = QButtonGroup(parent)
    buttons = {}
    for value, text in choices:
        buttons[value] = named(QRadioButton(text, parent), f"{prefix}_{value}", text)
        group.addButton(buttons[value])
    return buttons


def lines(editor: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in editor.toPlainText().splitlines() if line.strip()))


class WritingChecksPage(QWidget):
    """Grammar and spelling: how LanguageTool runs, a Test button, and the words it should know."""

    MODES = (("off", QT_TRANSLATE_NOOP("WritingChecksPage", "Off: tone and structure checks only")),
             ("jars", QT_TRANSLATE_NOOP("WritingChecksPage", "Start LanguageTool on this computer, from its files")),
             ("local", QT_TRANSLATE_NOOP("WritingChecksPage",
                                         "Download LanguageTool once, then start it on this computer")),
             ("server", QT_TRANSLATE_NOOP("WritingChecksPage", "Use a LanguageTool server (your company's own)")))

    def __init__(self, settings: Settings, tasks, chosen, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self._chosen = chosen  # () -> Settings as the whole window now says
        self._probe_checker: GrammarChecker | None = None
        self.tested: GrammarChecker | None = None  # answered the last Test: the app may go on using it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(10)

        grammar = QGroupBox(self.tr("Grammar and spelling (LanguageTool)"), self)
        box = QVBoxLayout(grammar)
        self.mode_buttons = radios(grammar, [(mode, self.tr(text)) for mode, text in self.MODES], "grammar_mode")
        for mode, button in self.mode_buttons.items():
            box.addWidget(button)
            if mode == "jars":
                self.jar_folder = named(QLineEdit(settings.grammar_jar_folder, grammar), "grammar_jar_folder",
                                        self.tr("LanguageTool folder"))
                self.jar_folder.setPlaceholderText(self.tr("the folder holding languagetool-server.jar"))
                browse = named(QPushButton(self.tr("Choose…"), grammar), "grammar_jar_browse",
                               self.tr("Choose the LanguageTool folder"))
                browse.clicked.connect(self._browse)
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                row.addWidget(self.jar_folder, 1)
                row.addWidget(browse)
                box.addLayout(row)
                self.jar_note = named(note("", grammar), "grammar_jar_note", self.tr("About running LanguageTool here"))
                self.jar_note.setContentsMargins(24, 0, 0, 0)
                box.addWidget(self.jar_note)
            if mode == "server":
                self.server_url = named(QLineEdit(settings.grammar_server_url, grammar), "grammar_server_url",
                                        self.tr("LanguageTool server address"))
                self.server_url.setPlaceholderText("http://lt.example.internal:8081")
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                row.addWidget(self.server_url)
                box.addLayout(row)
        self.mode_buttons.get(settings.grammar_mode, self.mode_buttons["off"]).setChecked(True)
        test_row = QHBoxLayout()
        self.test_button = named(QPushButton(self.tr("&Test"), grammar), "grammar_test", self.tr("Test grammar checks"))
        self.test_button.clicked.connect(self.test)
        self.test_result = named(QLabel(grammar), "grammar_test_result", self.tr("Grammar test result"))
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        box.addLayout(test_row)
        words_label = QLabel(self.tr("Words never reported as misspelt (one per line: products, names):"), grammar)
        words_label.setWordWrap(True)
        self.custom_words = named(QPlainTextEdit("\n".join(settings.grammar_custom_words), grammar),
                                  "grammar_custom_words", self.tr("Custom words"))
        self.custom_words.setFixedHeight(140)
        words_label.setBuddy(self.custom_words)
        box.addWidget(words_label)
        box.addWidget(self.custom_words)
        layout.addWidget(grammar)

        layout.addStretch(1)
        for button in self.mode_buttons.values():
            button.toggled.connect(self._mode_changed)
        self._mode_changed()

    # ---- grammar -----------------------------------------------------------------------------

    def mode(self) -> str:
        return next(m for m, b in self.mode_buttons.items() if b.isChecked())

    def _mode_changed(self, *_args) -> None:
        mode = self.mode()
        self.jar_folder.setEnabled(mode == "jars")
        self.server_url.setEnabled(mode == "server")
        self.test_button.setEnabled(mode != "off")
        java = find_java()
        memory = next((o[4:] for o in DEFAULT_JAVA_OPTIONS if o.startswith("-Xmx")), "")
        self.jar_note.setText(
            (args(self.tr("Java: %1. "), java) if java else self.tr(
                "Java 17 or newer is needed and was not found (JAVA_HOME or PATH): install a Java runtime, or "
                "use a server. "))
            + args(self.tr("LanguageTool takes up to %1 of memory while the app runs; it starts in the background "
                           "(up to a minute) and never holds up typing."),
                   memory.upper().replace("G", " GB").replace("M", " MB")))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("LanguageTool folder"), self.jar_folder.text())
        if folder:
            self.jar_folder.setText(folder)

    def grammar_values(self) -> dict:
        return {"grammar_mode": self.mode(), "grammar_jar_folder": self.jar_folder.text().strip(),
                "grammar_server_url": self.server_url.text().strip(), "grammar_custom_words": lines(self.custom_words)}

    def test(self) -> None:
        """Start (or reach) LanguageTool as the page now says and check a test sentence, off the GUI thread."""
        values = self.grammar_values()
        if values["grammar_mode"] == "jars" and not server_jars(values["grammar_jar_folder"]):
            self._tested(None, ValueError(args(self.tr("No LanguageTool server jar in “%1”."),
                                               values["grammar_jar_folder"])))
            return
        settings = GrammarSettings.from_settings(self._chosen())
        if settings.mode == "off":  # an address or folder the settings would refuse
            self._tested(None, ValueError(self.tr(
                "Give a LanguageTool folder or a server address (http://host:port).")))
            return
        self.release()
        self._probe_checker = checker = GrammarChecker(settings)
        self.test_button.setEnabled(False)
        theme.tint(self.test_result, None)
        self.test_result.setText(self.tr("Testing… (starting LanguageTool can take up to a minute)"))
        self.tasks.run(lambda: checker.probe().result(), self._tested, lane=self.tasks.NETWORK)

    def _tested(self, said, error) -> None:
        self.test_button.setEnabled(self.mode() != "off")
        theme.tint(self.test_result, "error" if error else None)
        self.test_result.setText(str(error).splitlines()[0] if error else said)
        checker, self._probe_checker = self._probe_checker, None
        if error is None and checker is not None:
            self.tested = checker  # handed to the app on OK when the settings are the ones tested
        elif checker is not None:
            self.tasks.run(checker.close)

    def take_tested(self) -> GrammarChecker | None:
        checker, self.tested = self.tested, None
        return checker

    def release(self) -> None:
        """Stop what Test started and nobody took."""
        for checker in (self._probe_checker, self.take_tested()):
            if checker is not None:
                self.tasks.run(checker.close)
        self._probe_checker = None

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, **self.grammar_values())



class ToneRulesPage(QWidget):
    """The writer's own organisation names, and each tone rule on or off with its examples, for each
    language's pack (English, 日本語): a Japanese notice is checked by the Japanese pack's rules."""

    def __init__(self, settings: Settings, switches: dict[str, list[RuleSwitch]], packs: dict[str, list[str]],
                 rules_dir, parent=None, problems: dict[str, str] | None = None):
        super().__init__(parent)
        self._packs, self._rules_dir = packs, rules_dir
        self._problems = problems or {}  # per language: what is wrong in the user's packs (core's words)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(10)
        names = QGroupBox(self.tr("Your organisation"), self)
        names_box = QVBoxLayout(names)
        names_box.addWidget(note(self.tr("Your organisation's names, brands and products, one per line. The tone "
                                         "checks do not call it blame when a sentence names these as the cause."),
                                 names))
        self.own_names = named(QPlainTextEdit("\n".join(settings.own_names), names), "own_names",
                               self.tr("Your organisation's names"))
        self.own_names.setFixedHeight(84)
        names_box.addWidget(self.own_names)
        layout.addWidget(names)

        rules = QGroupBox(self.tr("Tone rules"), self)
        rules_box = QVBoxLayout(rules)
        rules_box.addWidget(note(self.tr("Untick a rule to turn it off for every notice; select one to see what it "
                                         "flags and what it lets pass."), rules))
        pick = QHBoxLayout()
        self.language = named(QComboBox(rules), "tone_rules_language", self.tr("Rules for notices in"))
        for language in switches:
            self.language.addItem(language_label(language), language)
        label = QLabel(self.tr("Rules for notices &in"), rules)
        label.setBuddy(self.language)
        pick.addWidget(label)
        pick.addWidget(self.language)
        pick.addStretch(1)
        rules_box.addLayout(pick)
        self.packs = named(note("", rules), "tone_rule_packs", self.tr("Rule packs in use"))
        self.packs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rules_box.addWidget(self.packs)
        # Its words come from the core, as the problems do (core/session/rule_switches.py).
        self.pack_problems = named(QLabel(rules), "tone_rule_pack_problems", core_text(PACK_PROBLEMS_NAME))
        self.pack_problems.setWordWrap(True)
        self.pack_problems.setTextFormat(Qt.TextFormat.PlainText)
        self.pack_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.tint(self.pack_problems, "warning")
        self.pack_problems.hide()
        rules_box.addWidget(self.pack_problems)
        split = QSplitter(Qt.Orientation.Horizontal, rules)
        self.trees = QStackedWidget(split)
        self.rule_detail = named(QLabel(split), "tone_rule_detail", self.tr("About the selected rule"))
        self.rule_detail.setWordWrap(True)
        self.rule_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rule_detail.setTextFormat(Qt.TextFormat.RichText)
        self.rule_detail.setMinimumWidth(220)
        self.rule_detail.setContentsMargins(8, 0, 0, 0)
        split.setSizes([430, 290])
        rules_box.addWidget(split, 1)
        layout.addWidget(rules, 1)
        self.items_by_language: dict[str, dict[str, QTreeWidgetItem]] = {}
        self.trees_by_language: dict[str, QTreeWidget] = {}
        for language, language_switches in switches.items():
            tree = named(_WrappingTree(self.trees), f"tone_rules_{language}",
                         args(self.tr("Tone rules for notices in %1"), language_label(language)))
            tree.setHeaderHidden(True)
            self.items_by_language[language] = self._fill_rules(tree, language_switches)
            tree.currentItemChanged.connect(self._show_rule)
            self.trees.addWidget(tree)
            self.trees_by_language[language] = tree
        self.language.currentIndexChanged.connect(self._show_language)
        self._show_language()

    @property
    def rules(self) -> QTreeWidget:
        """The rules of the language shown."""
        return self.trees.currentWidget()

    @property
    def rule_items(self) -> dict[str, QTreeWidgetItem]:
        """The language shown: rule id -> its item."""
        return self.items_by_language[self.language.currentData()]

    def show_language(self, language: str) -> None:
        self.language.setCurrentIndex(self.language.findData(language))

    def _show_language(self, _index=None) -> None:
        language = self.language.currentData()
        self.trees.setCurrentWidget(self.trees_by_language[language])
        packs, pack = self._packs.get(language, []), language_label(language)
        self.packs.setText(
            args(self.tr("Rules come from the %1 pack shipped with OutageWriter and your own packs in %2: %3."),
                 pack, self._rules_dir, self.tr(", ").join(packs)) if packs else
            args(self.tr("Rules come from the %1 pack shipped with OutageWriter. Your own packs (your vendors, your "
                         "products, rules of your own) go in %2; see the README."), pack, self._rules_dir))
        problems = self._problems.get(language, "")
        self.pack_problems.setText(problems)
        self.pack_problems.setVisible(bool(problems))
        self._show_rule(self.rules.currentItem())

    # ---- tone rules --------------------------------------------------------------------------

    def _fill_rules(self, tree: QTreeWidget, switches: list[RuleSwitch]) -> dict[str, QTreeWidgetItem]:
        parents: dict[str, QTreeWidgetItem] = {}
        items: dict[str, QTreeWidgetItem] = {}
        names: set[str] = set()
        for switch in switches:
            category = switch.rule.category
            if category not in parents:
                parents[category] = QTreeWidgetItem(tree, [category_label(category)])
                parents[category].setFlags(Qt.ItemFlag.ItemIsEnabled)
            name = _first_sentence(switch.rule.message)
            if name in names:  # two rules whose messages start alike: tell them apart by id
                name = f"{name} ({switch.rule.id})"
            names.add(name)
            item = QTreeWidgetItem(parents[category], [name])
            item.setData(0, Qt.ItemDataRole.UserRole, switch)
            item.setToolTip(0, f"{switch.rule.message}\n({switch.rule.id})")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not switch.fixed_off_by:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Checked if switch.on else Qt.CheckState.Unchecked)
            items[switch.rule.id] = item
        tree.expandAll()
        return items

    def _show_rule(self, item, _previous=None) -> None:
        switch = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if switch is None:
            self.rule_detail.setText("")
            return
        rule = switch.rule
        from html import escape

        parts = [f"<b>{escape(rule.message)}</b>"]
        if rule.suggestion:
            parts.append(args(self.tr("Try: %1"), escape(rule.suggestion)))
        quoted = self.tr("“%1”")
        if rule.bad:
            parts.append(args(self.tr("Flags: %1"), "; ".join(args(quoted, escape(b)) for b in rule.bad[:3])))
        if rule.good:
            parts.append(args(self.tr("Passes: %1"), "; ".join(args(quoted, escape(g)) for g in rule.good[:3])))
        if rule.source:
            parts.append(args(self.tr("Source: %1"), escape(rule.source)))
        if switch.fixed_off_by:
            parts.append(args(self.tr("Turned off in your rule pack %1."), escape(switch.fixed_off_by)))
        self.rule_detail.setText("<br><br>".join(parts))

    def rules_off(self) -> dict[str, set[str]]:
        """Per pack language, the rules the user has unticked."""
        return {language: {rule_id for rule_id, item in items.items()
                           if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState(0) != Qt.CheckState.Checked}
                for language, items in self.items_by_language.items()}

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, own_names=lines(self.own_names))


class _WrappingDelegate(QStyledItemDelegate):
    """Item heights for text wrapped at the tree's width (Qt's own size hint does not know the width)."""

    def sizeHint(self, option, index):
        tree, depth, parent = self.parent(), 1 if self.parent().rootIsDecorated() else 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        option.rect = QRect(0, 0, max(tree.viewport().width() - tree.indentation() * depth, 60), 10_000)
        return super().sizeHint(option, index)


class _WrappingTree(QTreeWidget):
    """A rule list whose names (a rule's first sentence, long in Japanese especially) wrap instead of
    being cut off at the list's right edge."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # the rows' heights follow the new width


def _first_sentence(message: str) -> str:
    """A rule's message up to its first full stop (。 in Japanese), as the rule's name in the list."""
    for stop in ("。", ". "):
        if stop in message:
            return message.split(stop)[0] + ("。" if stop == "。" else "")
    return message.rstrip(".")


class YouPage(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        form = QFormLayout()
        self.name = named(QLineEdit(settings.user_name, self), "user_name", self.tr("Your name"))
        self.name.setPlaceholderText(settings.identity() if not settings.user_name else "")
        self.email = named(QLineEdit(settings.user_email, self), "user_email", self.tr("Your email address"))
        self.email.setPlaceholderText("you@example.com")
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Email:"), self.email)
        layout.addLayout(form)
        layout.addWidget(note(self.tr("Your name is recorded as the author of the notices you write, as the "
                                      "reviewer of those you approve, and in the incident's audit log. Your email "
                                      "is shown with your name to others who find a file open in your window. "
                                      "When the name is empty, your user name on this computer is used."), self))
        layout.addStretch(1)

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, user_name=" ".join(self.name.text().split()),
                                   user_email=self.email.text().strip())


class ReviewPage(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.required = named(QCheckBox(self.tr("A notice is sent only after a reviewer approved its exact text"),
                                        self), "approval_required", self.tr("Sending needs an approval"))
        self.required.setChecked(settings.approval_required)
        self.self_approval = named(
            QCheckBox(self.tr("Allow approving your own notices (for one-person teams)"), self), "self_approval",
            self.tr("Allow self-approval"))
        self.self_approval.setChecked(not settings.approver_must_differ)
        layout.addWidget(self.required)
        layout.addWidget(note(self.tr("A second pair of eyes catches what the writer no longer sees; the approval "
                                      "holds only for the text approved, and any change voids it."), self))
        layout.addWidget(self.self_approval)
        layout.addWidget(note(self.tr("Off by default. When you approve your own notice, the incident's audit log "
                                      "records that it was self-approved."), self))
        self.required.toggled.connect(self.self_approval.setEnabled)
        self.self_approval.setEnabled(settings.approval_required)
        self.remind_before = RemindBeforeField(settings, self)
        layout.addWidget(self.remind_before)
        layout.addWidget(note(self.tr("Once a notice is sent, a banner and a desktop notification remind you this "
                                      "long before the update it promised is due, and again when it is overdue."),
                              self))
        layout.addStretch(1)

    def apply_to(self, settings: Settings) -> Settings:
        return self.remind_before.apply_to(dataclasses.replace(
            settings, approval_required=self.required.isChecked(),
            approver_must_differ=not self.self_approval.isChecked()))


class AppearancePage(QWidget):
    CHOICES = (("system", QT_TRANSLATE_NOOP("AppearancePage", "Follow the system")),
               ("light", QT_TRANSLATE_NOOP("AppearancePage", "Light")), ("dark", QT_TRANSLATE_NOOP("AppearancePage", "Dark")))

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.buttons = radios(self, [(value, self.tr(text)) for value, text in self.CHOICES], "appearance")
        for button in self.buttons.values():
            layout.addWidget(button)
        self.buttons.get(settings.appearance, self.buttons["system"]).setChecked(True)
        layout.addWidget(note(self.tr("The preview follows: in dark mode it shows the email as mail apps in dark "
                                      "mode show it, from the email's own dark-mode style."), self))
        layout.addSpacing(12)
        self.language = LanguageField(settings, self)
        layout.addWidget(self.language)
        layout.addStretch(1)

    def apply_to(self, settings: Settings) -> Settings:
        chosen = next(v for v, b in self.buttons.items() if b.isChecked())
        return self.language.apply_to(dataclasses.replace(settings, appearance=chosen))
