"""A real local HTTP server standing in for Slack, Teams, Mattermost and Discord incoming webhooks.

Each webhook is `http://127.0.0.1:PORT/<service>/<token>`. The server checks every request the way the
service documents it (JSON content type, the payload's shape for that service, nothing that would
format or ping), records it, and answers as the service does; `fail(path, ...)` makes the next
requests to one webhook answer an error, or drop the connection after reading the body.
"""
from __future__ import annotations

import json
import socket
import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DROP = "drop"  # read the whole request, then close the connection without answering
SUCCESS = {"slack": (200, b"ok"), "mattermost": (200, b"ok"), "discord": (204, b""), "teams": (202, b"")}


@dataclass(frozen=True)
class Request:
    service: str
    path: str
    content_type: str
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The words the post shows, as the service's payload holds them."""
        data = self.json
        if self.service == "discord":
            return data["content"]
        if self.service == "teams":
            return data["attachments"][0]["content"]["body"][0]["inlines"][0]["text"]
        return data["text"]


def payload_problems(service: str, content_type: str, data) -> list[str]:
    """What the service would refuse or mis-show in this request, per its documented webhook payload."""
    problems = []
    if content_type.split(";")[0].strip() != "application/json":
        problems.append(f"content type {content_type!r}")
    if not isinstance(data, dict):
        return problems + ["not a JSON object"]
    if service == "slack":
        if set(data) - {"text", "mrkdwn", "blocks"} or not isinstance(data.get("text"), str):
            problems.append(f"slack keys {sorted(data)}")
        if data.get("mrkdwn") is not False:
            problems.append("slack mrkdwn is on: *text* would be formatted")
        text = data.get("text", "")
        if "<" in text or ">" in text or "&" in text.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""):
            problems.append("slack control characters not escaped")
    elif service == "mattermost":
        if not isinstance(data.get("text"), str) or set(data) - {"text", "username", "icon_url", "props"}:
            problems.append(f"mattermost keys {sorted(data)}")
    elif service == "discord":
        content = data.get("content")
        if not isinstance(content, str) or len(content) > 2000:
            problems.append("discord content missing or over 2000 characters")
        if data.get("allowed_mentions") != {"parse": []}:
            problems.append("discord allowed_mentions would let the post ping")
    elif service == "teams":
        try:
            attachment, = data["attachments"]
            card = attachment["content"]
            ok = (data["type"] == "message" and attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
                  and card["type"] == "AdaptiveCard" and card["body"][0]["type"] == "RichTextBlock"
                  and card["body"][0]["inlines"][0]["type"] == "TextRun")
        except (KeyError, TypeError, ValueError, IndexError):
            ok = False
        if not ok:
            problems.append("teams payload is not a message with one Adaptive Card")
    else:
        problems.append(f"no such service {service!r}")
    return problems


class WebhookServer:
    def __init__(self):
        self.requests: list[Request] = []
        self.problems: list[str] = []
        self._faults: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                service = self.path.strip("/").split("/")[0]
                request = Request(service, self.path, self.headers.get("Content-Type", ""), body)
                with server._lock:
                    server.requests.append(request)
                    fault = server._faults[self.path].popleft() if server._faults[self.path] else None
                if fault == DROP:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault is not None:
                    status, headers, answer = fault
                    self._answer(status, answer, headers)
                    return
                try:
                    data = json.loads(body)
                except ValueError:
                    data = None
                problems = payload_problems(service, request.content_type, data)
                if problems:
                    server.problems.extend(problems)
                    self._answer(400, "; ".join(problems).encode())
                    return
                self._answer(*SUCCESS[service])

            def _answer(self, status: int, body: bytes, headers: dict | None = None):
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> "WebhookServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, service: str, token: str = "T000/B000/secretToken123") -> str:
        return f"http://127.0.0.1:{self.port}/{service}/{token}"

    def fail(self, url: str, status: int | str, body: bytes = b"", headers: dict | None = None) -> None:
        """The next request to `url` answers `status` with `body` (or, for DROP, no answer at all)."""
        path = url.split(str(self.port), 1)[1]
        self._faults[path].append(DROP if status == DROP else (status, headers, body))

    def to(self, url: str) -> list[Request]:
        path = url.split(str(self.port), 1)[1]
        return [r for r in self.requests if r.path == path]
