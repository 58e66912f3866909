"""Why an address is not one, in the program's language: email-validator says it in English only.

The library's common reasons are its own English words here, marked for the catalog; the ones that
name characters or a count keep them as a value. An English program shows the library's words as they
are; a reason not listed (a rare one, or new in a later email-validator) stays as the library says it.
"""
from __future__ import annotations

import re

from ..i18n import N_, _, active_language

_FIXED = frozenset((
    N_("An email address must have an @-sign."),
    N_("There must be something before the @-sign."),
    N_("There must be something after the @-sign."),
    N_("The part after the @-sign is not valid. It should have a period."),
    N_("The part after the @-sign is not valid. It is not within a valid top-level domain."),
    N_("The part after the @-sign is a special-use or reserved name that cannot be used with email."),
    N_("An email address cannot have two periods in a row."),
    N_("An email address cannot start with a period."),
    N_("An email address cannot end with a period."),
    N_("An email address cannot have a period immediately before the @-sign."),
    N_("An email address cannot have a period immediately after the @-sign."),
    N_("An email address cannot end with a hyphen."),
    N_("An email address cannot have a hyphen immediately after the @-sign."),
    N_("An email address cannot have a period and a hyphen next to each other."),
    N_('The email address has the "full-width" at-sign (@) character instead of a regular at-sign.'),
    N_("There can't be anything after the email address."),
    N_("The email address contains an invalid character."),
    N_("The email address contains invalid characters before the @-sign."),
    N_("Internationalized characters before the @-sign are not supported."),
    N_("A display name and angle brackets around the email address are not permitted here."),
))

# (the library's words with the value as a group, our message with {value})
_WITH_VALUE = (
    (re.compile(r"The email address contains invalid characters before the @-sign: (.+)"),
     N_("The email address contains invalid characters before the @-sign: {value}")),
    (re.compile(r"The part after the @-sign contains invalid characters: (.+)"),
     N_("The part after the @-sign contains invalid characters: {value}")),
    (re.compile(r"The email address contains unsafe characters: (.+)"),
     N_("The email address contains unsafe characters: {value}")),
    (re.compile(r"Internationalized characters before the @-sign are not supported: (.+)"),
     N_("Internationalized characters before the @-sign are not supported: {value}")),
    (re.compile(r"The email address is too long before the @-sign \((\d+) characters? too many\)"),
     N_("The email address is too long before the @-sign ({value} too many characters)")),
    (re.compile(r"The email address is too long after the @-sign \((\d+) characters? too many\)"),
     N_("The email address is too long after the @-sign ({value} too many characters)")),
    (re.compile(r"The email address is too long \((\d+) characters? too many\)"),
     N_("The email address is too long ({value} too many characters)")),
)


def address_reason(said: str) -> str:
    """email-validator's reason (without its full stop) in the program's language."""
    said = said.rstrip(".")
    if active_language() == "en":
        return said
    message = f"{said}."
    if message in _FIXED:
        return _(message).rstrip("。.")
    for pattern, message in _WITH_VALUE:
        found = pattern.fullmatch(said)
        if found:
            return _(message).format(value=found.group(1))
    return said
