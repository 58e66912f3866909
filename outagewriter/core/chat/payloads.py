"""Each service's documented incoming-webhook JSON, with the notice's text shown exactly as written.

The text is the notice's short version and the status page link (Rendered.chat). Each service reads
markup in it, so everything but the links is escaped the service's way: nothing in a notice can
format the post, hide a link behind other words, or ping a channel.

  slack       {"text": ..., "mrkdwn": false}: Slack's control characters & < > written as entities
              (api.slack.com/reference/surfaces/formatting#escaping), so "<!channel>" and "<@U1>"
              are text; mrkdwn off, so *bold* and _italic_ stay as typed.
  mattermost  {"text": ..., "username": "OutageWriter"}: Markdown, so its markup characters are
              backslash-escaped and & < > written as entities; "@channel" and other mentions get a
              word joiner (U+2060) after the "@", which shows nothing but is no mention.
  discord     {"content": ..., "allowed_mentions": {"parse": []}} (at most 2000 characters): its
              Markdown backslash-escaped, and allowed_mentions empty, so neither @everyone nor a
              user or role mention pings anyone.
  teams       a Workflows webhook ("Post to a channel when a webhook request is received", which
              Microsoft documents in place of the retired Office 365 connectors and their
              MessageCard): a message with one Adaptive Card attachment. The text is a TextRun of a
              RichTextBlock, which Adaptive Cards never read as Markdown, and the link is the card's
              "Open status page" action.
"""
from __future__ import annotations

import json
import re

from ..incident.chat_destinations import CHAT_SERVICES

DISCORD_LIMIT = 2000
USERNAME = "OutageWriter"
_LINK = re.compile(r"https?://[^\s<>]+")
_WORD_JOINER = "\u2060"
_INLINE_MARKUP = re.compile(r"([\\`*_~|\[\]])")  # emphasis, code, strike, spoilers, tables, links
_BLOCK_MARKER = re.compile(r"^(\s*)([#>+\-]|\d+\.)")  # a heading, quote or list where the post begins
_MENTION = re.compile(r"@(?=\w)")


def _html_entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _outside_links(text: str, escape) -> str:
    """`escape` applied to everything but the links, which must stay working URLs."""
    out, last = [], 0
    for match in _LINK.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _inline_escaped(text: str) -> str:
    return _INLINE_MARKUP.sub(r"\\\1", text)


def _block_start_escaped(text: str) -> str:
    """A heading, quote or list marker where the post begins, escaped (the post is one line)."""
    return _BLOCK_MARKER.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def slack_text(text: str) -> str:
    return _html_entities(text)  # links too: Slack reads &amp; in a URL as &


def mattermost_text(text: str) -> str:
    def escape(part: str) -> str:
        return _MENTION.sub("@" + _WORD_JOINER, _html_entities(_inline_escaped(part)))

    return _block_start_escaped(_outside_links(text, escape))


def discord_text(text: str) -> str:
    escaped = _block_start_escaped(_outside_links(text, _inline_escaped))
    if len(escaped) > DISCORD_LIMIT:  # never cut inside an escape: shorten the plain words instead
        escaped = escaped[:DISCORD_LIMIT - 1].rstrip("\\") + "…"
    return escaped


def teams_card(text: str) -> dict:
    links = _LINK.findall(text)
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": text}]}],
    }
    if links:
        card["actions"] = [{"type": "Action.OpenUrl", "title": "Open status page", "url": links[-1]}]
    return {"type": "message",
            "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None,
                             "content": card}]}


def payload(service: str, text: str) -> dict:
    """The JSON object a `service` webhook takes to post `text` as written."""
    if service == "slack":
        return {"text": slack_text(text), "mrkdwn": False}
    if service == "mattermost":
        return {"text": mattermost_text(text), "username": USERNAME}
    if service == "discord":
        return {"content": discord_text(text), "allowed_mentions": {"parse": []}}
    if service == "teams":
        return teams_card(text)
    raise ValueError(f"chat service {service!r} is not one of {', '.join(CHAT_SERVICES)}")


def payload_bytes(service: str, text: str) -> bytes:
    return json.dumps(payload(service, text), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
