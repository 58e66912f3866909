"""The notice as recipients will see it: subject, HTML email, plain text, the short post and, when
its audiences follow chat destinations, the chat post."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.render.dark_mode import as_dark_clients_show
from ..core.render.post_length import post_length
from ..core.render.renderer import SHORT_LIMIT, Rendered
from . import theme
from .editors import monospace_font
from .highlight import quiet
from .language import translate
from .tr_args import args


class _KeepScroll:
    """Re-rendering replaces the document; keep the reader where they were."""

    def __init__(self, widget):
        self.bar = widget.verticalScrollBar()

    def __enter__(self):
        self.value = self.bar.value()
        self.at_end = self.value and self.value >= self.bar.maximum()

    def __exit__(self, *exc):
        self.bar.setValue(self.bar.maximum() if self.at_end else self.value)


class PreviewPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        caption = QLabel(translate("Preview", "Subject"), self)
        small = QFont(caption.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        caption.setFont(small)
        quiet(caption)
        self.subject = QLabel(self)
        self.subject.setObjectName("preview_subject")
        self.subject.setAccessibleName(translate("Preview", "Subject as recipients see it"))
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.subject.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.subject.setFont(bold)
        layout.addWidget(caption)
        layout.addWidget(self.subject)

        self.problems = QLabel(self)
        self.problems.setObjectName("template_problems")
        self.problems.setWordWrap(True)
        theme.tint(self.problems, "error")
        self.problems.hide()
        layout.addWidget(self.problems)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preview_tabs")
        self.tabs.setDocumentMode(True)
        self.html = QTextBrowser(self)
        self.html.setObjectName("preview_html")
        self.html.setAccessibleName(translate("Preview", "HTML email preview"))
        self.html.setOpenLinks(False)
        # A scroll bar that comes and goes makes Qt lay a long document out twice per update.
        self.html.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("preview_text")
        self.text.setAccessibleName(translate("Preview", "Plain text email preview"))
        self.text.setReadOnly(True)
        self.text.setFont(monospace_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        short_page = QWidget(self)
        short_layout = QVBoxLayout(short_page)
        short_layout.setContentsMargins(0, 8, 0, 0)
        self.short = QPlainTextEdit(short_page)
        self.short.setObjectName("preview_short")
        self.short.setAccessibleName(translate("Preview", "Short post preview"))
        self.short.setReadOnly(True)
        self.short_count = QLabel(short_page)
        self.short_count.setObjectName("preview_short_count")
        quiet(self.short_count)
        self.chat_caption = QLabel(translate("Preview", "Chat post (to the chat destinations its audiences follow)"),
                                   short_page)
        self.chat_caption.setObjectName("preview_chat_caption")
        quiet(self.chat_caption)
        self.chat = QPlainTextEdit(short_page)
        self.chat.setObjectName("preview_chat")
        self.chat.setAccessibleName(translate("Preview", "Chat post preview"))
        self.chat.setReadOnly(True)
        short_layout.addWidget(self.short, 1)
        short_layout.addWidget(self.short_count)
        short_layout.addSpacing(8)
        short_layout.addWidget(self.chat_caption)
        short_layout.addWidget(self.chat, 1)
        for widget in (self.chat_caption, self.chat):
            widget.hide()
        self.tabs.addTab(self.html, translate("Preview", "Email"))
        self.tabs.addTab(self.text, translate("Preview", "Plain text"))
        self.tabs.addTab(short_page, translate("Preview", "Short post"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._update_tabs())
        self._rendered: Rendered | None = None
        self._shown: dict[str, object] = {}  # tab -> the content it shows

    def show_rendered(self, rendered: Rendered) -> None:
        """Subject and the visible tab now; a hidden tab catches up when it is shown."""
        self._rendered = rendered
        self.subject.setText(rendered.subject)
        self._update_tabs()

    def _update_tabs(self) -> None:
        rendered = self._rendered
        if rendered is None:
            return
        current = self.tabs.currentIndex()
        if current == 0:
            html = self._email_html(rendered)
            if self._shown.get("html") != html:
                with _KeepScroll(self.html):
                    self.html.setHtml(html)
                self._shown["html"] = html
        elif current == 1 and self._shown.get("text") != rendered.text:
            with _KeepScroll(self.text):
                self.text.setPlainText(rendered.text)
            self._shown["text"] = rendered.text
        elif current == 2 and self._shown.get("short") != (rendered.short, rendered.chat):
            self.short.setPlainText(rendered.short)
            # Counted as the platforms count it (a Japanese character is two): the count that shortens it.
            self.short_count.setText(args(translate("Preview", "%1 of %2 characters"), post_length(rendered.short),
                                          SHORT_LIMIT))
            self.chat.setPlainText(rendered.chat)
            for widget in (self.chat_caption, self.chat):
                widget.setVisible(bool(rendered.chat))
            self._shown["short"] = (rendered.short, rendered.chat)
        problems = "\n".join(str(p) for p in rendered.problems)
        self.problems.setText(problems)
        self.problems.setVisible(bool(problems))

    def _email_html(self, rendered: Rendered) -> str:
        """In a dark window the email shows as dark-mode mail clients show it."""
        if theme.scheme_of(self.palette()) is theme.DARK:
            return as_dark_clients_show(rendered.html)
        return rendered.html

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_tabs()  # light <-> dark: the email follows

    def show_error(self, message: str) -> None:
        self.problems.setText(message)
        self.problems.setVisible(bool(message))
