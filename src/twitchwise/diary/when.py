"""When something happened, in the words people use: "yesterday 21:30", "2 hours ago", "monday 9pm".

Parsed by dateparser relative to a ``now`` the caller passes (tests set it), preferring the past,
and refused when it lands in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from twitchwise.errors import InputError

EXAMPLE = 'e.g. "yesterday 21:30", "2 hours ago", "monday 9pm" or 2026-11-20T21:30'
GRACE = dt.timedelta(minutes=5)  # a clock a little ahead is not "the future"


def parse_moment(text: str, *, now: dt.datetime, field: str = "--at") -> dt.datetime:
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > 100:
        raise InputError(field, f"expected a time ({EXAMPLE})")
    try:
        moment = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        moment = _natural(cleaned, now, field)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    if moment > now + GRACE:
        raise InputError(field, "is in the future")
    if moment.year < 1900:
        raise InputError(field, "is before 1900")
    return moment.replace(microsecond=0) if moment.microsecond and cleaned != moment.isoformat() else moment


def parse_day(text: str, *, today: dt.date, field: str = "--date") -> dt.date:
    now = dt.datetime.combine(today, dt.time(23, 59))
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return parse_moment(text, now=now, field=field).date()
    if day > today:
        raise InputError(field, "is in the future")
    return day


_CLOCK = re.compile(r"\b(\d{1,2})[:.h](\d{2})\b")


def _natural(text: str, now: dt.datetime, field: str) -> dt.datetime:
    import dateparser

    for hours, minutes in _CLOCK.findall(text):  # "25:99" is no time: refused, not read as some other hour
        if int(hours) > 23 or int(minutes) > 59:
            raise InputError(field, f"not a time of day ({EXAMPLE})")

    settings = {
        "RELATIVE_BASE": now,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "STRICT_PARSING": False,
    }
    try:
        moment = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors for junk; all mean "not understood"
        moment = None
    if moment is None:
        raise InputError(field, f"not a time twitchwise understands ({EXAMPLE})")
    return moment


def clock(environ: Mapping[str, str]) -> dt.datetime:
    """The clock; ``TWITCHWISE_NOW`` (ISO date-time) fixes it for scripts and tests."""
    fixed = environ.get("TWITCHWISE_NOW", "").strip()
    if not fixed:
        return dt.datetime.now()
    try:
        return dt.datetime.fromisoformat(fixed).replace(tzinfo=None)
    except ValueError:
        raise InputError("TWITCHWISE_NOW", "expected an ISO date and time, e.g. 2026-11-21T09:00") from None
