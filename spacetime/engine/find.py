"""Find an event as a person names it: its id, the start of its id, or words of its title.

An exact id wins. Otherwise an event matches when its id starts with the text (`apollo-11`) or
when every word of the text starts a word of its title, in any case (`chang'e 4`, `iss`), a
number being whole (`apollo 1` is not Apollo 11, `artemis ii` not Artemis III); a typographic
apostrophe counts as a plain one.
"""

from __future__ import annotations

from spacetime.core.errors import suggest
from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.filters import number_patterns

__all__ = ["find_events", "nearest_events"]


def _fold(text: str) -> str:
    return text.replace("\u2019", "'").casefold()


def find_events(timeline: Timeline, text: str) -> list[Event]:
    """The events `text` names, in timeline order: one for an exact id."""
    wanted = _fold(text.strip())
    if not wanted:
        return []
    events = timeline.events
    exact = [e for e in events if e.id == text.strip()]
    if exact:
        return exact
    words = number_patterns(wanted)
    return [
        e for e in events if e.id.startswith(wanted) or all(w.search(_fold(e.title)) for w in words)
    ]


def nearest_events(timeline: Timeline, text: str, n: int = 3) -> list[Event]:
    """The events whose id or title is closest to `text` (for "did you mean")."""
    wanted = _fold(text.strip())
    by_key: dict[str, Event] = {}
    for event in timeline.events:  # whole, and cut to the length typed (a mistyped start)
        for key in (event.id, _fold(event.title)):
            by_key.setdefault(key, event)
            by_key.setdefault(key[: len(wanted) + 1], event)
    found: list[Event] = []
    for key in suggest(wanted, by_key, n=n * 2):
        if by_key[key] not in found:
            found.append(by_key[key])
    return found[:n]
