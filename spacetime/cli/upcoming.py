"""What the commands that show upcoming launches share (`next`, `show`, `compare --next`): the
kept list, the moment a countdown counts from, and the upcoming launch of a planned event."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from spacetime.core.model import Event, Status
from spacetime.core.timeline import Timeline
from spacetime.output.environment import Environment
from spacetime.output.listing import Listing, Report
from spacetime.sources.ll2 import Stored

__all__ = [
    "NO_LIST",
    "add_next",
    "add_upcoming",
    "kept_or_say",
    "now_of",
    "stored_or_none",
    "update_upcoming",
]


def now_of(env: Environment) -> datetime:
    """Now in UTC: midnight of the environment's day when one is fixed ($SPACETIME_TODAY), else
    the clock's time to the second."""
    if env.today is not None:
        day = env.today
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return datetime.now(UTC).replace(microsecond=0)


NO_LIST = (
    "no list of upcoming launches yet: spacetime update --upcoming fetches one "
    "from Launch Library 2 (The Space Devs)"
)


def kept_or_say(env: Environment) -> Stored | None:
    """The kept list; without one, None and a line on stderr saying how to get one."""
    stored = stored_or_none(env)
    if stored is None:
        env.tell(NO_LIST)
    return stored


def stored_or_none(env: Environment) -> Stored | None:
    """The list `spacetime update --upcoming` keeps in `env`'s data folder, or None before the
    first one."""
    from spacetime.sources.ll2 import read_stored, stored_path

    return read_stored(stored_path(env.data_dir()))


def add_upcoming(detail: Listing, event: Event, env: Environment) -> None:
    """`show` of a planned event: the upcoming launch of its mission, when the kept list has one
    (a row after the vehicle, and `upcoming_launch` in the record); nothing without a list."""
    if event.status is not Status.PLANNED or not event.mission:
        return
    from spacetime.launches.upcoming import matching, still_ahead
    from spacetime.output.upcoming import upcoming_line

    stored = stored_or_none(env)
    if stored is None:
        return
    now = now_of(env)
    found = matching(event.mission, [x for x in stored.launches if still_ahead(x, now)])
    if found is None:
        return
    from spacetime.launches.upcoming import when

    detail.records[0]["upcoming_launch"] = {
        "id": found.id,
        "name": found.name,
        "net": found.net,
        "precision": found.precision or None,
        "date_display": when(found),
        "status": found.status,
    }
    detail.fields = [*detail.fields, "upcoming_launch"]
    rows = list(detail.rows)
    at = next((i for i, row in enumerate(rows) if row[0] == "Vehicle"), -1)
    at = at + 1 if at >= 0 else len(rows)
    rows.insert(at, ["Next launch", upcoming_line(found, now)])
    detail.rows = rows


def add_next(report: Report, timeline: Timeline, nations: Sequence[str], env: Environment) -> None:
    """`compare --next`: a last section with each nation's next launches (and `next` in the
    JSON document); without a kept list, a line on `env`'s stderr says how to get one."""
    from spacetime.launches.upcoming import NextQuery, run_next
    from spacetime.output.upcoming import NEXT_PER_NATION, next_by_nation

    stored = kept_or_say(env)
    if stored is None:
        return
    now = now_of(env)
    chosen = {
        code: run_next(
            timeline, stored.launches, NextQuery(countries=[code], limit=NEXT_PER_NATION), now
        )
        for code in nations
    }
    listing, document = next_by_nation(timeline, chosen, now)
    report.sections.append(("Next launches (from pads in each nation)", listing))
    report.document["next"] = document


def update_upcoming(
    base: str | None,
    timeout: float,
    progress: Callable[[str, int, int | None], None] | None,
    env: Environment,
) -> str:
    """`update --upcoming`: fetch and keep the list (see `spacetime.sources.ll2.update`); the
    summary to show, the credit on a line of its own."""
    from spacetime.core.words import plural
    from spacetime.launches.upcoming import net_instant, when
    from spacetime.sources import ll2

    done = ll2.update(
        base=base, timeout=timeout, progress=progress, env=env.environ, now=now_of(env)
    )
    stored = done.stored
    if done.current:
        fetched = f"{stored.fetched.day} {stored.fetched:%b %Y %H:%M} UTC"
        return f"upcoming launches already current (fetched {fetched})"
    line = plural(len(stored.launches), "upcoming launch", "upcoming launches")
    if stored.launches:
        soonest = min(stored.launches, key=lambda x: net_instant(x.net))
        latest = max(stored.launches, key=lambda x: net_instant(x.net))
        line += f", {when(soonest)} to {when(latest)}"
    if stored.total > len(stored.launches):
        line += f" (the soonest of {stored.total})"
    return f"{line}; spacetime next lists them.\n{ll2.CREDIT}"  # the credit whole on its line
