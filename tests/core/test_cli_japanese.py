"""The command line in Japanese: the language follows the locale, or settings.json "ui_language"."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from outagewriter.cli import build_parser
from outagewriter.core import i18n
from outagewriter.core.checks.structure import check_next_update
from outagewriter.core.incident.times import now_utc

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def run(*args, cwd, lang="C.UTF-8", ui_language=None, user=None, input=None):
    config = cwd / "config"
    settings = {key: value for key, value in (("ui_language", ui_language), ("user_name", user)) if value is not None}
    if settings:
        config.mkdir(exist_ok=True)
        (config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(LANG=lang, TZ="UTC", OUTAGEWRITER_CONFIG_DIR=str(config), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env, input=input,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "payments.outage"
    made = run("new", path, "--title", "Card payments failing", "--service", "Acme Pay", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return path


def test_help_follows_a_japanese_locale(tmp_path):
    proc = run("set", "--help", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0
    assert proc.stdout.startswith("使い方: outagewriter set")
    assert "未送信の最新の通知の項目を設定します。" in proc.stdout
    assert "位置引数:" in proc.stdout and "オプション:" in proc.stdout
    assert "このヘルプを表示して終了します" in proc.stdout  # argparse's own words, from the same catalog
    assert "usage:" not in proc.stdout


def test_help_stays_english_in_an_english_locale(tmp_path):
    proc = run("set", "--help", cwd=tmp_path, lang="en_GB.UTF-8")
    assert proc.stdout.startswith("usage: outagewriter set")
    assert "Set fields of the newest unsent notice." in proc.stdout and "options:" in proc.stdout
    assert not any("\u3040" <= c <= "\u30ff" for c in proc.stdout)  # no kana anywhere


def test_the_setting_wins_over_the_locale(tmp_path):
    assert "障害の通知を作成・チェックし" not in run("--help", cwd=tmp_path, lang="C.UTF-8").stdout
    japanese = run("--help", cwd=tmp_path, lang="C.UTF-8", ui_language="ja")
    assert "障害の通知を作成・チェックし、送信します。" in japanese.stdout
    english = run("--help", cwd=tmp_path, lang="ja_JP.UTF-8", ui_language="en")
    assert "Write, check and send outage notices." in english.stdout


def refused_set(made, assignment, **how):
    """A `set` that must be refused with exit code 2, leaving the file as it was."""
    before = made.read_bytes()
    proc = run("set", made, assignment, cwd=made.parent, **how)
    assert proc.returncode == 2
    assert made.read_bytes() == before
    return proc


def test_a_bad_field_value_is_one_japanese_line_and_the_file_is_kept(tmp_path, made):
    proc = refused_set(made, "data_loss=maybe", ui_language="ja")
    assert proc.stderr == ("outagewriter set: data_loss: 'maybe'は選択肢（none, possible, confirmed, unknown）"
                           "にありません\n")
    english = run("set", made, "data_loss=maybe", cwd=tmp_path, lang="en_US.UTF-8", ui_language="")
    assert english.stderr == "outagewriter set: data_loss: 'maybe' is not one of none, possible, confirmed, unknown\n"


def test_a_usage_error_from_argparse_is_japanese(tmp_path):
    proc = run("add", tmp_path / "x.outage", "--kind", "later", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert "引数--kind: 選択肢にない値です: 'later'" in proc.stderr
    assert "（outagewriter add --helpをご覧ください）" in proc.stderr


def test_check_findings_are_japanese(tmp_path, made):
    proc = run("check", made, "--no-grammar", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert ("next_update:0-0 error structure structure.next-update-missing: 次回の通知の時期が書かれていません。"
            "どの通知でも、次回の通知をタイムゾーン付きの時刻、または「状況に変化があり次第」としてお約束します。"
            "（修正候補: on-change）") in lines
    assert any(line.startswith("data_loss:0-0 error structure structure.data-loss-unanswered: データの損失の有無")
               for line in lines)
    english = run("check", made, "--no-grammar", cwd=tmp_path, lang="C.UTF-8")
    assert "The notice does not say whether any data is lost." in english.stdout


def test_review_headings_are_japanese(tmp_path, made):
    proc = run("review", made, cwd=tmp_path, ui_language="ja")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("通知1/1（第一報）: 下書き\n承認: まだ承認されていません\n")
    for heading in ("承認: ", "まだ送信できません: ", "\n件名: ", "\n指摘（", "\n前回の通知からの変更: これが最初の通知です。"):
        assert heading in proc.stdout


def test_a_missing_catalog_means_english_not_a_crash(tmp_path):
    try:
        assert i18n.use_language("ja", folder=tmp_path) == "en"
        assert i18n._("Ready to send.") == "Ready to send."
        assert i18n.use_language("ja") == "ja"  # the built catalog
        assert i18n._("Ready to send.") == "送信できます。"
    finally:
        i18n.use_language("en")
    assert i18n._("Ready to send.") == "Ready to send."


def test_a_time_without_zone_is_refused_in_japanese(tmp_path, made):
    proc = run("set", made, "next_update=2026-11-27T11:00", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr == ("outagewriter set: next_update: '2026-11-27T11:00'にタイムゾーンがありません。"
                           "オフセット（+09:00、Z）または[Asia/Tokyo]のようなタイムゾーンを付けてください\n")


def test_the_missing_zone_finding_keeps_its_rule_in_japanese():
    """The check tells a missing zone from an unreadable time by the error's kind, not by its English words."""
    try:
        i18n.use_language("ja")
        finding, = check_next_update("2026-11-27T11:00", now=now_utc())
    finally:
        i18n.use_language("en")
    assert finding.rule == "structure.next-update-no-zone"
    assert finding.message.startswith("次回の通知の時刻にタイムゾーンがありません。")


def test_timeline_lines_are_japanese(tmp_path, made):
    assert run("request-review", made, "--reviewer", "Petr", cwd=tmp_path).returncode == 0
    proc = run("timeline", made, cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0, proc.stderr
    notice, requested = proc.stdout.splitlines()
    assert notice.endswith("  通知1 · 第一報 · 調査中 · 下書き、未送信（宛先0件）")
    assert "通知1: " in requested and "がレビューを依頼" in requested
    english = run("timeline", made, cwd=tmp_path, lang="C.UTF-8").stdout.splitlines()
    assert english[0].endswith("  Notice 1 · initial · investigating · draft, not sent (addressed to 0 recipients)")


def test_the_languages_command_speaks_japanese(tmp_path, made):
    japanese = {"cwd": tmp_path, "lang": "ja_JP.UTF-8"}
    help_text = run("languages", "--help", **japanese).stdout
    for words in ("言語を指定しない場合は、現在の言語と最新の通知", "最初に記載する言語", "その下に併記する言語",
                  "使用しなくなった言語で入力済みのテキストを破棄します"):
        assert words in help_text
    assert run("languages", made, **japanese).stdout.startswith("言語: 英語\n")
    assert run("languages", made, "ja", "en", **japanese).stdout == "通知は日本語と英語で作成します。\n"
    assert run("languages", made, "ja", "en", **japanese).stdout == "通知はすでに日本語と英語で作成しています。\n"
    assert run("languages", made, **japanese).stdout.startswith("言語: 日本語（その下に英語を併記）\n")
    before = made.read_bytes()
    refused = run("languages", made, "ja", **japanese)
    assert refused.returncode == 2
    assert refused.stderr == ("outagewriter languages: 入力済みのテキストが破棄されます（通知1: タイトル、対象サービスの"
                              "英語テキスト）。破棄してよい場合は、--forceを付けて再度実行してください\n")
    assert made.read_bytes() == before
    assert run("languages", made, "ja", "--force", **japanese).stdout == "通知は日本語で作成します。\n"


def test_the_languages_command_stays_english_in_an_english_locale(tmp_path, made):
    assert run("languages", made, cwd=tmp_path).stdout.startswith("Languages: English\n")
    assert run("languages", made, "ja", "en", cwd=tmp_path).stdout == "Notices are written in Japanese and English.\n"
    assert run("languages", made, cwd=tmp_path).stdout.startswith("Languages: Japanese, then English\n")
    assert run("languages", made, "ja", cwd=tmp_path).stderr == (
        "outagewriter languages: this drops typed text (notice 1: the English text of Title, Affected service); "
        "run again with --force to drop it\n")


def _commands(parser, path=()):
    """Every subcommand's words ("accounts", "add"), found in the parser the program builds."""
    for action in parser._actions:
        for name, sub in (action.choices or {}).items() if hasattr(action, "add_parser") else ():
            yield (*path, name)
            yield from _commands(sub, (*path, name))


def _options_without_help(help_text: str) -> list[str]:
    """Option lines of a --help whose option is followed by no description (on its line or the next)."""
    lines = help_text.splitlines()
    bare = []
    for number, line in enumerate(lines):
        if re.match(r"  -", line) and not re.search(r"\S {2,}\S", line.strip()):
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if not following.startswith(" " * 10) or following.strip().startswith("-"):
                bare.append(line.strip())
    return bare


def test_every_option_has_japanese_help(tmp_path):
    assert "  --version        プログラムのバージョンを表示して終了します" in run("--help", cwd=tmp_path,
                                                                         lang="ja_JP.UTF-8").stdout
    missing = {}
    for command in _commands(build_parser()):
        proc = run(*command, "--help", cwd=tmp_path, lang="ja_JP.UTF-8")
        assert proc.returncode == 0, proc.stderr
        if bare := _options_without_help(proc.stdout):
            missing[" ".join(command)] = bare
    assert missing == {}
    new = run("new", "--help", cwd=tmp_path, lang="ja_JP.UTF-8").stdout
    assert "お客様に表示される障害の件名" in new and "通知を作成する言語" in new
    assert "承認する人の名前" in run("approve", "--help", cwd=tmp_path, lang="ja_JP.UTF-8").stdout


def test_a_missing_file_is_told_in_japanese(tmp_path):
    proc = run("render", "nofile.outage", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr == "outagewriter render: nofile.outage: ファイルが見つかりません\n"
    assert run("render", "nofile.outage", cwd=tmp_path).stderr == "outagewriter render: nofile.outage: no such file\n"


def test_a_void_approval_and_the_history_dates_are_japanese(tmp_path, made):
    assert run("request-review", made, cwd=tmp_path, user="Jana").returncode == 0
    assert run("approve", made, "--reviewer", "Petr", cwd=tmp_path, user="Petr").returncode == 0
    edited = run("set", made, "summary=Card payments fail in Europe.", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert edited.stderr.startswith(f"注意: 通知1は承認し直す必要があります（承認は無効です: 承認後に変更されました）。"
                                    f"`outagewriter request-review {made}` でもう一度レビューを依頼してください。\n")
    review = run("review", made, cwd=tmp_path, lang="ja_JP.UTF-8").stdout
    assert "承認: 承認は無効です: 承認後に変更されました\n" in review
    weekday = "月火水木金土日"[now_utc().weekday()]
    assert re.search(rf"- 通知1: Petrが承認（\d{{1,2}}月\d{{1,2}}日（{weekday}）\d\d:\d\d UTC）\n", review)
    assert "\n本文: … " in review and "\nHTML: こちらも変更されています\n" in review  # the parts named in Japanese
    assert re.search(r"- 通知1: 承認無効（承認後にPetrが変更）（\d+月\d+日（.）\d\d:\d\d UTC）: 「変更箇所: 本文、HTML」\n", review)  # the editor
    sent = run("send", made, "--account", "work", "--yes", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert "承認は無効です: 承認後に変更されました" in sent.stderr
    english = run("review", made, cwd=tmp_path).stdout
    assert "Approval: approval void: changed after approval\n" in english and "\nhtml: changed as well\n" in english
    assert re.search(r"- Notice 1: approved by Petr \([A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d UTC\)", english)


def test_second_language_text_without_a_second_language_is_refused_in_japanese(tmp_path, made):
    proc = refused_set(made, "summary@ja=カード決済", lang="ja_JP.UTF-8")
    assert proc.stderr == ("outagewriter set: summary@ja: この障害は英語のみで作成しています。"
                           "先に2つ目の言語を追加してください\n")
    english = refused_set(made, "summary@ja=カード決済")
    assert english.stderr == ("outagewriter set: summary@ja: this incident is written in English only; "
                              "add a second language first\n")


def test_a_mistyped_command_is_one_japanese_line(tmp_path):
    proc = run("rendr", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr == ("outagewriter: 'rendr' というコマンドもファイルもありません。'render' のことでしょうか。"
                           "（outagewriter --helpをご覧ください）\n")


def _closed_port() -> int:
    with socket.socket() as probe:  # a port nothing listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_connection_failure_and_its_advice_are_japanese(tmp_path):
    port = _closed_port()
    added = run("accounts", "add", "relay", "--host", "127.0.0.1", "--port", port, "--security", "none",
                "--no-login", "--from", "notices@example.com", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    proc = run("accounts", "test", "relay", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 1
    assert f"127.0.0.1:{port} への接続が拒否されました（そのポートで接続を待っているサーバーがありません）。" in proc.stderr
    assert ("ホストとポート（通常、'starttls' は587、'tls' は465）と、ファイアウォールで遮断されていないかを"
            "ご確認ください。") in proc.stderr
    assert "Check the host" not in proc.stderr and "Nothing accepted" not in proc.stderr


class _RemovedWebhook(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(404)
        self.end_headers()
        self.wfile.write(b"no_service")

    def log_message(self, *args):
        pass


def test_a_chat_post_result_is_japanese(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _RemovedWebhook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/services/T000/B000/abcdefghijkl"
        added = run("chats", "add", "Status", "--service", "slack", "--url-stdin", cwd=tmp_path, input=url)
        assert added.returncode == 0, added.stderr
        proc = run("chats", "test", "Status", cwd=tmp_path, lang="ja_JP.UTF-8")
    finally:
        server.shutdown()
    assert proc.returncode == 1
    assert proc.stdout == ("Status (Slack) には投稿できませんでした: Slack の応答: 404 no_service: Webhookが削除されています。"
                           "［設定］→［チャット］（または `outagewriter chats add NAME --service S`）で新しく作成してください\n")


def test_a_settings_file_problem_is_told_in_japanese(tmp_path, made):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"appearance": "purple", "grammar": {"mode": "jars"}}),
                                          encoding="utf-8")
    proc = run("timeline", made, cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0
    settings = config / "settings.json"
    assert proc.stderr.splitlines() == [
        f"outagewriter: {settings}: appearance の値 'purple' は使えません。既定値を使います",
        f'outagewriter: {settings}: grammar.mode が "jars" ですが、grammar.jar_folder が空です。文法チェックはオフになります',
    ]


def test_export_headings_are_japanese(tmp_path, made):
    timed = run("set", made, "started=2026-11-27T09:40[Asia/Tokyo]", "resolved=2026-11-27T11:10[Asia/Tokyo]",
                cwd=tmp_path)
    assert timed.returncode == 0, timed.stderr
    proc = run("export", made, cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "- サービス: Acme Pay" in lines and "- 種類: インシデント" in lines and "- タイムゾーン: Asia/Tokyo" in lines
    assert "## 通知1: 第一報、調査中（下書き）" in lines  # the kind and status as the window names them
    # full-width brackets around the UTC time, and a counter word after the number of recipients
    assert "- 開始: 2026-11-27 09:40 JST（00:40 UTC）" in lines and "- 復旧: 2026-11-27 11:10 JST（02:10 UTC）" in lines
    assert "## 履歴" in lines and "- 状態: 下書き（未送信）" in lines and "- 宛先: 0件" in lines
    assert [line for line in lines if re.match(r"(- |## )(Service|Kind|Time zone|State|Recipients|Subject|History)\b",
                                               line)] == []
    page = run("export", made, "--format", "html", cwd=tmp_path, lang="ja_JP.UTF-8").stdout
    assert '<html lang="ja">' in page and "<dt>サービス</dt>" in page and "<h2>履歴</h2>" in page
    assert "<dd>インシデント</dd>" in page and "第一報、調査中" in page and "initial, " not in page
    assert "<th>日時（Asia/Tokyo）</th>" in page and ">Service<" not in page and ">History<" not in page
    assert "<dd>0件</dd>" in page and "<dd>2026-11-27 09:40 JST（00:40 UTC）</dd>" in page


def test_export_kinds_and_statuses_stay_english_in_an_english_locale(tmp_path, made):
    proc = run("export", made, cwd=tmp_path, lang="en_GB.UTF-8")
    lines = proc.stdout.splitlines()
    assert "- Kind: incident" in lines and "## Notice 1: initial, investigating (DRAFT)" in lines
    assert "- Recipients: 0" in lines


def test_a_webhook_url_for_the_wrong_service_is_refused_in_japanese(tmp_path):
    proc = run("chats", "add", "Status", "--service", "slack", "--url-stdin", cwd=tmp_path, lang="ja_JP.UTF-8",
               input="https://example.com/hooks/abc")
    assert proc.returncode == 2
    assert proc.stderr == "outagewriter chats: Slack のWebhook URLは https://hooks.slack.com/ で始まります。何も保存していません\n"
    follow = run("chats", "follow", "Customers", "Status", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert follow.returncode == 2
    assert follow.stderr == ("outagewriter chats: 'Status' というチャットの投稿先はありません"
                             "（投稿先はまだ1つも登録されていません）\n")


def test_audience_and_chat_destination_problems_in_the_settings_are_japanese(tmp_path, made):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(json.dumps({
        "audiences": [{"name": "Customers", "zone": "Mars/Base"}, {"name": "EU", "zone": "Europe/Berlin", "days": "Weekdays"}],
        "chat_destinations": [{"name": "Ops room", "service": "icq"}]}), encoding="utf-8")
    proc = run("timeline", made, cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0
    settings = config / "settings.json"
    assert proc.stderr.splitlines() == [
        f"outagewriter: {settings}: 配信先グループ 'Customers': 'Mars/Base' はEurope/Berlinのようなタイムゾーンではありません。"
        "この配信先グループは使いません",
        f"outagewriter: {settings}: 営業日 'Weekdays' がMon-FriやMon, Wed, Friの形になっていません。この配信先グループは使いません",
        f"outagewriter: {settings}: チャットの投稿先 'Ops room': サービス 'icq' は slack, teams, mattermost, discord の"
        "いずれでもありません。この投稿先は使いません",
    ]


def test_due_lists_an_overdue_promise_in_japanese(tmp_path):
    """`outagewriter due` in a Japanese locale: the state and the time as Japanese text, the title and
    the file as they are; the English line is unchanged."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from outagewriter.core.incident.model import Incident
    from outagewriter.core.incident.records import SentRecord
    from outagewriter.core.storage import fileformat

    incident = Incident.create("Card payments failing", "Checkout")
    moment = (now_utc() - timedelta(minutes=30)).astimezone(ZoneInfo("Asia/Tokyo"))
    incident.notices[-1].update({"next_update": f"{moment:%Y-%m-%dT%H:%M}[Asia/Tokyo]"})
    incident.notices[-1].sent = SentRecord(time="2026-11-30T12:00:00Z")
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    proc = run("due", path, cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 1, proc.stderr
    assert re.fullmatch(r"期限超過（3[01]分）  Card payments failing  通知1でお約束した時刻(\d{1,2}月\d{1,2}日（[月火水木金土日]）)?"
                        rf"\d\d:\d\d JST（(\d{{1,2}}月\d{{1,2}}日（[月火水木金土日]）)?\d\d:\d\d UTC）  {re.escape(str(path))}\n",
                        proc.stdout), proc.stdout
    assert re.match(r"OVERDUE 3[01] min  Card payments failing  notice 1 promised ", run("due", path, cwd=tmp_path).stdout)


def test_the_systems_reason_is_japanese_in_a_one_line_error(tmp_path):
    target = tmp_path / "missing-folder" / "x.outage"
    proc = run("new", target, "--title", "a", "--service", "b", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr == f"outagewriter new: {target}: ファイルまたはフォルダーが見つかりません\n"


def _columns(line: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_help_in_japanese_wraps_by_width_on_screen_and_keeps_options_whole(tmp_path):
    send = run("send", "--help", cwd=tmp_path, lang="ja_JP.UTF-8", ).stdout
    assert "最新の通知（または--notice Nで指定した通知）を送信します。" in send  # not broken after "--notice"
    assert "終了コードは、すべての宛先が受け付けて" in send.replace("\n", "")
    assert max(_columns(line) for line in send.splitlines()) <= 80
    add = run("accounts", "add", "--help", cwd=tmp_path, lang="ja_JP.UTF-8").stdout
    flat = add.replace("\n", "")
    assert "プリセット: gmail: Gmailではアプリパスワードが必要です（2段階認証をオンにしてください）。" in flat
    assert "／relay: 独自のリレー" in flat and "needs an app password" not in flat
    english = run("send", "--help", cwd=tmp_path, lang="en_GB.UTF-8").stdout
    assert "Sends the newest notice (or --notice N). Sending again after a failure" in english.replace("\n", " ")


def test_a_number_that_is_not_one_is_told_in_japanese(tmp_path):
    proc = run("accounts", "add", "relay", "--host", "x", "--port", "abc", "--from", "a@example.com", cwd=tmp_path,
               lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr == ("outagewriter accounts add: 引数--port: 'abc'は整数ではありません"
                           "（outagewriter accounts add --helpをご覧ください）\n")
    proc = run("accounts", "test", "relay", "--timeout", "soon", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.stderr.startswith("outagewriter accounts test: 引数--timeout: 'soon' は0より大きく86400以下の秒数ではありません")
    english = run("accounts", "add", "relay", "--port", "abc", "--from", "a@example.com", cwd=tmp_path)
    assert "argument --port: invalid int value: 'abc'" in english.stderr


def test_without_a_keyring_saving_is_told_once_and_adding_a_chat_gets_advice_for_adding(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    proc = run("accounts", "add", "work", "--preset", "gmail", "--from", "ops@example.com", "--password-stdin",
               cwd=tmp_path, lang="ja_JP.UTF-8", input="secret\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ("システムのキーリングが使えないため、パスワードは保存していません。"
                           "送信のたびにOutageWriterがパスワードを尋ねます。\n")
    english = run("accounts", "add", "home", "--preset", "gmail", "--from", "ops@example.com", "--password-stdin",
                  cwd=tmp_path, input="secret\n")
    assert english.stderr.startswith("Password not saved: No system keyring is available")
    chat = run("chats", "add", "Status", "--service", "slack", "--url-stdin", cwd=tmp_path, lang="ja_JP.UTF-8",
               input="https://hooks.slack.com/services/T000/B000/abcdefghijkl")
    assert chat.returncode == 2
    assert chat.stderr == ("outagewriter chats: システムのキーリングが使えないため、Webhook URLを保存できません。"
                           "キーリングを設定してから、もう一度投稿先を追加してください。何も保存していません。\n")
    assert "--no-chat" not in chat.stderr
