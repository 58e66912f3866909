"""The short post's length as the platforms count it, and cutting a post down to a length.

X (Twitter) weighs characters (twitter-text configuration v3): Latin and most European scripts count
1, CJK and most other characters 2, every URL 23 whatever its length, an emoji 2; 280 is the limit.
Mastodon counts characters, and URLs as 23 too, so a post within X's count is within Mastodon's.

twitter-text's own `parse_tweet` gives the same count (the tests compare them) but runs its URL and
emoji expressions over every text: ~10 ms for a post, too slow for a preview re-rendered on every
keystroke. Here those expressions run only on text that may hold a URL or an emoji, and a text's
weights are summed once, so shortening does not count every prefix again.

Importing twitter-text compiles all its URL and emoji expressions (~0.6 s, more on a busy machine),
which the command line's `check` would pay at start-up for one short post. So its weights (config.py, a
dict literal) are read without importing the package, and the package is imported only to measure a
text that may hold a URL or an emoji and that might exceed the limit: counted as plain characters plus
23 for each possible URL and 1 for each possible emoji, most posts are clearly within it.
"""
from __future__ import annotations

import ast
import bisect
import functools
import importlib.util
import itertools
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

ELLIPSIS = "…"
_HEAD_FACTOR = 4  # characters weigh at least 1; a URL's 23 may stand for a long address
_LONGEST_WORD = 4096
_WEB_ADDRESS = re.compile(r"https?://[\x21-\x7e]+")
_MAYBE_URL = re.compile(r"[\w-]\.[A-Za-z]{2}|://")  # a domain name (grüß.de too) or a scheme
_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21ff\u231a-\u23ff\u24c2\u25aa-\u27bf"
                          "\u2934\u2935\u2b05-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]")


@functools.cache
def _config() -> SimpleNamespace:
    """twitter-text's weights, from its config.py, without importing the package."""
    spec = importlib.util.find_spec("twitter_text")  # finds the package; runs none of its code
    source = (Path(next(iter(spec.submodule_search_locations))) / "config.py").read_text(encoding="utf-8")
    config = ast.literal_eval(source.split("=", 1)[1].strip())
    options = config["defaults"]
    ranges = tuple((r["start"], r["end"], r["weight"]) for r in options["ranges"])
    return SimpleNamespace(
        scale=options["scale"], default_weight=options["default_weight"], ranges=ranges,
        url_weight=options["transformed_url_length"] * options["scale"],
        ascii_weight=next(weight for start, end, weight in ranges if start <= 0 and 127 <= end))


@functools.cache
def _extractors() -> SimpleNamespace:
    """twitter-text's URL and emoji extraction, imported when a text first needs them."""
    import twitter_text

    return SimpleNamespace(urls=twitter_text.extract_urls_with_indices, emojis=twitter_text.extract_emojis_with_indices)


def warm_up() -> None:
    """Import twitter-text now (the window calls this on a worker thread once it is up)."""
    _config()
    _extractors()


def _char_weight(char: str) -> int:
    code, config = ord(char), _config()
    return next((weight for start, end, weight in config.ranges if start <= code <= end), config.default_weight)


def _plain_weights(text: str) -> list[int]:
    """Each code point's own weight (× scale), before URLs and emoji are taken as one."""
    ascii_weight = _config().ascii_weight
    return [ascii_weight if char.isascii() else _char_weight(char) for char in text]


def _weights(text: str) -> list[int]:
    """Each code point's weight (× scale); a URL's or emoji's whole weight sits on its first character."""
    config = _config()
    weights = _plain_weights(text)
    spans = []
    if _MAYBE_URL.search(text):
        spans += [(url["indices"], config.url_weight) for url in _extractors().urls(text)]
    if _MAYBE_EMOJI.search(text):
        spans += [(emoji["indices"], config.default_weight) for emoji in _extractors().emojis(text)]
    for (start, end), weight in spans:
        weights[start:end] = [weight] + [0] * (end - start - 1)
    return weights


def _head(text: str, limit: int) -> str:
    """The start of `text` any post of `limit` is cut from, to the end of the word or URL running there."""
    start = limit * _HEAD_FACTOR
    end = text.find(" ", start, start + _LONGEST_WORD)
    return text[:end if end >= 0 else start + _LONGEST_WORD]


def _at_most(text: str) -> int:
    """An upper bound of the weighted length (× scale), without extracting URLs or emoji: a URL counts
    23 however long, so at most its characters plus 23; an emoji at most one more than its characters."""
    config = _config()
    return (sum(_plain_weights(text)) + config.url_weight * len(_MAYBE_URL.findall(text))
            + config.scale * len(_MAYBE_EMOJI.findall(text)))


def exceeds(text: str, limit: int) -> bool:
    """Whether `text` counts more than `limit` on X, weighing only as much of a long text as it takes."""
    head = _head(text, limit)
    if len(head) == len(text) and _at_most(unicodedata.normalize("NFC", text or "")) <= limit * _config().scale:
        return False
    return post_length(head) > limit or len(head) < len(text) and post_length(text) > limit


def post_length(text: str) -> int:
    """The post's weighted length as X counts it (on the NFC form, as X does)."""
    return sum(_weights(unicodedata.normalize("NFC", text or ""))) // _config().scale


def _cut_points(text: str) -> list[int]:
    """Where the text may be cut: never inside a URL (nor anything written as a web address, even
    where X would not link it), never before a combining mark, variation selector or joiner."""
    inside = set()
    spans = [match.span() for match in _WEB_ADDRESS.finditer(text)]
    if _MAYBE_URL.search(text):
        spans += [url["indices"] for url in _extractors().urls(text)]
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
    text = full = unicodedata.normalize("NFC", " ".join((text or "").split()))
    # A post holds a few hundred characters: weigh only the start of a long text (to the end of the word
    # or URL running there), not all of a 100,000-character field on every keystroke.
    text = _head(text, limit)
    whole = len(text) == len(full)
    weights = _weights(text)
    if whole and sum(weights) <= limit * _config().scale:
        return text
    before = [0, *itertools.accumulate(weights)]  # before[i]: the weight of text[:i]
    room = limit * _config().scale - _char_weight(ELLIPSIS)
    points = _cut_points(text)
    last = bisect.bisect_right(points, room, key=lambda i: before[i]) - 1
    if last < 0:
        return ""
    cut = points[last]
    if text[cut - 1].isascii():  # Latin text: back to the last space, unless that loses half of it
        space = text.rfind(" ", 0, cut)
        if space > cut // 2:
            cut = space
    return text[:cut].rstrip(" ,;:.-、。，") + ELLIPSIS
