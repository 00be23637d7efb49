"""Standard streams made safe before a command runs: closed ones, and encodings that cannot say all.

A stream the shell closed (`>&-`, `<&-`, `2>&-`) gets /dev/null at its descriptor, so no file
spacetime opens later takes its number. Closed standard input then reads as empty and is no
terminal; closed standard error swallows messages (they never move to stdout); closed standard
output refuses each write with EBADF, which the error funnel reports as one line and exit 4.

On an encoding that cannot write every character (`LC_ALL=C PYTHONUTF8=0`, `PYTHONIOENCODING=ascii`
with any error handler) stdout and stderr write an ASCII stand-in for what they cannot encode
(`->` for `→`, `e` for `é`), else `?`, rather than fail. Unbuffered standard output
(`PYTHONUNBUFFERED=1`, `python -u`) is given a buffer again: a text stream writing straight to the
descriptor ignores a short write (a nearly full disk), where a buffered writer writes the rest or
raises, so output that cannot be written is always an error (exit 4), never truncated silently.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import TextIO

__all__ = ["ClosedOutput", "buffered", "prepare_streams", "stand_in"]

ERRORS = "spacetime-stand-in"
_STAND_INS = {
    "→": "->", "←": "<-", "↔": "<->", "–": "-", "—": "--", "−": "-", "…": "...", "‘": "'",
    "’": "'", "“": '"', "”": '"', "×": "x", "·": ".", "•": "*", "≤": "<=", "≥": ">=", "≈": "~",
    "█": "#", "▌": "#", "─": "-", "│": "|", "✓": "v", "✗": "x", "°": " deg", "\u00a0": " ",
}  # fmt: skip


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


_KEPT: list[TextIO] = []


def stand_in(err: UnicodeError) -> tuple[str, int]:
    """The codec error handler of the standard streams: each character the encoding cannot hold
    written as an ASCII stand-in (`->` for `→`, a letter without its accent), else `?`."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    import unicodedata

    shown = []
    for character in err.object[err.start : err.end]:
        plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
        candidate = _STAND_INS.get(character) or plain or "?"
        try:
            candidate.encode(err.encoding)
        except (UnicodeError, LookupError):
            candidate = "?"
        shown.append(candidate)
    return "".join(shown), err.end


def buffered(stream: TextIO) -> TextIO:
    """`stream` with a buffered writer under it when it writes straight to its descriptor (and
    every standard stream with the stand-in error handler)."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream
    if isinstance(stream.buffer, io.BufferedIOBase):
        stream.reconfigure(errors=ERRORS)
        return stream
    stream.flush()
    _KEPT.append(stream)  # left open: it owns the descriptor, which the new stream never closes
    try:
        raw: io.RawIOBase = io.FileIO(stream.fileno(), "w", closefd=False)
    except (OSError, ValueError):  # no descriptor (a stream made in memory): its own raw stream
        raw = stream.buffer
    return io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=stream.encoding,
        errors=ERRORS,
        line_buffering=stream.line_buffering or stream.isatty(),  # a terminal sees each line
    )


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
    codecs.register_error(ERRORS, stand_in)
    sys.stdout = buffered(sys.stdout)
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors=ERRORS)
