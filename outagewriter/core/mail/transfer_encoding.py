"""Which Content-Transfer-Encoding a text part is sent in.

Every part is UTF-8 and 7-bit clean (no server has to support 8BITMIME). Quoted-printable keeps
mostly-English text readable in the raw message, but costs nine characters per Japanese character
(three UTF-8 bytes as =XX each); base64 costs four per character. So a part is quoted-printable
unless base64 is shorter, which is what mail clients that write Japanese do.
"""
from __future__ import annotations

import quopri


def body_encoding(text: str) -> str:
    """"quoted-printable" or "base64", whichever sends `text` in fewer characters."""
    data = text.encode("utf-8", "surrogatepass")
    if data.isascii():
        return "quoted-printable"
    quoted = len(quopri.encodestring(data))
    based = (len(data) + 2) // 3 * 4 * 77 // 76  # base64 lines of 76 characters and their line breaks
    return "base64" if based < quoted else "quoted-printable"
