"""The facts of the process a command runs in, gathered once at the entry point (as httpie's
`Environment`), and the one way every message leaves spacetime.

No module below the command line's entry reads an environment variable or asks a stream whether it
is a terminal: it is handed an `Environment` (or the plain values it holds: a folder, a day). The
command line builds one from the process (`from_process`: the streams, `COLUMNS`, `NO_COLOR`,
`TERM`, `SPACETIME_TODAY`, and the variables themselves for the data and cache folders); a library
caller or a test builds its own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Environment"]


class Environment:
    """Where output goes, how it may look there, what day it is, and the environment variables.
    Read-only once made; a plain class rather than a frozen dataclass, which would cost start-up
    time (and import `dataclasses`)."""

    __slots__ = ("colour", "environ", "stderr", "stdin", "stdout", "terminal", "today", "width")

    stdout: TextIO
    stderr: TextIO
    stdin: TextIO
    terminal: bool
    """Standard output is a terminal: tables are fitted to `width`; otherwise nothing is cut."""
    width: int
    """The terminal's columns."""
    colour: bool
    """Colour and other styles may be written (only ever to a terminal)."""
    today: date | None
    """The day to count "years ago" from; None for the system clock's UTC date (see `day`)."""
    environ: Mapping[str, str]
    """The environment variables (none by default: a library caller's process is its own)."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        terminal: bool = False,
        width: int = 80,
        colour: bool = False,
        today: date | None = None,
        stdin: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """The streams default to the process's own at the time of the call."""
        setter = object.__setattr__
        setter(self, "stdout", sys.stdout if stdout is None else stdout)
        setter(self, "stderr", sys.stderr if stderr is None else stderr)
        setter(self, "stdin", sys.stdin if stdin is None else stdin)
        setter(self, "terminal", terminal)
        setter(self, "width", width)
        setter(self, "colour", colour)
        setter(self, "today", today)
        setter(self, "environ", {} if environ is None else environ)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"an Environment is read-only: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"an Environment is read-only: cannot delete {name}")

    def replace(self, **changes: Any) -> Environment:
        """A copy with some facts changed: `env.replace(today=date(1969, 7, 20))`."""
        return Environment(**({name: getattr(self, name) for name in _SHOWN} | changes))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN[:-1])
        return f"Environment({values})"

    def day(self) -> date:
        """Today: the fixed `today`, else the system clock's UTC date."""
        return self.today or datetime.now(UTC).date()

    def now(self) -> datetime:
        """The current time in UTC, to the second; midnight of `today` when it is fixed."""
        if self.today is not None:
            return datetime(self.today.year, self.today.month, self.today.day, tzinfo=UTC)
        return datetime.now(UTC).replace(microsecond=0)

    def data_dir(self) -> Path:
        """The user's spacetime data folder (where the personal timeline lives)."""
        from spacetime.load.places import user_data_dir

        return user_data_dir(self.environ)

    def cache_dir(self) -> Path | None:
        """The folder of the parsed-file cache; None when `SPACETIME_NO_CACHE` turns it off."""
        if self.environ.get("SPACETIME_NO_CACHE"):
            return None
        from spacetime.load.places import user_cache_dir

        return user_cache_dir(self.environ)

    def write(self, text: str) -> None:
        """Data on standard output, as it is."""
        self.stdout.write(text)

    def say(self, line: object) -> None:
        """A line of data on standard output."""
        self.stdout.write(f"{line}\n")

    def tell(self, line: object) -> None:
        """A line for the person on standard error, as it is (what was written, a problem)."""
        self.stderr.write(f"{line}\n")

    def note(self, text: str) -> None:
        """`spacetime: note: ...` on standard error."""
        self.tell(f"spacetime: note: {text}")

    def warn(self, text: str) -> None:
        """`spacetime: warning: ...` on standard error."""
        self.tell(f"spacetime: warning: {text}")

    @classmethod
    def from_process(
        cls,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        *,
        environ: Mapping[str, str],
    ) -> Environment:
        """The facts of this process: its streams, `COLUMNS` (else the terminal's own size, else
        80), colour on a terminal unless `NO_COLOR` is set or `TERM=dumb`, `SPACETIME_TODAY`
        (a `UsageError` when it is no date), and `environ` itself."""
        out = stdout or sys.stdout
        terminal = _isatty(out)
        plain = bool(environ.get("NO_COLOR")) or environ.get("TERM") == "dumb"
        fixed = environ.get("SPACETIME_TODAY")
        return cls(
            stdout=out,
            stderr=stderr or sys.stderr,
            terminal=terminal,
            width=_width(out, environ.get("COLUMNS", "")),
            colour=terminal and not plain,
            today=_day(fixed) if fixed else None,
            environ=environ,
        )


_SHOWN = ("stdout", "stderr", "terminal", "width", "colour", "today", "stdin", "environ")


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


def _day(text: str) -> date:
    """`SPACETIME_TODAY` as a date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        from spacetime.core.errors import UsageError

        raise UsageError(f"SPACETIME_TODAY='{text}' is not a YYYY-MM-DD date") from None
