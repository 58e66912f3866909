"""A bilingual notice's second text is checked by the real LanguageTool in its own language."""
from __future__ import annotations

from outagewriter.cli import main


def test_check_sends_the_second_text_to_languagetool_in_its_language(tmp_path, monkeypatch, capsys,
                                                                    languagetool_url):
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OUTAGEWRITER_LT_URL", languagetool_url)
    path = tmp_path / "portal.outage"
    assert main(["new", str(path), "--title", "Customer portal unavailable", "--service", "Portal",
                 "--second-lang", "ja"]) == 0
    # ら抜き言葉 (見れない for 見られない): LanguageTool's Japanese rules know it, its English ones cannot.
    japanese_summary = "一部のお客様で管理画面が見れない状態です。"
    assert main(["set", str(path), "summary=Some customers cannot open the customer portal.",
                 f"summary@ja={japanese_summary}"]) == 0
    capsys.readouterr()
    main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()
    japanese = [line for line in lines if line.startswith("summary@ja:") and "languagetool/" in line]
    assert japanese and "languagetool/MIRERU" in japanese[0]
    start = japanese_summary.index("見れ")  # offsets in the Japanese text's own characters
    assert japanese[0].startswith(f"summary@ja:{start}-{start + 2} ")
    assert not [line for line in lines if line.startswith("summary:") and "languagetool/" in line]
