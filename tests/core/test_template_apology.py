"""A Japanese notice's template apologises once; an apology the writer types on top is the second one."""
from __future__ import annotations

from outagewriter.core.incident.model import Incident
from outagewriter.core.session.services import Services

APOLOGY = "ご迷惑をおかけし、誠に申し訳ございません。"


def _findings(tmp_path, language: str, summary: str) -> list[str]:
    incident = Incident.create("決済の障害" if language == "ja" else "Payments failing", "Pay", language=language)
    notice = incident.notices[-1]
    notice.update({"summary": summary, "data_loss": "none"})
    services = Services.load(config_dir=tmp_path)
    return [f.rule for f in services.check(incident, notice)]


def test_an_apology_typed_into_a_japanese_notice_is_the_second_one(tmp_path):
    assert "深くお詫び申し上げます" in Services.load(config_dir=tmp_path).renderer.render(
        *(lambda i: (i, i.notices[-1]))(Incident.create("決済の障害", "Pay", language="ja"))).text
    found = _findings(tmp_path, "ja", "決済ができない状態です。" + APOLOGY)
    assert "guilt.stacked-apology" in found


def test_a_japanese_notice_without_a_typed_apology_is_fine(tmp_path):
    assert "guilt.stacked-apology" not in _findings(tmp_path, "ja", "決済ができない状態です。15時頃に再度お知らせいたします。")


def test_an_english_notice_may_still_apologise_once(tmp_path):
    found = _findings(tmp_path, "en", "Card payments fail. We are sorry for the trouble this causes.")
    assert not any(rule.startswith("guilt.") for rule in found)
