"""The status page the browser tests look at. Until the site generator exists this is a small hand-written
page with the same three kinds of page (front, incident, history)."""
from __future__ import annotations

from pathlib import Path

PAGES = ("front", "incident", "history")

_STYLE = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #555; --ok: #1a7f37; --line: #ccc; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --fg: #e8e8e8; --muted: #b0b0b0; --ok: #4ac26b; --line: #444; } }
body { background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; }
a { color: inherit; } .ok { color: var(--ok); } small { color: var(--muted); }
li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
"""


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{_STYLE}</style></head>
<body><header><p><a href="index.html">Example status</a></p></header>
<main><h1>{title}</h1>{body}</main><footer><small>As of 27 Nov 2026 10:12 UTC</small></footer></body></html>
"""


def publish_sample(folder: Path) -> dict[str, str]:
    """Writes the pages into `folder`; page name → file:// URL."""
    files = {
        "front": ("index.html", _page("All systems operational", """
<h2>Components</h2><ul><li>Card payments <span class="ok">Operational</span></li>
<li>Database <span class="ok">Operational</span></li></ul>
<h2>Past incidents</h2><ul><li><a href="incident.html">Card payments failing</a></li></ul>
<p><a href="history.html">Incident history</a></p>""")),
        "incident": ("incident.html", _page("Card payments failing", """
<ol><li><h2>Resolved</h2><p>Card payments work again.</p></li>
<li><h2>Investigating</h2><p>Some card payments fail.</p></li></ol>""")),
        "history": ("history.html", _page("Incident history", """
<h2>November 2026</h2><ul><li><a href="incident.html">Card payments failing</a></li></ul>""")),
    }
    urls = {}
    for name, (file, html) in files.items():
        (folder / file).write_text(html, encoding="utf-8")
        urls[name] = (folder / file).as_uri()
    return urls
