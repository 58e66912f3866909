"""The status page's Atom and RSS feeds, read back the way feed readers read them (feedparser)."""
from __future__ import annotations

import calendar
import html
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import feedparser
import time_machine
from published_pages import URL, hostile_page, many_updates_page, page, story_page

from outagewriter.core.publish.feeds import feed_files


def parsed(page_, name: str, **kwargs):
    feed = feedparser.parse(feed_files(page_)[name], **kwargs)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def timestamp(moment: datetime) -> int:
    return calendar.timegm(moment.utctimetuple())


def sent_notices(page_):
    """(incident, update) for every sent notice, newest first."""
    pairs = [(i, u) for i in page_.incidents for u in i.updates]
    return sorted(pairs, key=lambda pair: pair[1].time, reverse=True)


def test_both_feeds_hold_every_sent_notice_newest_first_with_ids_links_and_dates():
    story = story_page()
    expected = sent_notices(story)
    for name in ("feed.atom", "feed.rss"):
        feed = parsed(story, name)
        assert feed.feed.title == "Acme Pay status"
        assert timestamp(story.newest) == calendar.timegm(feed.feed.updated_parsed)
        assert [e.title for e in feed.entries] == [u.subject for _, u in expected]
        assert [e.id for e in feed.entries] == [uuid.UUID(hex=u.notice_id).urn for _, u in expected]
        assert [e.link for e in feed.entries] == [f"{URL}incidents/{i.id}.html#notice-{u.number}"
                                                  for i, u in expected]
        assert [calendar.timegm(e.published_parsed) for e in feed.entries] == [timestamp(u.time)
                                                                                for _, u in expected]
        first_incident, first = expected[0]
        assert feed.entries[0].content[0].type == "text/html"
        assert feed.entries[0].content[0].value == first.html
        assert html.unescape(feed.entries[0].summary) == first.short
    atom = parsed(story, "feed.atom")
    assert [calendar.timegm(e.updated_parsed) for e in atom.entries] == [timestamp(u.time) for _, u in expected]
    assert atom.feed.link == URL
    assert {link.href for link in atom.feed.links if link.rel == "self"} == {f"{URL}feed.atom"}
    assert parsed(story, "feed.rss").feed.link == URL


def test_a_feed_holds_the_fifty_newest_notices():
    crowded = many_updates_page(60)
    for name in ("feed.atom", "feed.rss"):
        entries = parsed(crowded, name).entries
        assert len(entries) == 50
        assert entries[0].title == crowded.incidents[0].updates[0].subject
        assert entries[-1].title == crowded.incidents[49].updates[0].subject


def test_the_same_page_gives_the_same_bytes_whenever_it_is_published():
    story = story_page()
    with time_machine.travel(datetime(2027, 1, 1, tzinfo=UTC), tick=False):
        first = feed_files(story)
    with time_machine.travel(datetime(2031, 6, 15, 12, 30, tzinfo=UTC), tick=False):
        again = feed_files(story)
    assert set(first) == {"feed.atom", "feed.rss"}
    assert first == again
    for data in first.values():
        assert b"2027" not in data and b"2031" not in data
        assert b"python-feedgen" not in data  # the generator is named explicitly


def test_without_the_page_address_atom_links_are_relative_and_rss_items_carry_none():
    local = story_page(url="")
    atom = parsed(local, "feed.atom")
    newest_incident, newest = sent_notices(local)[0]
    assert atom.entries[0].link == f"incidents/{newest_incident.id}.html#notice-{newest.number}"
    served = parsed(local, "feed.atom", response_headers={"content-location": URL + "feed.atom",
                                                        "content-type": "application/atom+xml"})
    assert served.entries[0].link == f"{URL}incidents/{newest_incident.id}.html#notice-{newest.number}"
    rss = parsed(local, "feed.rss")
    assert all("link" not in entry for entry in rss.entries)
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]
    assert b"<link>http" not in feed_files(local)["feed.rss"]


def test_an_empty_page_still_gives_valid_feeds():
    empty = page()
    for name in ("feed.atom", "feed.rss"):
        feed = parsed(empty, name)
        assert feed.entries == []
        assert feed.feed.title == "Acme Pay status"
        assert feed.version in ("atom10", "rss20")


def test_markup_in_titles_and_short_versions_stays_text():
    bad = hostile_page()
    notice = bad.incidents[0].updates[0]
    for name in ("feed.atom", "feed.rss"):
        feed = parsed(bad, name)
        assert feed.feed.title == bad.title
        assert feed.entries[0].title == notice.subject
        assert html.unescape(feed.entries[0].summary) == notice.short
        assert b"<script" not in feed_files(bad)[name]


def test_characters_xml_cannot_carry_are_replaced_and_the_rest_of_the_notice_kept():
    story = story_page()
    cards = story.incidents[0]
    odd = replace(cards.updates[0], subject="Payments \uffff back", short="Refunds\ufffe sent.")
    story = replace(story, incidents=(replace(cards, updates=(odd, *cards.updates[1:])), *story.incidents[1:]))
    for name in ("feed.atom", "feed.rss"):
        entry = parsed(story, name).entries[0]
        assert entry.title == "Payments \ufffd back"
        assert html.unescape(entry.summary) == "Refunds\ufffd sent."
