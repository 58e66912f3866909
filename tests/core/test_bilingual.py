"""Bilingual incidents: choosing the languages, editing the second text, checking it, saving it."""
from __future__ import annotations

import json

import pytest

from outagewriter.core.checks import fast_findings, present, user_tone_checker
from outagewriter.core.incident.bilingual import TextWouldBeDropped
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.session.errors import FieldError
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.settings import Settings


@pytest.fixture
def services(tmp_path):
    return Services.load(config_dir=tmp_path / "config", settings=Settings(user_name="Jana Novák"))


@pytest.fixture
def session(services, tmp_path):
    """An English incident with Japanese below it, its first notice typed in both, saved."""
    session = Session.new(services, "Card payments failing", "Acme Pay", language="en", second_language="ja")
    notice = session.incident.notices[0]
    session.update(notice, {"summary": "Card payments fail for some customers.",
                            "summary@ja": "一部のお客様でカード決済ができない状態です。",
                            "title@ja": "カード決済の障害", "service@ja": "Acme Pay"})
    session.save(tmp_path / "payments.outage")
    return session


def on_disk(session) -> dict:
    return json.loads(open(session.path, encoding="utf-8").read())


def test_the_second_text_is_saved_in_the_file_and_read_back(session, services):
    data = on_disk(session)
    assert data["incident"]["second_language"] == "ja"
    assert data["notices"][0]["translation"]["summary"] == "一部のお客様でカード決済ができない状態です。"
    again = Session.open(services, session.path).incident
    assert again.languages == ("en", "ja")
    assert again.notices[0].translation == session.incident.notices[0].translation


def test_edit_stores_the_second_text_and_refuses_another_language_in_one_line(session):
    notice = session.incident.notices[0]
    result = session.edit(notice, {"impact@ja": "決済が失敗します。", "impact@fr": "Les paiements échouent.",
                                   "impact": "Payments fail."})
    assert notice.translation["impact"] == "決済が失敗します。" and notice.fields["impact"] == "Payments fail."
    assert result.refused == {"impact@fr": "impact@fr: this incident's second language is ja, not 'fr'"}


def test_update_with_a_bad_second_text_changes_nothing(session):
    notice = session.incident.notices[0]
    with pytest.raises(FieldError, match="contact_name@ja: 'contact_name' has no second-language text"):
        session.update(notice, {"impact@ja": "決済が失敗します。", "contact_name@ja": "ヤナ"})
    assert notice.translation["impact"] == ""


def test_a_one_language_incident_refuses_second_text(services):
    session = Session.new(services, "Card payments failing", "Acme Pay")
    with pytest.raises(FieldError, match="written in English only; add a second language first"):
        session.update(session.incident.notices[0], {"summary@ja": "決済"})


def test_swapping_the_languages_swaps_the_texts(session):
    session.set_languages("ja", "en")
    notice = session.incident.notices[0]
    assert notice.fields["summary"] == "一部のお客様でカード決済ができない状態です。"
    assert notice.translation["summary"] == "Card payments fail for some customers."
    assert notice.fields["title"] == "カード決済の障害" and notice.translation["title"] == "Card payments failing"


def test_removing_the_second_language_asks_before_dropping_its_text(session):
    before = session.incident.notices[0].translation.copy()
    with pytest.raises(TextWouldBeDropped, match=r"notice 1: the Japanese text of Title, Affected service, Summary"):
        session.set_languages("en")
    assert session.incident.second_language == "ja" and session.incident.notices[0].translation == before
    session.set_languages("en", force=True)
    session.save()
    assert "second_language" not in on_disk(session)["incident"]
    assert "translation" not in on_disk(session)["notices"][0]


def test_changing_the_languages_leaves_sent_notices_as_they_were_sent(session):
    sent = session.incident.notices[0]
    sent.sent = SentRecord(time="2026-11-27T10:00:00Z")
    session.add_notice("update")
    session.set_languages("en", force=True)
    assert sent.translation["summary"] == "一部のお客様でカード決済ができない状態です。"
    assert session.incident.notices[1].translation["summary"] == ""


def test_making_an_english_incident_japanese_first_keeps_the_english_below(services):
    session = Session.new(services, "Card payments failing", "Acme Pay")
    session.set_languages("ja", "en")
    notice = session.incident.notices[0]
    assert notice.translation["title"] == "Card payments failing" and notice.fields["title"] == ""


def checked(session, services):
    incident, notice = session.incident, session.incident.notices[-1]
    return services.present(incident, notice, services.fast_findings(incident, notice)).shown


def test_a_field_without_its_second_text_is_an_error_on_that_text(session, services):
    notice = session.incident.notices[0]
    session.update(notice, {"impact": "Card payments fail with an error message."})
    missing = [f for f in checked(session, services) if f.rule == "structure.translation-missing"]
    assert [(f.where, f.severity, f.message) for f in missing] == [
        ("impact@ja", "error", "The Japanese text of What does not work now is missing: "
                               "recipients reading Japanese would not get it.")]
    session.update(notice, {"impact@ja": "カード決済がエラーになります。"})
    assert not [f for f in checked(session, services) if f.rule == "structure.translation-missing"]


def test_a_translation_left_behind_by_a_changed_first_text_is_a_warning(session, services):
    session.incident.notices[0].sent = SentRecord(time="2026-11-27T10:00:00Z")
    session.add_notice("update")
    notice = session.incident.notices[1]
    assert notice.translation["summary"] == "一部のお客様でカード決済ができない状態です。"  # carried
    session.update(notice, {"summary": "Card payments work again for most customers."})
    stale = [f for f in checked(session, services) if f.rule == "structure.translation-stale"]
    assert [(f.where, f.severity) for f in stale] == [("summary@ja", "warning")]
    assert "changed since notice 1 was sent, but its Japanese text did not" in stale[0].message
    session.update(notice, {"summary@ja": "ほとんどのお客様でカード決済が再びご利用いただけます。"})
    assert not [f for f in checked(session, services) if f.rule == "structure.translation-stale"]


def test_the_second_text_gets_the_tone_checks_of_its_own_language(services, tmp_path):
    # A Japanese notice with English below it: the English text is checked with the English rules
    # and its findings name the English text; dismissing one leaves the same words in the other text.
    session = Session.new(services, "決済の障害", "Acme Pay", language="ja", second_language="en")
    incident, notice = session.incident, session.incident.notices[0]
    blame = "Payments fail because of our vendor."
    session.update(notice, {"summary@en": blame, "workaround@en": blame, "workaround": blame})
    english = user_tone_checker("en", user_dir=tmp_path / "rules", own_names=())
    findings = [f for f in fast_findings(incident, notice, tone=english, second_tone=english)
                if f.category == "blame"]
    assert sorted(f.where for f in findings) == ["summary@en", "workaround", "workaround@en"]
    first = next(f for f in findings if f.where == "workaround")
    shown = present(findings, dismissed=first.keys).shown
    assert sorted(f.where for f in shown) == ["summary@en", "workaround@en"]

