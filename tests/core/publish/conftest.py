"""The status page tests' fixtures; the helpers they share are in publish_helpers.py (importable by name,
unlike a conftest, which other test folders have too)."""
from publish_helpers import config, incidents, publish  # noqa: F401 (fixtures)
