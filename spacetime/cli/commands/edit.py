"""`spacetime init`, `add`, `remove` and `fmt`: keep a timeline of your own, without losing a byte."""

import re
import sys
import unicodedata
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.options import FileOptions, split_values, use
from spacetime.core.errors import ExitCode, UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.edit.store import edit_file
from spacetime.load.schema import RecordReader
from spacetime.load.sources import personal_path
from spacetime.load.yamlread import LocatedDict

TEMPLATE = """\
# yaml-language-server: $schema=https://spacetime.invalid/timeline.schema.json
# A spacetime timeline: https://github.com/ (see docs/data-format.md for the format).
# Check it with `spacetime validate {name}`; add events with `spacetime add --to {name}`.
format: spacetime/1

events:
  # An example event (remove the leading '# ' to use it):
  # - id: my-first-event
  #   date: 1969-07-20          # YYYY, YYYY-MM, YYYY-MM-DD, 2030s, 2026~, 2000-11-02/..
  #   title: What happened, in one line
  #   summary: A few sentences in your own words.
  #   countries: [US]           # codes: see `spacetime countries`
  #   category: moon            # see `spacetime list --help`
  #   status: achieved          # achieved, failed, partial, planned (needs confirmed:), cancelled
  #   sources:
  #     - https://example.org/a-page-that-confirms-the-date
"""
EMPTY = "format: spacetime/1\n\nevents:\n"


def init(
    file: Annotated[Path, typer.Argument(help="The new timeline file.")],
) -> None:
    """Create a new timeline file with a commented example event."""
    if file.exists():
        raise UsageError(f"{file} exists; init never overwrites a file")
    from spacetime.output.files import write_text_file

    write_text_file(file, TEMPLATE.format(name=file.name))
    print(f"created {file}", file=sys.stderr)


def slugify(title: str, taken: set[str]) -> str:
    """An id from a title: ASCII, lower case, hyphens; `-2`, `-3`... when it is already taken."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.casefold())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    slug = slug or "event"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


@use(data=FileOptions)
def add(
    to: Annotated[
        Path | None,
        typer.Option("--to", help="The timeline file (default: your personal timeline)."),
    ] = None,
    event_id: Annotated[
        str | None, typer.Option("--id", help="A slug; derived from the title when not given.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="1969-07-20, 1970, 2021-05, 2030s, 2026~ ...")
    ] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    summary: Annotated[str | None, typer.Option("--summary")] = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Entity codes (repeat or commas).")
    ] = None,
    agency: Annotated[list[str] | None, typer.Option("--agency")] = None,
    category: Annotated[str | None, typer.Option("--category")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag")] = None,
    status: Annotated[
        str, typer.Option("--status", help="achieved, failed, partial, planned, cancelled.")
    ] = "achieved",
    milestone: Annotated[list[str] | None, typer.Option("--milestone", "-m")] = None,
    mission: Annotated[str | None, typer.Option("--mission")] = None,
    vehicle: Annotated[str | None, typer.Option("--vehicle")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    confirmed: Annotated[
        str | None, typer.Option("--confirmed", help="For a plan: when it was last confirmed.")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="A URL confirming the date (repeatable).")
    ] = None,
    *,
    data: FileOptions,
) -> None:
    """Add an event to a timeline file; it is validated before anything is written."""
    values: dict[str, object] = {
        "id": event_id,
        "date": date,
        "title": title,
        "summary": summary,
        "countries": split_values(country) or None,
        "agencies": split_values(agency) or None,
        "category": category,
        "tags": split_values(tag) or None,
        "status": status,
        "milestones": split_values(milestone) or None,
        "mission": mission,
        "vehicle": vehicle,
        "note": note,
        "confirmed": confirmed,
        "sources": list(source or []) or None,
    }
    _ask_for_missing(values)
    target = to or personal_path()
    if to is None:
        target.parent.mkdir(parents=True, exist_ok=True)

    added: list[str] = []
    warnings: list[str] = []

    def change(text: str, timeline: Timeline) -> str:
        from spacetime.core.errors import DataError, Problem
        from spacetime.edit.text import add_event
        from spacetime.load.loader import reference_problems

        record = {k: v for k, v in values.items() if v is not None}
        if "id" not in record and isinstance(record.get("title"), str):
            record["id"] = slugify(str(record["title"]), {e.id for e in timeline.events})
        reader = RecordReader(str(target))
        event = reader.event(_located(record))
        problems = reader.problems + [
            Problem(str(target), 0, m) for m in reference_problems(reader.last, timeline)
        ]
        if event is None or problems:
            raise DataError(problems)
        added.append(event.id)
        warnings.extend(_doubts(event, timeline))
        return add_event(text, event)

    edit_file(target, data.files(), change, create=EMPTY if to is None else None)
    print(f"added '{added[-1]}' to {target}", file=sys.stderr)
    for warning in warnings:
        print(f"spacetime: warning: {warning}", file=sys.stderr)


def _doubts(event: Event, timeline: Timeline) -> list[str]:
    """What looks wrong in an event about to be added, though it is valid: an achievement dated
    in the future, a title the timeline already has."""
    from spacetime.core.model import Status
    from spacetime.engine.clock import today

    found = []
    first = event.date.first_day
    if event.status is Status.ACHIEVED and first is not None and first > today():
        found.append(
            f"'{event.id}' is achieved but dated in the future ({event.date.text}); "
            "a plan is --status planned with --confirmed"
        )
    title = event.title.casefold()
    for other in timeline.events:
        if other.title.casefold() == title:
            found.append(
                f"the title of '{event.id}' is already that of '{other.id}' ({other.origin})"
            )
            break
    return found


def _located(record: dict[str, object]) -> LocatedDict:
    located = LocatedDict(record)
    located.line = 0
    located.key_lines = {}
    return located


REQUIRED_PROMPTS = ("title", "date", "countries", "category", "sources")


def _ask_for_missing(values: dict[str, object]) -> None:
    """Ask for required fields on a terminal; elsewhere, name the missing options."""
    missing = [k for k in REQUIRED_PROMPTS if not values.get(k)]
    if not missing:
        return
    if not sys.stdin.isatty():
        options = {"countries": "--country", "sources": "--source"}
        names = ", ".join(options.get(k, f"--{k}") for k in missing)
        raise UsageError(f"missing {names} (or run on a terminal to be asked)")
    for key in missing:
        answer = typer.prompt(
            f"{key}{' (comma-separated)' if key in ('countries', 'sources') else ''}"
        )
        values[key] = split_values([answer]) if key in ("countries", "sources") else answer


@use(data=FileOptions)
def remove(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The id of the event to remove.")],
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="The timeline file (default: your personal timeline)."),
    ] = None,
    *,
    data: FileOptions,
) -> None:
    """Remove an event from a timeline file; everything else stays as it was."""
    from spacetime.edit.text import remove_event

    target = from_file or personal_path()
    edit_file(
        target, data.files(), lambda text, _timeline: remove_event(text, event_id, str(target))
    )
    print(f"removed '{event_id}' from {target}", file=sys.stderr)


@use(data=FileOptions)
def fmt(
    file: Annotated[Path, typer.Argument(help="The timeline file to lay out canonically.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if the file would change.")
    ] = False,
    *,
    data: FileOptions,
) -> None:
    """Rewrite a timeline in the canonical layout, keeping every comment."""
    from spacetime.edit.text import format_text
    from spacetime.load.loader import load_timeline
    from spacetime.output.yamlfmt import entity_lines, event_lines, term_lines

    def change(text: str, timeline: Timeline) -> str:
        name = str(file)
        records: dict[tuple[str, int], list[str]] = {}
        for e in timeline.events:
            if e.origin.file == name:
                records["events", e.origin.line] = event_lines(e)
        for n in timeline.entities.values():
            if n.origin.file == name:
                records["entities", n.origin.line] = entity_lines(n)
        for m in timeline.milestones.values():
            if m.origin.file == name:
                records["milestones", m.origin.line] = term_lines(m)
        for c in timeline.categories.values():
            if c.origin.file == name:
                records["categories", c.origin.line] = term_lines(c)
        return format_text(text, lambda section, line: records.get((section, line)))

    if check:
        from spacetime.edit.store import read_text

        files = data.files([file])
        text = read_text(file)
        timeline = load_timeline(files.paths, files.names, texts={file: text})
        if change(text, timeline) != text:
            print(f"{file} would be reformatted", file=sys.stderr)
            raise typer.Exit(ExitCode.FAILURE)
        print(f"{file} is formatted", file=sys.stderr)
        return
    old, new = edit_file(file, data.files(), change)
    print(f"{'reformatted' if new != old else 'already formatted:'} {file}", file=sys.stderr)


def schema() -> None:
    """Print the JSON Schema of the timeline format (for editors and other tools)."""
    import json

    from spacetime.load.jsonschema import timeline_schema

    sys.stdout.write(json.dumps(timeline_schema(), indent=2) + "\n")


__all__ = ["add", "fmt", "init", "remove", "schema", "slugify"]
