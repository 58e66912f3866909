"""The status page's Atom and RSS feeds: one entry per sent notice, newest first.

Same page, same bytes: feedgen stamps "now" into a feed unless told otherwise, so every date
(and the generator) is set here from the page itself.
"""
from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from .identifiers import incident_link, page_uuid, update_urn
from .model import PublishedIncident, PublishedUpdate, StatusPage

ATOM, RSS = "feed.atom", "feed.rss"
MAX_ENTRIES = 50
GENERATOR = "OutageWriter"
# A page with no sent notice has no time of its own; a fixed one keeps its feeds' bytes stable.
NOTHING_SENT = datetime(1970, 1, 1, tzinfo=UTC)
# What XML 1.0 cannot carry at all. The app refuses control characters in notices, but U+FFFE and
# U+FFFF pass and would make the whole feed unwritable, so they become U+FFFD here.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def feed_files(page: StatusPage) -> dict[str, bytes]:
    """Relative path -> bytes of every feed file."""
    return {ATOM: _feed(page, rss=False).atom_str(pretty=True),
            RSS: _feed(page, rss=True).rss_str(pretty=True)}


def newest_updates(page: StatusPage, limit: int = MAX_ENTRIES) -> list[tuple[PublishedIncident, PublishedUpdate]]:
    """Every sent notice of the page with its incident, newest first (ties in a fixed order)."""
    pairs = [(incident, update) for incident in page.incidents for update in incident.updates]
    pairs.sort(key=lambda pair: (pair[1].time, pair[0].id, pair[1].number), reverse=True)
    return pairs[:limit]


def _feed(page: StatusPage, *, rss: bool) -> FeedGenerator:
    """The feed for one format. RSS wants absolute links only (RSS profile), so without the page's
    URL its items carry none (every item element is optional) and only the required channel link
    stays relative; Atom resolves relative links against the feed's own address (RFC 4287)."""
    feed = FeedGenerator()
    feed.id(page_uuid(page).urn)
    feed.title(_xml(page.title))
    feed.author({"name": _xml(page.title)})
    feed.description(_xml(page.description or page.title))  # RSS requires one
    if page.url:
        feed.link(href=f"{page.url}{RSS if rss else ATOM}", rel="self")
    # After the self link: feedgen gives RSS's one channel link the last link set.
    feed.link(href=page.url or "index.html", rel="alternate", type="text/html")
    feed.generator(GENERATOR)
    feed.docs("https://www.rssboard.org/rss-specification")
    updated = page.newest or NOTHING_SENT
    feed.updated(updated)
    feed.pubDate(updated)
    for incident, update in newest_updates(page):
        entry = feed.add_entry(order="append")
        entry.id(update_urn(incident.id, update.notice_id))
        entry.guid(update_urn(incident.id, update.notice_id), permalink=False)
        entry.title(_xml(update.subject))
        entry.updated(update.time)
        entry.published(update.time)
        if page.url or not rss:
            entry.link(href=incident_link(page, incident.id, update.number), rel="alternate", type="text/html")
        # RSS readers take an item's description as HTML; escaping keeps the short version plain text.
        entry.summary(_xml(html.escape(update.short) if rss else update.short))
        entry.content(_xml(update.html), type="html")
    return feed
