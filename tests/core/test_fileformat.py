import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import incidents

from outagewriter.core.incident.model import Incident
from outagewriter.core.shipped import schema
from outagewriter.core.storage import fileformat

SCHEMA = schema("incident")
EXAMPLE = Path(__file__).parents[2] / "examples" / "payments-outage.outage"
SAVED = Path(__file__).parents[1] / "data" / "saved-files"  # reviewed, voided, sent: see its README


def test_round_trip_keeps_everything(tmp_path, incident):
    incident.set_time("started", "2026-11-27T09:40+01:00[Europe/Prague]")
    incident.notices[-1].dismissed.append("tone.guilt|summary|deeply sorry")
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    loaded = fileformat.load(path)
    assert fileformat.to_dict(loaded) == fileformat.to_dict(incident)
    jsonschema.validate(json.loads(path.read_text("utf-8")), SCHEMA)


@pytest.mark.parametrize("original", [EXAMPLE, *sorted(SAVED.glob("*.outage"))], ids=lambda p: p.name)
def test_files_saved_by_earlier_versions_load_and_save_to_the_same_bytes(tmp_path, original):
    copy = tmp_path / original.name
    fileformat.save(fileformat.load(original), copy)
    assert copy.read_bytes() == original.read_bytes()


def test_every_rule_beyond_type_and_choice_says_in_plain_words_what_it_expects():
    def rules(node, where="#"):
        if isinstance(node, dict):
            if {"pattern", "maxLength", "minItems", "minimum", "maximum"} & set(node) and "x-expected" not in node:
                yield where
            for key, value in node.items():
                yield from rules(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from rules(value, f"{where}/{index}")

    assert list(rules(SCHEMA)) == []


def test_saved_file_is_readable_utf8_json(tmp_path):
    incident = Incident.create("障害: ログインできません", "ポータル")
    path = tmp_path / "ja.outage"
    fileformat.save(incident, path)
    assert "ログインできません" in path.read_text("utf-8")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incidents())
def test_any_incident_survives_a_round_trip(tmp_path, incident):
    path = tmp_path / "any.outage"
    fileformat.save(incident, path)
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert fileformat.to_dict(fileformat.load(path)) == fileformat.to_dict(incident)


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_clear_error_never_a_crash(data):
    try:
        fileformat.loads(data.decode("utf-8", "replace"), "junk.outage")
    except fileformat.IncidentFileError as exc:
        assert str(exc).startswith("junk.outage: ")
        assert "\n" not in str(exc)


@settings(max_examples=200)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=4)))
def test_foreign_json_gives_a_clear_error(value):
    with pytest.raises(fileformat.IncidentFileError):
        fileformat.loads(json.dumps(value), "foreign.outage")


def _mutations(good: str) -> dict[str, tuple[str, str]]:
    data = json.loads(good)
    newer = dict(data, version=2)
    bad_field = json.loads(good)
    bad_field["notices"][0]["fields"]["data_loss"] = "maybe"
    unknown_field = json.loads(good)
    unknown_field["notices"][0]["fields"]["colour"] = "red"
    bad_type = json.loads(good)
    bad_type["notices"][0]["fields"]["summary"] = 42
    return {
        "truncated": (good[: len(good) // 2], "truncated"),
        "empty": ("", "empty"),
        "not json": ("title: x\n", "not valid JSON at line 1"),
        "foreign": (json.dumps({"name": "x"}), "not an OutageWriter incident file"),
        "newer": (json.dumps(newer), "newer OutageWriter (format version 2"),
        "bad field": (json.dumps(bad_field), "notice 1: data_loss: 'maybe' is not one of"),
        "unknown field": (json.dumps(unknown_field), "notice 1 has unknown fields: colour"),
        "bad type": (json.dumps(bad_type), "notice 1, field 'summary': expected text, got a number"),
    }


@pytest.mark.parametrize("case", ["truncated", "empty", "not json", "foreign", "newer", "bad field", "unknown field", "bad type"])
def test_broken_files_are_refused_and_left_untouched(tmp_path, incident, case):
    good = fileformat.dumps(incident)
    content, expected = _mutations(good)[case]
    path = tmp_path / "broken.outage"
    path.write_text(content, "utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    with pytest.raises(fileformat.IncidentFileError) as info:
        fileformat.load(path)
    assert expected in str(info.value)
    assert str(info.value).startswith(str(path))
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_non_utf8_and_missing_files(tmp_path):
    latin = tmp_path / "latin.outage"
    latin.write_bytes(b'{"format": "caf\xe9"}')
    with pytest.raises(fileformat.IncidentFileError, match="not UTF-8"):
        fileformat.load(latin)
    with pytest.raises(fileformat.IncidentFileError, match="no such file"):
        fileformat.load(tmp_path / "missing.outage")
    with pytest.raises(fileformat.IncidentFileError, match="is a folder"):
        fileformat.load(tmp_path)


def test_failed_save_leaves_the_original(tmp_path, incident, monkeypatch):
    path = tmp_path / "keep.outage"
    fileformat.save(incident, path)
    original = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("outagewriter.core.storage.atomic.os.replace", broken_replace)
    incident.notices[-1].set("summary", "changed")
    with pytest.raises(OSError):
        fileformat.save(incident, path)
    assert path.read_bytes() == original
    assert [p.name for p in Path(tmp_path).iterdir()] == ["keep.outage"]  # no temporary left behind


def test_every_x_expected_text_is_marked_for_translation():
    """validation.EXPECTED lists the schemas' x-expected texts for the catalog (JSON is not searched for
    messages): one added to a schema and not there would stay English in a Japanese program."""
    from outagewriter.core.shipped import schema
    from outagewriter.core.storage.validation import EXPECTED

    def texts(node):
        if isinstance(node, dict):
            if "x-expected" in node:
                yield node["x-expected"]
            for value in node.values():
                yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)

    found = {text for name in ("incident", "starters") for text in texts(schema(name))}
    assert found == set(EXPECTED)
