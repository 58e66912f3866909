"""Japanese and bilingual notices as recipients get them: every kind and part, both language orders."""
from __future__ import annotations

import re

import lxml.html
import pytest
from japanese_notices import JA, japanese_incident

from outagewriter.core.incident.fields import NOTICE_KINDS
from outagewriter.core.render.dark_mode import as_dark_clients_show
from outagewriter.core.render.linebreak import display_width
from outagewriter.core.render.renderer import SUBJECT_COLUMNS, Renderer

ZONES = {"UTC", "JST"}  # named with every time, in both languages
MARKUP = '<script>alert("障害")</script><img src=x onerror=alert(1)> & "引用"'


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def _typed_words(notice) -> set[str]:
    """Latin words the writer typed (names, addresses, the appendix): the only ones a Japanese text may hold."""
    return {word for value in notice.fields.values() for word in re.findall(r"[A-Za-z]+", value)} | ZONES


def _foreign_words(text: str, notice) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z]+", text) if word not in _typed_words(notice)]


def _html_text(html: str, lang: str | None = None) -> str:
    """The words a reader sees (not the stylesheet), of the whole email or of its `lang` half."""
    root = lxml.html.document_fromstring(html)
    for style in root.xpath("//style"):
        style.drop_tree()
    if lang is None:
        return root.text_content()
    halves = root.xpath(f'//div[@lang="{lang}"]')
    assert len(halves) == 1, f"one half in {lang}"
    return halves[0].text_content()


def _japanese_half(html: str) -> str:
    """The email's text without its English half."""
    root = lxml.html.document_fromstring(html)
    # The divider names the language that follows in that language too: "以下、英語版（English）".
    for node in root.xpath('//style | //div[@lang="en"] | //title | //hr/following-sibling::div[1]'):
        node.drop_tree()
    return root.text_content()


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_every_part_of_a_japanese_notice_is_in_japanese(renderer, kind):
    incident = japanese_incident(kind)
    notice = incident.notices[-1]
    rendered = renderer.render(incident, notice)
    page = renderer.render_page_fragment(incident, notice)
    parts = {"subject": rendered.subject, "text": rendered.text, "html": _html_text(rendered.html),
             "short": rendered.short, "page": lxml.html.fragment_fromstring(page, create_parent="div").text_content()}
    for name, text in parts.items():
        assert _foreign_words(text, notice) == [], name
        assert re.search(r"[ぁ-んァ-ン]", text), name  # and it is Japanese, not empty
    assert '<html lang="ja">' in rendered.html
    assert rendered.text.count("お詫び") <= 1  # apologises once at most
    assert kind == "maintenance" or "ご迷惑をおかけ" in rendered.text


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_japanese_then_english_shows_both_texts_in_every_part(renderer, kind):
    incident = japanese_incident(kind, second="en")
    notice = incident.notices[-1]
    rendered = renderer.render(incident, notice)
    japanese, divider, english = rendered.text.partition("---------- 以下、英語版（English） ----------")
    assert divider, "the plain text says where the English starts"
    assert _foreign_words(japanese, notice) == []
    assert "Card payments failing for some customers" in english and "カード" not in english.replace("カード決済", "")
    assert "平素より" not in english  # each half in its own words
    html = rendered.html
    assert '<html lang="ja">' in html and html.count('<div lang="en">') == 1
    assert _foreign_words(_japanese_half(html), notice) == []
    assert "Card payments failing for some customers" in _html_text(html, "en")
    first, joiner, second = rendered.subject.partition(" / ")
    assert first.startswith("【") and "Card payments" in second and display_width(rendered.subject) <= SUBJECT_COLUMNS


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_english_then_japanese_keeps_the_english_first(renderer, kind):
    incident = japanese_incident(kind, second="ja", first="en")
    rendered = renderer.render(incident, incident.notices[-1])
    english, divider, japanese = rendered.text.partition("---------- Japanese (日本語) follows ----------")
    assert divider and english.startswith("Card payments failing for some customers")
    assert "平素より弊社サービスをご利用いただき" in japanese and "平素より" not in english
    assert '<html lang="en">' in rendered.html and '<div lang="ja">' in rendered.html
    assert "平素より" in _html_text(rendered.html, "ja")
    assert rendered.subject.startswith(("Major outage", "Scheduled")) and " / 【" in rendered.subject


def test_text_not_translated_yet_is_marked_in_the_second_language(renderer):
    incident = japanese_incident("initial", second="en")
    incident.notices[-1].set_translation("workaround", "")
    rendered = renderer.render(incident, incident.notices[-1])
    english = rendered.text.partition("以下、英語版")[2]
    assert "[What you can do meanwhile: not translated yet]" in english
    marked = lxml.html.document_fromstring(rendered.html).xpath('//div[@lang="en"]//span[@class="ow-unanswered"]')
    assert [span.text_content() for span in marked] == ["[What you can do meanwhile: not translated yet]"]
    # …and the other way round, in Japanese words
    incident = japanese_incident("initial", second="ja", first="en")
    incident.notices[-1].set_translation("later_impact", "")
    assert "［今後予想される影響：未翻訳］" in renderer.render(incident, incident.notices[-1]).text


@pytest.mark.parametrize("promise, shown", [
    ("2026-11-27T16:00[Asia/Tokyo]", "次回のご案内は、2026年11月27日（金）16:00 JST（07:00 UTC）までにお送りいたします。"),
    ("2026-11-28T08:30[Asia/Tokyo]", "2026年11月28日（土）08:30 JST（11月27日（金）23:30 UTC）までに"),  # the evening before in UTC
    ("2026-11-27T09:00[Europe/Berlin]", "2026年11月27日（金）09:00 CET（08:00 UTC）"),
    ("2026-11-27T09:00+05:30", "2026年11月27日（金）09:00 UTC+05:30（03:30 UTC）"),
    ("2026-11-27T09:00Z", "2026年11月27日（金）09:00 UTCまでに"),
])
def test_japanese_dates_name_the_weekday_zone_and_utc(renderer, promise, shown):
    incident = japanese_incident("initial")
    incident.notices[-1].set("next_update", promise)
    assert shown in _html_text(renderer.render(incident, incident.notices[-1]).html)


@pytest.mark.parametrize("kind, field", [("initial", "title"), ("initial", "summary"), ("initial", "workaround"),
                                         ("initial", "contact_name"), ("post-incident", "root_cause"),
                                         ("post-incident", "actions"), ("maintenance", "unavailable")])
def test_markup_typed_in_japanese_is_escaped(renderer, kind, field):
    incident = japanese_incident(kind, second="en")
    notice = incident.notices[-1]
    notice.set(field, MARKUP)
    if field != "contact_name":
        notice.set_translation(field, MARKUP)
    html = renderer.render(incident, notice).html + renderer.render_page_fragment(incident, notice)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;障害&#34;)&lt;/script&gt;" in html


def test_the_dark_preview_still_applies_to_a_bilingual_email(renderer):
    incident = japanese_incident("initial", second="en")
    dark = as_dark_clients_show(renderer.render(incident, incident.notices[-1]).html)
    card = re.search(r'class="ow-card"[^>]*style="([^"]*)"', dark)[1]
    assert "background:#161b26 !important" in card
    divider = re.search(r'class="ow-divider"[^>]*style="([^"]*)"', dark)[1]
    assert "border-color:#333741 !important" in divider
    words = re.search(r'class="ow-muted"[^>]*style="([^"]*)">以下、英語版', dark)[1]
    assert "color:#a4a7ae !important" in words


def test_the_status_page_fragment_in_japanese_and_both(renderer):
    incident = japanese_incident("post-incident")
    page = renderer.render_page_fragment(incident, incident.notices[-1])
    assert "<h4>発生原因</h4>" in page and "<h4>再発防止策</h4>" in page
    assert "（担当：基盤チーム、期限：2026-12-15）" in page
    incident.second_language = "en"
    page = renderer.render_page_fragment(incident, incident.notices[-1])
    halves = lxml.html.fragment_fromstring(page, create_parent="div").xpath("./div")
    assert [half.get("lang") for half in halves] == ["ja", "en"]
    assert "発生原因" in halves[0].text_content() and "Root cause" in halves[1].text_content()
    assert "Root cause" not in halves[0].text_content()


def test_japanese_headings_come_from_the_layout_table(renderer):
    incident = japanese_incident("maintenance")
    text = renderer.render(incident, incident.notices[-1]).text
    for heading in ("実施日時", "ご利用いただけない機能", "事前にご対応いただきたいこと", "お問い合わせ先"):
        assert f"\n{heading}\n{'-' * display_width(heading)}\n" in text
    assert "開始日時：2026年12月5日（土）01:00 JST（12月4日（金）16:00 UTC）" in text
    assert "所要時間：4時間" in text  # the window's length, not how long something was down
    assert JA["unavailable"][:10] in text.replace("\n", "")


@pytest.mark.parametrize("kind, status, closing", [
    ("initial", "investigating", "復旧まで今しばらくお待ちくださいますよう、お願い申し上げます。"),
    ("update", "monitoring", "引き続き状況を注視してまいります。何卒よろしくお願い申し上げます。"),
    ("resolution", "resolved", "今後とも変わらぬご愛顧を賜りますよう、よろしくお願い申し上げます。"),
    ("maintenance", "scheduled", "ご理解とご協力を賜りますよう、よろしくお願い申し上げます。"),
])
def test_the_closing_fits_what_the_reader_waits_for(renderer, kind, status, closing):
    incident = japanese_incident(kind)
    incident.notices[-1].set("status", status)
    assert closing in _html_text(renderer.render(incident, incident.notices[-1]).html)


@pytest.mark.parametrize("kind, status, components, subject", [
    ("initial", "investigating", "決済 API = major-outage", "【重大な障害のお知らせ】"),
    ("initial", "identified", "決済 API = partial-outage\n管理画面 = operational", "【一部障害のお知らせ（原因特定済み）】"),
    ("initial", "investigating", "決済 API = degraded-performance", "【パフォーマンス低下のお知らせ】"),
    ("initial", "investigating", "", "【障害のお知らせ】"),
    ("update", "identified", "決済 API = major-outage", "【重大な障害のお知らせ（第2報・原因特定済み）】"),
    ("resolution", "resolved", "決済 API = major-outage", "【復旧のお知らせ】"),
    ("maintenance", "scheduled", "決済 API = major-outage", "【メンテナンスのお知らせ】"),
    ("maintenance", "in-progress", "決済 API = partial-outage", "【メンテナンス実施中】"),
])
def test_a_japanese_subject_has_one_bracket_label_naming_the_trouble(renderer, kind, status, components, subject):
    """As Japanese notices are titled: one 【…】 label, the components' worst status as the trouble it
    announces; a recovery or a maintenance says what it is without it."""
    incident = japanese_incident(kind)
    incident.notices[-1].update({"status": status, "components": components})
    rendered = renderer.render(incident, incident.notices[-1]).subject
    assert rendered == subject + "カード決済が一部失敗する障害（Acme Pay）"
