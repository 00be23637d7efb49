"""The lock that lets concurrent edits of one timeline file queue instead of overwriting each other.

It is a file `.NAME.lock` beside the edited file (beside the target of a symbolic link), locked with
`flock` and removed when the edit ends, so no lock file stays beside the user's files. A waiter
that finally gets the lock checks that the lock file it holds is still the one in the folder (the
previous holder may have removed it meanwhile) and starts over if not. A folder where no lock file
can be created (read-only, or missing) is edited without one: nobody else can write there, and the
write itself reports why it cannot be done. Elsewhere than on POSIX systems `filelock` locks.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spacetime.core.errors import FileProblem, UsageError
from spacetime.core.files import describe, real_target

__all__ = ["locked"]

POLL_SECONDS = 0.02
UNLOCKABLE = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT)  # the edit says why


@contextmanager
def locked(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock of the file `path` for the `with` block; wait up to `timeout` seconds (the
    caller makes it grow with the file), then say how long the other editor has held it."""
    target = real_target(path)
    lock = target.with_name(f".{target.name}.lock")
    if os.name != "posix":  # pragma: no cover - exercised on Windows only
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(lock), timeout=timeout):
                yield
        except Timeout:
            raise _busy(path, lock) from None
        return
    descriptor = _acquire(path, lock, time.monotonic() + timeout)
    try:
        yield
    finally:
        if descriptor is not None:
            with contextlib.suppress(OSError):
                lock.unlink()  # while still holding it: a waiter sees it gone and starts over
            os.close(descriptor)


def _acquire(path: Path, lock: Path, deadline: float) -> int | None:
    import fcntl

    while True:
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as err:
            if err.errno in UNLOCKABLE:
                return None
            raise FileProblem(describe(path, err, "write")) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            if time.monotonic() > deadline:
                raise _busy(path, lock) from None
            time.sleep(POLL_SECONDS)
            continue
        held = os.fstat(descriptor)
        try:
            current = lock.stat()
        except FileNotFoundError:
            current = None
        if current is not None and (current.st_dev, current.st_ino) == (held.st_dev, held.st_ino):
            return descriptor
        os.close(descriptor)


def _busy(path: Path, lock: Path) -> UsageError:
    """The lock was not had in time: how long the other editor has held it (since its lock file
    was made), so that a user can tell a long edit from a stuck one."""
    try:
        held = f" (for {max(0, round(time.time() - lock.stat().st_mtime)):,} s)"
    except OSError:
        held = ""
    return UsageError(f"{path} is locked by another spacetime process{held}; try again")
