"""The static status page: what the sent notices of many incidents say, as HTML, feeds and JSON."""
