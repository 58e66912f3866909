"""What `outagewriter check` pays for at start-up: the command must stay as quick as proselint
(tests/benchmarks/test_tone_speed.py measures it), so nothing it does not use may load or compile."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from outagewriter.core.checks import ToneChecker, load_rules
from outagewriter.core.checks.folding import JAPANESE_LETTERS
from outagewriter.core.checks.rules import compiled

TEXT = "Our hosting provider had an outage; we guarantee it will never happen again."

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "card-payments-story.outage"

PROBE = """
import io, sys
sys.stdin = io.StringIO(sys.argv[2])
from outagewriter.cli import main
try:
    main(["check", sys.argv[1], "--quick", "--format", "json"])
except SystemExit:
    pass
print("LOADED:" + ",".join(sorted({m.split(".")[0] for m in sys.modules} & {"twitter_text", "PySide6"}
                                  | {m for m in sys.modules if m in ("importlib.resources", "socket", "difflib")})))
"""


def _check(tmp_path, target: str) -> tuple[str, str]:
    env = {"PATH": "/usr/bin:/bin", "OUTAGEWRITER_CONFIG_DIR": str(tmp_path / "config"),
           "OUTAGEWRITER_STATE_DIR": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-c", PROBE, target, TEXT], capture_output=True, text=True, env=env,
                          timeout=120)
    output, loaded = done.stdout.rsplit("LOADED:", 1)
    return output, loaded.strip()


def test_check_on_text_loads_no_renderer_libraries(tmp_path):
    """Nor importlib.resources (~25 ms to import): shipped data is found beside the package (shipped.py);
    nor socket and difflib (~2.5 ms together), which only messages about other errors need."""
    output, loaded = _check(tmp_path, "-")
    assert '"blame"' in output and '"overpromise"' in output  # it did check
    assert loaded == "", f"check on text loaded {loaded}"


def test_check_on_an_incident_renders_without_importing_twitter_text(tmp_path):
    """The notice is rendered (the template's own wording counts in the tone checks) with its short
    post and status link; importing twitter-text for that post cost ~0.6 s of every `check FILE`."""
    incident = tmp_path / "incident.outage"
    shutil.copy(EXAMPLE, incident)
    output, loaded = _check(tmp_path, str(incident))
    assert output.lstrip().startswith("["), output  # the findings, as JSON
    assert "twitter_text" not in loaded, f"check on an incident loaded {loaded}"  # (jsonschema brings importlib.resources)


def test_english_rules_compile_without_the_japanese_word_class():
    """The Japanese word bounds cost ~5 ms a pattern to compile; English rules must not carry them."""
    english, japanese = load_rules("en"), load_rules("ja")
    checker = ToneChecker(english)
    assert checker.check_text("summary", TEXT)  # the English rules match English words
    for rule in english.rules:
        for pattern in rule.patterns:
            assert JAPANESE_LETTERS not in compiled(pattern, True, rule.spaceless).pattern, rule.id
        for unless in rule.exceptions:
            assert JAPANESE_LETTERS not in unless.pattern.pattern, rule.id
    assert all(rule.spaceless for rule in japanese.rules)
    assert ToneChecker(japanese).check_text("summary", "今後は必ず再発を防止します。")  # 必ず inside a run of kanji/kana
