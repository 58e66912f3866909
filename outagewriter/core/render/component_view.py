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
# The words a Japanese status page uses for the same statuses and impact levels.
STATUS_LABELS_JA = {"operational": "正常稼働", "degraded-performance": "パフォーマンス低下",
                    "partial-outage": "一部障害", "major-outage": "重大な障害",
                    "under-maintenance": "メンテナンス中"}
IMPACT_LABELS_JA = {"none": "影響なし", "minor": "影響度：小", "major": "影響度：大", "critical": "影響度：重大"}
_LABELS = {"en": (STATUS_LABELS, IMPACT_LABELS), "ja": (STATUS_LABELS_JA, IMPACT_LABELS_JA)}


def component_context(components: str, impact_level: str, language: str = "en") -> dict:
    """`component_rows` (name, status, label), `worst_component` (a status or None) and `impact_label`,
    the labels in the notice's `language`."""
    status_labels, impact_labels = _LABELS.get(language, _LABELS["en"])
    try:
        pairs = parse_components(components)
    except ComponentError:  # a stored value was checked when it was set; an old file may still hold odd text
        pairs = []
    worst = worst_status(pairs)
    return {
        "component_rows": [{"name": name, "status": status, "label": status_labels[status]}
                           for name, status in pairs],
        "worst_component": worst,
        "worst_component_label": status_labels[worst] if worst else "",
        "impact_label": impact_labels.get(impact_level, ""),
    }
