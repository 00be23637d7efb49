"""spacetime's canonical YAML: the layout `export yaml` writes (and reads back to the same events).

Keys in the documented order, short lists inline (`[SU, RU]`), sources one a line, long text as
folded blocks, and a scalar quoted only when YAML would otherwise read it as something else.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from datetime import datetime

from spacetime.core.model import Category, Entity, Event, Milestone
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural

__all__ = ["dump_timeline", "entity_lines", "event_lines", "export", "term_lines"]

WIDTH = 100
_PLAIN = re.compile(r"[A-Za-z0-9(][^\n]*[^\s:]|[A-Za-z0-9]")
_INLINE_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._'/&+-]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
_DATE_LIKE = re.compile(r"[0-9][0-9X]{3}[-0-9XTZ:./?~%s]*")


def scalar(text: str, *, date: bool = False) -> str:
    """A scalar as plain text when that reads back the same, else double-quoted."""
    if date and _DATE_LIKE.fullmatch(text):
        return text
    plain = (
        _PLAIN.fullmatch(text)
        and text.casefold() not in _RESERVED
        and not re.fullmatch(r"[-+]?[0-9][0-9_.,:eE+-]*", text)
        and ": " not in text
        and " #" not in text
        and not text.startswith(
            ("- ", "? ", "[", "{", "!", "&", "*", "|", ">", "'", '"', "%", "@", "`")
        )
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _inline(items: Iterable[str]) -> str:
    parts = [
        i
        if _INLINE_SAFE.fullmatch(i) and i.casefold() not in _RESERVED
        else json.dumps(i, ensure_ascii=False)
        for i in items
    ]
    return "[" + ", ".join(parts) + "]"


def _text(key: str, text: str, indent: str) -> list[str]:
    single = f"{indent}{key}: {scalar(text)}"
    if len(single) <= WIDTH:
        return [single]
    foldable = text == text.strip() and "\n" not in text and "  " not in text
    if not foldable:
        return [single]
    body = textwrap.wrap(
        text, WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False
    )
    if any(line != line.strip() or line.startswith("#") for line in body):
        return [single]
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in body)]


def event_lines(event: Event) -> list[str]:
    """One event as YAML lines, starting with `  - id:`."""
    pad = "    "
    lines = [f"  - id: {event.id}", f"{pad}date: {scalar(event.date.text, date=True)}"]
    lines += _text("title", event.title, pad)
    if event.summary:
        lines += _text("summary", event.summary, pad)
    lines.append(f"{pad}countries: {_inline(event.countries)}")
    if event.agencies:
        lines.append(f"{pad}agencies: {_inline(event.agencies)}")
    if event.category:
        lines.append(f"{pad}category: {event.category}")
    if event.tags:
        lines.append(f"{pad}tags: {_inline(event.tags)}")
    lines.append(f"{pad}status: {event.status.value}")
    if event.milestones:
        lines.append(f"{pad}milestones: {_inline(event.milestones)}")
    for key in ("mission", "vehicle"):
        value = getattr(event, key)
        if value:
            lines += _text(key, value, pad)
    if event.launch:
        lines.append(f"{pad}launch: {scalar(event.launch)}")
    if event.note:
        lines += _text("note", event.note, pad)
    if event.confirmed:
        lines.append(f"{pad}confirmed: {scalar(event.confirmed.text, date=True)}")
    if event.reviewed:
        lines.append(f"{pad}reviewed: {scalar(event.reviewed.text, date=True)}")
    lines.append(f"{pad}sources:")
    lines += [f"{pad}  - {scalar(url)}" for url in event.sources]
    return lines


def entity_lines(entity: Entity) -> list[str]:
    lines = [
        f"  - code: {entity.code}",
        f"    name: {scalar(entity.name)}",
        f"    kind: {entity.kind.value}",
    ]
    if entity.aliases:
        lines.append(f"    aliases: {_inline(entity.aliases)}")
    if entity.successor:
        lines.append(f"    successor: {entity.successor}")
    return lines


def term_lines(term: Milestone | Category) -> list[str]:
    lines = [
        f"  - code: {term.code}",
        f"    name: {scalar(term.name)}",
        *_text("definition", term.definition, "    "),
    ]
    if isinstance(term, Milestone):
        if term.moment:
            lines.append(f"    moment: {term.moment.value}")
        if term.implied_by:
            lines.append(f"    implied_by: {_inline(term.implied_by)}")
    return lines


def dump_timeline(
    events: Iterable[Event],
    entities: Iterable[Entity] = (),
    milestones: Iterable[Milestone] = (),
    categories: Iterable[Category] = (),
) -> str:
    """A whole timeline file in the canonical layout."""
    out = ["format: spacetime/1"]
    sections = (
        ("entities", [entity_lines(e) for e in entities]),
        ("milestones", [term_lines(m) for m in milestones]),
        ("categories", [term_lines(c) for c in categories]),
    )
    for name, blocks in sections:
        if blocks:
            out += ["", f"{name}:"]
            for block in blocks:
                out += block
    out += ["", "events:"]
    for event in events:
        out += event_lines(event)
    return "\n".join(out) + "\n"


def export(timeline: Timeline, events: Sequence[Event], now: datetime) -> tuple[str, str]:
    """A timeline file of `events` with the entities, milestones and categories of the user's own
    files (the standard vocabulary is loaded with every file: not repeated), and what it holds
    (`now` is not used)."""
    from spacetime.load.sources import shipped_names

    shipped = shipped_names()
    text = dump_timeline(
        events,
        [e for e in timeline.entities.values() if e.origin.file not in shipped],
        [m for m in timeline.milestones.values() if m.origin.file not in shipped],
        [c for c in timeline.categories.values() if c.origin.file not in shipped],
    )
    return text, plural(len(events), "event")
