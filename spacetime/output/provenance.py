"""Which answers rest on your own files: an event read from a personal or `--data` file (not from
the timeline and vocabulary shipped with spacetime) is marked with its file wherever it decides an
answer (a world first, a nation's first, a place among nations) or is shown in full. Marks are
made only when the bundled timeline is loaded too: with `--no-bundled` every answer comes from
your files, and a mark on each would say nothing.

An event of your files whose id is a bundled event's replaces that event everywhere (see
`spacetime.load.loader`): `replacement_notes` says so, once per file, for stderr."""

from __future__ import annotations

from spacetime.core.model import Event
from spacetime.core.timeline import Timeline

__all__ = ["Provenance", "replacement_notes"]

NAMED = 10
"""At most this many replaced ids are named in a note; the rest are counted."""


class Provenance:
    """Tells an event of the user's files from a shipped one (the shipped files' names are looked
    up once, as messages show them)."""

    def __init__(self, timeline: Timeline) -> None:
        from spacetime.load.sources import bundled_path, display_name, shipped_names

        self.shipped = shipped_names()
        self.active = display_name(bundled_path()) in timeline.files

    def file(self, event: Event | None) -> str | None:
        """The user's file `event` comes from; None for a shipped event (or no event), and for
        every event when the bundled timeline is left out."""
        if event is None or not self.active or event.origin.file in self.shipped:
            return None
        return event.origin.file

    def mark(self, text: str, event: Event | None) -> str:
        """`text` followed by the user's file it comes from, if any: `Apollo 11 (from mine.yaml)`."""
        own = self.file(event)
        return f"{text} (from {own})" if own else text


def replacement_notes(timeline: Timeline) -> list[str]:
    """One line per file of the user's that replaces bundled events, naming them:
    `mine.yaml replaces 3 bundled events: sputnik-1, vostok-1, apollo-11-first-moonwalk`."""
    from spacetime.core.words import plural

    by_file: dict[str, list[str]] = {}
    for event_id, file in timeline.replaced.items():
        by_file.setdefault(file, []).append(event_id)
    notes = []
    for file, ids in by_file.items():
        named = ", ".join(ids[:NAMED]) + (
            f" and {len(ids) - NAMED} more" if len(ids) > NAMED else ""
        )
        notes.append(f"{file} replaces {plural(len(ids), 'bundled event')}: {named}")
    return notes
