"""GCAT's launch log read by the tests on their own, never through spacetime's importer, so that
what spacetime derives from it can be checked against the source.

The log is ../shared/data/gcat/launchlog.tsv beside the checkout (Jonathan McDowell,
https://planet4589.org, CC BY 4.0): one row per payload, so the first row of a launch tag counts.

A clone without ../shared has the sample in tests/fixtures/gcat/sample/: every row of the launches
the bundled timeline names, and of a few more chosen to cover what the importer must read (Greek-
letter tags, failures, deep space, the lunar ascents, vague dates, partial successes), with the
rows of sites.tsv and orgs.tsv they use. `make_sample` chooses them from the snapshot; where the
snapshot is, a test checks the sample is what it makes (`SPACETIME_UPDATE_GOLDEN=1` rewrites it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "LAUNCHLOG",
    "SAMPLE",
    "SNAPSHOT",
    "GcatLaunch",
    "make_sample",
    "read_launchlog",
    "short_tag",
]

SNAPSHOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gcat"
LAUNCHLOG = SNAPSHOT / "launchlog.tsv"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "gcat" / "sample"
FILES = ("launchlog.tsv", "sites.tsv", "orgs.tsv")
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


def short_tag(tag: str) -> str:
    """A launch tag without spaces and hyphens, in capitals: `1957 ALP`, `1957-alp` -> `1957ALP`."""
    return re.sub(r"[\s_-]+", "", tag).upper()


def _rows(text: str) -> tuple[list[str], list[list[str]]]:
    """The `#` lines at the top of a GCAT table, and its rows as stripped cells."""
    lines = text.splitlines()
    head = [line for line in lines if line.startswith("#")]
    return head, [[c.strip() for c in line.split("\t")] for line in lines if line[:1] not in "#"]


def make_sample(snapshot: Path, named: Iterable[str]) -> dict[str, str]:
    """The sample's files (name -> text) chosen from the snapshot: every row of each launch
    `named` (by tag, in any spelling) and of the launches covering each awkward case."""
    log_text = (snapshot / "launchlog.tsv").read_text(encoding="utf-8")
    lines = [line for line in log_text.splitlines() if line[:1] != "#"]
    head, rows = _rows(log_text)
    column = {h: i for i, h in enumerate(head[0].lstrip("#").split("\t"))}
    firsts: dict[str, list[str]] = {}
    for row in rows:
        firsts.setdefault(row[column["Launch_Tag"]], row)
    chosen = {short_tag(t) for t in named}

    def take(test: Callable[[str, list[str]], object], count: int) -> None:
        found = [tag for tag, row in firsts.items() if test(tag, row)]
        chosen.update(short_tag(tag) for tag in found[:count])

    when, code = column["Launch_Date"], column["Launch_Code"]
    take(lambda tag, row: row[code].startswith("X"), 100)  # every lunar ascent
    for partial in sorted({row[code] for row in firsts.values() if row[code][2:]}):
        take(lambda tag, row, partial=partial: row[code] == partial, 1)  # each partial success
    take(lambda tag, row: re.fullmatch(r"\d{4} [A-Z]+", tag), 12)  # Greek letters
    take(lambda tag, row: re.fullmatch(r"\d{4} [A-Z] [A-Z]+", tag), 6)  # two Greek letters
    take(lambda tag, row: "-F" in tag, 12)  # failures
    take(lambda tag, row: row[code].startswith("D"), 12)  # deep space
    take(lambda tag, row: row[when].endswith("?") and ":" not in row[when], 6)  # vague
    take(lambda tag, row: re.fullmatch(r"\d{4} \w{3} +\d+\??", row[when]), 6)  # day only
    take(lambda tag, row: re.fullmatch(r"\d{4} \w{3} +\d+ \d{4}\??", row[when]), 6)  # no seconds
    kept = [line for line, row in zip(lines, rows, strict=True)
            if short_tag(row[column["Launch_Tag"]]) in chosen]  # fmt: skip
    used = [row for row in rows if short_tag(row[column["Launch_Tag"]]) in chosen]
    sites = {row[column["Launch_Site"]] for row in used}
    files = {"launchlog.tsv": "\n".join([*head, *kept]) + "\n"}
    site_text = (snapshot / "sites.tsv").read_text(encoding="utf-8")
    site_head, site_rows = _rows(site_text)
    site_lines = [line for line in site_text.splitlines() if line[:1] != "#"]
    state = site_head[0].lstrip("#").split("\t").index("StateCode")
    orgs = {part for row in used for part in row[column["Agency"]].split("/")}
    orgs |= {r[state] for r in site_rows if r[0] in sites}
    files["sites.tsv"] = "\n".join([*site_head, *(line for line, r in zip(site_lines, site_rows,
        strict=True) if r[0] in sites)]) + "\n"  # fmt: skip
    org_text = (snapshot / "orgs.tsv").read_text(encoding="utf-8")
    org_head, org_rows = _rows(org_text)
    org_lines = [line for line in org_text.splitlines() if line[:1] != "#"]
    files["orgs.tsv"] = "\n".join([*org_head, *(line for line, r in zip(org_lines, org_rows,
        strict=True) if r[0] in orgs)]) + "\n"  # fmt: skip
    return files
