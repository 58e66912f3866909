"""Address lists as users type or paste them: every input ends in a valid list or one plain error line."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from outagewriter.core.incident.fields import (
    FieldError,
    format_address,
    normalise,
    parse_addresses,
)

# Text a person may paste into To: separators, quotes, brackets, @, odd Unicode, control characters.
pasted = st.text(alphabet=st.one_of(st.sampled_from(list('@.,;<>"\\ \n\t-_')), st.characters(blacklist_categories=("Cs",))),
                 max_size=80)
names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
mailboxes = st.lists(st.tuples(names, st.emails()), min_size=1, max_size=5)
# Mistakes people make: a doubled dot, no @, two @, a space, a trailing dot.
mistakes = st.emails().flatmap(lambda a: st.sampled_from([
    a.replace("@", "@@"), a.replace("@", " at "), a.replace(".", "..", 1) if "." in a.split("@")[1] else a + "..com",
    a.rsplit(".", 1)[0] + ".", a.split("@")[0]]))
separators = st.sampled_from([", ", ",", "; ", "\n", ",\n", " ;  "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pasted)
@example("a@example..com")  # email.headerregistry raised HeaderParseError on these, a traceback
@example('Jana <a@example..com>, "Novák, Jana" <jana@acme.example>')
def test_any_pasted_text_is_a_list_or_one_plain_error(value):
    try:
        stored = normalise("to", value)
    except FieldError as exc:
        message = str(exc)
        assert message.startswith("to: ") and "\n" not in message and "\r" not in message
        return
    # Accepted: storing is stable, and every address survives the round trip unchanged.
    assert normalise("to", stored) == stored
    assert parse_addresses(stored) == parse_addresses(value)


@settings(max_examples=150, deadline=None)
@given(mailboxes)
def test_valid_mailboxes_round_trip(pairs):
    typed = ", ".join(format_address(name, addr) for name, addr in pairs)
    stored = normalise("cc", typed)
    assert [addr for _, addr in parse_addresses(stored)] == [addr for _, addr in pairs]
    assert parse_addresses(stored) == parse_addresses(typed)
    assert normalise("cc", stored) == stored


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.emails().map(lambda a: ("ok", a)), mistakes.map(lambda a: ("bad", a))),
                min_size=1, max_size=6), separators)
def test_a_pasted_list_reports_every_bad_address(entries, separator):
    value = separator.join(text for _, text in entries)
    bad = [text for kind, text in entries if kind == "bad"]
    try:
        stored = normalise("bcc", value)
    except FieldError as exc:
        message = str(exc)
        assert bad, f"a list of good addresses was refused: {message}"
        assert "\n" not in message
        for text in bad:
            assert repr(text) in message
        if len(bad) > 1:
            assert message.startswith(f"bcc: {len(bad)} entries are not email addresses: ")
        return
    assert not bad, f"{bad} were accepted as {stored!r}"
    assert [addr for _, addr in parse_addresses(stored)] == [text for _, text in entries]


def test_intranet_local_domains_are_addresses_and_reserved_names_are_not():
    # Company mail under .local (Active Directory domains) is delivered by the user's own server,
    # and files written before addresses were checked this closely must still open.
    assert parse_addresses("Ops <ops@corp.local>, it@mail.branch.LOCAL") == [
        ("Ops", "ops@corp.local"), ("", "it@mail.branch.LOCAL")]
    for reserved in ("a@x.invalid", "a@localhost", "a@x.onion"):
        try:
            parse_addresses(reserved)
        except FieldError as exc:
            assert "\n" not in str(exc)
        else:
            raise AssertionError(f"{reserved} was accepted")
