"""Choosing from the window's menus as a person does: open the menu, look, click the item."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…")


def open_menu(window, qtbot, title: str):
    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.menu() is not None and _plain(a.text()) == title)
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    return menu


def item_states(window, qtbot, title: str) -> dict[str, bool]:
    """What the menu shows: each item's text and whether it can be chosen."""
    menu = open_menu(window, qtbot, title)
    states = {_plain(a.text()): a.isEnabled() for a in menu.actions() if not a.isSeparator()}
    menu.close()
    return states


def choose(window, qtbot, title: str, item: str) -> None:
    menu = open_menu(window, qtbot, title)
    action = next(a for a in menu.actions() if _plain(a.text()) == item)
    assert action.isEnabled(), f"{title} → {item} is greyed out"
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())
