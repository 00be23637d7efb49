"""GCAT's launch log read by the tests on their own, never through spacetime's importer, so that
what spacetime derives from it can be checked against the source.

The log is ../shared/data/gcat/launchlog.tsv beside the checkout (Jonathan McDowell,
https://planet4589.org, CC BY 4.0): one row per payload, so the first row of a launch tag counts.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

__all__ = ["LAUNCHLOG", "GcatLaunch", "read_launchlog"]

LAUNCHLOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "gcat" / "launchlog.tsv"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
GCAT_DATE = re.compile(r"(\d{4}) (\w{3}) +(\d{1,2})(?: (\d{2})(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\??")


class GcatLaunch(NamedTuple):
    tag: str
    day: date  # UTC
    seconds: int | None  # after midnight UTC, when the log gives a time
    state: str  # GCAT's LVState
    success: bool  # the second letter of Launch_Code
    kind: str  # the first letter of Launch_Code: O orbital, D deep space, X from another world
    vehicle: str  # LV_Type
    site: str  # Launch_Site


def read_launchlog(path: Path = LAUNCHLOG) -> dict[str, GcatLaunch]:
    """Launch tag -> the launch, in the log's order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].lstrip("#").split("\t")
    tag, when, state, code, vehicle, site = (
        header.index(c)
        for c in ("Launch_Tag", "Launch_Date", "LVState", "Launch_Code", "LV_Type", "Launch_Site")
    )
    launches: dict[str, GcatLaunch] = {}
    for line in lines[1:]:
        if line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) <= code or cells[tag] in launches:
            continue
        found = GCAT_DATE.fullmatch(cells[when])
        assert found, f"unreadable launch date {cells[when]!r} of {cells[tag]}"
        year, month, day, hour, minute, second = found.groups()
        seconds = int(hour) * 3600 + int(minute) * 60 + int(second or 0) if hour else None
        launches[cells[tag]] = GcatLaunch(
            cells[tag],
            date(int(year), MONTHS.index(month) + 1, int(day)),
            seconds,
            cells[state],
            cells[code][1:2] == "S",
            cells[code][:1],
            cells[vehicle],
            cells[site],
        )
    return launches
