"""Shell completion: the values behind options and arguments, and the answer to a completing shell.

`spacetime completion bash|zsh|fish` prints a script (Typer's, driven by `_SPACETIME_COMPLETE`)
that asks `spacetime` itself for candidates: commands and options come from the app, values
(countries and aliases, milestone and category codes, statuses, event ids, launch vehicles
and sites) from the timeline read
through the cache. Nothing here is imported beyond this module's own few lines unless the shell
is completing, so ordinary commands start no slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

    from spacetime.core.timeline import Timeline

__all__ = [
    "VARIABLE",
    "categories",
    "countries",
    "event_ids",
    "milestones",
    "nations",
    "respond",
    "script",
    "sites",
    "statuses",
    "vehicles",
]

VARIABLE = "_SPACETIME_COMPLETE"


def _matching(names: Iterable[str], incomplete: str, *, several: bool = False) -> list[str]:
    """The names that start what was typed; with `several`, after the last comma (`-c usa,ch`)."""
    done, _, part = incomplete.rpartition(",") if several else ("", "", incomplete)
    prefix = f"{done}," if done else ""
    wanted = part.strip().casefold()
    seen = dict.fromkeys(n for n in names if n.casefold().startswith(wanted))
    return [prefix + n for n in seen]


def _timeline() -> Timeline:
    from spacetime.load.cache import load_cached
    from spacetime.sources.files import data_files

    return load_cached(data_files([], bundled=True, personal=True))


def _entity_names() -> list[str]:
    return [
        name
        for e in _timeline().entities.values()
        for name in (e.code.lower(), *e.aliases)
        if " " not in name
    ]


def countries(incomplete: str) -> list[str]:
    return _matching(_entity_names(), incomplete, several=True)


def nations(incomplete: str) -> list[str]:
    return _matching(_entity_names(), incomplete)


def milestones(incomplete: str) -> list[str]:
    return _matching(_timeline().milestones, incomplete, several=True)


def categories(incomplete: str) -> list[str]:
    return _matching(_timeline().categories, incomplete, several=True)


def statuses(incomplete: str) -> list[str]:
    return _matching(
        ["achieved", "failed", "partial", "planned", "cancelled"], incomplete, several=True
    )


def _launch_names(part: str) -> list[str]:
    from spacetime.launches.names import Known
    from spacetime.sources.files import data_files

    return Known(data_files([], bundled=True, personal=True)).completions(part)


def vehicles(incomplete: str) -> list[str]:
    return _matching(_launch_names("vehicles"), incomplete, several=True)


def sites(incomplete: str) -> list[str]:
    return _matching(_launch_names("sites"), incomplete, several=True)


def event_ids(incomplete: str) -> list[str]:
    return _matching((e.id for e in _timeline().events), incomplete)


def respond(instruction: str, build: Callable[[], typer.Typer]) -> int:
    """Answer a completing shell (`instruction` is e.g. `complete_bash`) for the app `build` makes."""
    import typer
    from typer._completion_classes import completion_init
    from typer.completion import shell_complete

    completion_init()
    command = typer.main.get_command(build())
    return shell_complete(command, {}, "spacetime", VARIABLE, instruction)


def script(shell: str) -> str:
    """The completion script for a shell (bash, zsh or fish)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="spacetime", complete_var=VARIABLE, shell=shell)
