"""Notice ▸ Start from…: fill the notice shown from a starting text, asking before typed text is replaced."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.session.errors import FieldError
from .tr_args import args

translate = QCoreApplication.translate


def start_from(window) -> None:
    notice, session, dialogs = window.notice, window.doc.session, window.context.dialogs
    if not session.editable(notice):
        return
    window.flush()
    try:
        library = session.services.starters(window.incident.language)
    except FieldError as exc:  # a broken shipped library: said, never a crash
        dialogs.error(window, translate("StarterFlow", "Starting texts are not available"), str(exc))
        return
    name = dialogs.choose_starter(window, library.for_kind(notice.kind), notice.kind, library.problems)
    if not name:
        return
    try:
        plan = session.starter_plan(notice, name)
        overwrite = False
        if plan.replace:
            labels = translate("StarterFlow", ", ").join(plan.replaced_labels(notice.kind))
            if not dialogs.confirm(window, translate("StarterFlow", "Replace your text?"), args(translate(
                    "StarterFlow", "“%1” has its own text for %2, where you have typed already. Replace your text "
                    "with the starting text?"), plan.starter.title, labels), translate("StarterFlow", "Replace")):
                return
            overwrite = True
        changes, _plan = session.apply_starter(notice, name, overwrite=overwrite)
    except FieldError as exc:
        dialogs.error(window, translate("StarterFlow", "Cannot use this starting text"), str(exc))
        return
    if changes.content:
        window.autosave.touch()
        window.statusBar().showMessage(args(translate(
            "StarterFlow", "Started from “%1”: replace each [placeholder]."), plan.starter.title), 6000)
