"""What the templates need to show a notice's components: rows to list and the worst status."""
from __future__ import annotations

from ..incident.components import (
    STATUS_LABELS,
    ComponentError,
    parse_components,
    worst_status,
)

IMPACT_LABELS = {"none": "No impact", "minor": "Minor impact", "major": "Major impact",
                 "critical": "Critical impact"}


def component_context(components: str, impact_level: str) -> dict:
    """`component_rows` (name, status, label), `worst_component` (a status or None) and `impact_label`."""
    try:
        pairs = parse_components(components)
    except ComponentError:  # a stored value was checked when it was set; an old file may still hold odd text
        pairs = []
    worst = worst_status(pairs)
    return {
        "component_rows": [{"name": name, "status": status, "label": STATUS_LABELS[status]}
                           for name, status in pairs],
        "worst_component": worst,
        "worst_component_label": STATUS_LABELS[worst] if worst else "",
        "impact_label": IMPACT_LABELS.get(impact_level, ""),
    }
