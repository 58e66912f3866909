"""Fill a translated string's %1, %2… in one pass, as QString.arg does in C++ (PySide gives back str).

One pass matters: a value that itself holds "%2" (a file name, a server's answer) stays as it is.
"""
from __future__ import annotations

import re

_MARKER = re.compile(r"%([1-9])")


def args(text: str, *values: object) -> str:
    return _MARKER.sub(lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                       else m.group(0), text)
