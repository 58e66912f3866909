"""The window's actions, menus and toolbar: standard keys wherever the platform has one."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Std = QKeySequence.StandardKey


def _action(window, key, text, slot, shortcut=None, tip=""):
    action = QAction(text, window)
    action.setObjectName(f"action_{key}")
    if shortcut is not None:
        action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Std) else [QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.actions_by_key[key] = action
    window.addAction(action)
    return action


def build(window: QMainWindow) -> None:
    """Creates window.actions_by_key and the menus; slots are the window's methods."""
    w = window
    w.actions_by_key = {}
    a = lambda *args, **kw: _action(w, *args, **kw)  # noqa: E731
    a("new", "&New incident…", w.new_incident, Std.New, "Start a new incident or maintenance notice")
    a("open", "&Open…", w.open_dialog, Std.Open, "Open an incident file")
    a("save", "&Save", w.save, Std.Save, "Save the incident")
    a("save_as", "Save &As…", w.save_as, Std.SaveAs, "Save the incident under a new name")
    a("close", "&Close window", w.close, Std.Close)
    a("quit", "&Quit", w.quit_all, Std.Quit)
    a("undo", "&Undo", lambda: w.edit_focused("undo"))
    a("redo", "&Redo", lambda: w.edit_focused("redo"))
    a("refresh", "Refresh &preview", w.refresh, Std.Refresh, "Render and check again now")
    a("next_finding", "&Next finding", lambda: w.step_finding(1), "F8", "Select the next finding in the form")
    a("previous_finding", "&Previous finding", lambda: w.step_finding(-1), "Shift+F8")
    a("add_update", "New &update", lambda: w.add_notice("update"), "Ctrl+Shift+U",
      "Start the next update from the last sent notice")
    a("add_resolution", "New &resolution", lambda: w.add_notice("resolution"), "Ctrl+Shift+R",
      "Tell recipients it is over")
    a("add_post-incident", "New &post-incident notice", lambda: w.add_notice("post-incident"), "Ctrl+Shift+P",
      "What happened and what will change: a separate, later notice")

    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    for key in ("new", "open"):
        file_menu.addAction(w.actions_by_key[key])
    w.recent_menu = QMenu("Open &recent", w)
    w.recent_menu.setObjectName("recent_menu")
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    for key in ("save", "save_as"):
        file_menu.addAction(w.actions_by_key[key])
    file_menu.addSeparator()
    file_menu.addAction(w.actions_by_key["close"])
    file_menu.addAction(w.actions_by_key["quit"])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(w.actions_by_key["undo"])
    edit_menu.addAction(w.actions_by_key["redo"])
    edit_menu.addSeparator()
    edit_menu.addAction(w.actions_by_key["next_finding"])
    edit_menu.addAction(w.actions_by_key["previous_finding"])
    notice_menu = bar.addMenu("&Notice")
    for key in ("add_update", "add_resolution", "add_post-incident"):
        notice_menu.addAction(w.actions_by_key[key])
    notice_menu.addSeparator()
    notice_menu.addAction(w.actions_by_key["refresh"])

    tools = QToolBar("Main", w)
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    for key in ("new", "open", "save"):
        tools.addAction(w.actions_by_key[key])
    tools.addSeparator()
    for key in ("add_update", "add_resolution"):
        tools.addAction(w.actions_by_key[key])
    w.addToolBar(tools)
