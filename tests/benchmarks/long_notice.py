"""A long, realistic notice shared by the benchmarks (2,000 words across the text fields)."""
from outagewriter.core.incident.model import Incident

PARAGRAPH = (
    "Card payments in Acme Pay fail for about a third of customers in Europe since 09:40 CET. "
    "Refunds are queued and will be processed once payments work again. We are working with the "
    "payment network to restore the service and will write again by 11:00 CET with what we know. "
)  # 50 words


def long_incident(words: int = 2000) -> Incident:
    incident = Incident.create("Card payments failing", "Acme Pay")
    share = max(1, words // 50 // 5)
    incident.notices[-1].update({
        "summary": PARAGRAPH * 2,
        "impact": "\n\n".join([PARAGRAPH] * share),
        "later_impact": "\n\n".join([PARAGRAPH] * share),
        "workaround": "\n\n".join([PARAGRAPH] * share),
        "appendix": "\n".join([PARAGRAPH] * (words // 50 - 3 * share - 2)),
        "data_loss": "none", "next_update": "2026-11-27T11:00[Europe/Prague]",
        "contact_name": "Jana Novák", "contact_email": "jana@acme.example", "to": "customers@acme.example",
    })
    return incident


JAPANESE_PARAGRAPH = (
    "本日9時40分頃より、Acme Pay をご利用のお客様の約3割において、クレジットカードによる決済が失敗する"
    "事象が発生しております。返金処理はお預かりしており、決済の復旧後に順次処理いたします。現在、決済"
    "ネットワーク事業者と連携して復旧作業を進めており、11時までに改めてご報告いたします。"
)  # about 130 characters: what 50 English words say


def long_bilingual_incident(words: int = 2000) -> Incident:
    """`long_incident` written in Japanese first, with the English text as its second language."""
    english = long_incident(words)
    incident = Incident.create("カード決済の障害", "Acme Pay", language="ja")
    incident.second_language = "en"
    notice = incident.notices[-1]
    for name, value in english.notices[-1].fields.items():
        if not value:
            continue
        japanese = value.replace(PARAGRAPH, JAPANESE_PARAGRAPH) if name in notice.translation else value
        notice.set(name, japanese)
        if name in notice.translation:
            notice.set_translation(name, value)
    return incident
