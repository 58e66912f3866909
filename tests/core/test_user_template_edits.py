"""A user template saved while the program runs is used on the next render, and so are its words for
the tone checks: a new file where the shipped template was used before, an edit, a removal."""
from __future__ import annotations

from outagewriter.core.session.services import Services


def _apologies(services, incident):
    return [f for f in services.check(incident, incident.notices[-1]) if f.rule == "guilt.stacked-apology"]


def test_a_template_added_edited_and_removed_is_followed(tmp_path, incident):
    folder = tmp_path / "templates" / "en" / "initial"
    folder.mkdir(parents=True)
    (folder / "subject.txt").write_text("[ACME] {{ title }}", encoding="utf-8")
    services = Services.load(config_dir=tmp_path)
    notice = incident.notices[-1]
    notice.update({"summary": notice.fields["summary"] + " We are sorry for the disruption."})
    assert "We apologise" not in services.renderer.render(incident, notice).text
    assert _apologies(services, incident) == []

    body = folder / "body.txt"
    body.write_text("{{ summary }}\n\nWe apologise for the trouble.\n", encoding="utf-8")  # a new file
    assert services.renderer.render(incident, notice).text.endswith("We apologise for the trouble.\n")
    assert len(_apologies(services, incident)) == 1  # the template apologised first

    body.write_text("{{ summary }}\n\nThank you for your patience.\n", encoding="utf-8")  # edited
    assert services.renderer.render(incident, notice).text.endswith("Thank you for your patience.\n")
    assert _apologies(services, incident) == []

    body.write_text("{{ summary }}\n\nWe apologise for the trouble.\n", encoding="utf-8")
    assert len(_apologies(services, incident)) == 1  # checked before any render
    body.unlink()  # removed: the shipped template again
    assert _apologies(services, incident) == []
    assert "No data has been lost." in services.renderer.render(incident, notice).text
