"""Messages the core makes for people, in a Japanese program: mail accounts and sends, chat destinations,
settings problems and the export. Each is made on its real path and must carry its details (the file,
the account, the destination), in Japanese; the English ones are checked where each feature is tested."""
from __future__ import annotations

import json
import socket

import pytest

from outagewriter.core import i18n
from outagewriter.core.chat import setup
from outagewriter.core.chat.destinations import ChatSetupError, check_webhook_url, resolve
from outagewriter.core.incident.audiences import AudienceError, parse_audiences
from outagewriter.core.incident.chat_destinations import ChatDestination, ChatDestinationError
from outagewriter.core.incident.model import Incident, NoticeLocked
from outagewriter.core.mail import on_disk
from outagewriter.core.mail.accounts import Account, AccountError, AccountStore, unencrypted_sign_in
from outagewriter.core.mail.archive import ArchiveError, archive_folder, read
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat


@pytest.fixture
def japanese():
    assert i18n.use_language("ja") == "ja"  # the conftest's autouse fixture turns English back on


def test_a_bad_account_setting_is_refused_in_japanese(japanese):
    with pytest.raises(AccountError) as caught:
        Account(name="work", sender_address="ops at example", host="smtp.example.com")
    assert str(caught.value) == "差出人アドレス: メールアドレスを1つだけ、表示名を付けずに入力してください（入力された値: 'ops at example'）"
    with pytest.raises(AccountError) as caught:
        Account(name="work", sender_address="ops@example.com", host="smtp.example.com", port=70000)
    assert str(caught.value) == "ポート: 70000 はポート番号（1～65535）ではありません"
    with pytest.raises(AccountError) as caught:
        Account(name=" work", sender_address="ops@example.com", host="smtp.example.com")
    assert str(caught.value) == "アカウント名: 先頭と末尾に空白は使えません"


def test_the_accounts_file_problems_are_japanese_and_name_the_file(japanese, tmp_path):
    store = AccountStore(tmp_path)
    store.path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(AccountError) as caught:
        store.list()
    assert str(caught.value) == f"{store.path}: OutageWriterのアカウントファイルではありません"
    store.path.write_text(json.dumps({"format": "outagewriter-accounts", "version": 1, "accounts": [
        {"name": "work", "sender_address": "ops@example.com", "host": "smtp.example.com", "password": "x"}]}),
        encoding="utf-8")
    with pytest.raises(AccountError) as caught:
        store.list()
    assert str(caught.value).startswith(f"{store.path}: アカウント 'work' のパスワードがアカウントファイルに書かれています。")
    store.path.write_text(json.dumps({"format": "outagewriter-accounts", "version": 1,
                                      "accounts": [{"name": "work"}]}), encoding="utf-8")
    with pytest.raises(AccountError) as caught:
        store.list()
    assert str(caught.value) == f"{store.path}: アカウント 'work': アカウントの項目が不完全です: sender_address, host がありません"
    store.path.unlink()
    with pytest.raises(AccountError) as caught:
        store.get("work")
    assert str(caught.value) == ("'work' という名前のアカウントはありません（アカウントはまだありません。"
                                 "`outagewriter accounts add` で追加してください）")


def test_an_incomplete_account_entry_names_what_it_lacks_in_english(tmp_path):
    store = AccountStore(tmp_path)
    store.path.write_text(json.dumps({"format": "outagewriter-accounts", "version": 1,
                                      "accounts": [{"name": "work", "host": "smtp.example.com"}]}), encoding="utf-8")
    with pytest.raises(AccountError, match=r"accounts.json: account 'work': account entry is incomplete: it has no sender_address$"):
        store.list()


def test_provider_notes_and_the_unencrypted_warning_are_japanese(japanese):
    gmail = Account(name="gmail", sender_address="ops@example.com", host="smtp.gmail.com", preset="gmail")
    assert gmail.preset_note == "Gmailではアプリパスワードが必要です（2段階認証をオンにしてください）。ユーザー名はメールアドレス全体です。"
    relay = Account(name="relay", sender_address="ops@example.com", host="relay.example.com", port=25,
                    security="none", username="ops", allow_plaintext_auth=True)
    assert unencrypted_sign_in(relay).startswith("アカウント 'relay' はパスワードを暗号化せずに relay.example.com へ送信します。")


def test_an_archive_that_cannot_be_read_is_told_in_japanese(japanese, tmp_path):
    path = tmp_path / "db.outage"
    archive_folder(path).mkdir()
    with pytest.raises(ArchiveError) as caught:
        read(path, "db.sent/01-initial.eml")
    assert str(caught.value) == f"保存されたメッセージ {archive_folder(path) / '01-initial.eml'} がありません"
    with pytest.raises(ArchiveError) as caught:
        read(path, "/etc/passwd")
    assert str(caught.value) == ("送信記録にアーカイブとして '/etc/passwd' が指定されていますが、これはインシデントファイルと"
                                 "同じ場所にある db.sent/ 内のファイルではありません")


def test_a_send_record_that_cannot_be_saved_is_told_in_japanese(japanese, tmp_path):
    path = tmp_path / "db.outage"
    incident = Incident.create("Card payments failing", "Acme Pay")
    fileformat.save(incident, path)
    path.write_text("{ not json", encoding="utf-8")  # broken on disk while the send was going on
    with pytest.raises(on_disk.RecordNotSaved) as caught:
        on_disk.merge_send_record(path, incident, incident.notices[-1], [])
    said = str(caught.value)
    copy = said.split("通知の受信者の記録は ")[1].split(" として保存しました")[0]
    assert (tmp_path / copy).exists() and copy.startswith("db")
    assert said.endswith("もう一度送信する前に、そのファイルを元のファイルと置き換えてください")


def test_a_chat_post_to_an_unknown_destination_is_refused_in_japanese(japanese):
    known = (ChatDestination("Status", "slack"),)
    with pytest.raises(ChatSetupError) as caught:
        resolve(["Status", "Ops room"], known)
    assert str(caught.value) == ("チャット投稿: 'Ops room' は設定にチャットの投稿先としてないため、投稿先がわかりません。"
                                 "［設定］→［チャット］で追加するか、通知のチャット投稿から外してください。何も送信していません。")


def test_webhook_url_problems_are_japanese(japanese):
    assert check_webhook_url("discord", "https://example.com/x") == (
        "Discord のWebhook URLは https://discord.com/api/webhooks/ で始まります")
    assert check_webhook_url("teams", "http://hooks.example.com/x") == (
        "Webhook URLは https:// で始まる必要があります（http はこのコンピューター上のものにだけ使えます）")
    assert check_webhook_url("slack", "") == "Webhook URLが空です"


def test_chat_destination_changes_are_refused_in_japanese(japanese):
    settings = Settings(chat_destinations=(ChatDestination("Status", "slack"),))
    with pytest.raises(ChatDestinationError) as caught:
        setup.with_destination(settings, "status", "teams")
    assert str(caught.value) == "'Status' という名前のチャットの投稿先がすでにあります。変更するには --replace を指定してください"
    with pytest.raises(ChatDestinationError) as caught:
        setup.with_followed(settings, "Customers", ["Status"])
    assert str(caught.value) == "'Customers' という配信先グループはありません（配信先グループはまだ1つも登録されていません）"
    with pytest.raises(ChatDestinationError) as caught:
        setup.find(settings, "Ops")
    assert str(caught.value) == "'Ops' というチャットの投稿先はありません（登録済みの投稿先: Status）"


def test_audiences_from_the_settings_window_are_refused_in_japanese(japanese):
    with pytest.raises(AudienceError) as caught:
        parse_audiences([{"name": "EU", "zone": "Europe/Berlin"}, {"name": "eu", "zone": "Europe/Paris"}])
    assert str(caught.value) == "名前 'eu' が2回使われています"
    with pytest.raises(AudienceError) as caught:
        parse_audiences([{"name": "EU", "zone": "Europe/Berlin", "hours": "9-17"}])
    assert str(caught.value) == "営業時間 '9-17' が08:00-18:00の形になっていません"


def test_a_send_lock_held_by_someone_else_is_told_in_japanese(japanese, tmp_path):
    from outagewriter.core.storage.locks import SendBusy, SendLock
    path = tmp_path / "db.outage"
    path.write_text("{}")
    with SendLock(path, user="Jana"):
        with pytest.raises(SendBusy) as caught:
            SendLock(path, user="Petr").acquire()
    assert str(caught.value).startswith("db.outage はJana（ホスト ")
    assert str(caught.value).endswith("）が送信中です。その送信が終わるまでお待ちください")


def test_an_unreadable_incident_file_is_told_in_japanese(japanese, tmp_path):
    path = tmp_path / "db.outage"
    path.write_text("  \n")
    with pytest.raises(fileformat.IncidentFileError) as caught:
        fileformat.load(path)
    assert str(caught.value) == f"{path}: ファイルが空です"
    path.write_text('{"format": "outagewriter-incident", "meta": {')
    with pytest.raises(fileformat.IncidentFileError) as caught:
        fileformat.load(path)
    assert str(caught.value) == f"{path}: ファイルが途中で切れています（1行目でデータの途中で終わっています）"


# ---- the second round: approvals' signatures, rule packs, grammar, notices, starters, components,
# ---- publishing, reviews, the keyring, the status page's files

def _in_review():
    from outagewriter.core.render.renderer import Renderer
    from outagewriter.core.review import workflow as review
    renderer = Renderer()
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    notice.update({"summary": "Card payments fail.", "to": "ops@customer.example"})
    review.request_review(incident, notice, renderer.render(incident, notice), "Jana Novák")
    return incident, notice, renderer


def test_a_signing_key_that_is_not_there_is_told_in_japanese(japanese, tmp_path):
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    key = tmp_path / "no-such-key"
    with pytest.raises(review.ReviewError) as caught:
        review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda",
                       Settings(user_name="Petr Svoboda", signing_key=str(key)))
    assert str(caught.value) == f"承認に署名できません: 署名鍵 {key} がありません（設定: review.signing_key）"


def test_ssh_keygen_missing_is_told_in_japanese(japanese, tmp_path, monkeypatch):
    from outagewriter.core.review import signature
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    key = tmp_path / "petr"
    key.write_text("not really a key")
    with pytest.raises(signature.SignatureError) as caught:
        signature.sign(b"approval", key)
    assert str(caught.value) == ("承認に署名できません: ssh-keygenが見つかりません。署名付きの承認を使うには、"
                                 "OpenSSH（openssh-client）をインストールしてください")


def test_an_unsigned_approval_check_names_the_allowed_signers_file_in_japanese(japanese, tmp_path):
    from outagewriter.core.review import send_gate
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    notice.review.approval.signature = "-----BEGIN SSH SIGNATURE-----\nx\n-----END SSH SIGNATURE-----\n"
    allowed = tmp_path / "nowhere"
    with pytest.raises(review.ApprovalError) as caught:
        send_gate.check_can_send(incident, notice, renderer.render(incident, notice),
                                 Settings(require_signed_approval=True, allowed_signers=str(allowed)))
    assert str(caught.value) == (f"通知1は送信できません: 承認の署名を確認できません: {allowed} に許可された署名者の"
                                 "ファイルがありません（設定: review.allowed_signers）。")


def test_a_review_record_that_disagrees_with_the_log_is_told_in_japanese(japanese):
    from outagewriter.core.review import send_gate
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    notice.review.approval.reviewer = "Eva Dvořáková"  # edited by hand
    with pytest.raises(review.ApprovalError) as caught:
        send_gate.check_approval_for_send(incident, notice, renderer.render(incident, notice))
    said = str(caught.value)
    assert said.startswith("通知1は送信できません: 監査ログではPetr Svobodaが")
    assert "レビューの記録ではEva Dvořákováが" in said and said.endswith("もう一度レビューを依頼してください。")


def test_review_steps_refused_in_japanese(japanese):
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    with pytest.raises(review.ReviewError) as caught:
        review.approve(incident, notice, renderer.render(incident, notice), "   ", Settings(user_name="Petr"))
    assert str(caught.value) == "レビュー担当者の名前が空です"
    notice.sent = True  # anything sent: the review is closed
    with pytest.raises(NoticeLocked) as caught:
        review.request_changes(incident, notice, renderer.render(incident, notice), "Petr", "Say when.")
    assert str(caught.value) == "通知1は送信済みです。レビューは終了しています"


def test_problems_in_a_users_rule_pack_are_japanese_and_name_the_file(japanese, tmp_path):
    from outagewriter.core.checks import load_rules
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "odd.json").write_text(json.dumps({"rules": [
        {"id": "acme.blame", "category": "rudeness", "severity": "warning", "patterns": ["x"], "message": "m"}],
        "disabled": ["no.such.rule"]}), encoding="utf-8")
    (tmp_path / "regex.json").write_text(json.dumps({"rules": [
        {"id": "acme.regex", "category": "blame", "severity": "warning", "patterns": ["(unclosed"], "message": "m"}]}),
        encoding="utf-8")
    problems = load_rules("en", tmp_path).problems
    assert problems[0] == "broken.json: 1行3列目がJSONとして正しくありません: Expecting property name enclosed in double quotes。このファイルは使用しません"
    assert ("odd.json: ルール 'acme.blame': 'category' には blame, guilt, overpromise, speculation, jargon のいずれかを"
            "指定してください（指定された値: 'rudeness'）。このルールは使用しません") in problems
    assert "odd.json: 'disabled' に存在しないルールが指定されています: no.such.rule" in problems
    [regex] = [p for p in problems if p.startswith("regex.json")]
    assert regex.startswith("regex.json: ルール 'acme.regex'のパターン1: '(unclosed' は正しい正規表現ではありません: ")
    assert regex.endswith("（1文字目）。このルールは使用しません")  # the place in the pattern as written


def test_a_rule_packs_own_examples_are_checked_in_japanese(japanese, tmp_path):
    from outagewriter.core.checks.tone import load_checked_rules
    (tmp_path / "mine.json").write_text(json.dumps({"rules": [
        {"id": "acme.vendor", "category": "blame", "severity": "warning", "patterns": ["the vendor"],
         "message": "m", "examples": {"bad": ["Our supplier broke it."], "good": ["Ask the vendor."]}}]}), encoding="utf-8")
    problems = load_checked_rules("en", tmp_path).problems
    assert "mine.json: ルール 'acme.vendor': 悪い例が指摘されません: 'Our supplier broke it.'" in problems
    assert "mine.json: ルール 'acme.vendor': 良い例が指摘されます: 'Ask the vendor.'" in problems


def test_grammar_checks_that_cannot_start_say_why_in_japanese(japanese, tmp_path):
    from outagewriter.core.checks.grammar import GrammarChecker, GrammarSettings, GrammarUnavailable, base_url
    with pytest.raises(GrammarUnavailable) as caught:
        base_url("ftp://lt.example")
    # nobody turned them off: they cannot run, and the sentence says so
    assert str(caught.value) == ("文法チェックを実行できません: 'ftp://lt.example' はLanguageToolサーバーのアドレスでは"
                                 "ありません（例: http://host:8081）。表現チェックは引き続き使えます。")
    with GrammarChecker(GrammarSettings(mode="jars")) as checker:
        with pytest.raises(GrammarUnavailable) as caught:
            checker.check_fields({"summary": "text"})
    assert str(caught.value) == "文法チェックを実行できません: LanguageToolのフォルダーが設定されていません。表現チェックは引き続き使えます。"
    with pytest.raises(ValueError) as caught:
        GrammarSettings(mode="cloud")
    assert str(caught.value).startswith("'cloud'という文法チェックのモードはありません。")


def test_a_language_tool_server_that_does_not_answer_is_told_in_japanese(japanese):
    from outagewriter.core.checks.grammar import GrammarChecker, GrammarSettings, GrammarUnavailable
    with socket.socket() as probe:  # a port nothing listens on: taken, then given back
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = GrammarSettings(mode="server", server_url=f"http://127.0.0.1:{port}", request_timeout=2)
    with GrammarChecker(settings) as checker:
        with pytest.raises(GrammarUnavailable) as caught:
            checker.probe().result(timeout=20)
    assert str(caught.value).startswith(f"http://127.0.0.1:{port} のLanguageToolサーバーから応答がありません（")


def test_a_sent_notice_and_a_wrong_status_are_refused_in_japanese(japanese):
    from outagewriter.core.incident.fields import FieldError
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    with pytest.raises(FieldError) as caught:
        notice.set("status", "completed")
    assert str(caught.value) == ("status: 'completed' は第一報には使えません。使える状況: investigating, identified, "
                                 "monitoring, resolved")
    with pytest.raises(FieldError) as caught:
        Incident(kind="outage")
    assert str(caught.value) == "'outage'というインシデントの種類はありません。incident または maintenance を指定してください"
    with pytest.raises(FieldError) as caught:
        Incident(language="ja", second_language="ja")
    assert str(caught.value) == "2つ目の言語には1つ目（ja）と異なる言語を指定してください"
    notice.sent = True
    with pytest.raises(NoticeLocked) as caught:
        notice.set("summary", "Fixed.")
    assert str(caught.value) == "この通知は送信済みのため、編集できません"


def test_an_address_that_is_not_one_is_told_in_japanese(japanese):
    from outagewriter.core.incident.fields import FieldError, normalise
    with pytest.raises(FieldError) as caught:
        normalise("to", "ops@example.com, Jana <jana at example>")
    said = str(caught.value)
    assert said.startswith("to: メールアドレスではありません: 'Jana <jana at example>'（") and said.endswith("）")


def test_starting_texts_are_refused_in_japanese(japanese, tmp_path):
    from outagewriter.core.session.starters import StarterError, load_library, plan
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    library = load_library("en", tmp_path)
    assert library.problems == ("ひな形 broken.json: JSONとして正しくありません（1行2列目: Expecting property name "
                                "enclosed in double quotes）。このファイルは使用しません",)
    with pytest.raises(StarterError) as caught:
        library.get("nope")
    assert str(caught.value).startswith("'nope' というひな形はありません。使用できるひな形: ")
    resolved = library.get("resolved")
    with pytest.raises(StarterError) as caught:
        library.get("resolved", "update")
    assert str(caught.value).startswith("ひな形 'resolved' は復旧報告用です。続報には使えません。続報に使えるひな形: ")
    with pytest.raises(StarterError) as caught:
        plan(Incident.create("Card payments failing", "Acme Pay").notices[-1], resolved)
    assert str(caught.value) == "ひな形 'resolved' は復旧報告用です。第一報には使えません"


def test_components_are_refused_in_japanese_with_the_line(japanese):
    from outagewriter.core.incident.components import ComponentError, add_component, parse_components
    with pytest.raises(ComponentError) as caught:
        parse_components("API = operational\nWeb = broken")
    assert str(caught.value) == ("2行目: 'broken' は状態ではありません。使用できる状態: operational, degraded-performance, "
                                 "partial-outage, major-outage, under-maintenance")
    with pytest.raises(ComponentError) as caught:
        add_component("API = operational", "api", "major-outage")
    assert str(caught.value) == "'api' はすでに一覧にあります"
    with pytest.raises(ComponentError) as caught:
        add_component("", "x" * 81, "major-outage")
    assert str(caught.value) == f"'{'x' * 81}': 名前は制御文字を含まない80文字以内にしてください"
    with pytest.raises(ComponentError) as caught:
        add_component("", " ", "major-outage")
    assert str(caught.value) == "先にコンポーネント名を入力してください"


def test_publishing_refusals_are_japanese_and_name_the_folder(japanese, tmp_path):
    from outagewriter.core.session.publishing import PublishError, publish_status_page
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    path = incidents / "db.outage"
    fileformat.save(Incident.create("Card payments failing", "Acme Pay"), path)
    with pytest.raises(PublishError) as caught:
        publish_status_page([incidents], "", Settings())
    assert str(caught.value) == "ステータスページのフォルダーが指定されておらず、設定にもありません"
    with pytest.raises(PublishError) as caught:
        publish_status_page([incidents], incidents, Settings())
    assert str(caught.value) == f"{incidents.resolve()} には公開できません: インシデントファイルのフォルダーです"
    with pytest.raises(PublishError) as caught:
        publish_status_page([tmp_path / "nowhere.outage"], tmp_path / "page", Settings())
    assert str(caught.value) == f"{tmp_path / 'nowhere.outage'}: ファイルまたはフォルダーが見つかりません"
    (tmp_path / "page").write_text("a file")
    with pytest.raises(PublishError) as caught:
        publish_status_page([incidents], tmp_path / "page", Settings())
    assert str(caught.value) == f"{(tmp_path / 'page').resolve()} はファイルです。フォルダーではありません"
    result = publish_status_page([incidents], tmp_path / "site", Settings())
    assert result.problems[0] == "指定された1件のインシデントファイルには送信済みの通知がないため、ページにはインシデントが表示されません"


def test_a_broken_incident_file_stops_the_publish_in_japanese(japanese, tmp_path):
    from outagewriter.core.session.publishing import PublishError, publish_status_page
    path = tmp_path / "db.outage"
    path.write_text("  \n")
    with pytest.raises(PublishError) as caught:
        publish_status_page([path], tmp_path / "site", Settings())
    assert str(caught.value) == f"公開できません: {path}: ファイルが空です"


def test_keyring_problems_are_japanese_and_name_the_entry(japanese):
    import keyring.errors
    from keyring.backend import KeyringBackend
    from jaraco.classes import properties

    from outagewriter.core.chat.secrets import WebhookSecrets
    from outagewriter.core.mail.secrets import Secrets, SecretsError

    class LockedKeyring(KeyringBackend):
        @properties.classproperty
        def priority(cls):
            raise RuntimeError("test double: never chosen automatically")

        def get_password(self, service, username):
            raise keyring.errors.KeyringLocked("locked")

        def set_password(self, service, username, password):
            raise keyring.errors.PasswordSetError("cannot")

        def delete_password(self, service, username):
            raise keyring.errors.KeyringError("cannot")

    with pytest.raises(SecretsError) as caught:
        Secrets(LockedKeyring()).set("work", "")
    assert str(caught.value) == "パスワードが空のため、何も保存していません"
    with pytest.raises(SecretsError) as caught:
        Secrets(LockedKeyring()).get("work")
    assert str(caught.value) == "'work' のパスワードをキーリングから読み取れませんでした: KeyringLocked"
    with pytest.raises(SecretsError) as caught:
        WebhookSecrets(LockedKeyring()).set("Status", "https://hooks.slack.com/services/x")
    assert str(caught.value) == "'Status' のWebhook URLをキーリングに保存できませんでした: PasswordSetError"


def test_a_file_changed_on_disk_and_its_copy_are_named_in_japanese(japanese, tmp_path):
    from outagewriter.core.storage.conflicts import ConflictError, load_with_stamp, save_checked, save_copy
    path = tmp_path / "db.outage"
    fileformat.save(Incident.create("Card payments failing", "Acme Pay"), path)
    incident, stamp = load_with_stamp(path)
    path.unlink()
    with pytest.raises(ConflictError) as caught:
        save_checked(incident, path, stamp)
    assert str(caught.value) == ("db.outage は、開いた後に削除または移動されました。何も保存していません。再読み込みする"
                                 "（あなたの変更は失われます）か、あなたの版をコピーとして保存するか、相手の変更を上書きしてください。")
    copy = save_copy(incident, path, "Jana")
    assert copy.name.startswith("db（Janaのコピー ") and copy.name.endswith("）.outage")
    assert fileformat.load(copy).id == incident.id  # a copy is found again by what it holds, never by its name


def test_the_copy_of_a_send_record_is_named_in_japanese(japanese, tmp_path):
    path = tmp_path / "db.outage"
    incident = Incident.create("Card payments failing", "Acme Pay")
    fileformat.save(incident, path)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(on_disk.RecordNotSaved) as caught:
        on_disk.merge_send_record(path, incident, incident.notices[-1], [])
    [copy] = [p.name for p in tmp_path.glob("*.outage") if p != path]
    assert copy.startswith("db（送信記録のコピー ") and copy in str(caught.value)


def test_an_address_problem_follows_a_change_of_language(monkeypatch):
    """The address check is cached (a 1,000-address list is checked on every keystroke); the window can
    switch its language while it runs, and the reason must follow."""
    from outagewriter.core.incident import fields

    def unwritable(addr, **_options):
        raise ValueError("the message builder cannot write it")

    monkeypatch.setattr(fields, "validate_email", unwritable)
    address = "someone@switch.example"
    assert fields.mailbox_problem(address) == "the mail standard cannot write this address"
    i18n.use_language("ja")
    assert fields.mailbox_problem(address) != "the mail standard cannot write this address"
    i18n.use_language("en")
    assert fields.mailbox_problem(address) == "the mail standard cannot write this address"


# ---- the third round: reminders, the file format's validation, template limits, the audit log

def _promised(title="Card payments failing", promise="2026-11-30T15:00[Europe/Berlin]"):
    """An incident whose first notice and update 1 were sent, the update promising the next one."""
    from outagewriter.core.incident.records import SentRecord
    incident = Incident.create(title, "Acme Pay")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00:00Z")
    update = incident.add_notice("update")
    update.update({"next_update": promise})
    update.sent = SentRecord(time="2026-11-27T10:00:00Z")
    return incident


def test_reminders_are_japanese_with_japanese_dates(japanese):
    from datetime import datetime, timedelta, timezone

    from outagewriter.core.incident.reminders import next_notice_label, reminder_for, reminder_line, reminder_sentence
    due = datetime(2026, 11, 30, 14, 0, tzinfo=timezone.utc)  # 15:00 in Berlin
    incident = _promised()
    soon = reminder_for(incident, due - timedelta(minutes=10), 10)
    assert reminder_sentence(soon, due - timedelta(minutes=10)) == "「Card payments failing」の続報2の期限は15:00 CETです（あと10分）。"
    assert next_notice_label(soon.promise) == "続報2を作成"
    late = reminder_for(incident, due + timedelta(minutes=75), 10)
    assert reminder_sentence(late, due + timedelta(minutes=75)) == "「Card payments failing」の続報2の期限（15:00 CET）を1時間15分過ぎています。"
    just = reminder_for(incident, due, 10)
    assert reminder_sentence(just, due) == "「Card payments failing」の続報2の期限（15:00 CET）を過ぎました。"
    # Another day: the date as times.format_zoned_ja writes it, UTC in full-width brackets.
    earlier = due - timedelta(days=1, minutes=65)
    ahead = reminder_for(incident, earlier, 10)
    assert reminder_sentence(ahead, earlier) == "「Card payments failing」の続報2の期限は11月30日（月）15:00 CETです（あと1日1時間）。"
    assert reminder_line(ahead, earlier, "/x/a.outage") == (
        "予定（あと1日1時間）  Card payments failing  通知2でお約束した時刻11月30日（月）15:00 CET（14:00 UTC）  /x/a.outage")
    resolved = _promised()
    resolved.add_notice("resolution").update({"next_update": "2026-12-02T12:00[Europe/Berlin]"})
    resolved.notices[-1].sent = resolved.notices[1].sent
    report = reminder_for(resolved, datetime(2026, 12, 2, 11, 30, tzinfo=timezone.utc), 10)
    assert next_notice_label(report.promise) == "事後報告を作成"
    assert reminder_sentence(report, due).startswith("「Card payments failing」の事後報告の期限（12月2日（水）12:00 CET）を30分")


def test_a_promise_that_cannot_be_read_is_told_in_japanese(japanese):
    from datetime import datetime, timezone

    from outagewriter.core.session.due import due_report
    incident = _promised()
    incident.notices[-1].fields["next_update"] = "tomorrow-ish"  # as a file written elsewhere could hold
    report = due_report([("/x/db.outage", incident)], datetime(2026, 11, 30, tzinfo=timezone.utc), 10)
    [(where, why)] = report.skipped
    assert where == "/x/db.outage"
    assert why.startswith("通知2の次回の通知 'tomorrow-ish' を読み取れません: ") and "ISO 8601" in why


def _hand_edited(tmp_path, change, name="db.outage"):
    """A saved incident file edited by hand with `change` (on its parsed JSON), loaded again."""
    path = tmp_path / name
    data = fileformat.to_dict(Incident.create("Card payments failing", "Acme Pay"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(fileformat.IncidentFileError) as caught:
        fileformat.load(path)
    return str(caught.value)


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d["notices"][0]["fields"].__setitem__("summary", 5), "通知1の項目 'summary': テキストが必要です（実際は数値）"),
    (lambda d: d["notices"][0]["fields"].__setitem__("colour", "red"), "通知1に不明な項目があります: colour"),
    (lambda d: d["notices"][0].__setitem__("created", "yesterday"),
     "通知1の 'created': 2026-11-27T10:15:02Z のようなUTCの時刻が必要です（実際はテキスト 'yesterday'）"),
    (lambda d: d["notices"][0].__setitem__("review", "approved"),
     "通知1の 'review': オブジェクトまたはnullが必要です（実際はテキスト 'approved'）"),
    (lambda d: d["incident"].__setitem__("kind", "outage"),
     "'incident.kind': incident, maintenance のいずれかが必要です（実際はテキスト 'outage'）"),
    (lambda d: d.__setitem__("notices", []), "'notices': 1件以上の通知が必要です（実際は空のリスト）"),
    (lambda d: d["incident"].pop("kind"), "'incident': 'kind' がありません"),
    (lambda d: d.__setitem__("log", [{"who": None}]), "監査ログの記録1: 'event' がありません"),
    (lambda d: d.__setitem__("version", 7), "新しいOutageWriterで作成されたファイルです（形式バージョン7。"
                                            "このバージョンで読めるのは1までです）。開くにはOutageWriterを更新してください"),
    (lambda d: d.__setitem__("format", "something else"), "OutageWriterのインシデントファイルではありません"),
    (lambda d: d["notices"][0]["fields"].__setitem__("summary", "Paid\x1b[8m twice"),
     "notices[0].fields.summary の値: 使用できない制御文字 U+001Bが含まれています"),
    (lambda d: d["notices"][0]["fields"].__setitem__("next_update", "tomorrow"),
     "通知1: ISO 8601形式の日時ではありません: 'tomorrow'"),
], ids=["type", "unknown-field", "x-expected", "type-or-null", "enum", "min-items", "required", "log-entry", "newer",
        "not-ours", "control-character", "notice"])
def test_a_hand_edited_incident_file_is_told_in_japanese_with_its_name(japanese, tmp_path, change, said):
    assert _hand_edited(tmp_path, change, "障害 db.outage") == f"{tmp_path / '障害 db.outage'}: {said}"


def test_a_hand_edited_starting_text_file_is_told_in_japanese(japanese, tmp_path):
    from outagewriter.core.session.starters import load_library
    (tmp_path / "mine.json").write_text(json.dumps({"starters": [
        {"name": "Full Outage", "title": "Full outage", "kinds": ["initial"], "fields": {"summary": "Down."}}]}),
        encoding="utf-8")
    [problem] = load_library("en", tmp_path).problems
    assert problem == ("ひな形 mine.json: 'starters.0.name': 小文字の英字、数字、'-'（例: 'full-outage'）が必要です"
                       "（実際はテキスト 'Full Outage'）。このファイルは使用しません")


def test_a_template_over_its_limits_is_told_in_japanese_with_its_file(japanese, tmp_path):
    from outagewriter.core.render.renderer import Renderer
    folder = tmp_path / "templates" / "en" / "initial"
    folder.mkdir(parents=True)
    for part, source in (("subject.txt", "{{ range(100000)|length }}"), ("body.txt", "{{ 2 ** 100 }}"),
                         ("body.html", "{{ 'x' * 10**10 }}"), ("short.txt", "{{ '{:>1000000000}'.format(1) }}")):
        (folder / part).write_text(source, "utf-8")
    incident = Incident.create("Card payments failing", "Acme Pay")
    rendered = Renderer(user_dir=tmp_path / "templates").render(incident, incident.notices[-1])
    said = [str(problem) for problem in rendered.problems]
    assert said[0] == (f"{folder / 'subject.txt'}:1: TemplateLimitExceeded: 10,000個を超える数の range() は使えません"
                       "（代わりに同梱のテンプレートを使用しました）")
    assert len(said) == 1  # over a limit: the other parts skip the user's templates
    for source, words in (("{{ 2 ** 100 }}", "64を超える指数はテンプレートでは使えません"),
                          ("{{ 'x' * 10**10 }}", "テンプレートが2,000,000個を超える要素の値を作りました"),
                          ("{{ 'x'|center(1000000000) }}", "数値 1000000000 はテンプレートで扱うには大きすぎます"),
                          ("{{ '{:>1000000000}'.format(1) }}", "これほど大きな書式の幅はテンプレートでは使えません")):
        (folder / "subject.txt").write_text(source, "utf-8")
        [problem] = Renderer(user_dir=tmp_path / "templates").render(incident, incident.notices[-1]).problems
        assert str(problem).endswith(f": {words}（代わりに同梱のテンプレートを使用しました）"), str(problem)


def test_the_audit_log_entry_that_stops_a_send_is_told_in_japanese_with_its_time(japanese, in_prague):
    import re

    from outagewriter.core.review import audit, send_gate
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    # Someone sent the notice back and then put the approval back by hand: the log still says so.
    audit.append(incident, audit.CHANGES_REQUESTED, notice, "Eva Dvořáková", comment="Say when.",
                 field="summary", when="2026-11-27T10:15:02Z")
    with pytest.raises(review.ApprovalError) as caught:
        send_gate.check_approval_for_send(incident, notice, renderer.render(incident, notice))
    assert re.fullmatch(r"通知1は送信できません: 監査ログでは承認の後に次の記録があります: 通知1: Eva Dvořákováが修正を依頼"
                        r"（項目: summary）（(2026年)?11月27日（金）11:15 CET）: 「Say when.」.*", str(caught.value), re.S), \
        str(caught.value)


def test_void_approvals_and_their_log_entries_are_japanese_but_stored_in_english(japanese):
    from outagewriter.core.review import audit, send_gate
    from outagewriter.core.review import workflow as review
    incident, notice, renderer = _in_review()
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    notice.update({"summary": "Card payments fail in Europe."})
    review.note_changes(incident, notice, renderer.render(incident, notice), "Jana Novák")
    voided = audit.timeline(incident, notice)[-1]
    assert voided.comment.startswith("changed: ")  # the file keeps the English
    assert voided.comment == "changed: text, html"
    # The person named made the change that voided the approval: the editor, not a reviewer; the parts in Japanese.
    assert voided.describe(with_time=False) == "通知1: 承認無効（承認後にJana Novákが変更）: 「変更箇所: 本文、HTML」"
    assert voided.describe(lambda _stored: "11月27日（金）10:15 CET") == (
        "通知1: 承認無効（承認後にJana Novákが変更）（11月27日（金）10:15 CET）: 「変更箇所: 本文、HTML」")
    replaced = audit.LogEntry(audit.VOIDED, notice.id, "Jana Novák", "2026-11-27T09:15:00Z",
                              comment=audit.REPLACED_IN_FILE, number=1)  # as session.py stores an overwrite
    assert replaced.describe(with_time=False) == (
        "通知1: 承認無効（承認後にJana Novákが変更）: 「ファイルに保存されていた承認は、ファイルの上書きで置き換えられました」")
    from outagewriter.core.review import textdiff
    assert textdiff.format_diff(review.approval_status(incident, notice, renderer.render(incident, notice)).diff) \
        .startswith("本文: … ")
    # A reviewer who sends an approved notice back withdraws the approval, in English in the file.
    incident, notice, renderer = _in_review()
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    review.request_changes(incident, notice, renderer.render(incident, notice), "Petr Svoboda", "Say when.")
    assert notice.review.approval.voided.reason == "approval withdrawn: changes requested by Petr Svoboda"
    with pytest.raises(review.ApprovalError) as caught:
        send_gate.check_can_send(incident, notice, renderer.render(incident, notice), Settings())
    assert str(caught.value).startswith("通知1は送信できません: 承認は取り消されました: Petr Svobodaが修正を依頼しました")


def test_a_missing_keyring_an_untitled_incident_and_a_restless_file_are_japanese(japanese, tmp_path, monkeypatch):
    from keyring.backends import fail

    from outagewriter.core.chat.secrets import WebhookSecrets
    from outagewriter.core.mail.secrets import Secrets
    from outagewriter.core.session.services import Services
    from outagewriter.core.session.session import Session
    from outagewriter.core.storage import conflicts
    from outagewriter.core.storage.recovery import RecoveryCopy

    assert Secrets(fail.Keyring()).describe() == "なし（パスワードは送信時に入力を求めます）"
    assert WebhookSecrets(fail.Keyring()).describe() == "なし（Webhook URLを保存できないため、チャットへの投稿はオフです）"
    session = Session.new(Services(Settings(), tmp_path), "", "Acme Pay")
    assert session.display_name == "無題のインシデント"  # the window's title and its unsaved-changes question
    assert RecoveryCopy(tmp_path / "x.json", session.incident, None, "2026-11-27T10:00:00Z", 1).title == \
        "（無題のインシデント）"
    path = tmp_path / "db.outage"
    fileformat.save(Incident.create("Card payments failing", "Acme Pay"), path)
    stamps = iter(range(100))
    monkeypatch.setattr(conflicts.FileStamp, "of", staticmethod(lambda _path: next(stamps)))  # a colleague keeps saving
    with pytest.raises(fileformat.IncidentFileError) as caught:
        conflicts.load_with_stamp(path)
    assert str(caught.value) == f"{path}: ファイルが読み込み中に変更され続けています。もう一度お試しください"


def test_the_operating_systems_words_are_japanese_inside_japanese_messages(japanese, tmp_path):
    import errno

    from outagewriter.core import os_errors
    from outagewriter.core.chat.delivery import post

    common = (errno.ENOENT, errno.EACCES, errno.EEXIST, errno.ENOSPC, errno.EROFS, errno.ECONNREFUSED,
              errno.ETIMEDOUT, errno.EHOSTUNREACH)
    said = [os_errors.reason(OSError(code, "the system's English")) for code in common]
    assert all(any("\u3040" <= c <= "\u9fff" for c in words) for words in said), said
    assert len(set(said)) == len(said)
    assert os_errors.reason(socket.gaierror(socket.EAI_NONAME, "Name or service not known")) == "ホスト名が見つかりません"
    assert os_errors.reason(OSError(errno.ENOLINK, "Link has been severed")) == "Link has been severed"  # a rare one as it is
    # on the real paths: a chat post to a port nobody listens on, an incident file below a file
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = post(ChatDestination("Ops", "discord"), f"http://127.0.0.1:{port}/api/webhooks/1/tok", b"{}", timeout=5)
    assert outcome.reply.startswith("127.0.0.1 に接続できませんでした（接続が拒否されました）")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(fileformat.IncidentFileError) as caught:
        fileformat.load(tmp_path / "notes.txt" / "db.outage")
    assert str(caught.value) == f"{tmp_path / 'notes.txt' / 'db.outage'}: フォルダーではありません"


def test_address_problems_are_japanese_and_name_the_entry(japanese):
    from outagewriter.core.incident.fields import FieldError, mailbox_problem, parse_addresses

    with pytest.raises(FieldError) as caught:
        parse_addresses("ops at example")
    assert "'ops at example'" in str(caught.value) and "「@」がありません" in str(caught.value)
    assert mailbox_problem("ops@example") == "「@」の後のドメイン名が正しくありません（「.」がありません）"
    assert mailbox_problem("b@@acme.example") == "「@」の後に使えない文字があります: '@'"
    assert mailbox_problem("a..b@acme.example") == "「.」を2つ続けて使うことはできません"
    assert mailbox_problem("ops＠acme.example") == "全角の「＠」が使われています。半角の「@」にしてください"
    i18n.use_language("en")
    assert mailbox_problem("ops@example") == "The part after the @-sign is not valid. It should have a period"


def test_a_failed_test_post_says_to_test_again_not_to_send(japanese):
    from outagewriter.core.chat.posting import test_post

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = test_post(ChatDestination("Ops", "discord"), f"http://127.0.0.1:{port}/api/webhooks/1/tok", timeout=5)
    assert outcome.describe() == ("Ops (Discord) には投稿できませんでした: 127.0.0.1 に接続できませんでした（接続が拒否されました）。"
                                  "テスト投稿は行われていません。URLとネットワークを確認してから、もう一度テスト投稿してください")
