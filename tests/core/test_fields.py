import pytest

from outagewriter.core.incident.fields import (
    FIELD_NAMES,
    FieldError,
    normalise,
    parse_addresses,
)


def test_field_names_are_the_documented_contract():
    assert FIELD_NAMES == (
        "title", "service", "status", "summary", "impact", "later_impact", "data_loss",
        "data_loss_details", "workaround", "contact_name", "contact_email", "contact_phone",
        "next_update", "appendix", "to", "cc", "bcc", "subject", "audiences", "impact_level",
        "components", "done", "remaining", "root_cause", "events", "actions", "action_details",
        "window_start", "window_end", "unavailable", "prepare", "chats",
    )


@pytest.mark.parametrize("value", ["none", "Possible", " confirmed ", "UNKNOWN"])
def test_data_loss_words_are_normalised(value):
    assert normalise("data_loss", value) == value.strip().lower()


def test_data_loss_refuses_other_words():
    with pytest.raises(FieldError, match="data_loss: 'maybe' is not one of none, possible"):
        normalise("data_loss", "maybe")


def test_unknown_field_names_the_known_ones():
    with pytest.raises(FieldError, match="unknown field 'sumary'.*summary"):
        normalise("sumary", "x")


@pytest.mark.parametrize("field", ["title", "subject", "contact_name", "contact_email"])
def test_line_breaks_refused_in_header_like_fields(field):
    with pytest.raises(FieldError, match="line break"):
        normalise(field, "Payments\r\nBcc: victim@example.com")


def test_addresses_accept_pasted_lists_and_keep_unicode_names():
    stored = normalise("to", "a@x.example; Jörg Müller <j@x.example>\nc@x.example,\n")
    assert stored == "a@x.example, Jörg Müller <j@x.example>, c@x.example"
    assert [addr for _, addr in parse_addresses(stored)] == ["a@x.example", "j@x.example", "c@x.example"]


@pytest.mark.parametrize("bad", ["nope", "a@b", "two@@x.example", "a b@x.example", "@x.example"])
def test_bad_addresses_name_the_field_and_entry(bad):
    with pytest.raises(FieldError, match=r"^to: not an email address"):
        normalise("to", f"ok@x.example, {bad}")


def test_next_update_needs_a_zone():
    with pytest.raises(ValueError, match="no time zone"):
        normalise("next_update", "2026-11-27T15:00")
    assert normalise("next_update", "2026-11-27T15:00 Europe/Berlin") == "2026-11-27T15:00+01:00[Europe/Berlin]"
    assert normalise("next_update", "2026-11-27T14:00Z") == "2026-11-27T14:00+00:00"
    assert normalise("next_update", "On change") == "on-change"


def test_huge_field_refused():
    with pytest.raises(FieldError, match="more than"):
        normalise("summary", "x" * 100_001)


@pytest.mark.parametrize("field, value", [
    ("subject", "Hi\x0bBcc: evil@x.example"),
    ("contact_name", "Jana\x0cX"),
    ("to", '"Eve\x0bBcc: e@x.example" <e@y.example>'),
    ("title", "Payments\x1b[31m"),
])
def test_other_control_characters_refused_in_header_like_fields(field, value):
    with pytest.raises(FieldError, match="control character"):
        normalise(field, value)


def test_text_fields_keep_tabs_and_newlines():
    assert normalise("appendix", "line one\n\tindented") == "line one\n\tindented"


def test_a_time_skipped_by_daylight_saving_is_refused():
    with pytest.raises(ValueError, match="does not exist in Europe/Berlin"):
        normalise("next_update", "2026-03-29T02:30 Europe/Berlin")
    assert normalise("next_update", "2026-03-29T03:30 Europe/Berlin") == "2026-03-29T03:30+02:00[Europe/Berlin]"
