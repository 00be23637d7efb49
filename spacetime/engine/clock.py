"""The one place that says what day it is, so that tests (and users) can fix "today".

`SPACETIME_TODAY=YYYY-MM-DD` in the environment overrides the system clock.
"""

from __future__ import annotations

import os
from datetime import date

from spacetime.core.errors import UsageError

__all__ = ["today"]


def today() -> date:
    """Today's date (UTC), or the date in `$SPACETIME_TODAY`."""
    fixed = os.environ.get("SPACETIME_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise UsageError(f"SPACETIME_TODAY='{fixed}' is not a YYYY-MM-DD date") from None
    from datetime import UTC, datetime

    return datetime.now(UTC).date()
