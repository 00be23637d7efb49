"""`spacetime cache info|clear`: where the cache of parsed timelines is, what it holds, and emptying
it (see `spacetime.load.cache`)."""

from enum import StrEnum
from typing import Annotated

import typer

from spacetime.cli.options import use
from spacetime.core.errors import FileProblem
from spacetime.core.words import plural
from spacetime.output.environment import Environment


class Action(StrEnum):
    INFO = "info"
    CLEAR = "clear"


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MiB"


@use()
def cache(
    action: Annotated[
        Action,
        typer.Argument(
            metavar="info|clear",
            help="info: the folder, its entries and their size; clear: remove them.",
        ),
    ],
    *,
    env: Environment,
) -> None:
    """Show or empty the cache of parsed timelines (it only saves time; safe to clear at any time)."""
    from spacetime.load.cache import BUDGET, KEEP, clear, entries
    from spacetime.load.places import user_cache_dir

    folder = user_cache_dir(env.environ)
    if action is Action.CLEAR:
        try:
            count, size = clear(folder)
        except OSError as err:
            raise FileProblem(f"cannot clear {folder}: {err.strerror or err}") from None
        env.tell(f"removed {plural(count, 'entry', 'entries')} ({_size(size)}) from {folder}")
        return
    held = entries(folder)
    env.say(f"folder: {folder}")
    env.say(f"entries: {len(held)} ({_size(sum(size for _, size in held))})")
    env.say(f"limit: {KEEP} entries, {_size(BUDGET)} (the oldest removed first)")  # 60 columns
