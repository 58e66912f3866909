"""Rendering a notice into what recipients get: subject, plain text, HTML and a short post.

The preview and the sender both call `Renderer.render`, so what you see is what is sent.
Shipped templates run in a normal autoescaping environment; templates from the user's config
folder run in Jinja's sandbox, and any error in them falls back to the shipped template and is
reported with its file and line.
"""
from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..incident.audience_recipients import recorded_audiences
from ..incident.audiences import Audience
from ..incident.audience_chats import chat_names
from ..incident.chat_destinations import ChatDestination
from ..incident.fields import fields_of, label_for
from ..incident.model import TIME_NAMES, Incident, Notice
from ..incident.page_id import page_link
from ..incident.promise import local_times
from ..incident.story import lines_of, parse_actions
from ..incident.times import ZonedTime, format_zoned, parse_next_update, parse_zoned
from ..incident.window import maintenance_window
from ..shipped import PACKAGE, TEMPLATES
from . import textformat
from .calendar import maintenance_calendar
from .component_view import component_context
from .sections import email_sections
from .template_limits import LimitedSandbox, TemplateLimitExceeded

PARTS = ("subject.txt", "body.txt", "body.html", "short.txt")
SHORT_LIMIT = 280
PAGE_FRAGMENT = "page/update.html"


@dataclass(frozen=True)
class TemplateProblem:
    file: str
    line: int | None
    message: str
    over_limit: bool = False  # it ran too long or wrote too much: the other parts skip user templates

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message} (the shipped template was used instead)"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    short: str
    problems: tuple[TemplateProblem, ...] = ()
    calendar: str = ""  # a maintenance notice's iCalendar attachment (calendar.py), "" for none
    chat: str = ""  # what a chat post carries: the short version and the status page link; "" = no chat
    chat_to: tuple[str, ...] = ()  # the chat destinations' names it is posted to: the notice's Chat posts


def _make_env(cls, loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = cls(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        wrap=textformat.wrap,
        verbatim=textformat.verbatim,
        paragraphs=textformat.html_paragraphs,
        page_paragraphs=textformat.page_paragraphs,
        one_line=textformat.one_line,
        shorten=textformat.shorten,
        columns=textformat.columns,
    )
    return env


class Renderer:
    def __init__(self, user_dir: Path | None = None, shipped_dir: Path | None = None,
                 audiences: tuple[Audience, ...] = (), chat_destinations: tuple[ChatDestination, ...] = (),
                 status_page_url: str = ""):
        self.audiences = audiences  # the saved ones: a notice names the promise in its audiences' time
        self.chat_destinations = chat_destinations  # the service each name in a notice's Chat posts is on
        self.status_page_url = status_page_url  # the chat post links to the incident's page there (not approved)
        shipped = jinja2.FileSystemLoader(shipped_dir) if shipped_dir else jinja2.PackageLoader(PACKAGE, TEMPLATES)
        self.user_dir = Path(user_dir) if user_dir else None
        self._shipped = _make_env(jinja2.Environment, shipped)
        self._user = None
        if self.user_dir is not None:
            # User templates may extend or include the shipped ones, so the sandbox sees both.
            loader = jinja2.ChoiceLoader(
                [jinja2.FileSystemLoader(self.user_dir), shipped]
            )
            self._user = _make_env(LimitedSandbox, loader)  # the sandbox, with time and output limits
            self._user.limit_filters()

    def _uses_user_templates(self, language: str) -> bool:
        return self._user is not None and (self.user_dir / language).is_dir()

    def render(self, incident: Incident, notice: Notice) -> Rendered:
        context = build_context(incident, notice, self.audiences)
        problems: list[TemplateProblem] = []
        parts = {}
        for part in PARTS:
            parts[part] = self._render_part(incident.language, notice.kind, part, context, problems)
        short = textformat.one_line(parts["short.txt"])
        if len(short) > SHORT_LIMIT:
            short = self._fit_short(incident, notice.kind, context, problems)
        chats = tuple(chat_names(notice.fields.get("chats", "")))
        return Rendered(
            subject=textformat.one_line(parts["subject.txt"]),
            text=_tidy_text(parts["body.txt"]),
            html=parts["body.html"].strip("\n") + "\n",
            short=short,
            problems=tuple(dict.fromkeys(problems)),
            calendar=maintenance_calendar(incident, notice, incident.number(notice), short),
            chat=chat_text(short, self.page_link(incident)) if chats else "",
            chat_to=chats,
        )

    def page_link(self, incident: Incident) -> str:
        """The incident's status page link as these settings make it ("" without a status page URL)."""
        return page_link(self.status_page_url, incident.id)

    def render_page_fragment(self, incident: Incident, notice: Notice) -> str:
        """The notice's body for a web page (the status page): the email's sections and sentences as
        plain semantic HTML with classes, for the page's own stylesheet. Shipped template only."""
        context = dict(build_context(incident, notice, self.audiences), output="html")
        template = self._shipped.get_template(f"{incident.language}/{PAGE_FRAGMENT}")
        return _tidy_text(template.render(context))

    def _fit_short(self, incident, kind, context, problems) -> str:
        """Shorten the summary, and if need be the title, never the status or the next-update promise."""
        def render(**changes) -> str:
            short_context = dict(context, **changes)
            return textformat.one_line(self._render_part(incident.language, kind, "short.txt", short_context, problems))

        title = context["title"]
        frame = render(summary="")
        if len(frame) > SHORT_LIMIT:  # a very long title: it gives way too, down to a few words
            title = textformat.shorten(title, max(12, len(title) - (len(frame) - SHORT_LIMIT)))
            frame = render(summary="", title=title)
        room = SHORT_LIMIT - len(frame) - 1
        summary = textformat.shorten(context["summary"], room) if room >= 20 else ""
        return textformat.shorten(render(summary=summary, title=title), SHORT_LIMIT)

    def _render_part(self, language, kind, part, context, problems) -> str:
        name = f"{language}/{kind}/{part}"
        # Shared phrase macros escape what they interpolate only when rendering HTML.
        context = dict(context, output="html" if part.endswith(".html") else "text")
        # After one part ran out of time, the others go straight to the shipped templates.
        if self._uses_user_templates(language) and not any(p.over_limit for p in problems):
            try:
                return self._user.render_limited(name, context)
            except Exception as exc:  # any template fault: report it, fall back to the shipped one
                problems.append(_describe(exc, self.user_dir, name))
        return self._shipped.get_template(name).render(context)


def chat_text(short: str, link: str) -> str:
    """The chat post: the short version, then the incident's status page link when there is one."""
    return f"{short} {link}" if link else short


def _tidy_text(text: str) -> str:
    """One blank line between blocks, whatever the templates' whitespace; no trailing spaces."""
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _describe(exc: Exception, folder: Path, name: str) -> TemplateProblem:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateProblem(exc.filename or str(folder / name), exc.lineno, exc.message or str(exc))
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    over = isinstance(exc, TemplateLimitExceeded)
    message = f"{TemplateLimitExceeded.__name__ if over else type(exc).__name__}: {exc}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and Path(frame.filename).suffix in (".txt", ".html"):
            return TemplateProblem(frame.filename, frame.lineno, message, over)
    return TemplateProblem(str(folder / name), None, message, over)


def _zoned_text(value: str) -> str:
    return format_zoned(parse_zoned(value)) if value else ""


def _minutes_between(start: ZonedTime | None, end: ZonedTime | None) -> int | None:
    if start is None or end is None:
        return None
    minutes = int((end.moment - start.moment).total_seconds() // 60)
    return minutes if minutes >= 0 else None


def _duration_minutes(times: dict[str, str]) -> int | None:
    return _minutes_between(*(parse_zoned(times[t]) if t in times else None for t in ("started", "resolved")))


def _window(incident: Incident, notice: Notice) -> dict:
    start, end = maintenance_window(incident, notice.fields)
    return {
        "start": format_zoned(start) if start else "", "end": format_zoned(end) if end else "",
        "start_short": format_zoned(start, with_utc=False) if start else "",
        "end_short": format_zoned(end, with_utc=False) if end else "",
        "duration_minutes": _minutes_between(start, end),
    }


def build_context(incident: Incident, notice: Notice, audiences: tuple[Audience, ...] = ()) -> dict:
    """Everything a template may use: the fields as typed plus times already formatted. A field the
    notice's kind does not show is empty here, so no template can send it. `audiences` are the saved
    ones; those the notice goes to get the promise in their own time (`next_update.local`)."""
    shown = fields_of(notice.kind)
    fields = {name: value if name in shown else "" for name, value in notice.fields.items()}
    next_update = None
    if fields["next_update"]:
        parsed = parse_next_update(fields["next_update"])
        chosen = recorded_audiences(fields.get("audiences", ""), audiences)
        next_update = {
            "on_change": parsed.on_change,
            "when": "" if parsed.on_change else format_zoned(parsed.when),
            "short": "" if parsed.on_change else format_zoned(parsed.when, with_utc=False),
            "local": [] if parsed.on_change else local_times(parsed.when, chosen),
        }
    position = incident.number(notice) - 1
    earlier = incident.notices[:position]
    context = dict(fields)
    context.update(
        subject_override=fields["subject"],
        kind=notice.kind,
        incident_kind=incident.kind,
        language=incident.language,
        next_update=next_update,
        number=position + 1,
        update_number=sum(1 for n in earlier if n.kind == "update") + (notice.kind == "update"),
        times={name: _zoned_text(incident.times.get(name, "")) for name in TIME_NAMES},
        duration_minutes=_duration_minutes(incident.times),
        fields=fields,
        labels={name: label_for(notice.kind, name) for name in shown},
        sections=email_sections(notice.kind),
        events=lines_of(fields["events"]),
        actions=parse_actions(fields["actions"]),
        window=_window(incident, notice),
    )
    context.update(component_context(fields.get("components", ""), fields.get("impact_level", "")))
    return context
