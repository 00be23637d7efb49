"""Load timeline files into one `Timeline`, checking everything and reporting every problem.

`load_timeline` reads each file, merges them (the standard vocabulary first, then the bundled
timeline, then the user's files, in order), and checks what needs all of them: duplicate codes and ids across files, references to
unknown entities, milestones and categories, and the lineage. An event of the user's files whose id
is a bundled event's replaces it (yours wins; `Timeline.replaced` says which); two of the user's
files defining one id is still a duplicate, since which one wins would be arbitrary. Any problem raises `DataError` with
all of them, each at its file and line. `review` lists warnings that do not stop loading (a planned
event whose date has passed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spacetime.core.errors import DataError, Problem, suggest
from spacetime.core.model import Category, Entity, Event, Milestone, Status
from spacetime.core.timeline import Timeline, paused_gc
from spacetime.load.schema import FORMAT, SECTIONS, RecordReader
from spacetime.load.yamlread import (
    REJECTED,
    LocatedDict,
    Parsed,
    ReadError,
    decode,
    parse_text,
    read_document,
)

__all__ = ["load_timeline", "reference_problems", "review"]


@dataclass
class _Parts:
    """Everything read so far, with the located record of each item for later messages."""

    entities: dict[str, Entity] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    records: dict[int, LocatedDict] = field(default_factory=dict)  # id(item) -> its lines only
    rejected: list[tuple[dict[str, Any], str, LocatedDict]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shipped: frozenset[str] = frozenset()  # the names of the files shipped with spacetime
    replaced: dict[str, str] = field(default_factory=dict)  # bundled event id -> file replacing it


def load_timeline(
    paths: Sequence[Path],
    names: Sequence[str] | None = None,
    texts: Mapping[Path, str | bytes | Parsed] | None = None,
    *,
    standard: bool = True,
) -> Timeline:
    """Read and check `paths` (shown in messages as `names`); DataError lists every problem.

    The standard vocabulary is read first when `paths` do not name it (unless `standard` is
    false), and the ISO 3166-1 countries are merged with the entities read
    (`spacetime.load.countries`). `texts` gives the content to check instead of reading the file (an edit not yet
    written, or bytes already read, or the document `parse_text` made of them)."""
    names = list(names) if names is not None else [str(p) for p in paths]
    if standard:
        from spacetime.load.sources import display_name, vocabulary_path

        vocabulary = vocabulary_path()
        if vocabulary.resolve() not in {p.resolve() for p in paths}:
            paths, names = [vocabulary, *paths], [display_name(vocabulary), *names]
    parts = _Parts(shipped=_shipped(paths, names))
    with paused_gc():
        for path, name in zip(paths, names, strict=True):
            _read_file(path, name, parts, (texts or {}).get(path))
        if standard:
            from spacetime.load.countries import merge_countries

            for old, new in merge_countries(parts.entities):
                parts.records[id(new)] = (
                    parts.records.pop(id(old)) if old is not None else _at(new.origin.line)
                )
        _cross_check(parts)
    if parts.problems:
        raise DataError(sorted(parts.problems, key=_problem_order(names)))
    events = sorted(parts.events.values(), key=Event.sort_key)
    return Timeline(
        events, parts.entities, parts.milestones, parts.categories, names, replaced=parts.replaced
    )


def _shipped(paths: Sequence[Path], names: Sequence[str]) -> frozenset[str]:
    """The names of the files among `paths` that ship with spacetime (the bundled timeline and
    the standard vocabulary): an event of any other file may replace one of theirs."""
    from spacetime.load.sources import bundled_path, vocabulary_path

    ours = {bundled_path().resolve(), vocabulary_path().resolve()}
    return frozenset(n for p, n in zip(paths, names, strict=True) if p.resolve() in ours)


REVIEW_LASTS = timedelta(days=30)
"""How long a plan past its date stays quiet after a curator marked it `reviewed`."""


def review(timeline: Timeline, today: date) -> list[Problem]:
    """Warnings about a valid timeline: plans not confirmed, plans whose date has passed and that
    nobody reviewed in the last 30 days, achievements in the future."""
    warnings = []
    for event in timeline.events:
        last, first = event.date.last_day, event.date.first_day
        reviewed = event.reviewed.last_day if event.reviewed else None
        if event.status is Status.PLANNED and event.confirmed is None:
            message = (
                f"planned event '{event.id}' has no 'confirmed': add the date a source last "
                "confirmed the plan (confirmed: 2026-05, or `spacetime add --confirmed DATE`)"
            )
        elif (
            event.status is Status.PLANNED
            and last is not None
            and last < today
            and (reviewed is None or today - reviewed > REVIEW_LASTS)
        ):
            confirmed = event.confirmed.text if event.confirmed else "never"
            message = (
                f"planned event '{event.id}' ({event.date.display()}) is past its date; "
                f"review it (plan last confirmed {confirmed}"
                + (f", last reviewed {event.reviewed.text})" if event.reviewed else ")")
            )
        elif event.status is not Status.PLANNED and first is not None and first > today:
            message = f"event '{event.id}' is {event.status} but dated in the future ({event.date})"
        else:
            continue
        warnings.append(Problem(event.origin.file, event.origin.line, message, warning=True))
    return warnings


def _read_file(
    path: Path, name: str, parts: _Parts, text: str | bytes | Parsed | None = None
) -> None:
    reader = RecordReader(name)
    try:
        if text is None:
            document, structural = read_document(path)
        elif isinstance(text, tuple):  # parsed already; the sections are taken out of it
            document, structural = text
        else:
            if isinstance(text, bytes):
                text = decode(text)
            document, structural = parse_text(text, json_file=path.suffix.lower() == ".json")
    except ReadError as err:
        parts.problems.append(Problem(name, err.line, err.message))
        return
    for line, message in structural:
        reader.problem(line, message)
    if document is None:
        reader.problem(1, "the file is empty; a timeline is a mapping with an 'events:' list")
    elif not isinstance(document, dict):
        kind = "a list" if isinstance(document, list) else "a single value"
        reader.problem(
            1,
            f"the top level is {kind}; a timeline is a mapping with an 'events:' list",
        )
    else:
        _read_sections(document, reader, parts)
    parts.problems.extend(reader.problems)
    parts.rejected.extend((values, name, record) for values, record in reader.rejected)


def _read_sections(document: dict[str, Any], reader: RecordReader, parts: _Parts) -> None:
    line_of = document.line_of if isinstance(document, LocatedDict) else (lambda _key: 1)
    for key in document:
        if key not in SECTIONS:
            hint = suggest(key, SECTIONS, n=1)
            tip = f"did you mean '{hint[0]}'?" if hint else f"known: {', '.join(SECTIONS)}"
            reader.problem(line_of(key), f"unknown top-level key '{key}'; {tip}")
    version = document.get("format")
    if version is not None and version is not REJECTED and version != FORMAT:
        reader.problem(line_of("format"), f"format '{version}' is not supported; use '{FORMAT}'")

    def records(section: str) -> list[LocatedDict]:
        """The section's records, taken out of the document so that each can be freed once read."""
        found = reader.records(document.pop(section, None), section, line_of(section))
        found.reverse()  # read by popping from the end, in file order
        return found

    entities = records("entities")
    while entities:
        record = entities.pop()
        _keep(parts, parts.entities, reader.entity(record), record, "entity code")
    terms = (
        ("milestones", Milestone, parts.milestones),
        ("categories", Category, parts.categories),
    )
    for section, kind, table in terms:
        found = records(section)
        while found:
            record = found.pop()
            _keep(parts, table, reader.term(record, kind), record, f"{kind.__name__.lower()} code")
    events = records("events")
    while events:
        record = events.pop()
        _keep(parts, parts.events, reader.event(record), record, "event id")


def _keep(parts: _Parts, table: dict[str, Any], item: Any, record: LocatedDict, what: str) -> None:
    if item is None:
        return
    key = item.id if isinstance(item, Event) else item.code
    if key in table and isinstance(item, Event) and _replaces(parts, table[key], item):
        del parts.records[id(table[key])]
        parts.replaced[key] = item.origin.file
    elif key in table:
        first = table[key].origin
        parts.problems.append(
            Problem(
                item.origin.file,
                item.origin.line,
                f"duplicate {what} '{key}' (also at {first})",
            )
        )
        return
    table[key] = item
    parts.records[id(item)] = _positions(record)


def _replaces(parts: _Parts, bundled: Event, yours: Event) -> bool:
    """Whether `yours` takes the place of an event of the same id read before: it does when
    that one was shipped with spacetime and `yours` is not."""
    return bundled.origin.file in parts.shipped and yours.origin.file not in parts.shipped


def _at(line: int) -> LocatedDict:
    """The lines of a record known only by its first line."""
    positions = LocatedDict()
    positions.line, positions.key_lines = line, {}
    return positions


def _positions(record: LocatedDict) -> LocatedDict:
    """The lines of a record without its values: all that later messages need of it."""
    positions = LocatedDict()
    positions.line, positions.key_lines = record.line, record.key_lines
    return positions


def _cross_check(parts: _Parts) -> None:
    def problem(item: Entity | Event, key: str, message: str) -> None:
        record = parts.records[id(item)]
        parts.problems.append(Problem(item.origin.file, record.line_of(key), message))

    owner: dict[str, str] = {}
    for entity in parts.entities.values():
        if entity.successor and entity.successor not in parts.entities:
            problem(
                entity,
                "successor",
                _unknown(
                    f"entity '{entity.code}'",
                    "successor",
                    entity.successor,
                    parts.entities,
                ),
            )
        for name in (entity.code.casefold(), *entity.aliases):
            if owner.setdefault(name, entity.code) != entity.code:
                problem(
                    entity,
                    "aliases",
                    f"entity '{entity.code}': alias '{name}' already names '{owner[name]}'",
                )
        if _cycles(entity, parts.entities):
            problem(
                entity,
                "successor",
                f"entity '{entity.code}': its successors lead back to it",
            )
    for milestone in parts.milestones.values():
        for code in milestone.implied_by:
            if code not in parts.milestones or code == milestone.code:
                label = f"milestone '{milestone.code}'"
                message = (
                    f"{label}: implied_by names the milestone itself"
                    if code == milestone.code
                    else _unknown(label, "milestone", code, parts.milestones)
                )
                record = parts.records[id(milestone)]
                parts.problems.append(
                    Problem(milestone.origin.file, record.line_of("implied_by"), message)
                )
    drafts = [
        (
            {
                "id": e.id,
                "countries": e.countries,
                "category": e.category,
                "milestones": e.milestones,
            },
            e.origin.file,
            parts.records[id(e)],
        )
        for e in parts.events.values()
    ] + parts.rejected
    for values, file, record in drafts:
        found = _references(values, parts.entities, parts.categories, parts.milestones, owner)
        parts.problems.extend(Problem(file, record.line_of(key), text) for key, text in found)


def reference_problems(values: Mapping[str, Any], timeline: Timeline) -> list[str]:
    """What an event's fields name that `timeline` does not know (for an event not yet written)."""
    aliases = {
        a: e.code for e in timeline.entities.values() for a in (e.code.casefold(), *e.aliases)
    }
    found = _references(
        values, timeline.entities, timeline.categories, timeline.milestones, aliases
    )
    return [text for _key, text in found]


def _references(
    values: Mapping[str, Any],
    entities: Mapping[str, Entity],
    categories: Mapping[str, Category],
    milestones: Mapping[str, Milestone],
    aliases: dict[str, str],
) -> list[tuple[str, str]]:
    label = f"event '{values.get('id', '?')}'"
    found: list[tuple[str, str]] = []
    for code in values.get("countries", ()):
        if code not in entities:
            found.append(("countries", _unknown(label, "country", code, entities, aliases)))
    category = values.get("category")
    if category is not None and category not in categories:
        found.append(("category", _unknown(label, "category", category, categories)))
    for code in values.get("milestones", ()):
        if code not in milestones:
            found.append(("milestones", _unknown(label, "milestone", code, milestones)))
    return found


def _cycles(entity: Entity, entities: dict[str, Entity]) -> bool:
    seen = {entity.code}
    current = entity.successor
    while current is not None and current in entities:
        if current in seen:
            return current == entity.code
        seen.add(current)
        current = entities[current].successor
    return False


def _unknown(
    label: str,
    what: str,
    value: str,
    known: Iterable[str],
    aliases: dict[str, str] | None = None,
) -> str:
    alias = (aliases or {}).get(value.casefold())
    hint = [alias] if alias else suggest(value, known, n=1)
    tip = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"{label}: unknown {what} '{value}'{tip}"


def _problem_order(names: list[str]) -> Any:
    rank = {name: index for index, name in enumerate(names)}
    return lambda p: (rank.get(p.file, len(rank)), p.line, p.message)
