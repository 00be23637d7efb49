"""Every timeline or launch file spacetime reads goes through `read_bytes`: a regular file of at
most `MAX_BYTES`.

A device (`--data /dev/zero`, `/dev/urandom`), a FIFO or a socket is refused before anything is
read from it, and no more than `MAX_BYTES` (256 MiB, about 700,000 events) is read from a file:
either could otherwise read until memory runs out or wait for ever. A refusal is an `OSError`
whose `strerror` says why in words, so every caller reports it as it reports an unreadable file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["MAX_BYTES", "read_bytes"]

MAX_BYTES = 256 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file `path`; OSError for anything else or anything larger."""
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            from spacetime.core.files import kind_of  # (only for the message)

            raise OSError(errno.EINVAL, f"{kind_of(mode)}, not a regular file", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise OSError(
            errno.EFBIG,
            f"larger than {MAX_BYTES // 2**20} MiB, the most spacetime reads",
            str(path),
        )
    return data
