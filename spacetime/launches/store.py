"""spacetime's launch file: what `spacetime import gcat` writes and every launch command reads.

A UTF-8, tab-separated text file, small and quick to read (no YAML, no cache needed):

    # spacetime launches/1
    # Launch data: GCAT, Jonathan McDowell, https://planet4589.org (CC BY 4.0)
    # ...more comment lines (where the data came from)
    S <TAB> site code <TAB> name <TAB> GCAT state code <TAB> state name
    A <TAB> agency code <TAB> name
    L <TAB> state <TAB> tag <TAB> date <TAB> code <TAB> vehicle <TAB> family <TAB> GCAT state
      <TAB> agency <TAB> site code <TAB> pad <TAB> flight <TAB> payload | payload | ...

`state` is the spacetime entity code of the vehicle's state, `date` the EDTF form of GCAT's UTC
date (`1957-10-04T19:28:34Z`, `1962-08-05?`), `code` GCAT's `Launch_Code` (`OS`, `OF40`, `DS`).
Sites and agencies are written once and referred to by code. Launch lines are in date order, then
tag. A query for some states finds their lines by text search and builds only those launches.

A launch file opened as of a day (`--as-of`) shows only the launches of that UTC day or earlier:
every way of reading it (all launches, some states', one day's, one tag, the cadence tallies)
leaves the later ones out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spacetime.core.dates import EventDate, Point, Precision
from spacetime.core.errors import DataError, Problem, quoted
from spacetime.core.reading import read_bytes
from spacetime.core.text import LINE_FORBIDDEN, describe
from spacetime.launches.model import CREDIT, Kind, Launch, Site, parse_code

if TYPE_CHECKING:
    from spacetime.load.sources import DataFiles

__all__ = ["MAGIC", "LaunchFile", "is_launch_file", "launch_file_text", "launch_files"]

MAGIC = "# spacetime launches/1"
SEPARATOR = " | "
_LAUNCH_FIELDS = 13


def is_launch_file(path: Path) -> bool:
    """Whether `path` is a spacetime launch file (by its first line); False when unreadable."""
    try:
        if not path.is_file():  # a FIFO would wait for a writer; a device is refused later
            return False
        with path.open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC.encode()
    except OSError:
        return False


def launch_file_text(launches: Sequence[Launch], notes: Sequence[str] = ()) -> str:
    """The launch file for `launches` (sorted here by date, then tag), with comment `notes`."""
    ordered = sorted(launches, key=lambda launch: (launch.date.sort_key(), launch.tag))
    lines = [MAGIC, f"# {CREDIT}", *(f"# {note}" for note in notes)]
    sites: dict[str, Site] = {}
    agencies: dict[str, str] = {}
    for launch in ordered:
        sites.setdefault(launch.site.code, launch.site)
        if launch.agency_name:
            agencies.setdefault(launch.agency, launch.agency_name)
    lines += ["\t".join(_clean(f) for f in ("S", *s)) for _, s in sorted(sites.items())]
    lines += ["\t".join(_clean(f) for f in ("A", *a)) for a in sorted(agencies.items())]
    for launch in ordered:
        fields = (
            "L", launch.state, launch.tag, launch.date.text, launch.code, launch.vehicle,
            launch.family, launch.gcat_state, launch.agency, launch.site.code, launch.pad,
            launch.flight, SEPARATOR.join(_clean(p).replace("|", "/") for p in launch.payloads),
        )  # fmt: skip
        lines.append("\t".join(_clean(f) for f in fields))
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def launch_files(files: DataFiles) -> list[LaunchFile]:
    """The launch files of `files`, in order, opened as of `files.as_of` (when set)."""
    return [
        LaunchFile(path, name, files.as_of)
        for path, name in zip(files.launches, files.launch_names, strict=True)
    ]


class LaunchFile:
    """One launch file, read as text; launches are built from their lines on demand. With
    `as_of` (`YYYY-MM-DD`), launches after that UTC day are not in it."""

    def __init__(self, path: Path, name: str | None = None, as_of: str | None = None) -> None:
        self.name = name or str(path)
        self.as_of = as_of
        try:
            data = read_bytes(path)
            self.text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else "not UTF-8 text"
            raise DataError(
                [Problem(self.name, 0, f"cannot read the launch file: {reason}")]
            ) from None
        if "\r" in self.text:  # a CRLF line ending reads as a line ending; a lone CR is refused
            self.text = self.text.replace("\r\n", "\n")
        if data.translate(None, _PLAIN):  # not plain printable ASCII: the full check
            _check_text(self.text, self.name)
        if not self.text.startswith(MAGIC):
            raise DataError(
                [Problem(self.name, 1, f"not a spacetime launch file (no '{MAGIC}' line)")]
            )
        first = self.text.find("\nL\t")
        self.body = first + 1 if first >= 0 else len(self.text)
        covers = re.search(_COVERS, self.text[: self.body], re.MULTILINE)
        self.last: str | None = covers[1] if covers else None
        """The file's own last day (its note `N launches from A to B`): no launch is later."""
        self.sites: dict[str, Site] = {}
        self.agencies: dict[str, str] = {}
        problems: list[Problem] = []
        for number, line in enumerate(self.text[: self.body].split("\n"), start=1):
            cells = line.split("\t")
            if not line or line[0] == "#":
                continue
            if cells[0] == "S" and len(cells) == 5:
                self.sites[cells[1]] = Site(cells[1], cells[2], cells[3], cells[4])
            elif cells[0] == "A" and len(cells) == 3:
                self.agencies[cells[1]] = cells[2]
            else:
                problems.append(Problem(self.name, number, _NOT_A_LINE))
        if problems:
            raise DataError(problems)
        self._codes: dict[str, tuple[Kind, bool, int | None]] = {}
        if wrong := re.compile(_WRONG_DATE).search(self.text, self.body - 1):
            self._launch(wrong.start() + 1)  # reports it at its line
        if self.last is not None and (final := self.text.rfind("\nL\t")) >= self.body - 1:
            self._launch(final + 1)  # the latest launch (lines are in date order): not after last

    def launches(self, states: Iterable[str] | None = None) -> list[Launch]:
        """Every launch of the file in its order, or those of the given entity codes only."""
        text = self.text
        if states is None:
            positions = [self.body]
            at = text.find("\n", self.body)
            while 0 <= at < len(text) - 1:
                positions.append(at + 1)
                at = text.find("\n", at + 1)
        else:
            positions = []
            for state in states:
                needle = f"\nL\t{state}\t"
                at = text.find(needle, self.body - 1)
                while at >= 0:
                    positions.append(at + 1)
                    at = text.find(needle, at + 1)
            positions.sort()
        found = [self._launch(p) for p in positions if p < len(text)]
        if states is None:
            self._no_repeated_tags(found, positions)
        if self.as_of is not None:
            return [launch for launch in found if launch.date.text[:10] <= self.as_of]
        return found

    def _no_repeated_tags(self, found: list[Launch], positions: list[int]) -> None:
        """A tag is one launch: a second line with the same tag is a problem at that line."""
        first: dict[str, int] = {}
        problems: list[Problem] = []
        for launch, position in zip(found, positions, strict=False):
            at = first.setdefault(launch.tag, position)
            if at != position:
                problems.append(
                    Problem(
                        self.name,
                        self._line_of(position),
                        f"duplicate launch tag {quoted(launch.tag)} (first at line "
                        f"{self._line_of(at)})",
                    )
                )
        if problems:
            raise DataError(problems)

    def _line_of(self, position: int) -> int:
        return self.text.count("\n", 0, position) + 1

    def on_day(self, day: str) -> list[Launch]:
        """The launches of one UTC day (`YYYY-MM-DD`), found by text search."""
        text = self.text
        found: list[Launch] = []
        if self.as_of is not None and day > self.as_of:
            return found
        at = text.find(f"\t{day}", self.body)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            launch = self._launch(start)
            if launch.date.text[:10] == day and (not found or found[-1].tag != launch.tag):
                found.append(launch)
            at = text.find(f"\t{day}", at + 1)
        return found

    def find(self, key: str) -> Launch | None:
        """The launch whose tag reduces to `key` (see `model.tag_key`), or None."""
        from spacetime.launches.model import tag_key

        text = self.text
        at = text.find(f"\t{key[:4]}", self.body)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            cells = text[start : start + 64].split("\t", 3)
            if len(cells) > 2 and cells[0] == "L" and tag_key(cells[2]) == key:
                launch = self._launch(start)
                if self.as_of is not None and launch.date.text[:10] > self.as_of:
                    return None
                return launch
            at = text.find(f"\t{key[:4]}", at + 1)
        return None

    def names(self) -> tuple[dict[str, str], set[str]]:
        """The vehicles (each with its family) and agency codes of every launch of the file,
        whatever its day, read by one regular-expression pass without building launches."""
        found = re.compile(_NAMES).findall(self.text, self.body - 1)
        return {vehicle: family for vehicle, family, _ in found}, {agency for *_, agency in found}

    def tallies(self, states: Iterable[str]) -> Counter[tuple[str, str, str]]:
        """How many launches of the given entity codes there are per (state, year, GCAT's pass
        mark: `S` for a success), read by one regular-expression pass over the lines without
        building launches (what cadence counts need)."""
        wanted = sorted(set(states))
        if not wanted:
            return Counter()
        tagged = self.tagged_tallies(wanted)
        return Counter(tagged.values())

    def tagged_tallies(self, states: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """Tag -> (state, year, pass mark) for the launches of the given entity codes (to count
        a tag found in several files once)."""
        wanted = sorted(set(states))
        if not wanted:
            return {}
        found = self._tally_pattern(wanted).findall(self.text, self.body - 1)
        first, last = str(FIRST_YEAR), (self.last or "9999")[:4]  # the years it may hold
        if any(not mark or not first <= y <= last for _, _, y, _, _, mark in found):
            self.launches(wanted)  # reports the line that does not read (see `_point`)
        if self.as_of is None:
            return {tag: (s, y, mark) for s, tag, y, _, kind, mark in found if kind != "X"}
        as_of = self.as_of
        return {
            tag: (s, y, mark)
            for s, tag, y, rest, kind, mark in found
            if y + rest <= as_of and kind != "X"
        }

    def _tally_pattern(self, states: list[str]) -> re.Pattern[str]:
        """A launch line of these states: state, tag, year, rest of the day, kind letter and
        pass mark (the launch code's letters); a line of these states that does not read as one
        matches with an empty mark."""
        return re.compile(
            f"\\nL\\t({'|'.join(map(re.escape, states))})\\t"
            "(?:([^\\t\\n]*)\\t([0-9]{4})(-[^\\t\\n]{5})[^\\t\\n]*\\t([^\\t\\n])([^\\t\\n])|[^\\n]*)"
        )

    def _launch(self, position: int) -> Launch:
        end = self.text.find("\n", position)
        cells = self.text[position : end if end >= 0 else None].split("\t")
        try:
            if len(cells) != _LAUNCH_FIELDS or cells[0] != "L":
                raise ValueError(_NOT_A_LINE)
            _, state, tag, date, code, vehicle, family, gcat, agency, site, pad, flight, names = (
                cells
            )
            decoded = self._codes.get(code) or self._codes.setdefault(code, parse_code(code))
            point = _point(date, self.last)
        except ValueError as err:
            raise DataError([Problem(self.name, self._line_of(position), str(err))]) from None
        return Launch(
            tag, EventDate(date, point, point), decoded[0], decoded[1], decoded[2], vehicle,
            family, state, gcat, agency, self.agencies.get(agency, ""),
            self.sites.get(site) or Site(site, ""), pad, flight,
            tuple(names.split(SEPARATOR)) if names else (),
        )  # fmt: skip


# Compiled on first use (by `re`'s own cache): only a query by launch names reads them.
_NAMES = r"\nL(?:\t[^\t\n]*){4}\t([^\t\n]*)\t([^\t\n]*)\t[^\t\n]*\t([^\t\n]*)\t"
_NOT_A_LINE = "not a launch (L), site (S) or agency (A) line"


_PLAIN = bytes(range(0x20, 0x7F)) + b"\t\n"


def _check_text(text: str, name: str) -> None:
    """The text law (`spacetime.core.text`) over the whole file in one pass: a control character,
    separator or non-character anywhere is a problem at its line."""
    pattern = re.compile(LINE_FORBIDDEN)
    found = pattern.search(text)
    if found is None:
        return
    problems: list[Problem] = []
    line, at = 1, 0
    for match in pattern.finditer(text, found.start()):
        line += text.count("\n", at, match.start())
        at = match.start()
        if not problems or problems[-1].line != line:
            problems.append(
                Problem(name, line, f"{describe(match[0])} is not allowed in a launch file")
            )
    raise DataError(problems)


FIRST_YEAR = 1957
"""The year of the first launch (Sputnik 1): no launch file holds an earlier one."""
_DATE = r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?Z)?(\?)?"
_WRONG_DATE = (
    r"\nL\t[^\t\n]*+\t[^\t\n]*+\t(?!(?:19(?:5[7-9]|[6-9][0-9])|2[0-9]{3})-(?:0[1-9]|1[0-2])-"
    r"(?:0[1-9]|[12][0-9]|3[01])(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?Z)?\??\t)"
)
"""A launch line whose date is out of shape or range, found in one pass when the file is opened
(the day of the month and the file's last day are checked as each launch is built). The fields
before the date are matched possessively and the years share their "19": a tenth faster."""
_COVERS = r"^# [0-9,]+ launches from [0-9]{4}-[0-9]{2}-[0-9]{2} to ([0-9]{4}-[0-9]{2}-[0-9]{2})$"


def _point(text: str, last: str | None) -> Point:
    """A launch date as the file writes it: `YYYY-MM-DD`, or with `THH:MM[:SS]Z`; `?` at the end.
    It must be a real UTC date and time, from 1957 to the file's own last day `last` (when the
    file states one); ValueError otherwise."""
    found = _date_shape(text)
    if found is None:
        raise ValueError(f"cannot read the date {quoted(text)}")
    year, month, day, hour, minute, second, uncertain = found.groups()
    y, m, d = int(year), int(month), int(day)
    # (every month has a 28th; hours, minutes and seconds are two digits, compared as text)
    real_day = (y >= 1 and 1 <= m <= 12 and 1 <= d <= 28) or _real_day(y, m, d)
    real_time = hour is None or (hour <= "23" and minute <= "59" and (second or "00") <= "59")
    if not (real_day and real_time):
        raise ValueError(f"cannot read the date {quoted(text)}: not a real UTC date and time")
    if y < FIRST_YEAR:
        raise ValueError(
            f"cannot read the date {quoted(text)}: before {FIRST_YEAR}, the first launch"
        )
    if last is not None and text[:10] > last:
        raise ValueError(
            f"cannot read the date {quoted(text)}: after {last}, the file's own last day"
        )
    if hour is None:
        return Point(y, Precision.DAY, m, d, None, False, uncertain is not None)
    return Point(y, Precision.TIME, m, d, text[11 : text.index("Z")], False, uncertain is not None)


_date_shape = re.compile(_DATE).fullmatch  # (the module is imported only to read launch files)


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
