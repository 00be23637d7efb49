"""What the commands that show upcoming launches share (`next`, `show`, `compare --next`): the
kept list, and the moment a countdown counts from."""

from __future__ import annotations

from datetime import UTC, datetime

from spacetime.output.environment import Environment
from spacetime.sources.ll2 import Stored

__all__ = ["now_of", "stored_or_none"]


def now_of(env: Environment) -> datetime:
    """Now in UTC: midnight of the environment's day when one is fixed ($SPACETIME_TODAY), else
    the clock's time to the second."""
    if env.today is not None:
        day = env.today
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def stored_or_none() -> Stored | None:
    """The list `spacetime update --upcoming` keeps, or None before the first one."""
    from spacetime.sources.ll2 import read_stored, stored_path

    return read_stored(stored_path())
