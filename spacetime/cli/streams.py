"""Standard streams made safe before a command runs: closed ones, and encodings that cannot say all.

A stream the shell closed (`>&-`, `<&-`, `2>&-`) gets /dev/null at its descriptor, so no file
spacetime opens later takes its number. Closed standard input then reads as empty and is no
terminal; closed standard error swallows messages (they never move to stdout); closed standard
output refuses each write with EBADF, which the error funnel reports as one line and exit 4. On
an encoding that cannot write every character (`PYTHONIOENCODING=latin-1`, ascii) stdout and
stderr replace what they cannot encode rather than fail.
"""

from __future__ import annotations

import errno
import io
import os
import sys

__all__ = ["ClosedOutput", "prepare_streams"]


class ClosedOutput(io.TextIOBase):
    """Standard output that the shell closed: every write fails as writing to a closed descriptor
    does; nothing written is lost silently."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 1


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _reserve(fd: int, flags: int) -> None:
    """Put /dev/null at the closed descriptor `fd`."""
    null = os.open(os.devnull, flags)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)


def prepare_streams() -> None:
    """Make the three standard streams safe to use (see the module docstring)."""
    for fd, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        if _closed(fd):
            _reserve(fd, flags)
            if fd == 0:
                sys.stdin = open(fd, encoding="utf-8", closefd=False)  # noqa: SIM115
            elif fd == 1:
                sys.stdout = ClosedOutput()
            else:
                sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
