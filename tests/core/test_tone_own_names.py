"""The writer's own names: a sentence naming them as at fault is not blame; the same sentence about a
supplier is. Set in settings.json (`own_names`) or in the incident file (`incident.own_names`)."""
from __future__ import annotations

import json

from test_cli_check import run

from outagewriter.core.storage import fileformat

SENTENCE = "Fastly is experiencing errors in Europe."


def _blame(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    return [f["match"] for f in json.loads(result.stdout) if f["category"] == "blame"]


def _settings(tmp_path, data) -> None:
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_supplier_at_fault_is_blame(tmp_path):
    assert _blame(run(tmp_path, "-", "--no-grammar", "--format", "json", stdin=SENTENCE))


def test_own_names_in_settings_are_not_blame(tmp_path):
    _settings(tmp_path, {"own_names": ["Fastly"]})
    assert _blame(run(tmp_path, "-", "--no-grammar", "--format", "json", stdin=SENTENCE)) == []


def test_own_names_in_the_incident_file_are_not_blame(tmp_path, incident):
    incident.notices[-1].update({"summary": SENTENCE, "next_update": "on-change"})
    path = tmp_path / "edge.outage"
    fileformat.save(incident, path)
    assert _blame(run(tmp_path, path, "--no-grammar", "--format", "json"))
    incident.own_names = ["Fastly"]
    fileformat.save(incident, path)
    assert json.loads(path.read_text(encoding="utf-8"))["incident"]["own_names"] == ["Fastly"]
    assert _blame(run(tmp_path, path, "--no-grammar", "--format", "json")) == []
    assert fileformat.load(path).own_names == ["Fastly"]


def test_a_file_without_own_names_is_written_as_before(tmp_path, incident):
    path = tmp_path / "plain.outage"
    fileformat.save(incident, path)
    assert "own_names" not in json.loads(path.read_text(encoding="utf-8"))["incident"]


def test_bad_own_names_in_a_file_get_one_line_and_the_file_is_kept(tmp_path, incident):
    path = tmp_path / "bad.outage"
    fileformat.save(incident, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["incident"]["own_names"] = ["Acme", "bell\x07"]
    original = json.dumps(data)
    path.write_text(original, encoding="utf-8")
    result = run(tmp_path, path, "--no-grammar")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "own_names" in result.stderr
    assert path.read_text(encoding="utf-8") == original


def test_bad_own_names_in_settings_are_reported_and_ignored(tmp_path):
    from outagewriter.core.settings import load_settings

    _settings(tmp_path, {"own_names": "Fastly"})
    settings = load_settings(tmp_path / "config")
    assert settings.own_names == () and any("own_names" in p for p in settings.problems)


def test_a_supplier_added_to_a_word_list_is_blamed(tmp_path):
    rules = tmp_path / "config" / "rules"
    rules.mkdir(parents=True)
    (rules / "ours.json").write_text(json.dumps({"lists": {"PROVIDER_NAME": ["Northwind Hosting"]}}), encoding="utf-8")
    text = "Northwind Hosting is experiencing errors in Europe."
    assert _blame(run(tmp_path, "-", "--no-grammar", "--format", "json", stdin=text)) == ["Northwind Hosting is experiencing"]
