"""Notice ▸ Start from…: fill the notice shown from a starting text, asking before typed text is replaced."""
from __future__ import annotations

from ..core.session.errors import FieldError


def start_from(window) -> None:
    notice, session, dialogs = window.notice, window.doc.session, window.context.dialogs
    if not session.editable(notice):
        return
    window.flush()
    try:
        library = session.services.starters(window.incident.language)
    except FieldError as exc:  # a broken shipped library: said, never a crash
        dialogs.error(window, "Starting texts are not available", str(exc))
        return
    name = dialogs.choose_starter(window, library.for_kind(notice.kind), notice.kind, library.problems)
    if not name:
        return
    try:
        plan = session.starter_plan(notice, name)
        overwrite = False
        if plan.replace:
            labels = ", ".join(plan.replaced_labels(notice.kind))
            if not dialogs.confirm(window, "Replace your text?",
                                   f"“{plan.starter.title}” has its own text for {labels}, where you have "
                                   "typed already. Replace your text with the starting text?", "Replace"):
                return
            overwrite = True
        changes, _plan = session.apply_starter(notice, name, overwrite=overwrite)
    except FieldError as exc:
        dialogs.error(window, "Cannot use this starting text", str(exc))
        return
    if changes.content:
        window.autosave.touch()
        window.statusBar().showMessage(f"Started from “{plan.starter.title}”: replace each [placeholder].", 6000)
