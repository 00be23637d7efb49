"""One safe edit of a timeline file: lock, read, change, validate, check, write atomically.

The lock (a `.NAME.lock` file beside the timeline, via `filelock`) lets concurrent `spacetime add`
processes queue instead of overwriting each other. The new text is validated with every other loaded
file before anything is written; the write is refused if the file changed since it was read; the
new content goes to a temporary file in the same folder, flushed and renamed over the original.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacetime.core.errors import UsageError
from spacetime.core.timeline import Timeline
from spacetime.load.loader import load_timeline
from spacetime.load.sources import DataFiles
from spacetime.output.files import write_text_file

__all__ = ["LOCK_TIMEOUT", "edit_file", "read_text"]

LOCK_TIMEOUT = 60.0


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file (create it with 'spacetime init {path}')") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read: {err.strerror or err}") from None


def edit_file(
    path: Path,
    files: DataFiles,
    change: Callable[[str, Timeline], str],
    *,
    create: str | None = None,
) -> tuple[str, str]:
    """Apply `change(text, timeline)` to `path`; return the (old, new) text.

    `files` are all the files to validate with (the target among them or not); `create` is the
    content of a file that does not exist yet (else a missing file is an error)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(path.with_name(f".{path.name}.lock")))
    try:
        with lock.acquire(timeout=LOCK_TIMEOUT):
            before = path.read_bytes() if path.exists() else None
            if before is None and create is None:
                read_text(path)  # raises the missing-file error
            old = create if before is None else read_text(path)
            assert old is not None
            paths, names = _with_target(files, path)
            current = load_timeline(paths, names, texts={path: old})
            new = change(old, current)
            load_timeline(paths, names, texts={path: new})
            after = path.read_bytes() if path.exists() else None
            if after != before:
                raise UsageError(f"{path} changed while it was being edited; nothing was written")
            if new != old or before is None:
                write_text_file(path, new)
            return old, new
    except Timeout:
        raise UsageError(f"{path} is locked by another spacetime process; try again") from None


def _with_target(files: DataFiles, path: Path) -> tuple[list[Path], list[str]]:
    paths, names = list(files.paths), list(files.names)
    resolved = [p.resolve() for p in paths]
    if path.resolve() not in resolved:
        paths.append(path)
        names.append(str(path))
    else:
        paths[resolved.index(path.resolve())] = path
    return paths, names
