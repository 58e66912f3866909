"""Japanese plain text and short posts: display columns, line-breaking rules, the platforms' counts."""
from __future__ import annotations

import re

import pytest
from japanese_notices import japanese_incident
from twitter_text import parse_tweet

from outagewriter.core.incident.fields import MAX_FIELD_CHARS
from outagewriter.core.render.linebreak import NO_LINE_END, NO_LINE_START, display_width
from outagewriter.core.render.post_length import exceeds, post_length, shorten_post
from outagewriter.core.render.renderer import SHORT_LIMIT, Renderer
from outagewriter.core.render.textformat import wrap

# Real notice paragraphs: long sentences, brackets, small kana, prolonged sound marks, Latin names, a URL.
PARAGRAPHS = [
    "平素より弊社サービスをご利用いただき、誠にありがとうございます。本日14時頃より、Acme Pay をご利用の"
    "一部のお客様において、クレジットカードによる決済が失敗する事象が発生しております（原因は調査中です）。"
    "詳しくは https://status.acme.example/incidents/2026-11-27-card-payments をご覧ください。",
    "「カード決済」および「口座振替」は、現在ご利用いただけません。サーバーのメンテナンスに伴い、"
    "ログイン画面（https://app.acme.example/login）が表示されないことがございます。ご不便をおかけいたしますが、"
    "ご理解とご協力を賜りますよう、よろしくお願い申し上げます。",
    "データベース（PostgreSQL 16）のフェイルオーバーが完了し、ジョブキュー（Sidekiq）の処理が再開されました。"
    "ちょっとしたメンテナンス・アップデートでも、『メンテナンスのお知らせ』【重要】〔再掲〕をお送りしております。"
    "キャッシュサーバー、ロードバランサー、ストレージ…いずれも正常です。",
]


def _check_lines(lines, width, source):
    for line in lines:
        # only a Latin word or URL wider than the line itself (with the brackets around it) may overflow
        latin = max((display_width(w) for w in re.findall(r"[\x21-\x7e]+", line)), default=0)
        assert display_width(line) <= width or latin + 4 > width, line
        assert line.lstrip()[:1] not in NO_LINE_START, f"line starts with a closing mark: {line!r}"
        assert line.rstrip()[-1:] not in NO_LINE_END, f"line ends with an opening bracket: {line!r}"
    # nothing lost, nothing added but line breaks (and the spaces a break replaces)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", source)


@pytest.mark.parametrize("width", [72, 40, 24, 13])
@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_japanese_wraps_by_display_columns_with_kinsoku(paragraph, width):
    lines = wrap(paragraph, width).splitlines()
    _check_lines(lines, width, paragraph)
    for word in re.findall(r"[A-Za-z0-9:/._-]{2,}", paragraph):  # Latin words and URLs stay whole
        assert any(word in line for line in lines), word


def test_a_rendered_japanese_notice_stays_within_72_columns():
    incident = japanese_incident("initial")
    notice = incident.notices[-1]
    notice.set("summary", "\n\n".join(PARAGRAPHS))
    notice.set("workaround", PARAGRAPHS[1] + "\n" + PARAGRAPHS[2])  # typed with a line break inside
    text = Renderer().render(incident, notice).text
    body = text.partition("=" * 72)[0]
    for line in body.splitlines():
        assert display_width(line) <= 72 or re.fullmatch(r"https?://\S+", line.strip()), line
        assert line[:1] not in NO_LINE_START, line
    # A line break typed between Japanese sentences adds no space when the lines are joined.
    assert "申し上げます。データベース" in body.replace("\n", "")


def test_mixed_japanese_and_english_keeps_the_spaces_between_words():
    lines = wrap("決済 API と Admin Console の両方で、Acme Pay のエラーが発生しております。", 20).splitlines()
    joined = "".join(lines)
    assert "Admin Console" in " ".join(lines) and "決済 API" in joined.replace("\n", "") or "決済" in lines[0]
    assert all(display_width(line) <= 20 for line in lines)


def test_component_columns_align_by_display_width():
    incident = japanese_incident("initial")
    incident.notices[-1].set("components", "決済 API = major-outage\nAdmin = operational\n管理画面 = operational")
    text = Renderer().render(incident, incident.notices[-1]).text
    rows = [line for line in text.splitlines() if line.endswith(("重大な障害", "正常稼働"))]
    starts = {display_width(row[: row.index(value)]) for row, value in
              ((row, "重大な障害" if "重大" in row else "正常稼働") for row in rows)}
    assert len(rows) == 3 and len(starts) == 1  # the statuses start in one column


@pytest.mark.parametrize("text", [
    PARAGRAPHS[0], PARAGRAPHS[1] + PARAGRAPHS[2], "english text 日本語 😷 https://example.com",
    "見て acme.com と https://status.acme.example/x 👨‍👩‍👧 ok", "café ｶﾀｶﾅ — “quotes” … ①②", "Ｆｕｌｌ　ｗｉｄｔｈ ＡＢＣ",
])
def test_post_length_agrees_with_twitter_text(text):
    assert post_length(text) == parse_tweet(text).weightedLength


def test_post_length_counts_as_x_counts():
    assert post_length("障害のお知らせ") == 14
    assert post_length("Outage notice") == 13
    assert post_length("詳細 https://status.acme.com/" + "x" * 100) == 4 + 1 + 23  # any URL counts 23


@pytest.mark.parametrize("url", ["https://status.acme.example/incidents/2026-11-27-card-payments",  # no link on X
                                 "https://status.acme.com/incidents/2026-11-27-card-payments"])  # a link: 23
@pytest.mark.parametrize("limit", [280, 100, 41])
def test_shortening_never_cuts_a_url_and_fits_the_count(limit, url):
    text = "本日14時頃より決済が失敗する事象が発生しております。詳しくは " + url + " をご覧ください。" * 20
    short = shorten_post(text, limit)
    assert post_length(short) <= limit and short.endswith("…")
    assert url in short or "https://" not in short
    assert parse_tweet(short).valid or limit > 280


def test_a_japanese_short_post_fits_280_as_x_counts():
    incident = japanese_incident("update")
    notice = incident.notices[-1]
    notice.set("summary", PARAGRAPHS[1])  # under 280 characters with the subject, over 280 as X counts
    short = Renderer().render(incident, notice).short
    assert post_length(short) <= SHORT_LIMIT
    assert len(notice.get("summary")) + len(short.partition("）】")[0]) < SHORT_LIMIT  # a count by characters passes
    assert short.startswith("【重大な障害のお知らせ（第2報・原因特定済み）】")  # the status is never what gives way
    assert short.endswith("次回のご案内：2026年11月27日（金）16:00 JST")  # nor the promise
    assert "…" in short


def test_a_bilingual_short_post_keeps_both_languages_only_when_they_fit():
    incident = japanese_incident("initial", second="en")
    notice = incident.notices[-1]
    both = Renderer().render(incident, notice).short
    assert post_length(both) <= SHORT_LIMIT and " / " not in both  # too long together: Japanese alone
    for name, value in (("summary", "決済が一部失敗しています。"), ("title", "決済の障害")):
        notice.set(name, value)
    for name, value in (("summary", "Some card payments fail."), ("title", "Payments failing")):
        notice.set_translation(name, value)
    both = Renderer().render(incident, notice).short
    assert " / Major outage · Investigating: Payments failing (Acme Pay)." in both
    assert post_length(both) <= SHORT_LIMIT


def test_a_japanese_field_at_its_size_limit_renders_by_the_same_rules():
    incident = japanese_incident("initial")
    notice = incident.notices[-1]
    notice.set("summary", (PARAGRAPHS[1] * 700)[:MAX_FIELD_CHARS])
    rendered = Renderer().render(incident, notice)
    assert post_length(rendered.short) <= SHORT_LIMIT and rendered.short.endswith("16:00 JST")
    summary = rendered.text.split("\n\n")[3:]
    lines = "\n\n".join(summary).partition("対象別の稼働状況")[0].splitlines()
    _check_lines([line for line in lines if line], 72, notice.get("summary"))


def test_exceeds_agrees_with_the_count():
    long_url = "https://status.acme.com/" + "x" * 2000
    for text in ("短い", "あ" * 141, "あ" * 140, f"詳細は {long_url} をご覧ください", "a" * 5000):
        assert exceeds(text, 280) == (post_length(text) > 280), text[:20]
