"""The output formats, each written once: `write(listing, fmt)` serves every listing command.

JSON is an array of records (an object for a single one), JSON Lines one record a line, CSV and TSV
a header and one row a record (lists joined with "; "), Markdown a pipe table of the human columns,
and `table` an aligned text table for people (`spacetime.output.texttable`), fitted and coloured
only when the `Environment` passed says standard output is a terminal. A `Report` (`stats`,
`compare`) is one JSON document, titled sections in a table or Markdown, and its flat listing in
the other formats. Adding a format is its line in `spacetime.output.registry.FORMATS`, a member
of `OutputFormat`, its function and its line in `WRITERS` (`spacetime export` then offers it too).

`Choice` narrows any answer the same way in every format: `fields` keeps only the named record keys
(the human formats then show those keys as columns), `count` writes only the number of records.
A report (`compare`, `stats`) narrowed by fields is its long-form `flat` table.
"""

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple, TextIO

from spacetime.core.errors import UsageError
from spacetime.core.words import plural
from spacetime.output.environment import Environment
from spacetime.output.listing import Align, Column, Listing, Report

__all__ = ["Choice", "OutputClosed", "OutputFormat", "narrow", "write"]


class OutputClosed(Exception):
    """The reader of standard output went away (`| head`); the command should end quietly."""


class OutputFormat(StrEnum):
    """The names of `spacetime.output.registry.listing_names()` (a test keeps them in step)."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


class Choice(NamedTuple):
    """What of an answer to write: only these record keys (None: all), or only the count."""

    fields: tuple[str, ...] | None = None
    count_only: bool = False
    excel_safe: bool = False
    """CSV and TSV cells that a spreadsheet would take for a formula are written as text."""


def narrow(answer: Listing | Report, fields: tuple[str, ...]) -> Listing:
    """The answer with only `fields`, in that order: a usage error naming the valid fields when
    one is unknown."""
    listing = answer.flat if isinstance(answer, Report) else answer
    unknown = [name for name in fields if name not in listing.fields]
    if unknown:
        raise UsageError(
            f"unknown {plural(len(unknown), 'field', number=False)} {', '.join(unknown)}; "
            f"valid fields: {', '.join(listing.fields)}"
        )
    records = [{name: record.get(name) for name in fields} for record in listing.records]
    if listing.single:  # one record reads as "key  value" lines
        columns = [Column("Field"), Column("Value", wrap=True, main=True)]
        rows = [[name, _flat(record[name])] for record in records for name in fields]
    else:
        columns = [Column(name, wrap=True) for name in fields]
        rows = [[_flat(record[name]) for name in fields] for record in records]
    return Listing(
        fields=list(fields), records=records, columns=columns, rows=rows, single=listing.single
    )


def _count(answer: Listing | Report) -> int:
    return len((answer.flat if isinstance(answer, Report) else answer).records)


def write(
    answer: Listing | Report,
    fmt: OutputFormat,
    out: TextIO | None = None,
    choice: Choice | None = None,
    env: Environment | None = None,
) -> None:
    """Write a command's answer in one format to `out` (`env.stdout`, else stdout, by default),
    narrowed by `choice`; `env` says whether a table goes to a terminal (by default it does not:
    plain and uncut)."""
    stream = out or (env.stdout if env else sys.stdout)
    choice = choice or Choice()
    if choice.fields:
        answer = narrow(answer, choice.fields)

    def table(listing: Listing, out: TextIO) -> None:
        _table(listing, out, env)

    writers: Writers = {**WRITERS, OutputFormat.TABLE: table}
    if choice.excel_safe:
        writers[OutputFormat.CSV] = lambda listing, out: _csv(listing, out, _excel_safe)
        writers[OutputFormat.TSV] = lambda listing, out: _tsv(listing, out, _excel_safe)
    try:
        if choice.count_only:
            stream.write(f"{_count(answer)}\n")
        elif isinstance(answer, Report):
            _report(answer, fmt, stream, writers)
        else:
            writers[fmt](answer, stream)
        stream.flush()
    except BrokenPipeError:
        raise OutputClosed from None


def _json(listing: Listing, out: TextIO) -> None:
    """An array with one compact object a line (C-speed encoding, still easy to read and diff);
    a single record (`show`) as an indented object. Records are encoded and written a batch at a
    time, never the whole answer at once."""
    if listing.single and listing.records:
        import json

        json.dump(listing.records[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if not listing.records:
        out.write("[]\n")
        return
    encode = _one_line_encoder()
    total = len(listing.records)
    batch: list[str] = []
    out.write("[\n")
    for number, record in enumerate(listing.records, start=1):
        batch.append(encode(record))
        if len(batch) == _BATCH or number == total:
            out.write(",\n".join(batch) + ("\n]\n" if number == total else ",\n"))
            batch = []


_BATCH = 1000


def _one_line_encoder() -> Callable[[Any], str]:
    """`json.dumps(value, ensure_ascii=False)` as one reusable function (one encoder for all)."""
    from json import JSONEncoder  # imported only by the JSON formats (its patterns cost start-up)

    return JSONEncoder(ensure_ascii=False).encode


def _jsonl(listing: Listing, out: TextIO) -> None:
    encode = _one_line_encoder()
    out.write("".join(encode(record) + "\n" for record in listing.records))


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):  # one object of a list (show's ranks): key=value, lists with ","
        return " ".join(
            f"{k}={','.join(map(str, v)) if isinstance(v, list) else _flat(v)}"
            for k, v in value.items()
        )
    return str(value)


def _excel_safe(text: str) -> str:
    """A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or CR first) with a
    `'` before it, so that it shows as text; a plain number (`-3`, `+1.5`) is left as it is."""
    if not text or text[0] not in "=+-@\t\r":
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def _same(text: str) -> str:
    return text


def _csv(listing: Listing, out: TextIO, cell: Callable[[str], str] = _same) -> None:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.fields)
    for record in listing.records:
        writer.writerow([cell(_flat(record.get(key))) for key in listing.fields])


def _tsv(listing: Listing, out: TextIO, cell: Callable[[str], str] = _same) -> None:
    def clean(text: str) -> str:
        return cell(text.replace("\t", " ").replace("\r", " ").replace("\n", " "))

    out.write("\t".join(listing.fields) + "\n")
    for record in listing.records:
        out.write("\t".join(clean(_flat(record.get(k))) for k in listing.fields) + "\n")


def _markdown(listing: Listing, out: TextIO) -> None:
    """A Markdown table; HTML in a cell is escaped (`<b>` shows as text, never as markup)."""
    from html import escape

    from spacetime.core.text import visible

    def cell(text: str) -> str:
        return (
            escape(visible(text), quote=False)
            .replace("|", "\\|")
            .replace("\n", " ")
            .replace("\u00a0", " ")
        )

    out.write("| " + " | ".join(cell(c.header) for c in listing.columns) + " |\n")
    out.write(
        "|"
        + "|".join(":---" if c.justify is Align.LEFT else "---:" for c in listing.columns)
        + "|\n"
    )
    for row in listing.rows:
        out.write("| " + " | ".join(cell(text) for text in row) + " |\n")
    if listing.footer:
        out.write(f"\n{escape(visible(listing.footer), quote=False)}\n")


def _table(listing: Listing, out: TextIO, env: Environment | None = None) -> None:
    from spacetime.output.texttable import write_table

    write_table(listing, out, env)


def _report(report: Report, fmt: OutputFormat, out: TextIO, writers: "Writers") -> None:
    if fmt is OutputFormat.JSON:
        import json

        json.dump(report.document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt in (OutputFormat.TABLE, OutputFormat.MARKDOWN):
        heading = "## {}\n\n" if fmt is OutputFormat.MARKDOWN else "{}\n"
        for index, (title, listing) in enumerate(report.sections):
            if index:
                out.write("\n")
            out.write(heading.format(title))
            writers[fmt](listing, out)
    else:
        writers[fmt](report.flat, out)


Writers = dict[OutputFormat, Callable[[Listing, TextIO], None]]
WRITERS: Writers = {
    OutputFormat.TABLE: _table,
    OutputFormat.JSON: _json,
    OutputFormat.JSONL: _jsonl,
    OutputFormat.CSV: _csv,
    OutputFormat.TSV: _tsv,
    OutputFormat.MARKDOWN: _markdown,
}
