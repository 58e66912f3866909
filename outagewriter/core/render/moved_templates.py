"""Shipped templates that moved, still found under the names users' own templates import them by.

The building blocks below were `templates/en/…` until every language shared them from
`templates/common/`; a template in the user's folder that imports or includes the old name gets the
common one (it takes the notice's language from the context, as the old English one took English).
"""
from __future__ import annotations

import jinja2

MOVED = {
    "en/text_parts.txt": "common/text_parts.txt",
    "en/component_parts.txt": "common/component_parts.txt",
    "en/components.html": "common/components.html",
}


class MovedTemplates(jinja2.BaseLoader):
    """`shipped`, plus each old name in MOVED read as its new one."""

    def __init__(self, shipped: jinja2.BaseLoader):
        self.shipped = shipped

    def get_source(self, environment, template):
        return self.shipped.get_source(environment, MOVED.get(template, template))

    def list_templates(self):
        return sorted(set(self.shipped.list_templates()) | set(MOVED))
