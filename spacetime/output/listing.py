"""`Listing`: what a command hands to the output layer, as plain data.

A listing carries machine records (for JSON, JSON Lines, CSV and TSV) and human cells (for the
terminal table and Markdown). Commands build listings; `spacetime.output.formats` writes them.
"""

from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

__all__ = [
    "Align",
    "Bar",
    "Brief",
    "Column",
    "Deferred",
    "Listing",
    "Mapped",
    "Report",
    "bar",
    "glued",
]


NBSP = "\u00a0"
BAR = "█"
BAR_WIDTH = 30


def bar(count: int, peak: int, width: int = BAR_WIDTH) -> str:
    """An inline bar: `count` scaled against `peak`, at least one block for any non-zero count."""
    if count <= 0 or peak <= 0:
        return ""
    return BAR * max(1, round(count / peak * width))


def glued(text: str) -> str:
    """Text a terminal table keeps on one line (its spaces made no-break spaces)."""
    return text.replace(" ", NBSP)


class Brief(str):
    """A cell (or header, or footer) with a shorter form for a narrow terminal: `Brief("4 Oct
    1957 19:28 UTC", "4 Oct 1957")` reads as its full text everywhere else."""

    short: str

    def __new__(cls, text: str, short: str) -> "Brief":
        made = super().__new__(cls, text)
        made.short = short
        return made


class Bar(str):
    """An inline bar cell: `prefix` (a count, a rate) then `amount` blocks scaled against `peak`.
    It reads as its full form (`full` blocks at most) everywhere but a narrow terminal table, where
    the table shrinks it to its column (`at`) rather than wrap it."""

    amount: int
    peak: int
    prefix: str
    full: int

    def __new__(cls, amount: int, peak: int, prefix: str = "", full: int = BAR_WIDTH) -> "Bar":
        made = super().__new__(cls, prefix + bar(amount, peak, full))
        made.amount, made.peak, made.prefix, made.full = amount, peak, prefix, full
        return made

    def at(self, blocks: int) -> str:
        """The cell with its bar scaled to `blocks` blocks for the peak."""
        return self.prefix + bar(self.amount, self.peak, max(1, blocks))


class Align(StrEnum):
    """Where a column's cells sit: text to the left, numbers to the right."""

    LEFT = "left"
    RIGHT = "right"


class Column(NamedTuple):
    """A human column: its header, whether it may wrap (long text) or stays on one line, and how
    it gives way in a narrow terminal: `main` (the column people read, given the room first) and
    `drop` (left out when words would break otherwise: the highest first; 0 never)."""

    header: str
    wrap: bool = False
    justify: Align = Align.LEFT
    main: bool = False
    drop: int = 0


class Mapped(Sequence[Any]):
    """`make(item)` for each item, made when read and never kept: the records of a long answer
    are written one by one without the whole list in memory (`list --format json`). (Plain
    `Any` rather than generic: a generic class costs start-up time on the `list` path.)"""

    __slots__ = ("_items", "_make")

    def __init__(self, make: Callable[[Any], Any], items: Sequence[Any]) -> None:
        self._make = make
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])

    def __iter__(self) -> Iterator[Any]:
        return map(self._make, self._items)


class Deferred(Sequence[Any]):
    """A list made by `make()` the first time it is read (the table cells of an answer written
    as JSON are never made)."""

    __slots__ = ("_list", "_make")

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        self._make: Callable[[], list[Any]] | None = make
        self._list: list[Any] = []

    def _made(self) -> list[Any]:
        if self._make is not None:
            self._list, self._make = self._make(), None
        return self._list

    def __len__(self) -> int:
        return len(self._made())

    def __getitem__(self, index: Any) -> Any:
        return self._made()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._made())


class Listing:
    """One command's answer, ready for any output format (a plain class: it is defined on every
    command's start-up path, where a dataclass costs several times more)."""

    __slots__ = (
        "columns",
        "fields",
        "footer",
        "heading",
        "records",
        "row_lines",
        "rows",
        "single",
        "styles",
    )

    fields: list[str]
    """The keys of every record, in order: the JSON keys and the CSV/TSV header."""
    records: Sequence[dict[str, Any]]
    """A list, or a `Mapped` sequence made as it is read."""
    columns: list[Column]
    rows: Sequence[list[str]]
    """A list, or a `Deferred` one made when first read."""
    styles: Sequence[str | None]
    """A terminal style per row, in words such as `"italic cyan"` (see `output.texttable.SGR`):
    a list, or a `Deferred` one."""
    heading: str | None
    """A line before the table (`show`: the event's title)."""
    footer: str | None
    """A line after the table (a count, a legend); human formats only."""
    row_lines: bool
    """Rule a line between rows in the terminal table (rows of several lines)."""
    single: bool
    """One record (`show`): JSON is an object rather than an array, the table "key  value" lines."""

    def __init__(
        self,
        fields: list[str],
        records: Sequence[dict[str, Any]],
        columns: list[Column],
        rows: Sequence[list[str]],
        styles: Sequence[str | None] | None = None,
        heading: str | None = None,
        footer: str | None = None,
        row_lines: bool = False,
        single: bool = False,
    ) -> None:
        self.fields = fields
        self.records = records
        self.columns = columns
        self.rows = rows
        self.styles = [] if styles is None else styles
        self.heading = heading
        self.footer = footer
        self.row_lines = row_lines
        self.single = single


class Report(NamedTuple):
    """An answer in several titled tables (`compare`, `stats`): JSON is one document; CSV, TSV
    and JSON Lines carry `flat`, one long-form table; the table and Markdown forms show every
    section."""

    sections: list[tuple[str, Listing]]
    document: Any
    flat: Listing
