"""The one place that says what day and time it is, so that tests (and users) can fix "today".

`SPACETIME_TODAY=YYYY-MM-DD` in the environment overrides the system clock (and `now` is then
that day's midnight UTC).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from spacetime.core.errors import UsageError

__all__ = ["now", "today"]


def today() -> date:
    """Today's date (UTC), or the date in `$SPACETIME_TODAY`."""
    fixed = os.environ.get("SPACETIME_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise UsageError(f"SPACETIME_TODAY='{fixed}' is not a YYYY-MM-DD date") from None
    return datetime.now(UTC).date()


def now() -> datetime:
    """The current time in UTC, to the second; midnight of `$SPACETIME_TODAY` when it is set."""
    if os.environ.get("SPACETIME_TODAY"):
        day = today()
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)
