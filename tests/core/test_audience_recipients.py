"""Choosing audiences for a notice fills To and Bcc; removing one takes away only what it added."""
import pytest

from outagewriter.core.incident.audience_recipients import choose_audiences, unknown_audiences
from outagewriter.core.incident.audiences import parse_audience
from outagewriter.core.incident.fields import FieldError
from outagewriter.core.incident.model import Incident
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.settings import Settings

EMEA = parse_audience({"name": "EMEA customers", "zone": "Europe/Berlin", "to": "emea@acme.example",
                       "bcc": "list-emea@acme.example, ops@acme.example"})
US = parse_audience({"name": "US customers", "zone": "America/New_York", "bcc": "list-us@acme.example, ops@acme.example"})


@pytest.fixture
def session(tmp_path):
    services = Services.load(config_dir=tmp_path, settings=Settings(audiences=(EMEA, US)))
    session = Session.new(services, "Card payments failing", "Acme Pay")
    session.update(session.incident.notices[-1], {"to": "jana@acme.example", "bcc": "audit@acme.example"})
    return session


def test_choosing_audiences_adds_their_recipients_after_the_typed_ones(session):
    notice = session.incident.notices[-1]
    session.choose_audiences(notice, ["EMEA customers", "US customers"])
    assert notice.fields["audiences"] == "EMEA customers [Europe/Berlin], US customers [America/New_York]"
    assert notice.fields["to"] == "jana@acme.example, emea@acme.example"
    assert notice.fields["bcc"] == ("audit@acme.example, list-emea@acme.example, ops@acme.example, "
                                    "list-us@acme.example")


def test_removing_an_audience_keeps_hand_typed_and_shared_addresses(session):
    notice = session.incident.notices[-1]
    session.choose_audiences(notice, ["EMEA customers", "US customers"])
    session.update(notice, {"bcc": notice.fields["bcc"] + ", legal@acme.example"})  # typed by hand later
    session.choose_audiences(notice, ["US customers"])
    assert notice.fields["audiences"] == "US customers [America/New_York]"
    assert notice.fields["to"] == "jana@acme.example"
    # ops@ is in the US list too, so it stays
    assert notice.fields["bcc"] == "audit@acme.example, ops@acme.example, list-us@acme.example, legal@acme.example"
    session.choose_audiences(notice, [])
    assert notice.fields["bcc"] == "audit@acme.example, legal@acme.example"


def test_an_unknown_name_in_the_file_is_kept_but_never_trusted(session):
    notice = session.incident.notices[-1]
    session.update(notice, {"audiences": "Board"})  # as a hand-edited file may hold it
    session.choose_audiences(notice, ["US customers"])
    assert notice.fields["audiences"] == "US customers [America/New_York], Board"
    with pytest.raises(FieldError, match="'Board' is not an audience in the settings"):
        session.choose_audiences(notice, ["Board"])


def test_the_email_names_the_promise_in_each_chosen_audiences_time():
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    notice.update({"next_update": "2026-11-27T16:00[Europe/Berlin]", "audiences": "EMEA customers, US customers"})
    rendered = Renderer(audiences=(EMEA, US)).render(incident, notice)
    sentence = " ".join(rendered.text.split())
    assert "by Friday 27 November 2026, 16:00 CET (15:00 UTC); that is 10:00 EST for US customers, or sooner" in sentence
    assert "that is 10:00 EST for US customers" in rendered.html
    assert "for EMEA customers" not in sentence  # their clock reads the same as the promise


def test_a_reviewer_without_the_audience_renders_the_text_that_was_approved():
    """The promise in each audience's time comes from the zone kept in the notice, not from whoever's
    settings render it, so the reviewer's and the sender's machines give the same bytes."""
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    notice.update({"next_update": "2026-11-27T16:00+01:00[Europe/Berlin]"})
    notice.update(choose_audiences(notice.fields, ["US customers"], (EMEA, US)))
    author = Renderer(audiences=(EMEA, US)).render(incident, notice)
    reviewer = Renderer().render(incident, notice)  # the reviewer's settings have no audiences
    assert "10:00 EST for US customers" in author.text
    assert reviewer == author
    assert unknown_audiences(notice.fields["audiences"], ()) == []
    assert unknown_audiences("Board", ()) == ["Board"]
