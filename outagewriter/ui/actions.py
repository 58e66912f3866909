"""The window's actions, menus and toolbar: standard keys wherever the platform has one."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from . import help_windows, languages_dialog, publish_dialog, timeline_view
from .language import translate, without_access_key

Std = QKeySequence.StandardKey


def _action(window, key, text, slot, shortcut=None, tip=""):
    action = QAction(text, window)
    action.setIconText(without_access_key(text))  # the toolbar's words
    action.setObjectName(f"action_{key}")
    if shortcut is not None:
        action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut,
                                                                             Std) else [QKeySequence(shortcut)])
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
    a("new", translate("Actions", "&New incident…"), w.new_incident, Std.New,
      translate("Actions", "Start a new incident or maintenance notice"))
    a("open", translate("Actions", "&Open…"), w.open_dialog, Std.Open, translate("Actions", "Open an incident file"))
    a("save", translate("Actions", "&Save"), w.save, Std.Save, translate("Actions", "Save the incident"))
    a("save_as", translate("Actions", "Save &As…"), w.save_as, Std.SaveAs,
      translate("Actions", "Save the incident under a new name"))
    a("close", translate("Actions", "&Close window"), w.close, Std.Close)
    a("quit", translate("Actions", "&Quit"), w.quit_all, Std.Quit)
    # Edit commands act on the field in use (ui/edit_commands.py); a focused field takes its own keys first.
    a("undo", translate("Actions", "&Undo"), lambda: w.edit_focused("undo"), Std.Undo)
    a("redo", translate("Actions", "&Redo"), lambda: w.edit_focused("redo"), Std.Redo)
    a("cut", translate("Actions", "Cu&t"), lambda: w.edit_focused("cut"), Std.Cut)
    a("copy", translate("Actions", "&Copy"), lambda: w.edit_focused("copy"), Std.Copy)
    a("paste", translate("Actions", "&Paste"), lambda: w.edit_focused("paste"), Std.Paste)
    a("select_all", translate("Actions", "Select &all"), lambda: w.edit_focused("select_all"), Std.SelectAll)
    a("find", translate("Actions", "&Find…"), lambda: w.find_bar.open(), Std.Find,
      translate("Actions", "Find text in the fields of this notice"))
    a("find_next", translate("Actions", "Find ne&xt"), lambda: w.find_bar.step(forward=True), Std.FindNext)
    a("find_previous", translate("Actions", "Find pre&vious"), lambda: w.find_bar.step(forward=False), Std.FindPrevious)
    a("refresh", translate("Actions", "Refresh &preview"), w.refresh, Std.Refresh,
      translate("Actions", "Render and check again now"))
    a("next_finding", translate("Actions", "&Next finding"), lambda: w.step_finding(1), "F8",
      translate("Actions", "Select the next finding in the form"))
    a("previous_finding", translate("Actions", "&Previous finding"), lambda: w.step_finding(-1), "Shift+F8")
    a("add_update", translate("Actions", "New &update"), lambda: w.add_notice("update"), "Ctrl+Shift+U",
      translate("Actions", "Start the next update from the last sent notice"))
    a("add_resolution", translate("Actions", "New &resolution"), lambda: w.add_notice("resolution"), "Ctrl+Shift+R",
      translate("Actions", "Tell recipients it is over"))
    a("add_post-incident", translate("Actions", "New &post-incident notice"), lambda: w.add_notice("post-incident"),
      "Ctrl+Shift+P",
      translate("Actions", "What happened and what will change: a separate, later notice"))
    a("add_maintenance", translate("Actions", "New &maintenance stage"), lambda: w.add_notice("maintenance"),
      "Ctrl+Shift+M",
      translate("Actions", "The maintenance's next notice: a reminder, its start, an extension or its completion"))
    a("start_from", translate("Actions", "Start &from…"), w.start_from, None,
      translate("Actions", "Fill this notice from a starting text"))
    # Ctrl+Return sends in most mail clients; Ctrl+Shift+S is Save As on Linux and Windows.
    a("send", translate("Actions", "&Send…"), w.send_notice, "Ctrl+Return",
      translate("Actions", "Send the notice to its recipients"))
    a("send_test", translate("Actions", "Send a &test to myself…"), w.send_test, "Ctrl+Shift+T",
      translate("Actions", "Send a [TEST] copy only to the account's own address"))
    a("request_review", translate("Actions", "Request &review…"), w.request_review, None,
      translate("Actions", "Ask a reviewer to approve this notice"))
    a("review_by_email", translate("Actions", "Request review by &email…"), w.request_review_by_email, None,
      translate("Actions", "Email the notice and the incident file to a reviewer"))
    a("approve", translate("Actions", "&Approve…"), w.approve, None,
      translate("Actions", "Approve the exact text of this notice"))
    a("request_changes", translate("Actions", "Request &changes…"), w.request_changes, None,
      translate("Actions", "Send the notice back with a comment"))
    a("show_review", translate("Actions", "Show the re&view"), w.show_review, "Ctrl+Shift+V",
      translate("Actions", "Approval, history and comments"))
    a("timeline", translate("Actions", "&Timeline…"), lambda: timeline_view.show_timeline(w), "Ctrl+Shift+L",
      translate("Actions", "Every notice and review event of the incident, in its time zone and UTC"))
    a("languages", translate("Actions", "&Languages…"), lambda: languages_dialog.choose_languages(w), None,
      translate("Actions", "The languages this incident's notices are written in: one, or two in the same email"))
    a("export", translate("Actions", "&Export…"), lambda: timeline_view.export_incident(w), None,
      translate("Actions", "Write the whole incident as Markdown or HTML for the records"))
    # Ctrl+Shift+P is the post-incident notice's: B for "broadcast".
    a("publish", translate("Actions", "&Publish status page…"), lambda: publish_dialog.show_publish(w), "Ctrl+Shift+B",
      translate("Actions", "Write the static status page from the sent notices of your incident files"))
    a("accounts", translate("Actions", "&Mail accounts…"), w.edit_accounts, None,
      translate("Actions", "Add, change or test the accounts you send through"))
    # The platform's name, key and place: Preferences… (Cmd+,) in the application menu on macOS.
    settings = a("settings", translate("Actions", "&Settings…"), lambda: w.edit_settings(), None,
                 translate("Actions", "Writing checks, your name, review rules, appearance and mail accounts"))
    settings.setShortcuts(QKeySequence.keyBindings(Std.Preferences) or [QKeySequence("Ctrl+,")])
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    bar = w.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    for key in ("new", "open"):
        file_menu.addAction(w.actions_by_key[key])
    w.recent_menu = QMenu(translate("Actions", "Open &recent"), w)
    w.recent_menu.setObjectName("recent_menu")
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    for key in ("save", "save_as"):
        file_menu.addAction(w.actions_by_key[key])
    file_menu.addSeparator()
    file_menu.addAction(w.actions_by_key["close"])
    file_menu.addAction(w.actions_by_key["quit"])
    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    edit_menu.setObjectName("edit_menu")
    for key in ("undo", "redo", None, "cut", "copy", "paste", "select_all", None, "find", "find_next",
                "find_previous", None, "next_finding", "previous_finding"):
        edit_menu.addSeparator() if key is None else edit_menu.addAction(w.actions_by_key[key])
    edit_menu.aboutToShow.connect(lambda: w.edit_commands.refresh())
    notice_menu = bar.addMenu(translate("Actions", "&Notice"))
    for key in ("add_update", "add_resolution", "add_post-incident", "add_maintenance"):
        notice_menu.addAction(w.actions_by_key[key])
    notice_menu.addSeparator()
    notice_menu.addAction(w.actions_by_key["start_from"])
    notice_menu.addAction(w.actions_by_key["refresh"])
    incident_menu = bar.addMenu(translate("Actions", "&Incident"))
    incident_menu.setObjectName("incident_menu")
    for key in ("timeline", "export", "languages", None, "publish"):
        incident_menu.addSeparator() if key is None else incident_menu.addAction(w.actions_by_key[key])
    review_menu = bar.addMenu(translate("Actions", "Re&view"))
    for key in ("show_review", None, "request_review", "review_by_email", None, "approve", "request_changes"):
        review_menu.addSeparator() if key is None else review_menu.addAction(w.actions_by_key[key])
    send_menu = bar.addMenu(translate("Actions", "Sen&d"))
    for key in ("send", "send_test"):
        send_menu.addAction(w.actions_by_key[key])
    settings_menu = bar.addMenu(translate("Actions", "Se&ttings"))
    settings_menu.addAction(w.actions_by_key["settings"])
    settings_menu.addAction(w.actions_by_key["accounts"])

    tools = QToolBar(translate("Actions", "Main"), w)
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    for key in ("new", "open", "save"):
        tools.addAction(w.actions_by_key[key])
    tools.addSeparator()
    for key in ("add_update", "add_resolution"):
        tools.addAction(w.actions_by_key[key])
    tools.addSeparator()
    for key in ("request_review", "approve", "send"):
        tools.addAction(w.actions_by_key[key])
    w.addToolBar(tools)
    _help_menu(w, a)


def _help_menu(w, a) -> None:
    a("guide", translate("Actions", "&Writing a good notice"), lambda: help_windows.show_guide(w), Std.HelpContents,
      translate("Actions", "The rules this app follows, with their sources"))
    a("shortcuts", translate("Actions", "&Keyboard shortcuts"), lambda: help_windows.show_shortcuts(w))
    a("example", translate("Actions", "Open the &example incident"), w.open_example, None,
      translate("Actions", "Your own copy of a well-written example"))
    a("about", translate("Actions", "&About OutageWriter"), lambda: help_windows.show_about(w))
    w.actions_by_key["about"].setMenuRole(QAction.MenuRole.AboutRole)  # macOS: in the application menu
    menu = w.menuBar().addMenu(translate("Actions", "&Help"))
    menu.setObjectName("help_menu")
    for key in ("guide", "shortcuts", "example", None, "about"):
        menu.addSeparator() if key is None else menu.addAction(w.actions_by_key[key])
