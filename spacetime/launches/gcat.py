"""The GCAT importer: Jonathan McDowell's launch log (with his sites and organisations tables)
into spacetime's launches, one per `Launch_Tag`.

GCAT's files are tab-separated with space-padded fields and a `#`-prefixed header line naming the
columns (columns are found by name, so a newer file with more columns still reads). A row that
cannot be used (a malformed date, an unknown state or launch code, missing columns) is reported as
`file:line: problem` and left out, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacetime.core.dates import MONTH_ABBR, EventDate, Point, Precision
from spacetime.core.errors import Problem
from spacetime.core.text import LINE_FORBIDDEN, describe
from spacetime.launches.model import GCAT_STATES, Launch, Site, family_of, parse_code

__all__ = ["GcatDateError", "GcatImport", "gcat_date", "read_gcat"]

_MONTHS = {name: number for number, name in enumerate(MONTH_ABBR, start=1)}
_DATE = re.compile(
    r"(?P<year>[0-9]{4})\s+(?P<month>[A-Z][a-z]{2})\s+(?P<day>[0-9]{1,2})"
    r"(?:\s+(?P<hh>[0-9]{2})(?P<mm>[0-9]{2})(?::(?P<ss>[0-9]{2}))?)?\s*(?P<q>\?)?"
)
LAUNCH_COLUMNS = ("Launch_Tag", "Launch_Date", "Name", "LV_Type", "Launch_Site", "LVState")


class GcatDateError(ValueError):
    """A GCAT vague date that cannot be read."""


def gcat_date(text: str) -> EventDate:
    """GCAT's vague UTC date (`1957 Oct  4 1928:34`, `1958 Feb  5 0733`, `1962 Aug  5`, with a
    trailing `?` when uncertain) as a spacetime date at the same precision."""
    m = _DATE.fullmatch(text.strip())
    month = _MONTHS.get(m["month"]) if m else None
    if m is None or month is None:
        raise GcatDateError(
            f"cannot read the date '{text.strip()}' (GCAT writes 1957 Oct  4 1928:34)"
        )
    year, day = int(m["year"]), int(m["day"])
    time = None
    if m["hh"] is not None:
        if int(m["hh"]) > 23 or int(m["mm"]) > 59 or (m["ss"] and int(m["ss"]) > 59):
            raise GcatDateError(f"impossible time of day in '{text.strip()}'")
        time = f"{m['hh']}:{m['mm']}" + (f":{m['ss']}" if m["ss"] else "")
    try:
        from datetime import date

        date(year, month, day)
    except ValueError:
        raise GcatDateError(f"impossible date '{text.strip()}'") from None
    point = Point(
        year, Precision.TIME if time else Precision.DAY, month, day, time, uncertain=bool(m["q"])
    )
    return EventDate(point.edtf(), point, point)


@dataclass(eq=False, repr=False)
class GcatImport:
    """What an import read: the launches in file order, the problems, and the rows seen."""

    launches: list[Launch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    skipped_rows: int = 0
    updated: str = ""
    """GCAT's own `# Updated` line of the launch log, when it has one."""


def _table(
    path: Path | bytes, name: str, key: str
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """A GCAT table (sites or organisations) by its first column, with the header's names."""
    problems: list[Problem] = []
    table: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for number, line in _lines(path, name, problems):
        if line is None:
            continue
        if line.startswith("#"):
            if header is None:
                header = [h.strip() for h in line[1:].split("\t")]
                if not header or header[0] != key:
                    problems.append(
                        Problem(
                            name, number, f"not a GCAT table: its header does not start with #{key}"
                        )
                    )
                    return {}, problems
            continue
        if header is None:
            problems.append(Problem(name, number, f"no #{key} header line before the data"))
            return {}, problems
        cells = [c.strip() for c in line.split("\t")]
        table.setdefault(cells[0], dict(zip(header, cells, strict=False)))
    return table, problems


def _lines(
    path: Path | bytes, name: str, problems: list[Problem]
) -> Iterator[tuple[int, str | None]]:
    """The non-blank lines of a GCAT file (or of its content, downloaded) with their numbers,
    each held to the text law (`spacetime.core.text`): a line holding a control character,
    separator or non-character is reported and comes as None. Only a line feed ends a line (a CR
    before it is part of the ending)."""
    import io

    pattern = re.compile(LINE_FORBIDDEN)
    with (
        io.StringIO(path.decode("utf-8", errors="replace"), newline="\n")
        if isinstance(path, bytes)
        else path.open(encoding="utf-8", errors="replace", newline="\n")
    ) as stream:
        for number, line in enumerate(stream, start=1):
            line = line.removesuffix("\n").removesuffix("\r")
            if bad := pattern.search(line):
                problems.append(Problem(name, number, f"{describe(bad[0])} is not allowed"))
                yield number, None
            elif line.strip():
                yield number, line


def read_gcat(
    launchlog: Path | bytes,
    sites: Path | bytes | None = None,
    orgs: Path | bytes | None = None,
    names: tuple[str, str, str] | None = None,
) -> GcatImport:
    """Read GCAT's launch log (and, when given, its sites and organisations tables), from files or
    from their content (a download; `names` then say what to call them in messages)."""
    shown = names or (str(launchlog), str(sites), str(orgs))
    result = GcatImport()
    site_table: dict[str, dict[str, str]] = {}
    org_table: dict[str, dict[str, str]] = {}
    if sites is not None:
        site_table, problems = _table(sites, shown[1], "Site")
        result.problems += problems
    if orgs is not None:
        org_table, problems = _table(orgs, shown[2], "Code")
        result.problems += problems

    def org_name(code: str) -> str:
        if not org_table:
            return ""
        parts = [org_table.get(part, {}).get("ShortName", "") or part for part in code.split("/")]
        return "/".join(parts) if code not in ("", "-") else ""

    def site_of(code: str) -> Site:
        row = site_table.get(code)
        if row is None:
            return Site(code, "")
        state = row.get("StateCode", "")
        state_name = org_table.get(state, {}).get("ShortName", "") if org_table else ""
        return Site(code, row.get("Name", ""), state, state_name)

    name = shown[0]
    columns: dict[str, int] | None = None
    by_tag: dict[str, int] = {}
    bad: set[str] = set()
    payloads: list[list[str]] = []
    for number, line in _lines(launchlog, name, result.problems):
        if line is None:  # reported
            result.rows += 1
            result.skipped_rows += 1
            continue
        if line.startswith("#"):
            if columns is None:
                header = [h.strip() for h in line[1:].split("\t")]
                columns = {h: i for i, h in enumerate(header)}
                missing = [c for c in (*LAUNCH_COLUMNS, "Launch_Code") if c not in columns]
                if missing:
                    result.problems.append(
                        Problem(
                            name, number, "not a GCAT launch log: no column " + ", ".join(missing)
                        )
                    )
                    return result
            elif line.startswith("# Updated"):
                result.updated = line[len("# Updated") :].strip()
            continue
        if columns is None:
            result.problems.append(
                Problem(name, number, "no #Launch_Tag header line before the data")
            )
            return result
        result.rows += 1
        cells = [c.strip() for c in line.split("\t")]

        def cell(column: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
            index = columns.get(column)
            value = cells[index] if index is not None and index < len(cells) else ""
            return "" if value == "-" else value

        tag = cell("Launch_Tag")
        if len(cells) <= max(columns[c] for c in (*LAUNCH_COLUMNS, "Launch_Code")):
            result.problems.append(
                Problem(name, number, f"{len(cells)} columns where the header has {len(columns)}")
            )
            result.skipped_rows += 1
            continue
        if not tag:
            result.problems.append(Problem(name, number, "no Launch_Tag"))
            result.skipped_rows += 1
            continue
        if tag in by_tag:
            payloads[by_tag[tag]].append(cell("Name"))
            continue
        if tag in bad:
            result.skipped_rows += 1
            continue
        try:
            date = gcat_date(cells[columns["Launch_Date"]])
            kind, success, percent = parse_code(cells[columns["Launch_Code"]])
            gcat_state = cell("LVState")
            state = GCAT_STATES.get(gcat_state)
            if state is None:
                raise ValueError(f"unknown state code '{gcat_state}' (LVState)")
        except ValueError as err:
            result.problems.append(Problem(name, number, f"launch {tag}: {err}"))
            result.skipped_rows += 1
            bad.add(tag)
            continue
        vehicle = cell("LV_Type")
        agency = cell("Agency")
        by_tag[tag] = len(result.launches)
        payloads.append([cell("Name")])
        result.launches.append(
            Launch(
                tag=tag,
                date=date,
                kind=kind,
                success=success,
                percent=percent,
                vehicle=vehicle,
                family=family_of(vehicle),
                state=state,
                gcat_state=gcat_state,
                agency=agency,
                agency_name=org_name(agency),
                site=site_of(cell("Launch_Site")),
                pad=cell("Launch_Pad"),
                flight=cell("Flight_ID"),
                payloads=(),
            )
        )
    if columns is None:
        result.problems.append(Problem(name, 0, "empty file: not a GCAT launch log"))
    result.launches = [
        launch._replace(payloads=tuple(p for p in names_ if p))
        for launch, names_ in zip(result.launches, payloads, strict=True)
    ]
    return result
