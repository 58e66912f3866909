"""Japanese tone checks on a realistic 2,000-character notice: in process, seen for the first time and
per keystroke (budget: p95 under 10 ms, as for English), and `outagewriter check --lang ja` on the same
text, whole process (budget: median under 3 s, as the full English check).

Run: bash scripts/bench tests/benchmarks/test_tone_speed_ja.py
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from budgets import MEDIAN, check_budget
from test_tone_speed import _categories, _command_env, bench_first_seen, bench_keystroke

from outagewriter.core.checks import load_rules

PARAGRAPHS = [
    "平素より会員サイトをご利用いただき、誠にありがとうございます。本日9時40分頃より、一部のお客様において"
    "会員サイトにログインできない状態が発生しております。ご迷惑をおかけし、誠に申し訳ございません。",
    "現在ご利用いただけない機能：会員サイトおよびスマートフォンアプリへのログイン、ポイント残高の確認、"
    "ご登録情報の変更。すでにログインしているお客様は、そのままご利用いただけます。",
    "今後の影響：本日分のポイント付与が数時間遅れる見込みです。付与されなかったポイントが失われることはございません。",
    "お客様へのお願い：ログインできない場合は、しばらく時間をおいて再度お試しください。"
    "お急ぎのお手続きは、お電話でも承っております。",
    "原因は現在調査中です。判明しだい、本ページにてお知らせいたします。次回のお知らせは11時頃を予定しております。",
    "技術情報：認証サーバの接続数が上限に達し、DNSの応答が遅延しておりました。",
    "重ねてお詫び申し上げます。ご不明な点は、サポート窓口（support@example.jp、03-1234-5678）までお問い合わせください。",
]


def realistic_notice(characters: int = 2000) -> str:
    out, count, i = [], 0, 0
    while count < characters:
        paragraph = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(paragraph)
        count += len(paragraph)
        i += 1
    return "\n\n".join(out)


TEXT = realistic_notice()
RULES = load_rules("ja")
EXPECTED = {"jargon", "guilt"}  # a technical term in the summary, apologies stacked


def test_japanese_tone_checks_2000_characters(benchmark):
    assert 2000 <= len(TEXT) < 2300
    bench_first_seen(benchmark, RULES, TEXT, EXPECTED)


def test_japanese_tone_checks_per_keystroke(benchmark):
    bench_keystroke(benchmark, RULES, TEXT, "あ", range(500, 1500))


@pytest.mark.parametrize("quick", [True, False], ids=["check-lang-ja-quick", "check-lang-ja"])
def test_check_lang_ja_whole_process(benchmark, tmp_path, quick):
    command = [sys.executable, "-m", "outagewriter", "check", "-", "--lang", "ja", "--format", "json"]
    command += ["--quick"] if quick else ["--no-grammar"]
    env = _command_env(tmp_path)
    checked = benchmark.pedantic(lambda: subprocess.run(command, input=TEXT, env=env, capture_output=True, text=True),
                                 rounds=10, iterations=1, warmup_rounds=1)
    assert checked.returncode == 0, checked.stderr
    assert _categories(json.loads(checked.stdout)) == EXPECTED
    check_budget(benchmark, 3.0, "median < 3 s", MEDIAN)
