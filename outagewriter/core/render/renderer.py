"""Rendering a notice into what recipients get: subject, plain text, HTML and a short post.

The preview and the sender both call `Renderer.render`, so what you see is what is sent.
Shipped templates run in a normal autoescaping environment; templates from the user's config
folder run in Jinja's sandbox, and any error in them falls back to the shipped template and is
reported with its file and line.
"""
from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..i18n import _
from ..incident.audience_recipients import recorded_audiences
from ..incident.audiences import Audience
from ..incident.audience_chats import chat_names
from ..incident.chat_destinations import ChatDestination
from ..incident.fields import fields_of, label_for
from ..incident.model import TIME_NAMES, Incident, Notice
from ..incident.page_id import page_link
from ..incident.story import lines_of, parse_actions
from ..incident.times import ZonedTime, parse_next_update, parse_zoned
from ..incident.window import maintenance_window
from ..shipped import PACKAGE, TEMPLATES
from . import textformat
from .bilingual import second_language_fields
from .calendar import maintenance_calendar
from .component_view import component_context
from .dates import LOCAL_TIMES, ZONED_FORMATS
from .linebreak import display_width, fit_columns
from .moved_templates import MovedTemplates
from .post_length import exceeds, post_length, shorten_post
from .sections import email_sections
from .template_cache import use_template_cache
from .template_limits import LimitedSandbox, TemplateLimitExceeded

PARTS = ("subject.txt", "body.txt", "body.html", "short.txt")
SHORT_LIMIT = 280  # X's weighted count (post_length.py): Japanese characters count 2
SUBJECT_COLUMNS = 160  # a bilingual subject: both languages while they fit, in display columns
SUBJECT_JOINER = " / "
PAGE_FRAGMENT = "page/update.html"


@dataclass(frozen=True)
class TemplateProblem:
    file: str
    line: int | None
    message: str
    over_limit: bool = False  # it ran too long or wrote too much: the other parts skip user templates

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return _("{place}: {problem} (the shipped template was used instead)").format(place=where, problem=self.message)


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
        underline=textformat.underline,
    )
    return env


class Renderer:
    def __init__(self, user_dir: Path | None = None, shipped_dir: Path | None = None,
                 audiences: tuple[Audience, ...] = (), chat_destinations: tuple[ChatDestination, ...] = (),
                 status_page_url: str = ""):
        self.audiences = audiences  # the saved ones: a notice names the promise in its audiences' time
        self.chat_destinations = chat_destinations  # the service each name in a notice's Chat posts is on
        self.status_page_url = status_page_url  # the chat post links to the incident's page there (not approved)
        shipped = MovedTemplates(jinja2.FileSystemLoader(shipped_dir) if shipped_dir
                                 else jinja2.PackageLoader(PACKAGE, TEMPLATES))
        self.user_dir = Path(user_dir) if user_dir else None
        self._shipped = _make_env(jinja2.Environment, shipped)
        use_template_cache(self._shipped)
        self._user = None
        self._user_stamp = folder_stamp(self.user_dir)
        self.templates_generation = 0  # goes up each time the user's templates are read afresh
        if self.user_dir is not None:
            # User templates may extend or include the shipped ones, so the sandbox sees both.
            loader = jinja2.ChoiceLoader(
                [jinja2.FileSystemLoader(self.user_dir), shipped]
            )
            self._user = _make_env(LimitedSandbox, loader)  # the sandbox, with time and output limits
            self._user.limit_filters()

    def reload_if_changed(self) -> int:
        """Read the user's templates afresh when a file in their folder was saved, added or removed
        since the last look (Jinja alone would miss a new file where a shipped one was found before);
        returns `templates_generation`, for what was made from the old templates to be made again."""
        stamp = folder_stamp(self.user_dir)
        if stamp != self._user_stamp:
            self._user_stamp = stamp
            self.templates_generation += 1
            if self._user is not None:
                self._user.cache.clear()
        return self.templates_generation

    def _uses_user_templates(self, language: str) -> bool:
        return self._user is not None and (self.user_dir / language).is_dir()

    def render(self, incident: Incident, notice: Notice) -> Rendered:
        """Every part of the notice; a bilingual notice has the first language's text, then the second's."""
        self.reload_if_changed()
        problems: list[TemplateProblem] = []
        other = None
        if incident.second_language:
            other = self._render_language(incident, notice, incident.second_language, problems, half=True)
        first = self._render_language(incident, notice, incident.language, problems, other=other)
        subject, short = first["subject"], first["short"]
        if other is not None:
            subject = _both_subjects(subject, other["subject"])
            both = f"{short} / {other['short']}"
            short = both if post_length(both) <= SHORT_LIMIT else short
        chats = tuple(chat_names(notice.fields.get("chats", "")))
        return Rendered(
            subject=subject,
            text=first["text"],
            html=first["html"],
            short=short,
            problems=tuple(dict.fromkeys(problems)),
            calendar=maintenance_calendar(incident, notice, incident.number(notice), short),
            chat=chat_text(short, self.page_link(incident)) if chats else "",
            chat_to=chats,
        )

    def _render_language(self, incident, notice, language, problems, half=False, other=None) -> dict:
        """One language's parts. `half`: the second language's, its HTML only the card's content for the
        first language's email to hold; `other`: those parts, for the first language's templates to add."""
        context = build_context(incident, notice, self.audiences, language)
        context.update(half=half, other=other)
        parts = {part: self._render_part(language, notice.kind, part, context, problems) for part in PARTS}
        short = textformat.one_line(parts["short.txt"])
        if exceeds(short, SHORT_LIMIT):
            short = self._fit_short(language, notice.kind, context, problems)
        return {"language": language, "subject": textformat.one_line(parts["subject.txt"]),
                "text": _tidy_text(parts["body.txt"]), "html": parts["body.html"].strip("\n") + "\n",
                "short": short}

    def page_link(self, incident: Incident) -> str:
        """The incident's status page link as these settings make it ("" without a status page URL)."""
        return page_link(self.status_page_url, incident.id)

    def render_page_fragment(self, incident: Incident, notice: Notice) -> str:
        """The notice's body for a web page (the status page): the email's sections and sentences as
        plain semantic HTML with classes, for the page's own stylesheet. Shipped template only."""
        halves = []
        for language in incident.languages:
            context = dict(build_context(incident, notice, self.audiences, language), output="html")
            halves.append((language, _tidy_text(self._shipped.get_template(f"{language}/{PAGE_FRAGMENT}").render(context))))
        if len(halves) == 1:
            return halves[0][1]
        # Each language in its own block with its `lang`, so browsers, fonts and screen readers follow.
        return "".join(f'<div class="notice-language" lang="{language}">\n{fragment}</div>\n'
                       for language, fragment in halves)

    def _fit_short(self, language, kind, context, problems) -> str:
        """Shorten the summary, and if need be the title, never the status or the next-update promise;
        lengths as X counts them (post_length.py)."""
        def render(**changes) -> str:
            short_context = dict(context, **changes)
            return textformat.one_line(self._render_part(language, kind, "short.txt", short_context, problems))

        title = context["title"]
        frame = render(summary="")
        if exceeds(frame, SHORT_LIMIT):  # a very long title: it gives way too, down to a few words
            title = shorten_post(title, max(24, post_length(title) - (post_length(frame) - SHORT_LIMIT)))
            frame = render(summary="", title=title)
        room = SHORT_LIMIT - post_length(frame) - 1
        summary = shorten_post(context["summary"], room) if room >= 20 else ""
        return shorten_post(render(summary=summary, title=title), SHORT_LIMIT)

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


def folder_stamp(folder: Path | None) -> tuple:
    """Each file under `folder` with its size and modification time: it changes when one is saved,
    added or removed. A few stat calls for a typical folder, so it can be taken on every keystroke."""
    if folder is None:
        return ()
    stamp = []
    for root, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:  # removed while we looked: the next look sees it gone
                continue
            stamp.append((path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamp))


def chat_text(short: str, link: str) -> str:
    """The chat post: the short version, then the incident's status page link when there is one."""
    return f"{short} {link}" if link else short


def _both_subjects(first: str, second: str) -> str:
    """'【障害のお知らせ】… / Investigating: …': the second language shortened to fit, or left out when
    the first takes nearly all the room."""
    room = SUBJECT_COLUMNS - display_width(first) - len(SUBJECT_JOINER)
    if room < 20:
        return first
    return first + SUBJECT_JOINER + fit_columns(second, room)


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


def _zoned_text(value: str, language: str) -> str:
    return ZONED_FORMATS[language](parse_zoned(value)) if value else ""


def _minutes_between(start: ZonedTime | None, end: ZonedTime | None) -> int | None:
    if start is None or end is None:
        return None
    minutes = int((end.moment - start.moment).total_seconds() // 60)
    return minutes if minutes >= 0 else None


def _duration_minutes(times: dict[str, str]) -> int | None:
    return _minutes_between(*(parse_zoned(times[t]) if t in times else None for t in ("started", "resolved")))


def _window(incident: Incident, notice: Notice, language: str) -> dict:
    format_zoned = ZONED_FORMATS[language]
    start, end = maintenance_window(incident, notice.fields)
    return {
        "start": format_zoned(start) if start else "", "end": format_zoned(end) if end else "",
        "start_short": format_zoned(start, with_utc=False) if start else "",
        "end_short": format_zoned(end, with_utc=False) if end else "",
        "duration_minutes": _minutes_between(start, end),
    }


def build_context(incident: Incident, notice: Notice, audiences: tuple[Audience, ...] = (),
                  language: str = "") -> dict:
    """Everything a template may use: the fields as typed plus times already formatted. A field the
    notice's kind does not show is empty here, so no template can send it. `audiences` are the saved
    ones; those the notice goes to get the promise in their own time (`next_update.local`).
    `language`: the notice's second language gives its translated text and its way of writing times."""
    language = language or incident.language
    format_zoned = ZONED_FORMATS[language]
    shown = fields_of(notice.kind)
    fields = {name: value if name in shown else "" for name, value in notice.fields.items()}
    if language != incident.language:
        fields = second_language_fields(notice, fields, language)
    next_update = None
    if fields["next_update"]:
        parsed = parse_next_update(fields["next_update"])
        chosen = recorded_audiences(fields.get("audiences", ""), audiences)
        next_update = {
            "on_change": parsed.on_change,
            "when": "" if parsed.on_change else format_zoned(parsed.when),
            "short": "" if parsed.on_change else format_zoned(parsed.when, with_utc=False),
            "local": [] if parsed.on_change else LOCAL_TIMES[language](parsed.when, chosen),
        }
    position = incident.number(notice) - 1
    earlier = incident.notices[:position]
    context = dict(fields)
    context.update(
        subject_override=fields["subject"],
        kind=notice.kind,
        incident_kind=incident.kind,
        language=language,
        next_update=next_update,
        number=position + 1,
        update_number=sum(1 for n in earlier if n.kind == "update") + (notice.kind == "update"),
        times={name: _zoned_text(incident.times.get(name, ""), language) for name in TIME_NAMES},
        duration_minutes=_duration_minutes(incident.times),
        fields=fields,
        labels={name: label_for(notice.kind, name, language) for name in shown},
        sections=email_sections(notice.kind),
        events=lines_of(fields["events"]),
        actions=parse_actions(fields["actions"]),
        window=_window(incident, notice, language),
    )
    context.update(component_context(fields.get("components", ""), fields.get("impact_level", ""), language))
    return context
