"""The approval covers the chat post: its text (the short version) and the destinations the notice's
Chat posts name. The status page link and the destinations' services come from the sender's settings."""
from __future__ import annotations

import dataclasses

from outagewriter.core.incident.audience_recipients import choose_audiences
from outagewriter.core.incident.audiences import Audience
from outagewriter.core.incident.chat_destinations import ChatDestination
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.page_id import page_id, page_link
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import content, workflow
from outagewriter.core.settings import Settings

EMEA = Audience("EMEA customers", "Europe/Berlin", to="emea@customers.example", chats=("Status channel",))
QUIET = Audience("Quiet partners", "Europe/Berlin", to="p@partners.example")
DESTINATIONS = (ChatDestination("Status channel", "slack"), ChatDestination("Ops", "discord"))
URL = "https://status.acme.example/"


def _renderer(audiences=(EMEA, QUIET), destinations=DESTINATIONS, url=URL) -> Renderer:
    return Renderer(audiences=audiences, chat_destinations=destinations, status_page_url=url)


def _approved(audience: Audience, renderer: Renderer):
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    notice.update({"summary": "Card payments fail for some customers.", "contact_name": "Jana",
                   "contact_email": "jana@acme.example", "next_update": "on-change"})
    notice.update(choose_audiences(notice.fields, [audience.name], renderer.audiences))
    rendered = renderer.render(incident, notice)
    workflow.request_review(incident, notice, rendered, "Jana Novák")
    workflow.approve(incident, notice, rendered, "Petr Svoboda", Settings())
    return incident, notice, rendered


def test_the_chat_text_is_the_short_version_and_the_incident_page(tmp_path):
    incident, notice, rendered = _approved(EMEA, _renderer())
    assert rendered.chat == f"{rendered.short} {URL}incidents/{incident.id}.html"
    assert rendered.chat_to == ("Status channel",)
    assert notice.fields["chats"] == "Status channel"
    assert workflow.approval_of(notice).content["chat"] == {"text": rendered.short, "to": ["Status channel"]}


def test_a_notice_without_chat_destinations_keeps_the_approval_it_had_before_chat_posts():
    incident, notice, rendered = _approved(QUIET, _renderer())
    before = dataclasses.replace(rendered, chat="", chat_to=())
    assert rendered.chat == "" and "chat" not in content.canonical_content(incident, notice, rendered)
    # The hash an older version recorded, from the same rendering without the chat fields, still holds.
    assert workflow.approval_of(notice).hash == content.notice_hash(incident, notice, before)
    assert isinstance(workflow.approval_status(incident, notice, rendered), workflow.Valid)


def test_changing_the_chat_posts_field_voids_the_approval():
    incident, notice, _ = _approved(EMEA, _renderer())
    notice.update({"chats": "Status channel, Ops"})
    status = workflow.approval_status(incident, notice, _renderer().render(incident, notice))
    assert isinstance(status, workflow.Void)
    assert [d.part for d in status.diff] == ["chat"]
    notice.update({"chats": "Status channel"})
    assert isinstance(workflow.approval_status(incident, notice, _renderer().render(incident, notice)), workflow.Valid)


def test_another_machines_settings_do_not_change_what_was_approved():
    incident, notice, _ = _approved(EMEA, _renderer())
    also_ops = dataclasses.replace(EMEA, chats=("Status channel", "Ops"))
    for renderer in (_renderer(audiences=(also_ops, QUIET)), _renderer(url="https://status.other.example/"),
                     _renderer(audiences=(), destinations=(), url="")):
        status = workflow.approval_status(incident, notice, renderer.render(incident, notice))
        assert isinstance(status, workflow.Valid)


def test_page_ids_are_safe_names():
    assert page_id("3f2a" * 8) == "3f2a" * 8
    odd = page_id("../../etc/passwd")
    assert odd.startswith("i-") and "/" not in odd and odd == page_id("../../etc/passwd")
    assert page_link("https://status.acme.example", "abc") == "https://status.acme.example/incidents/abc.html"
    assert page_link("", "abc") == ""
