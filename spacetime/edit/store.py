"""One safe edit of a timeline file: lock, read, change, validate, check, write atomically.

The lock (`spacetime.edit.lock`) lets concurrent `spacetime add` processes queue instead of
overwriting each other; it waits longer for a larger file. The new text is validated with every
other loaded file before anything is written, and refused if it would be larger than spacetime
reads (`spacetime.core.reading.MAX_BYTES`). It is written by `spacetime.core.files.write_file` (a
temporary file, synced, renamed; the mode, owner and symbolic links kept), and just before the
rename the file is read again: if anything else changed it since it was read, nothing is written.
The file is held parsed once at a time (the timeline, then the document the new text is made from).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from spacetime.core import reading
from spacetime.core.errors import DataError, FileProblem, Problem, UsageError
from spacetime.core.files import FileExists, describe, kind_of, write_file
from spacetime.core.reading import read_bytes
from spacetime.core.timeline import Timeline
from spacetime.edit.lock import locked
from spacetime.load.cache import load_cached
from spacetime.load.sources import DataFiles

__all__ = ["LOCK_TIMEOUT", "check_editable", "edit_file", "lock_timeout", "read_text"]

LOCK_TIMEOUT = 60.0
SECONDS_PER_MB = 1.0
"""How much longer an edit waits for the lock per MB of the file: another editor's `add` to a
file of 1,000,000 events (370 MB) takes minutes, not one."""
BOM = b"\xef\xbb\xbf"  # a UTF-8 byte-order mark: read past, and kept when the file is written


def read_text(path: Path) -> str:
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file (create it with 'spacetime init {path}')") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read: {err.strerror or err}") from None
    return _decode(path, data)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None


def _current(path: Path) -> bytes | None:
    """The file's bytes now; None when there is no file (or a link to no file) yet."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise FileProblem(f"cannot edit {path}: {kind_of(mode)}, not a timeline file")
        return read_bytes(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise FileProblem(describe(path, err, "read")) from None


def lock_timeout(path: Path) -> float:
    """How long an edit of `path` waits for another editor: `LOCK_TIMEOUT`, and
    `SECONDS_PER_MB` more for each MB of the file."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return LOCK_TIMEOUT + SECONDS_PER_MB * size / 2**20


def check_editable(path: Path) -> None:
    """Refuse, before anything is read or asked, a target that is no file (a folder, a device)."""
    _current(path)


def edit_file(
    path: Path,
    files: DataFiles,
    change: Callable[[str, Timeline], str | Callable[[], str]],
    *,
    create: str | None = None,
    cache: Path | None = None,
) -> tuple[str, str]:
    """Apply `change(text, timeline)` to `path`; return the (old, new) text. A change may return
    a function that makes the new text, called once the timeline is let go: a large file is then
    never held parsed twice (the timeline, and the document the new text is made from).

    `files` are all the files to validate with (the target among them or not); `create` is the
    content of a file that does not exist yet (else a missing file is an error); `cache` is the
    folder of the parsed-file cache (None: none)."""
    with locked(path, lock_timeout(path)):
        before = _current(path)
        if before is None and create is None:
            read_text(path)  # raises the missing-file error
        old = create if before is None else _decode(path, before)
        assert old is not None
        # Both loads go through the cache: the one before the change is usually a hit (the command
        # has just loaded the same files), and the one after leaves the entry the next command
        # reads.
        targets = DataFiles(*_with_target(files, path))
        bom = "\ufeff" if before is not None and before.startswith(BOM) else ""
        current = load_cached(
            targets, {path: before if before is not None else old.encode()}, folder=cache
        )
        made = change(old, current)
        del current  # one parsed copy at a time: the new text's document, then its timeline
        new = made() if callable(made) else made
        encoded = (bom + new).encode()
        if len(encoded) > reading.MAX_BYTES:  # spacetime could not read the file back
            raise DataError(
                [
                    Problem(
                        str(path),
                        0,
                        f"the edit would make the file {len(encoded):,} bytes, more than the "
                        f"{reading.MAX_BYTES // 2**20} MiB spacetime reads; nothing was written",
                    )
                ]
            )
        load_cached(targets, {path: encoded}, folder=cache)

        def unchanged() -> None:
            if _current(path) != before:
                raise UsageError(f"{path} changed while it was being edited; nothing was written")

        if new != old or before is None:
            try:
                write_file(path, bom + new, replace=before is not None, check=unchanged)
            except FileExists:  # created by someone else since it was read
                unchanged()
                raise
        return old, new


def _with_target(files: DataFiles, path: Path) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    paths, names = list(files.paths), list(files.names)
    resolved = [p.resolve() for p in paths]
    if path.resolve() not in resolved:
        paths.append(path)
        names.append(str(path))
    else:
        paths[resolved.index(path.resolve())] = path
    return tuple(paths), tuple(names)
