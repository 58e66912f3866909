"""Turning a notice into subject, plain text, HTML and the short post, through Jinja2 templates."""
