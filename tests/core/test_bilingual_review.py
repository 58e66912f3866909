"""A bilingual notice's approval covers both languages: a change to the second text alone voids it."""
from __future__ import annotations

from outagewriter.core.review import workflow as review
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat


def test_a_change_to_the_second_text_only_voids_the_approval(tmp_path, incident):
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    author = Session.open(Services.load(config_dir=tmp_path / "a", settings=Settings(user_name="Jana Novák")), path)
    author.set_languages("en", "ja")
    notice = author.incident.notices[0]
    author.update(notice, {"title@ja": "カード決済の障害", "summary@ja": "一部のお客様でカード決済ができない状態です。",
                           "impact@ja": "カード決済がエラーになります。"})
    author.request_review(notice)
    author.save()

    reviewer = Session.open(Services.load(config_dir=tmp_path / "r", settings=Settings(user_name="Petr Svoboda")), path)
    reviewer.approve(reviewer.incident.notices[0], "Petr Svoboda")
    reviewer.save()

    author = Session.open(author.services, path)
    notice = author.incident.notices[0]
    assert author.approval_label(notice, author.render(notice)) == "Approved"
    author.update(notice, {"summary@ja": "一部のお客様でカード決済がご利用いただけない状態です。"})
    assert notice.fields["summary"] == incident.notices[0].fields["summary"]  # the English text is as approved
    assert author.approval_label(notice, author.render(notice)) == "Approval void"
    author.save()
    assert [number for number, _void in author.voided] == [1]
    assert review.approval_of(fileformat.load(path).notices[0]).voided
