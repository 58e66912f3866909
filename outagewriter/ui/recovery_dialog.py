"""After a crash: the incidents whose recovery copies were left behind, to restore or discard."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from .language import moment_text, translate
from .tr_args import args


class RecoveryDialog(QDialog):
    def __init__(self, copies: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Recovery", "Recover unsaved work"))
        self.setMinimumWidth(520)
        self.copies = copies
        self.to_restore: list = []
        self.to_discard: list = []
        layout = QVBoxLayout(self)
        intro = QLabel(translate("Recovery", "OutageWriter stopped before these incidents were saved. "
                                             "Restore the ones you want to keep working on."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("recovery_list")
        # A long path (or a long Japanese title) wraps inside the list instead of running off its right edge.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for copy in copies:
            where = copy.original_path or translate("Recovery", "never saved")
            item = QListWidgetItem(args(translate("Recovery", "%1\n%2 · autosaved %3"), copy.title, where,
                                        moment_text(copy.saved_at)))
            item.setToolTip(where)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton(translate("Recovery", "Restore selected"), QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton(translate("Recovery", "Discard all"), QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton(translate("Recovery", "Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        later.clicked.connect(self.reject)
        restore.setDefault(True)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        # Unchecked copies are kept and offered again next time: nothing is thrown away silently.
        for row, copy in enumerate(self.copies):
            if self.list.item(row).checkState() == Qt.CheckState.Checked:
                self.to_restore.append(copy)
        self.accept()

    def _discard(self) -> None:
        self.to_discard = list(self.copies)
        self.accept()
