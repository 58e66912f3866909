"""The email as dark-mode mail clients show it, for the preview only.

The email template carries its own dark stylesheet in `@media (prefers-color-scheme: dark)`;
clients in dark mode apply it over the inline styles (its rules are `!important`). Qt's rich text
knows no media queries, so a dark preview has those rules inlined instead. What is sent is the
rendered HTML as it is, with the media query for the clients to evaluate.
"""
from __future__ import annotations

import functools
import html as html_lib
import re
from html.parser import HTMLParser

import css_inline
import tinycss2

_DARK_QUERY = re.compile(r"prefers-color-scheme\s*:\s*dark", re.IGNORECASE)


class _StyleSheets(HTMLParser):
    """The text of every <style> element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sheets: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self._inside = True
            self.sheets.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.sheets[-1] += data


def dark_rules(html: str) -> str:
    """The rules inside the document's `@media (prefers-color-scheme: dark)` blocks, as CSS."""
    parser = _StyleSheets()
    parser.feed(html)
    parser.close()
    found = []
    for sheet in parser.sheets:
        for rule in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
            if (rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None
                    and _DARK_QUERY.search(tinycss2.serialize(rule.prelude))):
                found.append(tinycss2.serialize(rule.content))
    return "\n".join(found)


@functools.lru_cache(maxsize=4)  # the preview asks again for the same HTML when a tab is shown again
def as_dark_clients_show(html: str) -> str:
    """`html` with its dark-mode rules applied as inline styles (unchanged if it has none)."""
    rules = dark_rules(html)
    if not rules.strip():
        return html
    inliner = css_inline.CSSInliner(inline_style_tags=False, keep_style_tags=True,
                                    load_remote_stylesheets=False, extra_css=rules)
    return _STYLE_ATTRIBUTE.sub(_important_last, inliner.inline(html))


# The inliner writes every attribute in double quotes (a quote inside is &quot;).
_STYLE_ATTRIBUTE = re.compile(r'(?<=\sstyle=")[^"]*(?=")')


def _important_last(match: re.Match) -> str:
    return _reordered(match.group())


@functools.lru_cache(maxsize=512)  # the same few style attributes come back on every render
def _reordered(style: str) -> str:
    """Qt applies inline declarations in order and gives !important no weight, so a dark rule's
    `border-color` would lose to the inline `border` after it: important declarations go last."""
    declarations = [d for d in tinycss2.parse_declaration_list(html_lib.unescape(style),
                                                                skip_whitespace=True, skip_comments=True)
                    if d.type == "declaration"]
    if not any(d.important for d in declarations):
        return style
    ordered = sorted(declarations, key=lambda d: d.important)  # stable: the order within each kind stays
    text = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''}"
                    for d in ordered)
    return html_lib.escape(text, quote=True)
