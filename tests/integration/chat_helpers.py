"""A configuration folder with audiences that follow chat destinations, and notices addressed to them."""
from __future__ import annotations

import json
from pathlib import Path

from send_helpers import make_incident

from outagewriter.core.incident.audience_recipients import choose_audiences
from outagewriter.core.review import workflow as review
from outagewriter.core.session.services import Services
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

STATUS_URL = "https://status.acme.example/"
DESTINATIONS = {"Status channel": "slack", "Ops": "discord", "Team chat": "teams", "Partners room": "mattermost"}


def write_settings(config: Path, *, emea_chats=("Status channel", "Team chat"), partner_chats=("Ops", "Team chat"),
                   url: str = STATUS_URL) -> None:
    config.mkdir(parents=True, exist_ok=True)
    settings = {
        "user_name": "Jana Novák",
        "audiences": [
            {"name": "EMEA customers", "zone": "Europe/Berlin", "to": "emea@customers.example", "bcc": "",
             "chats": list(emea_chats)},
            {"name": "Partners", "zone": "America/New_York", "to": "", "bcc": "desk@partners.example",
             "chats": list(partner_chats)},
        ],
        "chat_destinations": [{"name": n, "service": s} for n, s in DESTINATIONS.items()],
        "status_page": {"url": url},
    }
    (config / "settings.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")


def save_urls(webhooks, server, names=tuple(DESTINATIONS)) -> dict[str, str]:
    urls = {name: server.url(DESTINATIONS[name], f"T{i:03d}/B{i:03d}/token{i}abcdefgh") for i, name in enumerate(names)}
    for name, url in urls.items():
        webhooks.set(name, url)
    return urls


def approved_notice_file(folder: Path, services: Services, audiences=("EMEA customers", "Partners"), *,
                         summary: str | None = None) -> Path:
    """An incident whose notice goes to `audiences`, approved as the user's services render it."""
    incident = make_incident([], approved=False)
    notice = incident.notices[-1]
    if summary is not None:
        notice.update({"summary": summary})
    notice.update(choose_audiences(notice.fields, list(audiences), services.settings.audiences))
    rendered = services.renderer.render(incident, notice)
    review.request_review(incident, notice, rendered, "Jana Novák")
    review.approve(incident, notice, rendered, "Petr Svoboda", Settings())  # on the reviewer's machine
    path = folder / "card-payments.outage"
    fileformat.save(incident, path)
    return path
