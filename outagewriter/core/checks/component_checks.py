"""Component findings: a resolution tells readers that what broke works again."""
from __future__ import annotations

from ..incident.components import (
    STATUS_LABELS,
    ComponentError,
    format_components,
    parse_components,
)
from ..i18n import _
from .findings import Finding


def check_components(kind: str, components: str) -> list[Finding]:
    """A resolution that still lists a component as not operational; the suggestion sets all of them to
    operational. `components` may be raw text from the form: text that cannot be read is the field's own
    error, not a finding."""
    if kind != "resolution":
        return []
    try:
        pairs = parse_components(components)
    except ComponentError:
        return []
    still = [f"{name} ({_(STATUS_LABELS[status]).lower()})" for name, status in pairs if status != "operational"]
    if not still:
        return []
    return [Finding(
        rule="structure.resolution-components-not-operational",
        category="structure",
        severity="warning",
        field="components",
        start=0,
        end=len(components),
        match=components,
        message=_("This resolution still lists {components}. Set each component back to operational, "
                  "or say in the summary what is still affected.").format(components=", ".join(still)),
        suggestions=(format_components([(name, "operational") for name, _status in pairs]),),
    )]
