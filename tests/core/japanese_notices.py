"""Notices of every kind written in Japanese, with their English text for bilingual notices: what a
Japanese support team would type into the form. Shared by the Japanese rendering tests."""
from __future__ import annotations

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord

JA = {
    "title": "カード決済が一部失敗する障害",
    "service": "Acme Pay",
    "summary": "本日14時頃より、Acme Pay をご利用の一部のお客様において、クレジットカードによる決済が"
               "失敗する事象が発生しております。現在、原因の調査と復旧作業を進めております。",
    "impact": "- クレジットカードでのお支払いがエラーとなります\n- 返金処理は受け付けておりますが、反映が遅れております",
    "later_impact": "本日分の売上レポートの作成が、数時間遅れる見込みです。",
    "workaround": "復旧までの間は、銀行振込でのお支払いをご利用ください。",
    "done": "15時10分に決済ゲートウェイの設定を変更前の状態に戻し、決済が正常に完了することを確認いたしました。",
    "remaining": "失敗した決済の再処理を、本日中に完了する予定です。",
    "root_cause": "決済ゲートウェイの設定変更の際に、接続数の上限が誤って小さく設定されていたことが原因です。",
    "events": "14:02 決済エラーの増加を検知\n14:20 障害のお知らせを送付\n15:10 設定を変更前の状態に戻し、復旧",
    "actions": "設定変更の前に、全ゲートウェイの接続数を確認する手順を追加 | 基盤チーム | 2026-12-15\n"
               "決済の失敗率が上がった際に、2分以内に通知する監視を追加 | 運用チーム | 2026-12-08",
    "unavailable": "メンテナンス中は、管理画面へのログインおよび売上レポートのダウンロードがご利用いただけません。",
    "prepare": "メンテナンス開始前に、作成中の請求書を保存してください。",
    "data_loss_details": "",
    "appendix": "db-pay-03: connection pool exhausted\n    at Pool.acquire (pool.py:120)",
}
EN = {
    "service": "Acme Pay",
    "title": "Card payments failing for some customers",
    "summary": "Since about 14:00 today, card payments fail for some Acme Pay customers. "
               "We are investigating the cause and working to restore the service.",
    "impact": "- Card payments end with an error\n- Refunds are accepted but show late",
    "later_impact": "Today's sales reports will arrive a few hours late.",
    "workaround": "Until the fix, please pay by bank transfer.",
    "done": "At 15:10 we restored the gateway's previous configuration and confirmed that payments succeed.",
    "remaining": "Failed payments will be processed again later today.",
    "root_cause": "A gateway configuration change set the connection limit too low.",
    "events": "14:02 More payment errors detected\n14:20 Incident notice sent\n15:10 Configuration restored; service recovered",
    "actions": "Check every gateway's connection limit before a change | Platform team | 2026-12-15\n"
               "Alert within two minutes when payment failures rise | Operations | 2026-12-08",
    "unavailable": "During the maintenance you cannot sign in to the dashboard or download sales reports.",
    "prepare": "Save any invoice you are writing before the maintenance starts.",
    "appendix": JA["appendix"],
}
COMMON = {
    "data_loss": "none",
    "contact_name": "山田 花子",
    "contact_email": "support@acme.example",
    "contact_phone": "03-1234-5678",
    "next_update": "2026-11-27T16:00[Asia/Tokyo]",
    "components": "決済 API = major-outage\n管理画面 = operational",
    "impact_level": "major",
    "window_start": "2026-12-05T01:00[Asia/Tokyo]",
    "window_end": "2026-12-05T05:00[Asia/Tokyo]",
    "action_details": "shown",
}
STATUS = {"initial": "investigating", "update": "identified", "resolution": "resolved",
          "post-incident": "resolved", "maintenance": "scheduled"}


def japanese_incident(kind: str, second: str = "", first: str = "ja") -> Incident:
    """An incident whose newest notice is of `kind`, written in `first` (Japanese unless "en") with
    `second` as its second language ("" for one language)."""
    own, other = (JA, EN) if first == "ja" else (EN, JA)
    incident = Incident.create(own["title"], own["service"], "maintenance" if kind == "maintenance" else "incident",
                               language=first)
    incident.second_language = second
    incident.set_times({"started": "2026-11-27T14:00[Asia/Tokyo]", "detected": "2026-11-27T14:02[Asia/Tokyo]",
                        "resolved": "2026-11-27T15:10[Asia/Tokyo]"} if kind != "maintenance" else {})
    # The notices sent before this one: an update follows the first notice, a report the resolution.
    earlier = {"update": (), "resolution": ("update",), "post-incident": ("update", "resolution")}.get(kind)
    if earlier is not None:
        for number, previous in enumerate(earlier + (kind,), start=1):
            incident.notices[-1].sent = SentRecord(message_id=f"<{number}@acme.example>")
            incident.add_notice(previous)
    notice = incident.notices[-1]
    notice.update({name: value for name, value in {**own, **COMMON, "status": STATUS[kind]}.items()
                   if name in notice.fields})
    if second:
        for name, value in other.items():
            if name in notice.translation:
                notice.set_translation(name, value)
    return incident
