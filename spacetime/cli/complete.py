"""Shell completion: the values behind options and arguments, and the answer to a completing shell.

`spacetime completion bash|zsh|fish` prints a script (Typer's, driven by `_SPACETIME_COMPLETE`)
that asks `spacetime` itself for candidates: commands and options come from the app, values
(countries and aliases, milestone and category codes, statuses, event ids, launch vehicles
and sites) from the timeline read
through the cache. Nothing here is imported beyond this module's own few lines unless the shell
is completing, so ordinary commands start no slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import typer  # already imported wherever this module is (by the options, or to complete)

if TYPE_CHECKING:
    from spacetime.core.timeline import Timeline
    from spacetime.output.environment import Environment

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


def _timeline(ctx: typer.Context) -> Timeline:
    """The timeline a command reads by default, in the environment `respond` was given."""
    from spacetime.load.cache import load_cached
    from spacetime.sources.files import data_files

    env: Environment = ctx.obj
    files = data_files([], bundled=True, personal=True, env=env.environ)
    return load_cached(files, folder=env.cache_dir())


def _entity_names(ctx: typer.Context) -> list[str]:
    return [
        name
        for e in _timeline(ctx).entities.values()
        for name in (e.code.lower(), *e.aliases)
        if " " not in name
    ]


def countries(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_entity_names(ctx), incomplete, several=True)


def nations(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_entity_names(ctx), incomplete)


def milestones(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_timeline(ctx).milestones, incomplete, several=True)


def categories(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_timeline(ctx).categories, incomplete, several=True)


def statuses(incomplete: str) -> list[str]:
    return _matching(
        ["achieved", "failed", "partial", "planned", "cancelled"], incomplete, several=True
    )


def _launch_names(ctx: typer.Context, part: str) -> list[str]:
    from spacetime.launches.names import Known
    from spacetime.sources.files import data_files

    env: Environment = ctx.obj
    return Known(data_files([], bundled=True, personal=True, env=env.environ)).completions(part)


def vehicles(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_launch_names(ctx, "vehicles"), incomplete, several=True)


def sites(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching(_launch_names(ctx, "sites"), incomplete, several=True)


def event_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return _matching((e.id for e in _timeline(ctx).events), incomplete)


def respond(
    instruction: str,
    build: Callable[..., typer.Typer],
    env: Environment,
    commands: Mapping[str, str],
) -> int:
    """Answer a completing shell (`instruction` is e.g. `complete_bash`) for the app `build` makes,
    in the environment `env` (each value completer is handed it as its context's `obj`).
    `commands` maps each command's name to its summary. When the words typed already name one
    of them, the app is built with that command alone, so that completing its options and values
    imports no other command; before that, with every command a placeholder of its name and
    summary, so that completing a command's name imports none."""
    from typer._completion_classes import completion_init
    from typer.completion import shell_complete

    completion_init()
    named = next((w for w in _typed(env.environ)[1:] if w in commands), None)
    if named is None:
        app = build([])
        for name, summary in commands.items():
            app.command(name, help=summary)(_placeholder)
    else:
        app = build([named])
    command = typer.main.get_command(app)
    return shell_complete(command, {"obj": env}, "spacetime", VARIABLE, instruction)


def _placeholder() -> None:
    """Stands for a command while only its name is being completed."""


def _typed(environ: Mapping[str, str]) -> list[str]:
    """The words the shell says were typed in full before the one being completed."""
    if "COMP_WORDS" in environ:  # bash: the words, and the index of the one being completed
        words = environ["COMP_WORDS"].split()
        cword = environ.get("COMP_CWORD", "")
        return words[: int(cword)] if cword.isdigit() else words[:-1]
    line = environ.get("_TYPER_COMPLETE_ARGS", "")  # zsh and fish: the line up to the cursor
    words = line.split()
    return words if line.endswith(" ") else words[:-1]


def script(shell: str) -> str:
    """The completion script for a shell (bash, zsh or fish)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="spacetime", complete_var=VARIABLE, shell=shell)
