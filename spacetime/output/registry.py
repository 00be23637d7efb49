"""Every format spacetime writes, registered once: its name, its help, whether it is a listing
format or an export, and where its writer is.

A listing format is what every command's `--format` takes (its writer is in
`spacetime.output.formats.WRITERS`) and, but for the table, an export too; an export format is
only for `spacetime export`, its writer named here as "module:function" (imported when used,
so that no command pays for another's imports) and called as
`writer(timeline, events, now) -> (text, what it holds)`. `OutputFormat` and `ExportFormat` are
the enums of these names (a test keeps them in step) and their help strings are made here.
"""

from typing import NamedTuple

__all__ = ["FORMATS", "Format", "choices", "export_names", "listing_names"]


class Format(NamedTuple):
    name: str
    help: str
    listing: bool
    """A listing format (`--format` of every command, and an export); else an export only."""
    writer: str | None = None
    """An export format's writer, "module:function" (None for `sqlite`, which writes a file)."""


FORMATS = (
    Format("table", "an aligned text table for people", listing=True),
    Format("json", "an array of records (an object for one)", listing=True),
    Format("jsonl", "one JSON record a line", listing=True),
    Format("csv", "a header, then one row a record", listing=True),
    Format("tsv", "tab-separated: a header, then one row a record", listing=True),
    Format("markdown", "a pipe table", listing=True),
    Format(
        "ics",
        "iCalendar: each event known to the day as a yearly anniversary",
        listing=False,
        writer="spacetime.export.ics:export",
    ),
    Format(
        "timelinejs",
        "a TimelineJS document",
        listing=False,
        writer="spacetime.export.timelinejs:export",
    ),
    Format("sqlite", "a SQLite database (-o FILE), with Datasette metadata", listing=False),
    Format(
        "yaml",
        "a spacetime timeline file of the selected events",
        listing=False,
        writer="spacetime.output.yamlfmt:export",
    ),
)
"""Every format, the listing formats first."""


def listing_names() -> list[str]:
    """What `--format` takes."""
    return [f.name for f in FORMATS if f.listing]


def export_names() -> list[str]:
    """What `spacetime export` takes: the export formats, then the listing formats but the table."""
    return [f.name for f in FORMATS if not f.listing] + listing_names()[1:]


def choices(names: list[str]) -> str:
    """Names for a help text: "a, b or c."."""
    return f"{', '.join(names[:-1])} or {names[-1]}."
