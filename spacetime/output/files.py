"""Writing files safely: to a temporary file in the same folder, flushed, then renamed into place,
so that a crash never leaves a half-written file. A new file gets the mode the umask gives; a
replaced file keeps its mode."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_text_file"]


def write_text_file(path: Path, text: str) -> None:
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        Path(temporary).chmod(_mode(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
