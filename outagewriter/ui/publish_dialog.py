"""Incident → Publish status page…: where the page goes, a Publish button, and what came of it.

Publishing (core/session/publishing.py) reads every incident file and writes a whole site, so it
runs on its own lane off the GUI thread: the window keeps working and autosaves never wait behind it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from . import theme
from .settings_pages import named, note
from .side_windows import show_one
from .tasks import TaskRunner
from .tr_args import args

SETTINGS_PAGE = "Status page"
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "PublishDialog", "The status page is not set up yet. Choose, in Settings › Status page, the folder it is "
    "written into and the folder of incident files it shows (all of them: an incident kept elsewhere would not be "
    "on the page), and if you like its public address.")


def _value_label(parent, name: str, accessible: str) -> QLabel:
    label = named(QLabel(parent), name, accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PublishDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.context = window.context
        self.running = False
        self.setObjectName("publish_dialog")
        self.setAccessibleName(self.tr("Publish status page"))
        self.setWindowTitle(self.tr("Publish status page"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(12)
        self.not_set_up = named(note(self.tr(NOT_SET_UP), self), "publish_not_set_up",
                                self.tr("The status page is not set up"))
        layout.addWidget(self.not_set_up)
        form = QFormLayout()
        self.folder = _value_label(self, "publish_folder", self.tr("Writes the page to"))
        self.incidents = _value_label(self, "publish_incidents", self.tr("Shows the incidents in"))
        self.url = _value_label(self, "publish_url", self.tr("Public address"))
        form.addRow(self.tr("Writes to:"), self.folder)
        form.addRow(self.tr("Incidents from:"), self.incidents)
        form.addRow(self.tr("Public address:"), self.url)
        layout.addLayout(form)
        self.change = named(QPushButton(self.tr("Change in Settings…"), self), "publish_settings",
                            self.tr("Open the Status page settings"))
        self.change.setAutoDefault(False)
        self.change.clicked.connect(self.open_settings)
        layout.addWidget(self.change, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = _value_label(self, "publish_result", self.tr("What publishing did"))
        self.result.hide()
        layout.addWidget(self.result)
        self.problems = _value_label(self, "publish_problems", self.tr("What could not be published"))
        theme.tint(self.problems, "warning")
        self.problems.hide()
        layout.addWidget(self.problems)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_page = named(buttons.addButton(self.tr("Open page"), QDialogButtonBox.ButtonRole.ActionRole),
                               "publish_open", self.tr("Open the published page"))
        self.publish = named(buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.ActionRole),
                             "publish_run", self.tr("Publish the status page"))
        self.publish.setDefault(True)
        self.publish.clicked.connect(self.run)
        self.open_page.clicked.connect(self.show_page)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show where the page goes as the settings now say."""
        settings = self.context.settings
        ready = bool(settings.status_page_folder and settings.status_page_incidents)
        self.not_set_up.setVisible(not ready)
        self.change.setText(self.tr("Change in Settings…") if ready else self.tr("Open Status page settings…"))
        self.folder.setText(settings.status_page_folder or self.tr("not set"))
        self.incidents.setText(settings.status_page_incidents or self.tr("not set"))
        self.url.setText(settings.status_page_url or self.tr("not set: feeds and chat posts cannot link to the page"))
        self.publish.setEnabled(ready and not self.running)
        self.open_page.setEnabled(self._index().is_file())
        # Enter publishes when it can; otherwise it opens the settings that are missing.
        (self.publish if self.publish.isEnabled() else self.change).setFocus()
        self._fit()

    def _fit(self) -> None:
        """Grow to show every line: wrapped labels need more height once a result is shown."""
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _index(self) -> Path:
        folder = self.context.settings.status_page_folder
        return Path(folder).expanduser() / "index.html" if folder else Path()

    def open_settings(self) -> None:
        self.window_.edit_settings(SETTINGS_PAGE)
        self.refresh()

    def run(self) -> None:
        """Publish on the PUBLISH lane; the result comes back to `_published` on the GUI thread."""
        from ..core.session.publishing import publish_status_page, sources_for

        if self.running:
            return
        self.window_.flush()
        settings, renderer = self.context.settings, self.context.renderer  # the user's templates, as sent
        self.running = True
        self.publish.setEnabled(False)
        self.publish.setText(self.tr("Publishing…"))
        theme.tint(self.result, None)
        self.result.setText(self.tr("Publishing…"))
        self.result.show()
        self.problems.hide()
        self._fit()

        def job():
            return publish_status_page(sources_for(settings), settings.status_page_folder, settings,
                                       renderer=renderer)

        self.context.tasks.run(job, self._published, lane=TaskRunner.PUBLISH)

    def _published(self, result, error) -> None:
        self.running = False
        self.publish.setText(self.tr("Publish"))
        if error is not None:
            theme.tint(self.result, "error")
            self.result.setText(args(self.tr("Not published: %1"),
                                     str(error).splitlines()[0] if str(error) else type(error).__name__))
            details = getattr(error, "details", ())  # PublishError: why each notice was left out
            self.problems.setText("\n".join(details))
            self.problems.setVisible(bool(details))
        else:
            theme.tint(self.result, None)
            self.result.setText(result.summary())
            self.problems.setText("\n".join(result.problems))
            self.problems.setVisible(bool(result.problems))
            self.window_.statusBar().showMessage(result.summary().splitlines()[0], 8000)
        self.refresh()

    def show_page(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._index())))


def show_publish(window) -> PublishDialog:
    """Open (or raise) the window's Publish status page dialog."""
    return show_one(window, PublishDialog, "publish_dialog")
