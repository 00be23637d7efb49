"""The facts about where output goes, gathered once at the entry point (as httpie's `Environment`).

The output code reads no environment variable and asks no stream whether it is a terminal: it is
handed an `Environment`. The command line builds one from the process (`from_process`: `COLUMNS`,
`NO_COLOR`, `TERM`, `SPACETIME_TODAY`, the streams); a library caller or a test builds its own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date
from typing import Any, TextIO

__all__ = ["CURRENT", "Environment", "today"]


class Environment:
    """Where output goes and how it may look there. Read-only once made; a plain class rather
    than a frozen dataclass, which would cost start-up time (and import `dataclasses`)."""

    __slots__ = ("colour", "stderr", "stdout", "terminal", "today", "width")

    stdout: TextIO
    stderr: TextIO
    terminal: bool
    """Standard output is a terminal: tables are fitted to `width`; otherwise nothing is cut."""
    width: int
    """The terminal's columns."""
    colour: bool
    """Colour and other styles may be written (only ever to a terminal)."""
    today: date | None
    """The day to count "years ago" from; None for the system clock's UTC date."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        terminal: bool = False,
        width: int = 80,
        colour: bool = False,
        today: date | None = None,
    ) -> None:
        """The streams default to the process's own at the time of the call."""
        setter = object.__setattr__
        setter(self, "stdout", sys.stdout if stdout is None else stdout)
        setter(self, "stderr", sys.stderr if stderr is None else stderr)
        setter(self, "terminal", terminal)
        setter(self, "width", width)
        setter(self, "colour", colour)
        setter(self, "today", today)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"an Environment is read-only: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"an Environment is read-only: cannot delete {name}")

    def replace(self, **changes: Any) -> Environment:
        """A copy with some facts changed: `env.replace(today=date(1969, 7, 20))`."""
        return Environment(**({name: getattr(self, name) for name in _SHOWN} | changes))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN)
        return f"Environment({values})"

    @classmethod
    def from_process(
        cls,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Environment:
        """The facts of this process: its streams, `COLUMNS` (else the terminal's own size, else
        80), colour on a terminal unless `NO_COLOR` is set or `TERM=dumb`, `SPACETIME_TODAY`."""
        out = stdout or sys.stdout
        env = os.environ if environ is None else environ
        terminal = _isatty(out)
        plain = bool(env.get("NO_COLOR")) or env.get("TERM") == "dumb"
        fixed = env.get("SPACETIME_TODAY")
        return cls(
            stdout=out,
            stderr=stderr or sys.stderr,
            terminal=terminal,
            width=_width(out, env.get("COLUMNS", "")),
            colour=terminal and not plain,
            today=_day(fixed) if fixed else None,
        )


_SHOWN = ("stdout", "stderr", "terminal", "width", "colour", "today")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _width(out: TextIO, setting: str) -> int:
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    try:
        return os.get_terminal_size(out.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def _day(text: str) -> date | None:
    """`SPACETIME_TODAY` as a date; a malformed one is left to `spacetime.engine.clock` to report."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


CURRENT: ContextVar[Environment | None] = ContextVar("environment", default=None)
"""The environment of the command-line run in progress: set by `spacetime.cli.app.main` for the
run's duration only (a library call never sets it)."""


def today() -> date:
    """Today for the run in progress: its environment's day when set, else the clock's
    (`spacetime.engine.clock`, which reports a malformed `SPACETIME_TODAY`)."""
    env = CURRENT.get()
    if env is not None and env.today is not None:
        return env.today
    from spacetime.engine.clock import today as clock_today

    return clock_today()
