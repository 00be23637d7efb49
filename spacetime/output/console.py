"""Consoles for stdout and stderr that behave in pipes: no colour, no truncation.

Colour and every other style (bold, dim, italic) go only to a terminal, and never when `NO_COLOR`
is set or `TERM=dumb`. When stdout is not a terminal the
width is unlimited, so no table cell is ever cut or wrapped.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console

__all__ = ["make_console"]

PIPE_WIDTH = 100_000


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Leave a closed pipe to the output layer (Rich would exit with status 1)."""
        raise BrokenPipeError


def make_console(file: TextIO | None = None) -> Console:
    stream = file or sys.stdout
    terminal = stream.isatty()
    plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return _Console(
        file=stream,
        no_color=plain,
        force_terminal=terminal,
        color_system="auto" if terminal and not plain else None,
        width=None if terminal else PIPE_WIDTH,
        highlight=False,
        emoji=False,
        soft_wrap=not terminal,
    )
