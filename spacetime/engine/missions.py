"""Missions: the events that share a `mission` (Apollo 11's launch, landing, first walk and
return), and the one mission a person's words name.

`show WORDS` matching several events shows a mission when the words name exactly one mission
(every word found in the mission's name, a number being whole: `artemis ii` is Artemis II, not
Artemis III; of several, the one spelt as typed: `chang'e 5`, not Chang'e 5-T1), or else when
every event matched belongs to the same mission.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline
from spacetime.engine.filters import number_patterns

__all__ = ["mission_events", "named_mission"]


def named_mission(timeline: Timeline, text: str, found: Sequence[Event]) -> str | None:
    """The one mission `text` names, or that all of `found` belong to; None otherwise."""
    words = number_patterns(text.replace("\u2019", "'"))
    named = {
        e.mission
        for e in timeline.events
        if e.mission and words and all(w.search(e.mission.casefold()) for w in words)
    }
    if len(named) == 1:
        return named.pop()
    exact = {m for m in named if _spelt(m) == _spelt(text)}  # "chang'e 5", not Chang'e 5-T1
    if len(exact) == 1:
        return exact.pop()
    shared = {e.mission for e in found}
    if len(shared) == 1 and not named:
        return shared.pop()
    return None


def _spelt(name: str) -> str:
    """A name as typed: any case, any apostrophe, hyphens and spaces alike."""
    return " ".join(name.replace("\u2019", "'").replace("-", " ").casefold().split())


def mission_events(timeline: Timeline, mission: str) -> list[Event]:
    """The events of the mission, in date order."""
    return sorted(
        (e for e in timeline.events if e.mission == mission),
        key=lambda e: e.date.sort_key(),
    )
