"""Windows a main window keeps one of (the timeline, Publish status page): opened once, raised after."""
from __future__ import annotations


def show_one(window, kind, name: str):
    """The window's `kind` dialog named `name`, made on first use and refreshed after, brought to front."""
    dialog = window.findChild(kind, name)
    if dialog is None:
        dialog = kind(window)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
