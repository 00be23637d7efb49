"""A pager the way git has one: on a terminal, an answer taller than the screen goes through
`$SPACETIME_PAGER`, else `$PAGER`, else `less -FRX` (`LESS=FRX` is set when `LESS` is not, so
`less` quits at once on a short page, keeps colour and leaves the page on the screen).

Only the commands that answer (listings, tables, charts) are paged; `--no-pager`, a pipe or a
file turn it off, as does an empty pager or `cat`. A pager that cannot be found leaves the answer
on standard output as if there were none. The command writes into a buffer meanwhile, so the
decision is made on the whole answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from spacetime.output.environment import Environment

__all__ = ["PAGED", "pager_command", "show", "wanted"]

PAGED = frozenset(
    {
        "list",
        "show",
        "launches",
        "compare",
        "firsts",
        "stats",
        "chart",
        "today",
        "on",
        "countries",
        "milestones",
        "categories",
        "schema",
    }
)
"""The commands whose answer may be paged (never one that asks questions or writes files)."""
DEFAULT = "less"
DEFAULT_HEIGHT = 24


def wanted(args: list[str], env: Environment) -> bool:
    """Whether this run's answer should be held for the pager: a paged command, not asked for
    its help, writing to a terminal (one that says it is: a stream a test or a library caller
    hands over as if it were a terminal, to fit tables to a width, is not paged)."""
    command = next((a for a in args if not a.startswith("-")), None)
    if not (env.terminal and command in PAGED and not {"--help", "-h"} & set(args)):
        return False
    try:
        return env.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run, or None for none (`SPACETIME_PAGER`, `PAGER`, then `less`)."""
    for name in ("SPACETIME_PAGER", "PAGER"):
        if name in environ:
            chosen = environ[name].strip()
            return None if chosen in ("", "cat") else chosen
    return DEFAULT


def show(text: str, env: Environment) -> None:
    """Write the answer to the terminal: through the pager (named by `env.environ`) when it is
    taller than the screen and a pager can be run, else straight to `env.stdout`."""
    environ = env.environ
    command = pager_command(environ)
    if command and text.count("\n") >= _height(env) and _runnable(command, environ.get("PATH")):
        import subprocess  # only when paging: off the start-up path

        pager_env = dict(environ)
        pager_env.setdefault("LESS", "FRX")
        pager_env.setdefault("LV", "-c")
        env.stdout.flush()
        try:
            done = subprocess.run(
                command, shell=True, input=text, text=True, env=pager_env, check=False
            )
        except KeyboardInterrupt:  # Ctrl-C reached the pager too: it has ended
            return
        except OSError:
            done = None
        if done is not None and done.returncode != 127:  # 127: the shell found no such command
            return
    env.stdout.write(text)
    env.stdout.flush()


def _runnable(command: str, path: str | None) -> bool:
    import shlex
    import shutil

    try:
        words = shlex.split(command)
    except ValueError:
        return False
    return bool(words) and shutil.which(words[0], path=path) is not None


def _height(env: Environment) -> int:
    """The screen's lines: `LINES`, else the terminal's own size, else 24."""
    setting = env.environ.get("LINES", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    try:
        return os.get_terminal_size(env.stdout.fileno()).lines or DEFAULT_HEIGHT
    except (OSError, ValueError, AttributeError):
        return DEFAULT_HEIGHT
