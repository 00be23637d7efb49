"""Bundled events tagged with a GCAT launch tag agree with the launch log (read here on its own).

The log is /work/shared/data/gcat/launchlog.tsv (Jonathan McDowell, https://planet4589.org, CC BY
4.0), beside the checkout as `../shared`, and the sample of it in tests/fixtures/gcat/sample, which
holds every launch the timeline names: every check runs on the sample in any clone, and on the
whole snapshot too where it is. A tagged event's date must fall on the launch's UTC day,
and where both give a time, within a minute of it (an event's 03:48 for the log's 03:47:56 agrees). The few events whose moment is not the launch itself
are listed below with the reason, checked against sources.
"""

from __future__ import annotations

from datetime import date

import pytest

from gcat_log import LAUNCHLOG, SAMPLE, read_launchlog
from gcat_log import GcatLaunch as Launch
from spacetime.core.dates import Precision
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.load.loader import load_timeline
from spacetime.sources.files import data_files

# Event id -> why its time differs from the log's (each checked against sources).
KNOWN_DISAGREEMENTS = {
    "challenger-disaster": "dated by the break-up at 16:39:13 UTC, 73 s after the 16:38:00 launch",
    "cos-b-esa-first-satellite": "ESA, the operator, gives 01:47 GMT; GCAT has 01:50:00",
}


def _seconds(hour: str, minute: str, second: str | None) -> int:
    return int(hour) * 3600 + int(minute) * 60 + int(second or 0)


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@pytest.fixture(scope="module", params=["sample", "snapshot"])
def launches(request: pytest.FixtureRequest) -> dict[str, Launch]:
    if request.param == "sample":
        return read_launchlog(SAMPLE / "launchlog.tsv")
    if not LAUNCHLOG.is_file():
        pytest.skip(f"the GCAT launch log is not at {LAUNCHLOG} (../shared beside the checkout)")
    return read_launchlog(LAUNCHLOG)


@pytest.fixture(scope="module")
def tagged() -> list[Event]:
    timeline: Timeline = _bundled()
    return [e for e in timeline.events if e.launch]


def disagreement(event: Event, launch: Launch) -> str | None:
    """How the event's date differs from the launch, or None when they agree."""
    start = event.date.start
    assert start is not None and event.date.first_day and event.date.last_day
    if not event.date.first_day <= launch.day <= event.date.last_day:
        return f"{event.date.text} is not the launch day {launch.day}"
    if start.precision is Precision.TIME and launch.seconds is not None:
        assert start.time is not None
        mine = _seconds(*start.time.split(":")[:2], (start.time.split(":")[2:] or [None])[0])
        if start.first_day != launch.day or abs(mine - launch.seconds) >= 60:
            return f"{start.time} UTC is not within a minute of {_clock(launch.seconds)}"
    return None


def test_the_reader_knows_the_anchors(launches: dict[str, Launch]) -> None:
    assert launches["1957 ALP"][1:3] == (date(1957, 10, 4), _seconds("19", "28", "34"))
    assert launches["1958 ALP"][1:3] == (date(1958, 2, 1), _seconds("03", "47", "56"))
    assert launches["1961 MU"][1:3] == (date(1961, 4, 12), _seconds("06", "07", "00"))
    assert launches["1961 TAU"][1:3] == (date(1961, 8, 6), _seconds("06", "00", None))
    assert len(launches) > 300


@pytest.mark.skipif(not LAUNCHLOG.is_file(), reason="../shared is not beside the checkout")
def test_the_snapshot_is_whole() -> None:
    assert len(read_launchlog(LAUNCHLOG)) > 6800


def test_every_tag_is_in_the_launch_log(launches: dict[str, Launch], tagged: list[Event]) -> None:
    assert len(tagged) >= 131
    assert [(e.id, e.launch) for e in tagged if e.launch not in launches] == []


def test_tagged_dates_agree_with_the_launch_log(
    launches: dict[str, Launch], tagged: list[Event]
) -> None:
    found = {}
    for event in tagged:
        assert event.launch is not None
        problem = disagreement(event, launches[event.launch])
        if problem:
            found[event.id] = problem
    assert sorted(found) == sorted(KNOWN_DISAGREEMENTS), found
    timed = [e for e in tagged if e.date.precision is Precision.TIME]
    assert len(timed) >= 88  # most are checked to the minute


def test_a_wrong_minute_or_day_is_caught(launches: dict[str, Launch], tagged: list[Event]) -> None:
    from spacetime.core.dates import parse_date

    sputnik = next(e for e in tagged if e.id == "sputnik-1")
    assert disagreement(sputnik, launches["1957 ALP"]) is None
    rounded = sputnik.replace(date=parse_date("1957-10-04T19:29Z"))
    assert disagreement(rounded, launches["1957 ALP"]) is None  # 26 s after the log's time
    late = sputnik.replace(date=parse_date("1957-10-04T19:29:35Z"))
    assert disagreement(late, launches["1957 ALP"]) == (
        "19:29:35 UTC is not within a minute of 19:28:34"
    )
    local = sputnik.replace(date=parse_date("1957-10-05"))
    assert disagreement(local, launches["1957 ALP"]) == (
        "1957-10-05 is not the launch day 1957-10-04"
    )


def _bundled() -> Timeline:
    """Every bundled file, loaded as the commands load them (no personal file, no environment)."""
    files = data_files(personal=False, env={})
    return load_timeline(files.paths, files.names)
