"""Writes the bad incident files beside this script (run it again after changing a case).

Each file is a valid incident with one thing wrong, as a hand editor, a damaged sync or a hostile
colleague would leave it. tests/core/test_bad_files.py runs every file through the commands."""
import copy
import json
from pathlib import Path

HERE = Path(__file__).parent
BASE = json.loads((HERE.parents[2] / "examples" / "payments-outage.outage").read_text("utf-8"))


def notice(data):
    return data["notices"][0]


def field(name, value):
    return lambda d: notice(d)["fields"].__setitem__(name, value)


JSON_CASES = {
    "esc-in-summary": field("summary", "Visible. \x1b[8mConcealed sentence.\x1b[0m"),
    "esc-in-title": field("title", "Payments \x1b]0;pwned\x07"),
    "nel-in-contact": field("contact_name", "Jana\x85Novák"),
    "nul-in-appendix": field("appendix", "a\x00b"),
    "bell-in-workaround": field("workaround", "\x07\x07"),
    "surrogate-in-summary": field("summary", "a\ud800b"),
    "surrogate-in-title": field("title", "\udfff"),
    "long-title": field("title", "ž" * 2_001),  # the 100,000-character case is made by the test itself
    "year-1-started": lambda d: d["incident"]["times"].__setitem__("started", "0001-01-01T00:00+01:00"),
    "year-9999-resolved": lambda d: d["incident"]["times"].__setitem__("resolved", "9999-12-31T23:59-01:00"),
    "year-9999-next-update": field("next_update", "9999-12-31T23:59-05:00"),
    "year-1-next-update-zone": field("next_update", "0001-01-01T00:00[Asia/Tokyo]"),
    "incident-id-crlf": lambda d: d["incident"].__setitem__("id", "ab\r\nBcc: victim@example.com"),
    "incident-id-angle": lambda d: d["incident"].__setitem__("id", "<x@y>"),
    "incident-id-non-ascii": lambda d: d["incident"].__setitem__("id", "inçident"),
    "notice-id-crlf": lambda d: notice(d).__setitem__("id", "n\r\nX-Evil: 1"),
    "notice-id-empty": lambda d: notice(d).__setitem__("id", ""),
    "notice-id-number": lambda d: notice(d).__setitem__("id", 12),
    "message-id-crlf": lambda d: notice(d).__setitem__("sent", {"message_id": "<a@b>\r\nBcc: x@evil.example",
                                                                 "recipients": {}}),
    "message-id-non-ascii": lambda d: notice(d).__setitem__("sent", {"message_id": "<ü@x.example>", "recipients": {}}),
    "message-id-angle": lambda d: notice(d).__setitem__("sent", {"message_id": "<<a@b>>", "recipients": {}}),
    "review-comment-esc": lambda d: notice(d).__setitem__("review", {"state": "changes-requested", "comments": [
        {"reviewer": "Petr", "comment": "\x1b[2J\x1b[Hall fine", "time": "2026-11-27T10:00:00Z"}]}),
    "log-who-esc": lambda d: d.__setitem__("log", [{"event": "approved", "notice": notice(d)["id"],
                                                    "who": "\x1b[31mPetr", "when": "2026-11-27T10:00:00Z"}]),
    "key-with-control": lambda d: notice(d)["fields"].__setitem__("sum\x1bmary", "x"),
    "status-wrong-type": field("status", ["investigating"]),
    "fields-is-list": lambda d: notice(d).__setitem__("fields", []),
    "notices-empty": lambda d: d.__setitem__("notices", []),
    "version-float": lambda d: d.__setitem__("version", 1.5),
    "review-state-bogus": lambda d: notice(d).__setitem__("review", {"state": "sent-already"}),
    "approval-without-content": lambda d: notice(d).__setitem__("review", {
        "state": "approved", "approval": {"reviewer": "P", "time": "t", "hash": "0" * 64}}),
    "sent-recipients-list": lambda d: notice(d).__setitem__("sent", {"recipients": ["a@b.example"]}),
    "voided-reason-number": lambda d: notice(d).__setitem__("review", {"state": "draft", "approval": {
        "reviewer": "P", "time": "2026-11-27T10:05:00Z", "hash": "0" * 64, "content": {}, "voided": {"reason": 5}}}),
}

RAW_CASES = {
    "number-5000-digits": lambda text: text.replace('"version": 1', '"version": 1' + "0" * 5000, 1),
    "number-in-extra-key": lambda text: text.replace('{', '{"extra": ' + "9" * 4400 + ", ", 1),
    "float-1e400": lambda text: text.replace('"version": 1', '"version": 1e400', 1),
    "deep-nesting": lambda text: text.replace('{', '{"x": ' + "[" * 5_000 + "]" * 5_000 + ", ", 1),
    "truncated": lambda text: text[: len(text) // 2],
    "not-utf8": lambda text: text.replace("Novák", "Nov\udce1k"),
    "bom-and-garbage": lambda text: "\ufeff" + text + "garbage",
    "empty": lambda text: "",
}


def main() -> None:
    base_text = json.dumps(BASE, ensure_ascii=False, indent=2)
    for name, change in JSON_CASES.items():
        data = copy.deepcopy(BASE)
        change(data)
        # ensure_ascii keeps lone surrogates and control characters as JSON escapes, as a hand editor writes them
        (HERE / f"{name}.outage").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    for name, change in RAW_CASES.items():
        (HERE / f"{name}.outage").write_bytes(change(base_text).encode("utf-8", "surrogateescape"))


if __name__ == "__main__":
    main()
