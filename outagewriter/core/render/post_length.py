"""The short post's length as the platforms count it, and cutting a post down to a length.

X (Twitter) weighs characters (twitter-text configuration v3): Latin and most European scripts count
1, CJK and most other characters 2, every URL 23 whatever its length; 280 is the limit. Mastodon
counts characters and URLs as 23 as well, so a post within X's count is within Mastodon's too.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from twitter_text import extract_urls_with_indices, parse_tweet

ELLIPSIS = "…"
_WEB_ADDRESS = re.compile(r"https?://[\x21-\x7e]+")


def post_length(text: str) -> int:
    """The post's weighted length as X counts it."""
    return parse_tweet(text).weightedLength


def _cut_points(text: str) -> list[int]:
    """Where the text may be cut: never inside a URL, never before a combining mark, variation
    selector or joiner (that would split what a reader sees as one character)."""
    inside = set()
    # X's links, and anything written as a web address even where X would not link it (a test domain).
    spans = [url["indices"] for url in extract_urls_with_indices(text)]
    spans += [match.span() for match in _WEB_ADDRESS.finditer(text)]
    for start, end in spans:
        inside.update(range(start + 1, end))
    return [i for i in range(1, len(text))
            if i not in inside and not _joins_previous(text[i]) and text[i - 1] != "\u200d"]


def _joins_previous(char: str) -> bool:
    return (unicodedata.category(char) in ("Mn", "Me", "Mc") or "\ufe00" <= char <= "\ufe0f"
            or char == "\u200d" or "\U0001f3fb" <= char <= "\U0001f3ff")


def shorten_post(text: str, limit: int) -> str:
    """`text` cut so that it and its ellipsis count at most `limit` on X; Latin words stay whole when
    a space is near, Japanese may be cut between any two characters. "" when nothing fits."""
    text = " ".join((text or "").split())
    if post_length(text) <= limit:
        return text
    points = _cut_points(text)
    # The count grows with the prefix, so the points that fit come first: a binary search finds the last.
    last = bisect.bisect_left(points, True, key=lambda i: post_length(text[:i].rstrip() + ELLIPSIS) > limit) - 1
    if last < 0:
        return ""
    cut = points[last]
    if text[cut - 1].isascii():  # Latin text: back to the last space, unless that loses half of it
        space = text.rfind(" ", 0, cut)
        if space > cut // 2:
            cut = space
    return text[:cut].rstrip(" ,;:.-、。，") + ELLIPSIS
