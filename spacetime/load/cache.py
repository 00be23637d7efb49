"""A cache of parsed, validated timelines in the user cache folder, keyed by the files' bytes.

The key is a BLAKE2 hash of spacetime's version, the layout of what is cached, the ISO 3166-1
table merged with the entities, and every file's name and full content, so any change to any file (even one that keeps its size and modification
time) misses. The layout is derived from the definitions themselves (the fields of `Event`,
`Entity`, `Term`, `EventDate`, `Point`, the enums and the engine's search row), never from a number
to bump by hand: change a definition and older entries are simply not looked up.

An entry is a header (a magic line and a CRC-32 of the rest: a checksum made to catch damaged
bytes, six times as fast as BLAKE2 over a megabyte; the key, which must tell contents apart, stays
BLAKE2), a `marshal` head (the vocabularies as plain tuples, the file names, and the offsets of the
records) and then the records: the engine's search row of every event, then every event as its
fields, each its own `marshal` record. A timeline read from an entry holds the entry's bytes and
reads a record when it is asked for, never keeping it: a query reads the rows one by one and builds
only its matches, and the memory a large timeline takes is about its entry's size (a quarter of its
objects'). Before an entry is used its checksum is checked and its shape (every record of the
vocabularies, and the first and last row and event, a tuple of the right width; those events and
the vocabulary rebuilt); an entry that does not check out is a miss, removed when possible and
rebuilt, never trusted. A cache folder that cannot be read or written (missing, read-only, not a
folder) costs speed only. Entries are written through `spacetime.core.files` (unique temporary
names; no `fsync`, since a damaged entry is caught by its checksum); leftover temporary files of an
interrupted write are removed. The folder is safe to delete at any time; the caller names it
(the command line's comes from its `Environment`: `SPACETIME_NO_CACHE=1` turns the cache off and
`SPACETIME_CACHE_DIR` moves it). Only the newest entries are kept: at most `KEEP` of them,
together at most `BUDGET` bytes (the oldest are removed first; an entry larger than the whole
budget is not written). Only regular files are read (`spacetime.core.reading`): a FIFO or device
in the folder is a miss, never a wait. `spacetime cache info` and `cache clear` show and empty it.

A cache hit imports neither the YAML parser nor the validator.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacetime import __version__
from spacetime.core.dates import EventDate, Point, Precision
from spacetime.core.model import (
    Category,
    Entity,
    EntityKind,
    Event,
    Milestone,
    Moment,
    Origin,
    Status,
    Term,
)
from spacetime.core.reading import read_bytes
from spacetime.core.record import record_fields
from spacetime.core.timeline import Timeline, paused_gc
from spacetime.engine.index import row_fields, row_layout
from spacetime.load.sources import DataFiles

if TYPE_CHECKING:
    from spacetime.load.yamlread import Parsed

__all__ = ["BUDGET", "checksum", "clear", "entries", "layout", "load_cached"]

KEEP = 16
BUDGET = 300 * 2**20
"""The most bytes the entries take together (300 MiB: a 100,000-event timeline takes ~52 MiB)."""
MAGIC = b"spacetime cache\n"
DIGEST_SIZE = 4
HEADER = len(MAGIC) + DIGEST_SIZE
RECORDS = {"entities": Entity, "milestones": Milestone, "categories": Category, "events": Event}


def layout() -> str:
    """What the cached tuples are made of, as text: every field of every cached definition."""
    parts = [f"{cls.__name__}({', '.join(f'{name}: {kind}' for name, kind in record_fields(cls))})"
             for cls in (Event, Entity, Term, Milestone, EventDate)]  # fmt: skip
    parts += [f"Point{Point._fields}", f"Origin{Origin._fields}", row_layout()]
    parts += [f"records at {sys.byteorder}-endian 8-byte offsets, checked by CRC-32"]
    parts += [
        f"{e.__name__}{[m.value for m in e]}" for e in (Precision, Status, EntityKind, Moment)
    ]
    return "; ".join(parts)


def load_cached(
    files: DataFiles,
    given: dict[Path, bytes] | None = None,
    parsed: dict[Path, Parsed] | None = None,
    *,
    folder: Path | None,
    keep: bool = False,
) -> Timeline:
    """The timeline of `files`, from the cache in `folder` (None: no cache) when their bytes are
    unchanged; `given` holds the bytes to use for some of the paths instead of theirs on disk (an
    edit about to be written), `parsed` the documents already made of some of them (read on a miss
    instead of parsing). `keep`: the timeline lives as long as the process (a command), so what
    is built is frozen out of the collector's sight (see `spacetime.core.timeline.paused_gc`)."""
    given = given or {}
    if folder is None:
        with paused_gc(freeze=keep):
            return _load(files, given)
    try:
        contents = [given[p] if p in given else read_bytes(p) for p in files.paths]
    except OSError:
        return _load(files, given)  # reports the unreadable file
    entry = folder / f"{_key(files, contents)}.marshal"
    with paused_gc(freeze=keep):
        cached = _read(entry)
        if cached is not None:
            return cached
        timeline = _load(files, {**dict(zip(files.paths, contents, strict=True)), **(parsed or {})})
        _write(entry, _body(timeline))
    return timeline


def _blake2b() -> Any:
    try:
        from _blake2 import blake2b  # the same hash without loading OpenSSL (faster start-up)
    except ImportError:  # pragma: no cover - other Python implementations
        from hashlib import blake2b
    return blake2b


def checksum(pieces: Iterable[bytes | memoryview]) -> bytes:
    """The CRC-32 of the pieces one after another, as an entry's header carries it."""
    from zlib import crc32

    value = 0
    for piece in pieces:
        value = crc32(piece, value)
    return value.to_bytes(DIGEST_SIZE, "big")


def _key(files: DataFiles, contents: list[bytes]) -> str:
    from spacetime.load.sources import countries_path

    digest = _blake2b()(f"{__version__}\0{layout()}".encode(), digest_size=20)
    digest.update(read_bytes(countries_path()))  # merged with every timeline's entities
    for name, content in zip(files.names, contents, strict=True):
        digest.update(f"\0{name}\0{len(content)}\0".encode())
        digest.update(content)
    return str(digest.hexdigest())


def _load(files: DataFiles, contents: Mapping[Path, bytes | Parsed] | None = None) -> Timeline:
    from spacetime.load.loader import load_timeline

    return load_timeline(files.paths, files.names, contents)


# How each kind of field is stored (by its declared type); any other field is stored as it is.
def _date_out(d: EventDate) -> tuple[Any, ...]:
    return (d.text, _point_out(d.start), _point_out(d.end), d.interval)


def _point_out(p: Point | None) -> tuple[Any, ...] | None:
    return None if p is None else (p.year, int(p.precision), *p[2:])


_PRECISIONS = list(Precision)


def _point_in(values: tuple[Any, ...] | None) -> Point | None:
    if values is None:
        return None
    year, precision, *rest = values
    return Point(year, _PRECISIONS[precision], *rest)


def _date_in(values: tuple[Any, ...]) -> EventDate:
    text, start, end, interval = values
    first = _point_in(start)
    return EventDate(text, first, first if end == start else _point_in(end), interval)


def _value(member: Status | EntityKind | Moment) -> str:
    return member.value


def _maybe(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


OUT: dict[str, Callable[[Any], Any]] = {
    "EventDate": _date_out,
    "EventDate | None": _maybe(_date_out),
    "Status": _value,
    "EntityKind": _value,
    "Moment | None": _maybe(_value),
}


def _member(kind: type[Status | EntityKind | Moment]) -> Callable[[str], Any]:
    """The member of `kind` with a value (KeyError for none: the entry is a miss), found by one
    dictionary look-up rather than a call of the enum."""
    return {member.value: member for member in kind}.__getitem__


IN: dict[str, Callable[[Any], Any]] = {
    "EventDate": _date_in,
    "EventDate | None": _maybe(_date_in),
    "Status": _member(Status),
    "EntityKind": _member(EntityKind),
    "Moment | None": _maybe(_member(Moment)),
}


def _encoder(cls: type, origin: Callable[[Origin], Any]) -> Callable[[Any], tuple[Any, ...]]:
    names = [name for name, _ in record_fields(cls)]
    kinds = [kind for _, kind in record_fields(cls)]
    get = attrgetter(*names)
    special = [(i, origin if k == "Origin" else OUT[k]) for i, k in enumerate(kinds)
               if k == "Origin" or k in OUT]  # fmt: skip

    def encode(record: Any) -> tuple[Any, ...]:
        values = list(get(record))
        for i, convert in special:
            values[i] = convert(values[i])
        return tuple(values)

    return encode


def _decoder(cls: type, origin: Callable[[Any], Origin]) -> Callable[[tuple[Any, ...]], Any]:
    kinds = [kind for _, kind in record_fields(cls)]
    special = [(i, origin if k == "Origin" else IN[k]) for i, k in enumerate(kinds)
               if k == "Origin" or k in IN]  # fmt: skip

    def decode(row: tuple[Any, ...]) -> Any:
        values = list(row)
        for i, convert in special:
            values[i] = convert(values[i])
        return cls(*values)

    return decode


def _body(timeline: Timeline) -> tuple[bytes, ...]:
    """An entry's body, in pieces: the vocabularies and where each record lies, then every search
    row and every event as its own `marshal` record (see `_unpack`)."""
    from spacetime.engine.index import rows

    files = {name: i for i, name in enumerate(timeline.files)}

    def where(origin: Origin) -> tuple[int, int]:
        return files.get(origin.file, -1), origin.line

    head: dict[str, Any] = {
        "files": list(timeline.files),
        "replaced": list(timeline.replaced.items()),
    }
    vocabulary = {
        "entities": timeline.entities.values(),
        "milestones": timeline.milestones.values(),
        "categories": timeline.categories.values(),
    }
    for key, records in vocabulary.items():
        encode = _encoder(RECORDS[key], where)
        head[key] = [encode(r) for r in records]
    encode = _encoder(Event, where)
    blobs = [marshal.dumps(row) for row in rows(timeline)]
    blobs += [marshal.dumps(encode(event)) for event in timeline.events]
    return _pack(head, blobs)


def _pack(head: dict[str, Any], blobs: list[bytes]) -> tuple[bytes, ...]:
    """The head (with the offsets of the records added) and the records one after another, as
    pieces to write (never joined: a copy of the whole entry would cost its size again)."""
    from array import array
    from itertools import accumulate

    offsets = array("Q", accumulate(map(len, blobs), initial=0))
    packed = marshal.dumps({**head, "offsets": offsets.tobytes()})
    return (len(packed).to_bytes(8, "little"), packed, *blobs)


class Records(Sequence[Any]):
    """The `marshal` records of an entry, each read when it is asked for and never kept: the
    entry's bytes are held, not the objects of every record (a timeline of 100,000 events takes
    about a quarter of the memory). (Plain `Any`: a generic class costs start-up time.)"""

    __slots__ = ("_offsets", "_region")

    def __init__(self, region: memoryview, offsets: memoryview) -> None:
        self._region = region
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, position: Any) -> Any:
        count = len(self._offsets) - 1
        if type(position) is not int or not -count <= position < count:
            raise IndexError(position)
        position %= count
        return marshal.loads(self._region[self._offsets[position] : self._offsets[position + 1]])

    def __iter__(self) -> Iterator[Any]:
        region, offsets, loads = self._region, self._offsets, marshal.loads
        return (loads(region[start:end]) for start, end in pairwise(offsets))

    def part(self, start: int, stop: int) -> Records:
        """The records from `start` up to `stop` (not included), read the same way."""
        return Records(self._region, self._offsets[start : stop + 1])


def _unpack(body: memoryview) -> tuple[dict[str, Any], Records]:
    """The head of an entry's body and its records; ValueError when they do not fit together."""
    size = int.from_bytes(body[:8], "little")
    head = marshal.loads(body[8 : 8 + size])
    if type(head) is not dict or type(head.get("offsets")) is not bytes:
        raise ValueError("not a spacetime cache entry")
    offsets = memoryview(head.pop("offsets")).cast("Q")
    region = body[8 + size :]
    if not offsets or offsets[0] != 0 or offsets[-1] != len(region):
        raise ValueError("records do not fit the entry")
    return head, Records(region, offsets)


def _timeline(body: memoryview) -> Timeline:
    """The timeline an entry holds; ValueError (or any other error) when it does not fit."""
    payload, records = _unpack(body)
    if set(payload) != {"entities", "milestones", "categories", "files", "replaced"}:
        raise ValueError("not a spacetime cache entry")
    replaced = payload["replaced"]
    if type(replaced) is not list or not all(
        type(pair) is tuple and len(pair) == 2 and all(type(x) is str for x in pair)
        for pair in replaced
    ):
        raise ValueError("bad list of replaced events")
    names: list[str] = payload["files"]
    if type(names) is not list or not all(type(n) is str for n in names):
        raise ValueError("bad file list")
    count, odd = divmod(len(records), 2)
    if odd:
        raise ValueError("one search row per event")
    tables = {
        **{key: payload[key] for key in ("entities", "milestones", "categories")},
        "rows": records.part(0, count),
        "events": records.part(count, 2 * count),
    }
    widths = {key: len(record_fields(cls)) for key, cls in RECORDS.items()} | {
        "rows": len(row_fields())
    }
    for key, width in widths.items():
        table = tables[key]
        # every record of the vocabularies; the first and last row and event (the rest were
        # written alike, and the checksum vouches for their bytes)
        ends = [table[0], table[-1]] if key in ("rows", "events") and table else table
        if type(table) not in (list, Records) or not all(
            type(r) is tuple and len(r) == width for r in ends
        ):
            raise ValueError(f"{key} do not fit the layout")

    def origin(where: tuple[int, int]) -> Origin:
        index, line = where
        return Origin(names[index] if index >= 0 else "?", line)

    decode = {key: _decoder(cls, origin) for key, cls in RECORDS.items()}
    vocabulary = {
        key: {r[0]: decode[key](r) for r in payload[key]}
        for key in ("entities", "milestones", "categories")
    }
    make, events = decode["events"], tables["events"]
    if count:  # the first and the last event must be rebuilt, or nothing is used
        make(events[0])
        make(events[-1])
    return Timeline(
        entities=vocabulary["entities"],
        milestones=vocabulary["milestones"],
        categories=vocabulary["categories"],
        files=names,
        count=count,
        make=lambda position: make(events[position]),
        index=tables["rows"],
        replaced=dict(replaced),
    )


def _read(entry: Path) -> Timeline | None:
    """The timeline of a sound entry; None (a miss) for anything else, and a damaged entry is
    removed when it can be."""
    try:
        data = read_bytes(entry)
    except OSError:  # no entry, no usable cache folder, or not a regular file: a miss
        return None
    try:
        body = memoryview(data)[HEADER:]
        if data[: len(MAGIC)] != MAGIC or data[len(MAGIC) : HEADER] != checksum([body]):
            raise ValueError("damaged cache entry")
        return _timeline(body)
    except Exception:  # a damaged or foreign entry of any kind is rebuilt, never trusted
        with contextlib.suppress(OSError):
            entry.unlink()
        return None


def _write(entry: Path, body: tuple[bytes, ...]) -> None:
    """Write an entry and keep only the newest ones within the budget; any failure only costs
    speed."""
    from spacetime.core.errors import SpacetimeError
    from spacetime.core.files import prune_temporaries, write_file

    try:
        if sum(map(len, body)) + HEADER > BUDGET:
            return  # would push out every other entry and still not fit
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_file(entry, (MAGIC, checksum(body), *body), sync=False)
        prune_temporaries(entry, ".*.marshal.*.tmp")  # of any entry, not just this one
        total = 0
        for number, (old, size) in enumerate(entries(entry.parent)):
            total += size
            if number >= KEEP or total > BUDGET:
                old.unlink(missing_ok=True)
    except (OSError, ValueError, SpacetimeError):
        pass  # a read-only, full or missing cache folder, or an entry in the way


def entries(folder: Path) -> list[tuple[Path, int]]:
    """The entries of a cache folder with their sizes, newest first (none when it is unusable)."""
    found = []
    try:
        for path in folder.glob("*.marshal"):
            with contextlib.suppress(OSError):
                status = path.lstat()
                found.append((status.st_mtime, path, status.st_size))
    except OSError:
        return []
    return [(path, size) for _, path, size in sorted(found, reverse=True)]


def clear(folder: Path) -> tuple[int, int]:
    """Remove every entry (and leftover temporary file) of a cache folder: how many entries, and
    their bytes. OSError when one cannot be removed."""
    removed = entries(folder)
    for path, _ in removed:
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        for leftover in folder.glob(".*.marshal.*.tmp"):
            leftover.unlink(missing_ok=True)
    return len(removed), sum(size for _, size in removed)
