"""`spacetime init`, `add`, `remove` and `fmt`: keep a timeline of your own, without losing a byte."""

import contextlib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.options import FileOptions, split_values, use
from spacetime.core.errors import ExitCode, UsageError
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.edit.store import edit_file
from spacetime.load.schema import RecordReader
from spacetime.load.sources import personal_path, shipped_names
from spacetime.load.yamlread import LocatedDict, Parsed
from spacetime.output.environment import Environment

SCHEMA_FILE = "spacetime.schema.json"
TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A spacetime timeline (the format: `spacetime schema`, or docs/data-format.md in spacetime's
# sources). Check it with `spacetime validate {name}`; add events with `spacetime add --to {name}`.
format: spacetime/1

events:
  # An example event (remove the leading '# ' to use it). id, date, title, countries and
  # sources are required; the rest may be left out.
  # - id: apollo-11-landing
  #   date: 1969-07-20          # YYYY, YYYY-MM, YYYY-MM-DD, 2030s, 2026~, 2000-11-02/..
  #   title: Apollo 11 lands on the Moon
  #   summary: A few sentences in your own words.
  #   countries: [US]           # codes: see `spacetime countries`
  #   category: moon            # optional; see `spacetime list --help`
  #   status: achieved          # the default; failed, partial, planned (with confirmed:), cancelled
  #   sources:                  # pages that confirm the date
  #     - https://en.wikipedia.org/wiki/Apollo_11
"""
EMPTY = "format: spacetime/1\n\nevents:\n"


@use()
def init(
    file: Annotated[Path, typer.Argument(help="The new timeline file.")],
    *,
    env: Environment,
) -> None:
    """Create a new timeline file with a commented example event, and the JSON Schema beside it
    (spacetime.schema.json) for editors."""
    from spacetime.core.files import FileExists, write_file

    schema = file.parent / SCHEMA_FILE
    text = _schema_text()
    try:
        write_file(file, TEMPLATE.format(name=file.name, schema=SCHEMA_FILE), replace=False)
    except FileExists:
        raise UsageError(f"{file} exists; init never overwrites a file") from None
    if not schema.exists():
        write_file(schema, text, replace=False)
        env.tell(f"created {schema} (the format, for editors)")
    elif _is_our_schema(schema) and schema.read_text(encoding="utf-8") != text:
        write_file(schema, text)
        env.tell(f"updated {schema} to this version's format")
    elif not _is_our_schema(schema):
        env.warn(f"{schema} is not spacetime's schema; left as it is")
    env.tell(f"created {file}")


def _schema_text() -> str:
    import json

    from spacetime.load.jsonschema import timeline_schema

    return json.dumps(timeline_schema(), indent=2) + "\n"


def _is_our_schema(path: Path) -> bool:
    """Whether `path` holds a schema spacetime wrote (of this version or an older one)."""
    import json

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and document.get("title") == "spacetime timeline"


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
        str | None,
        typer.Option("--date", help="1969-07-20, 1970, 2021-05, 2030s, 2026~, yesterday..."),
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
    launch: Annotated[
        str | None,
        typer.Option(
            "--launch", help="GCAT launch tag of the launch dating it: 1957 ALP, 1969-059."
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    confirmed: Annotated[
        str | None, typer.Option("--confirmed", help="For a plan: when it was last confirmed.")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="A URL confirming the date (repeatable).")
    ] = None,
    *,
    env: Environment,
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
        "launch": launch,
        "note": note,
        "confirmed": confirmed,
        "sources": list(source or []) or None,
    }
    for key in ("date", "confirmed"):  # `--date yesterday` is written as the day it names
        typed = values[key]
        if isinstance(typed, str):
            from spacetime.engine.bounds import relative_point

            point = relative_point(typed, env.day())
            values[key] = point.edtf() if point is not None else typed
    target = to or personal_path(env.data_dir())
    missing = [k for k in REQUIRED_PROMPTS if not values.get(k)]
    if missing and not env.stdin.isatty():
        names = ", ".join(_option(k) for k in missing)
        raise UsageError(f"missing {names} (or run on a terminal to be asked)")
    from spacetime.edit.store import check_editable
    from spacetime.load.cache import load_cached

    check_editable(target)
    known = load_cached(
        data.files(env, [target] if target.is_file() else []), folder=env.cache_dir()
    )
    for key, value in values.items():
        if value is not None:
            values[key] = _checked(key, value, known)
    for key in missing:
        values[key] = _ask(key, known, env)
    if to is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            from spacetime.core.errors import FileProblem
            from spacetime.core.files import describe

            raise FileProblem(describe(target, err, "write")) from None

    added: list[str] = []
    warnings: list[str] = []

    def change(text: str, timeline: Timeline) -> Callable[[], str]:
        from spacetime.edit.text import add_event
        from spacetime.load.loader import reference_problems

        record = {k: v for k, v in values.items() if v is not None}
        taken = {e.id for e in timeline.events}
        if "id" not in record:
            record["id"] = slugify(str(record["title"]), taken)
        elif record["id"] in taken:
            where = timeline.event(str(record["id"])).origin
            if where.file not in shipped_names():  # a bundled one is replaced by yours
                raise UsageError(f"--id: '{record['id']}' is taken (at {where})")
        reader = RecordReader(str(target))
        event = reader.event(_located(record))
        problems = [p.message for p in reader.problems] + reference_problems(reader.last, timeline)
        if event is None or problems:
            raise UsageError("; ".join(problems))
        added.append(event.id)
        warnings.extend(_doubts(event, timeline, env.day()))
        return lambda: add_event(text, event)  # once the timeline is let go

    del known  # edit_file loads the files again, under the lock: one parsed copy at a time
    edit_file(
        target,
        data.files(env),
        change,
        create=EMPTY if to is None else None,
        cache=env.cache_dir(),
    )
    env.tell(f"added '{added[-1]}' to {target}")
    for warning in warnings:
        env.warn(warning)


def _doubts(event: Event, timeline: Timeline, today: date) -> list[str]:
    """What looks wrong in an event about to be added, though it is valid: an achievement dated
    in the future (after `today`), a plan with no confirmation date, a title the timeline
    already has."""
    from spacetime.core.model import Status

    found = []
    first = event.date.first_day
    if event.status is Status.ACHIEVED and first is not None and first > today:
        found.append(
            f"'{event.id}' is achieved but dated in the future ({event.date.text}); "
            "a plan is --status planned with --confirmed"
        )
    if event.status is Status.PLANNED and event.confirmed is None:
        found.append(
            f"planned event '{event.id}' has no 'confirmed': add the date a source last confirmed "
            "the plan (`spacetime add --confirmed DATE`)"
        )
    title = event.title.casefold()
    for other in timeline.events:
        if other.title.casefold() != title or other.id == event.id:
            continue
        if other.origin.file in shipped_names() and other.date.first_day == event.date.first_day:
            found.append(
                f"'{event.id}' repeats the bundled event '{other.id}' (same title and date); "
                f"to put yours in its place, give it that id (--id {other.id})"
            )
        else:
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


REQUIRED_PROMPTS = ("title", "date", "countries", "sources")
LISTS = ("countries", "agencies", "tags", "milestones", "sources")
OPTIONS = {
    "countries": "--country",
    "agencies": "--agency",
    "tags": "--tag",
    "milestones": "--milestone",
    "sources": "--source",
}


def _option(key: str) -> str:
    return OPTIONS.get(key, f"--{key}")


def _checked(key: str, value: object, timeline: Timeline) -> object:
    """A value given for `key` as the file will hold it, names and aliases resolved to codes as
    `list` resolves them (usa, china, cn); UsageError when it cannot be used."""
    if key == "countries":  # usa and us name one country, written once
        return list(dict.fromkeys(timeline.entity(str(name)).code for name in _items(value)))
    if key == "category":
        return timeline.category(str(value)).code
    if key == "milestones":
        return [timeline.milestone(str(code)).code for code in _items(value)]
    from spacetime.load.schema import EVENT_FIELDS, InvalidValue

    try:
        EVENT_FIELDS[key].kind.check(value)
    except InvalidValue as err:
        raise UsageError(f"{_option(key)}: {err}") from None
    return value


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def _ask(key: str, timeline: Timeline, env: Environment) -> object:
    """Ask for a required field on the terminal (the environment's stdin and stdout) until the
    answer can be used."""
    label = f"{key} (comma-separated)" if key in ("countries", "sources") else key
    while True:
        answer = ""
        while not answer:  # an empty answer is asked again; the end of input gives up
            env.write(f"{label}: ")
            env.stdout.flush()
            line = env.stdin.readline()
            if not line:
                raise typer.Abort()
            answer = line.strip()
        value = split_values([answer]) if key in LISTS else answer
        try:
            return _checked(key, value, timeline)
        except UsageError as err:
            env.tell(f"{err}; try again")


@use(data=FileOptions)
def remove(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The id of the event to remove.")],
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="The timeline file (default: your personal timeline)."),
    ] = None,
    *,
    env: Environment,
    data: FileOptions,
) -> None:
    """Remove an event from a timeline file; everything else stays as it was."""
    from spacetime.edit.text import remove_event

    target = from_file or personal_path(env.data_dir())
    edit_file(  # the text is changed once the timeline is let go (one parsed copy at a time)
        target,
        data.files(env),
        lambda text, _timeline: lambda: remove_event(text, event_id, str(target)),
        cache=env.cache_dir(),
    )
    env.tell(f"removed '{event_id}' from {target}")


@use(data=FileOptions)
def fmt(
    file: Annotated[Path, typer.Argument(help="The timeline file to lay out canonically.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if the file would change.")
    ] = False,
    *,
    env: Environment,
    data: FileOptions,
) -> None:
    """Rewrite a timeline in the canonical layout, keeping every comment."""
    from spacetime.edit.text import format_text, outline
    from spacetime.load.cache import load_cached
    from spacetime.output.yamlfmt import entity_lines, event_lines, term_lines

    def change(text: str, timeline: Timeline, parsed: Parsed | None = None) -> str:
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
        return format_text(text, lambda section, line: records.get((section, line)), parsed)

    if check:
        from spacetime.edit.store import read_text

        files = data.files(env, [file])
        text = read_text(file)
        for_loader, parsed = None, None
        if file.suffix.lower() != ".json":  # parsed once, for the loader and for the layout
            with contextlib.suppress(UsageError):  # else the loader reports it at its line
                for_loader, parsed = outline(text)
        given = {file: for_loader} if for_loader is not None else None
        timeline = load_cached(files, {file: text.encode()}, given, folder=env.cache_dir())
        if change(text, timeline, parsed) != text:
            env.tell(f"{file} would be reformatted")
            raise typer.Exit(ExitCode.FAILURE)
        env.tell(f"{file} is formatted")
        return
    old, new = edit_file(file, data.files(env), change, cache=env.cache_dir())
    env.tell(f"{'reformatted' if new != old else 'already formatted:'} {file}")


@use()
def schema(*, env: Environment) -> None:
    """Print the JSON Schema of the timeline format (for editors and other tools)."""
    env.write(_schema_text())


__all__ = ["add", "fmt", "init", "remove", "schema", "slugify"]
