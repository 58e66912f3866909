"""Hypothesis strategies for incidents as users fill them, shared by the property tests."""
from hypothesis import strategies as st

from outagewriter.core.incident.fields import DATA_LOSS, FIELD_NAMES, SPECS
from outagewriter.core.incident.model import Incident

# Any text a user can type: odd Unicode, newlines and tabs, markup. Other control characters are
# refused by every field (an ESC sequence would hide text from a reviewer's terminal).
typed_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
                     max_size=300)
# One-line fields may reach mail headers, so they refuse control characters: users type none.
line_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)
ADDRESS_LISTS = ["", "a@x.example", "Zoë <z@X.example>, b@y.example", "Jörg Müller <j@ü.example>"]


@st.composite
def incidents(draw):
    incident = Incident.create(draw(line_text), draw(line_text),
                               kind=draw(st.sampled_from(["incident", "maintenance"])))
    notice = incident.notices[-1]
    for name in FIELD_NAMES:
        kind = SPECS[name].kind
        if kind == "text":
            notice.set(name, draw(typed_text))
        elif kind == "line":
            notice.set(name, draw(line_text))
    notice.set("data_loss", draw(st.sampled_from(("",) + DATA_LOSS)))
    for part in ("to", "cc", "bcc"):
        notice.set(part, draw(st.sampled_from(ADDRESS_LISTS)))
    notice.dismissed.extend(draw(st.lists(typed_text, max_size=3)))
    return incident
