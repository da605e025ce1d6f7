"""What alert and digest e-mails share: header text made safe, which send errors are final,
and how long to wait before trying again.

User text (athlete, coach and organization names, flag titles) reaches mail headers. Django
refuses a header with a line break (`BadHeaderError`), and no retry can fix that, so header
text is made one readable line first: line breaks and control characters become one space,
the length is bounded on a word boundary, and right-to-left text and emoji stay as written.
"""

import datetime as dt
import re
import smtplib

from django.db import InterfaceError, OperationalError

# Any run of whitespace (line and paragraph separators included) or C0/C1 control characters.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Explicit direction embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates.
_DIRECTION_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
ELLIPSIS = "\u2026"

# Errors of the channel, not of the message: the same message may well go through later.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, OperationalError, InterfaceError)


def one_line(text: object, *, max_chars: int) -> str:
    """`text` as one line of at most `max_chars` characters, safe for a mail header or a log.

    Line breaks, tabs and control characters collapse into single spaces; a lone surrogate
    (not valid Unicode, cannot be encoded) becomes U+FFFD; a longer text is cut at a word
    boundary when one is near, and ends with an ellipsis.
    """
    line = _BREAKS.sub(" ", str(text))
    line = _SURROGATES.sub("\ufffd", line).strip()
    if len(line) <= max_chars:
        return line
    cut = line[: max_chars - 1]
    space = cut.rfind(" ")
    if space >= max_chars * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def user_text(text: object, *, max_chars: int) -> str:
    """A name or other user text for a header, as `one_line`; text that carries its own
    direction controls is isolated (FSI ... PDI) so it cannot reverse the words after it."""
    line = one_line(text, max_chars=max_chars)
    if _DIRECTION_CONTROLS.search(line):
        return f"{FIRST_STRONG_ISOLATE}{line}{POP_DIRECTIONAL_ISOLATE}"
    return line


def is_permanent(error: BaseException) -> bool:
    """True when sending this message again cannot succeed, so its row is marked failed.

    Final: the server refused the recipient or the message for good (5xx), or the message
    itself could not be built (a bad header or address, text that cannot be encoded: a
    `ValueError`). Everything else (a refused connection, a timeout, a 4xx, a database
    error, a bug) is retried with backoff until the row gives up.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    if isinstance(error, TRANSIENT_ERRORS):
        return False
    return isinstance(error, ValueError)


def describe(error: BaseException) -> str:
    """The reason recorded on a row and logged: the error's type and message, one line."""
    return one_line(f"{type(error).__name__}: {error}", max_chars=500)


def backoff(attempts: int, *, first: dt.timedelta, longest: dt.timedelta) -> dt.timedelta:
    """The wait before attempt `attempts + 1`: `first`, doubling with each attempt, at most
    `longest`."""
    return min(first * 2 ** min(max(attempts - 1, 0), 20), longest)
