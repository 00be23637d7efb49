"""GCAT's launch log as a source: Jonathan McDowell's record of every orbital launch attempt, as a
spacetime launch file (`spacetime.launches.store`) derived from GCAT's own files.

The log in use is the one `spacetime update` renewed (`updated_log()`, in the user data folder)
when there is one, else the bundled one. `update` downloads GCAT's launch log and the sites and
organisations tables it names (or reads a launch log already downloaded), and trusts it only once
it has passed every check (`check`): it reads through the importer without a problem, it is a GCAT
launch log (its header), it has no fewer launches than the log in use (beyond `TOLERANCE`, for
GCAT's own corrections), its last date is no older, and the anchors are there with their dates.
Only then is the new launch file written, with the one atomic write; the validators of what was
downloaded are kept beside it, so that the next `update` asks only for what changed.
"""

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from spacetime.launches import CREDIT
from spacetime.load.sources import (  # the log in use is found there, off the sources' path
    DataFiles,
    bundled_launches_path,
    display_name,
    log_in_use,
    updated_log,
)
from spacetime.sources import SourceFile

if TYPE_CHECKING:
    from spacetime.core.errors import Problem
    from spacetime.launches.gcat import GcatImport

__all__ = [
    "ANCHORS",
    "BASE_URL",
    "CREDIT",
    "FILES",
    "KIND",
    "LICENCE",
    "NAME",
    "TITLE",
    "TOLERANCE",
    "URL_VARIABLE",
    "Freshness",
    "Span",
    "Update",
    "check",
    "describe",
    "display_day",
    "freshness",
    "log_in_use",
    "read_span",
    "recognises",
    "reset",
    "span",
    "update",
    "updated_log",
]

NAME = "gcat"
KIND = "launches"
TITLE = "GCAT launch log"
LICENCE = "CC BY 4.0"
BASE_URL = "https://planet4589.org/space/gcat/"
URL_VARIABLE = "SPACETIME_GCAT_URL"
FILES = ("tsv/derived/launchlog.tsv", "tsv/tables/sites.tsv", "tsv/tables/orgs.tsv")
"""GCAT's launch log, sites and organisations, under its base URL."""
ANCHORS = (
    ("1957 ALP", "1957-10-04", "Sputnik 1"),
    ("1958 ALP", "1958-02-01", "Explorer 1"),
    ("1961 MU", "1961-04-12", "Vostok 1"),
)
"""Launches every GCAT launch log has: tag, UTC day, name (see ../shared/data/gcat/README.md)."""
TOLERANCE = 0.005
"""How much smaller (a share of its launches, and at least 10) a new log may be than the log in
use: GCAT merges or drops a few records as it corrects them."""
_RENEWED = "Renewed by `spacetime update` on "
_EDGE = 4096  # bytes read at each end of a launch file for its freshness


class Span(NamedTuple):
    """What a launch file covers: first and last UTC day, launches, and the day it was renewed by
    `spacetime update` (None when it was not)."""

    first: str | None
    last: str | None
    launches: int
    renewed: str | None


class Update(NamedTuple):
    """What `update` did: the log now in use, whether it was already current, and how many of
    its launches are new."""

    span: Span
    current: bool
    new: int


def recognises(path: Path) -> bool:
    """A spacetime launch file, by its first line."""
    from spacetime.launches.store import is_launch_file

    return is_launch_file(path)


def span(text: str) -> Span:
    """The span of a launch file's text (its launch lines are in date order)."""
    count = text.count("\nL\t")
    first = text.find("\nL\t")
    last = text.rfind("\nL\t")
    header = text[: first if first >= 0 else len(text)]
    at = header.find(_RENEWED)
    renewed = header[at + len(_RENEWED) : at + len(_RENEWED) + 10] if at >= 0 else None
    if not count:
        return Span(None, None, 0, renewed)
    return Span(_day(text, first), _day(text, last), count, renewed)


def _day(text: str, line: int) -> str:
    """The UTC day of the launch line starting after position `line`."""
    return text[line + 1 : text.find("\n", line + 1)].split("\t", 4)[3][:10]


def read_span(path: Path) -> Span:
    """The span of the launch file `path` (OSError when it cannot be read)."""
    from spacetime.core.reading import read_bytes

    return span(read_bytes(path).decode("utf-8", errors="replace"))


class Freshness(NamedTuple):
    """How fresh the log in use is: its last day, and the line that says so after the credit."""

    last: str
    line: str


def freshness(files: DataFiles) -> Freshness | None:
    """The freshness of the log in use among `files` ("GCAT launch log to 8 Dec 2024 (bundled)"
    or "(updated 6 Dec 2026)"); None when `files` have no launch log, or it has no launch. Only
    the file's head and tail are read."""
    if not files.launches:
        return None
    path = files.launches[0]
    try:
        with path.open("rb") as stream:
            head = stream.read(_EDGE).decode("utf-8", errors="replace")
            stream.seek(max(0, stream.seek(0, 2) - _EDGE))
            tail = stream.read(_EDGE).decode("utf-8", errors="replace")
    except OSError:
        return None
    last = tail.rfind("\nL\t")
    if last < 0:
        return None
    renewed = span(head).renewed
    if renewed is not None:
        how = f"updated {display_day(renewed)}"
    elif path == bundled_launches_path():
        how = "bundled"
    else:
        how = f"from {files.launch_names[0]}"
    end = _day(tail, last)
    return Freshness(end, f"{TITLE} to {display_day(end)} ({how})")


def display_day(day: str) -> str:
    """`2024-12-08` as "8 Dec 2024"."""
    from spacetime.core.dates import MONTH_ABBR

    return f"{int(day[8:10])} {MONTH_ABBR[int(day[5:7]) - 1]} {day[:4]}"


def describe(files: DataFiles, cache: Path | None) -> list[SourceFile]:
    """The launch files of `files`, each read and checked (as every launch command reads it)."""
    from spacetime.launches.model import Kind
    from spacetime.launches.store import LaunchFile

    found: list[SourceFile] = []
    bundled = bundled_launches_path().resolve()
    renewed = updated_log(files.folder).resolve() if files.folder is not None else None
    for path, name in zip(files.launches, files.launch_names, strict=True):
        opened = LaunchFile(path, name)
        launches = opened.launches()  # a line that does not read is reported here
        got = span(opened.text)
        origin = (
            "bundled"
            if path.resolve() == bundled
            else "updated"
            if path.resolve() == renewed
            else "yours"
        )
        counts = {
            "launches": got.launches,
            "off_earth": sum(launch.kind is Kind.OFF_EARTH for launch in launches),
            "payloads": opened.text.count(" | ") + got.launches,
        }
        found.append(
            SourceFile(
                NAME, KIND, TITLE, display_name(path), path, origin, got.first, got.last, counts,
                got.renewed, CREDIT, LICENCE,
            )
        )  # fmt: skip
    return found


def check(result: "GcatImport", name: str, old: Span | None) -> "list[Problem]":
    """Why a GCAT launch log just read may not replace the log in use (`old`): nothing when it
    may (see the module's notes)."""
    from spacetime.core.errors import Problem

    if result.problems:
        first, more = result.problems[0], len(result.problems) - 1
        return [
            first._replace(message=f"{first.message} (and {more} more problems)") if more else first
        ]
    problems: list[Problem] = []
    days = {launch.tag: launch.date.text[:10] for launch in result.launches}
    for tag, day, title in ANCHORS:
        if days.get(tag) != day:
            problems.append(Problem(name, 0, f"{title} ({tag}, {day}) is not in it"))
    last = max(days.values(), default=None)
    if old is not None and old.last is not None and (last is None or last < old.last):
        problems.append(
            Problem(
                name, 0, f"its last launch ({last}) is older than the log in use's ({old.last})"
            )
        )
    if old is not None and len(days) < old.launches - max(10, int(old.launches * TOLERANCE)):
        problems.append(
            Problem(
                name,
                0,
                f"{len(days):,} launches where the log in use has {old.launches:,} "
                "(a cut or partial file?)",
            )
        )
    return problems


def _gcat_header(body: bytes, name: str) -> "list[Problem]":
    """A refusal when `body` does not begin as GCAT's launch log does (an HTML page, an error
    text, an empty answer)."""
    from spacetime.core.errors import Problem, printable

    start = body.lstrip()[:200].decode("utf-8", errors="replace")
    if start.startswith("#Launch_Tag"):
        return []
    if not start:
        return [Problem(name, 0, "empty: not a GCAT launch log")]
    first = printable(start.splitlines()[0][:60])
    what = "an HTML page, not" if start.startswith("<") else "not"
    return [Problem(name, 1, f"{what} GCAT's launch log (it begins '{first}')")]


def update(
    *,
    base: str | None = None,
    from_file: Path | None = None,
    timeout: float | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    env: Mapping[str, str],
    today: date,
) -> Update:
    """Renew the log in use from GCAT's site at `base` (else `$SPACETIME_GCAT_URL`, else GCAT's
    own), or from the launch log `from_file` (with `sites.tsv` and `orgs.tsv` beside it when they
    are there). Raises `DataError` (exit 3) when the new log fails a check, `FetchError` (exit 4)
    when a download fails, `FileProblem` (exit 4) when it cannot be written: the log in use is
    then as it was. `progress(url, done, total)` follows each download. `env`: the environment
    variables (`SPACETIME_GCAT_URL`, the proxies, those that place the user data folder)."""
    from spacetime.core.errors import DataError
    from spacetime.core.files import write_file
    from spacetime.launches.gcat import read_gcat
    from spacetime.launches.store import launch_file_text
    from spacetime.load.places import user_data_dir
    from spacetime.sources import fetch

    folder = user_data_dir(env)
    in_use = log_in_use(folder)
    old_text = _read_input(in_use).decode("utf-8", errors="replace")
    old = span(old_text)
    target = updated_log(folder)
    if from_file is not None:
        names = (str(from_file), *(str(from_file.with_name(Path(f).name)) for f in FILES[1:]))
        bodies: list[bytes | None] = [_read_input(Path(names[0]))]
        bodies += [_read_input(Path(n)) if Path(n).is_file() else None for n in names[1:]]
        got: list[fetch.Fetched] = []
        origin = str(from_file)
    else:
        root = base or env.get(URL_VARIABLE) or BASE_URL
        root = root if root.endswith("/") else root + "/"
        urls = [root + file for file in FILES]
        names = tuple(urls)
        saved = fetch.load_validators(target) if in_use == target else {}
        limit = timeout or fetch.DEFAULT_TIMEOUT

        def get(url: str, conditional: bool) -> fetch.Fetched:
            report = (lambda done, total: progress(url, done, total)) if progress else None
            known = saved.get(url) if conditional else None
            return fetch.fetch(url, validators=known, timeout=limit, progress=report, env=env)

        got = [get(url, True) for url in urls]
        if all(answer.body is None for answer in got):
            return Update(old, True, 0)
        got = [answer if answer.body is not None else get(answer.url, False) for answer in got]
        bodies = [answer.body for answer in got]
        origin = root
    log, sites, orgs = bodies
    assert log is not None
    problems = _gcat_header(log, names[0])
    if problems:
        raise DataError(problems)
    result = read_gcat(log, sites, orgs, (names[0], names[1], names[2]))
    problems = check(result, names[0], old)
    if problems:  # one line, every reason
        raise DataError([problems[0]._replace(message="; ".join(p.message for p in problems))])
    days = sorted(launch.date.text[:10] for launch in result.launches)
    notes = [
        f"{_RENEWED}{today.isoformat()} from {origin}"
        + (f" (GCAT updated {result.updated})" if result.updated else ""),
        f"{len(result.launches)} launches from {days[0]} to {days[-1]}",
    ]
    text = launch_file_text(result.launches, notes)
    _make_folder(target.parent)
    write_file(target, text)
    if got:
        fetch.save_validators(target, {answer.url: answer.validators for answer in got})
    else:
        fetch.validators_path(target).unlink(missing_ok=True)
    old_tags = set(_tags(old_text))
    new = sum(1 for launch in result.launches if launch.tag not in old_tags)
    return Update(span(text), False, new)


def _tags(text: str) -> list[str]:
    import re

    return re.findall(r"\nL\t[^\t\n]*\t([^\t\n]*)\t", text)


def _read_input(path: Path) -> bytes:
    from spacetime.core.errors import FileProblem
    from spacetime.core.files import describe
    from spacetime.core.reading import read_bytes

    try:
        return read_bytes(path)
    except OSError as err:
        raise FileProblem(describe(path, err, "read")) from None


def _make_folder(folder: Path) -> None:
    from spacetime.core.errors import FileProblem
    from spacetime.core.files import describe

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise FileProblem(describe(folder, err, "create")) from None


def reset(folder: Path) -> bool:
    """Go back to the bundled log: the renewed one in the user data folder `folder` and its
    validators are removed. False when there was none."""
    from spacetime.core.errors import FileProblem
    from spacetime.core.files import describe
    from spacetime.sources.fetch import validators_path

    target = updated_log(folder)
    try:
        validators_path(target).unlink(missing_ok=True)
        if not target.exists():
            return False
        target.unlink()
    except OSError as err:
        raise FileProblem(describe(target, err, "remove")) from None
    return True
