"""The Review tab: approval state, what changed after approval (word by word), what changed since the
previous notice, open change requests, the history, and the review actions.

It shows what `core.review` and `core.audit` say; the steps themselves run in `review_flow`.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.review import workflow as review
from . import theme
from .highlight import quiet
from .language import join_sentences, moment_text, translate
from .tr_args import args
from .words import value_label

STATE_TONES = {  # theme.TONES
    "approved": "good", "sent": "good", "approval void": "error", "changes requested": "warning",
    "in review": "info", "draft": None,
}
PART_LABELS = {"subject": QT_TRANSLATE_NOOP("ReviewPanel", "Subject"), "to": QT_TRANSLATE_NOOP("ReviewPanel", "To"),
               "cc": "Cc", "bcc": "Bcc", "text": QT_TRANSLATE_NOOP("ReviewPanel", "Text"), "html": "HTML"}


def diff_html(diffs, scheme: theme.Scheme, context_words: int = 10) -> str:
    """Word-level differences as HTML: deletions struck through in red, insertions in green,
    in the colours of the window's scheme."""
    deleted = "color:{}; background-color:{}; text-decoration:line-through;".format(*scheme.deleted)
    inserted = "color:{}; background-color:{};".format(*scheme.inserted)
    parts = {d.part for d in diffs}
    out = []
    for diff in diffs:
        label = translate("ReviewPanel", PART_LABELS.get(diff.part, diff.part))
        if diff.part == "html" and parts - {"html"}:
            out.append(f"<p><b>{label}</b>: " + translate("ReviewPanel", "changed as well") + "</p>")
            continue
        pieces = []
        for op, shown in diff.shown(context_words):
            if op == "equal":
                pieces.append(" " + html.escape(shown) + " " if shown else " ")
            else:
                style = deleted if op == "delete" else inserted
                pieces.append(f'<span style="{style}">{html.escape(shown)}</span>')
        out.append(f"<p><b>{label}</b>: {''.join(pieces).strip()}</p>")
    return "".join(out)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _browser(name: str, accessible: str, parent: QWidget) -> QTextBrowser:
    view = QTextBrowser(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setOpenLinks(False)
    view.setFrameShape(QFrame.Shape.StyledPanel)
    view.setMinimumHeight(60)
    view.setMaximumHeight(150)
    return view


class ReviewPanel(QWidget):
    def __init__(self, actions_by_key: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("review_panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 8, 8, 8)
        layout.setSpacing(6)

        self.state = QLabel(body)
        self.state.setObjectName("review_state")
        self.state.setAccessibleName(translate("ReviewPanel", "Review state"))
        self.state.setWordWrap(True)
        font = QFont(self.state.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.state.setFont(font)
        layout.addWidget(self.state)
        self.detail = QLabel(body)
        self.detail.setObjectName("review_detail")
        self.detail.setAccessibleName(translate("ReviewPanel", "About the approval"))
        self.detail.setWordWrap(True)
        quiet(self.detail)
        layout.addWidget(self.detail)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("request_review", translate("ReviewPanel", "Request review…")),
                          ("review_by_email", translate("ReviewPanel", "By email…")),
                          ("approve", translate("ReviewPanel", "Approve…")), ("request_changes",
                                                                              translate("ReviewPanel",
                                                                                        "Request changes…"))):
            action = actions_by_key[key]
            button = QPushButton(text, body)
            button.setObjectName(f"review_{key}")
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.void_heading = _heading(translate("ReviewPanel", "Changed after approval"), body)
        self.void_diff = _browser("review_void_diff", translate("ReviewPanel", "Changes after approval, word by word"),
                                  body)
        layout.addWidget(self.void_heading)
        layout.addWidget(self.void_diff)

        self.comments_heading = _heading(translate("ReviewPanel", "Open change requests"), body)
        self.comments = QListWidget(body)
        self.comments.setObjectName("review_comments")
        self.comments.setAccessibleName(translate("ReviewPanel", "Open change requests"))
        self.comments.setWordWrap(True)
        self.comments.setMaximumHeight(110)
        layout.addWidget(self.comments_heading)
        layout.addWidget(self.comments)

        self.previous_heading = _heading(translate("ReviewPanel", "Changes since the previous notice"), body)
        self.previous = _browser("review_since_previous",
                                 translate("ReviewPanel", "Changes since the previous notice"), body)
        layout.addWidget(self.previous_heading)
        layout.addWidget(self.previous)

        layout.addWidget(_heading(translate("ReviewPanel", "History"), body))
        self.timeline = QListWidget(body)
        self.timeline.setObjectName("review_timeline")
        self.timeline.setAccessibleName(translate("ReviewPanel", "Review history"))
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(70)
        layout.addWidget(self.timeline, 1)
        self._shown: dict | None = None  # what show_review was last given

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_review(**self._shown)  # light <-> dark: the diffs follow

    def show_review(self, *, state: str, status, comments: list, since_previous, timeline: list,
                    findings: int, approval_required: bool) -> None:
        """state: core display_state; status: Valid/Void/Missing; since_previous: PartDiffs or None
        (first notice); timeline: audit LogEntry list; findings: how many the checks report now."""
        self._shown = dict(state=state, status=status, comments=comments, since_previous=since_previous,
                           timeline=timeline, findings=findings, approval_required=approval_required)
        scheme = theme.scheme_of(self.palette())
        self.state.setText(_state_words(state, status))
        theme.tint(self.state, STATE_TONES.get(state))
        notes = []
        if isinstance(status, review.Void):
            why = review.reason_label(status.reason).split(": ", 1)[-1]  # core's words, in the program's language
            notes.append(args(translate("ReviewPanel", "Approved by %1 (%2); %3. A reviewer must approve the notice "
                                           "as it is now before it can be sent."),
                              status.approval.reviewer, moment_text(status.approval.time), why))
        elif isinstance(status, review.Valid) and state != "sent":
            notes.append(translate("ReviewPanel", "Any change to the text or the recipients voids this approval."))
            if status.approval.comment:
                notes.append(f"“{status.approval.comment}”")
        elif state != "sent":
            notes.append(translate("ReviewPanel", "A reviewer must approve the exact text before it can be sent.")
                         if approval_required
                         else translate("ReviewPanel", "Your settings do not require an approval before sending."))
        notes.append(translate("ReviewPanel", "1 finding from the checks right now.") if findings == 1
                     else translate("ReviewPanel", "%n findings from the checks right now.", None, findings)
                     if findings else translate("ReviewPanel", "The checks find nothing to point out right now."))
        self.detail.setText(join_sentences(notes))

        is_void = isinstance(status, review.Void) and bool(status.diff)
        self.void_heading.setVisible(is_void)
        self.void_diff.setVisible(is_void)
        if is_void:
            self.void_diff.setHtml(diff_html(status.diff, scheme))

        self.comments.clear()
        for request in comments:
            where = f" on {request.field.replace('_', ' ')}" if request.field else ""
            self.comments.addItem(f"{request.reviewer}{where}: {request.comment}")
        self.comments_heading.setVisible(bool(comments))
        self.comments.setVisible(bool(comments))

        if since_previous is None:
            self.previous.setHtml("<p>" + translate("ReviewPanel", "This is the first notice.") + "</p>")
        else:
            self.previous.setHtml(diff_html(since_previous, scheme) or
                                  "<p>" + translate("ReviewPanel", "No change in the subject or the text.") + "</p>")

        self.timeline.clear()
        for entry in timeline:
            self.timeline.addItem(entry.describe(moment_text))
        if not timeline:
            self.timeline.addItem(translate("ReviewPanel", "Nothing yet: request a review when the notice is ready."))


def _state_words(state: str, status) -> str:
    if state == "approval void":
        reason = review.reason_label(status.reason if isinstance(status, review.Void) else review.VOID_CHANGED)
        return reason[:1].upper() + reason[1:]
    if state == "approved" and isinstance(status, review.Valid):
        return args(translate("ReviewPanel", "Approved by %1"), status.approval.reviewer)
    return value_label(state)
