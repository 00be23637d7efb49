"""Every file spacetime writes goes through `write_file`: all or nothing, and nothing else changed.

The content goes to a temporary file of a unique name (`.NAME.PID-RANDOM.tmp`) in the folder of the
file, is flushed to the disk (`fsync`), then renamed over the file, and the folder is synced too: a
crash or `kill -9` at any moment leaves either the old file or the new one, never a mix. Besides:

- a new file gets the mode the umask gives (0644 under umask 022, 0600 under 077); a file that is
  replaced keeps its mode, and its owner and group where the process may set them;
- a symbolic link is written through: its target changes and the link stays a link;
- only regular files are replaced, never a folder, a device, a FIFO or a socket, nor a file the
  user may not write (a read-only file stays read-only and unchanged);
- `replace=False` creates the file without ever replacing one (the new file is hard-linked into
  place, which fails if a file of that name appeared in the meantime), so the check is the write;
- `check` runs once the new content is safely on disk, just before the rename, and may refuse it
  (an edit uses it to notice a file that changed under it);
- leftover temporary files of the same name whose writer is gone are removed.

Failures are `FileProblem`s naming the user's path and the cause, never the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from spacetime.core.errors import FileProblem, UsageError

__all__ = [
    "FileExists",
    "describe",
    "kind_of",
    "prune_temporaries",
    "real_target",
    "write_file",
]

STALE_SECONDS = 60.0  # a temporary file this old, of a process that is gone, is a leftover


class FileExists(UsageError):
    """The file to create exists already (and was left alone)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} exists; use --force to overwrite it")


def write_file(
    path: Path,
    content: str | bytes | tuple[bytes, ...] | Callable[[Path], None],
    *,
    replace: bool = True,
    check: Callable[[], None] | None = None,
    sync: bool = True,
) -> None:
    """Write `content` (text as UTF-8, bytes, pieces of bytes, or a function that fills the empty
    file at the path it is given, raising OSError if it cannot) to `path`, safely (see the
    module's notes). `sync=False` skips the `fsync`s, for files whose damage is detected on
    reading anyway (the cache)."""
    target = real_target(path)
    try:
        before = target.stat()
    except FileNotFoundError:
        before = None
    except OSError as err:
        raise FileProblem(describe(path, err, "write")) from None
    if before is not None:
        if not stat.S_ISREG(before.st_mode):
            raise FileProblem(f"cannot write {path}: {kind_of(before.st_mode)}, not a regular file")
        if not replace:
            raise FileExists(path)
        if not os.access(target, os.W_OK):  # renaming over it would work: respect it instead
            raise FileProblem(f"cannot write {path}: the file is read-only")
    prune_temporaries(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
    try:
        _fill(temporary, content, sync)
        if before is not None:
            _keep_owner_and_mode(temporary, before)
        if check is not None:
            check()
        if replace:
            temporary.replace(target)
        else:
            _create_from(temporary, target, path)
        if sync:
            _sync_folder(target.parent)
    except OSError as err:
        raise FileProblem(describe(path, err, "write")) from None
    finally:
        _remove(temporary)


def _fill(
    temporary: Path, content: str | bytes | tuple[bytes, ...] | Callable[[Path], None], sync: bool
) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(temporary, flags, 0o666)  # the umask takes its share, as for any new file
    try:
        if callable(content):
            os.close(descriptor)
            descriptor = -1
            content(temporary)
            descriptor = os.open(temporary, os.O_RDONLY)
        else:
            pieces = content if isinstance(content, tuple) else (content,)
            for piece in pieces:
                view = memoryview(piece.encode("utf-8") if isinstance(piece, str) else piece)
                while view:
                    view = view[os.write(descriptor, view) :]
        if sync:
            os.fsync(descriptor)
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def _keep_owner_and_mode(temporary: Path, before: os.stat_result) -> None:
    if hasattr(os, "chown"):
        mine = temporary.stat()
        if (mine.st_uid, mine.st_gid) != (before.st_uid, before.st_gid):
            try:
                os.chown(temporary, before.st_uid, before.st_gid)
            except PermissionError:  # only root may give a file away: keep what we may
                with contextlib.suppress(PermissionError):
                    os.chown(temporary, -1, before.st_gid)
    temporary.chmod(stat.S_IMODE(before.st_mode))  # after chown, which clears set-id bits


def _create_from(temporary: Path, target: Path, path: Path) -> None:
    """Put the finished temporary file in place as `target`, failing if `target` exists."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise FileExists(path) from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: create exclusively, then copy the content in.
        import shutil

        try:
            with target.open("xb") as out, temporary.open("rb") as source:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
        except FileExistsError:
            raise FileExists(path) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems cannot sync a folder, which is no error."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def real_target(path: Path) -> Path:
    """The file a path stands for: the final target of a symbolic link, else the path itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def prune_temporaries(target: Path, pattern: str | None = None) -> None:
    """Remove leftover temporary files (of `target`, or matching `pattern` in its folder) whose
    writing process is gone and that nobody touched for a minute (on POSIX systems, which can tell
    whether a process is running)."""
    pattern = pattern or f".{target.name}.*.tmp"
    try:
        candidates = list(target.parent.glob(pattern))
    except OSError:
        return
    now = time.time()
    for candidate in candidates:
        pid = candidate.name[: -len(".tmp")].rsplit(".", 1)[-1].split("-")[0]  # PID-RANDOM or PID
        try:
            if now - candidate.lstat().st_mtime < STALE_SECONDS or _running(int(pid)):
                continue
        except (OSError, ValueError):
            continue
        _remove(candidate)


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # elsewhere os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


CAUSES = {
    errno.ENOENT: "no such folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "name too long",
    errno.EIO: "input/output error",
}


def describe(path: Path, err: OSError, action: str) -> str:
    """One line naming the user's `path` and why `action` ("read", "write") failed."""
    cause = CAUSES.get(err.errno or 0) or (err.strerror or type(err).__name__).lower()
    if err.errno == errno.ENOENT and action == "write":
        folder = real_target(path).parent
        cause = f"the folder {folder} does not exist"
    return f"cannot {action} {path}: {cause}"
