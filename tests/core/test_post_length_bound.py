"""`exceeds` answers most posts from an upper bound, without twitter-text's extractors: the bound
must never say "within" for a post that X counts over the limit."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from outagewriter.core.render.post_length import exceeds, post_length

PIECES = st.sampled_from([
    "Card payments fail", "障害が発生しています", "https://status.acme.example/incidents/42", "acme.example",
    "x.co", "👍", "👨‍👩‍👧", "©", "™", "é", " ", "、", "。", "www.example.org/a?b=c", "🇯🇵", "e\u0301",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60), st.sampled_from([10, 23, 40, 140, 280]))
def test_exceeds_agrees_with_the_weighted_count(pieces, limit):
    text = "".join(pieces)
    assert exceeds(text, limit) == (post_length(text) > limit)


def test_a_short_post_with_a_link_is_within_without_counting_it_exactly():
    post = "Payments: card payments fail in Europe. Next update 11:00 CET. https://status.acme.com/incidents/2026-11-27"
    assert not exceeds(post, 280)
    assert post_length(post) == len(post) - len("https://status.acme.com/incidents/2026-11-27") + 23


def test_a_web_address_with_letters_beyond_ascii_counts_as_x_counts_it():
    """X links grüß.de (23, like any address); a filter that wanted an ASCII letter before the dot
    counted its letters instead."""
    from twitter_text import parse_tweet

    post = "Störung bei grüß.de"
    assert post_length(post) == parse_tweet(post).weightedLength
    assert exceeds(post, 30) == (parse_tweet(post).weightedLength > 30)
