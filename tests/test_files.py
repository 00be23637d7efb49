"""Every write, and every way the system can refuse one (issues 13.2, 18.3, 18.4).

New files follow the umask, edited files keep their mode and owner, symbolic links are written
through, a killed process leaves the old file, nothing is created over a file that appeared in the
meantime, special files are refused, and a missing folder, a read-only folder, a full disk or a
full standard output is one line naming the path and the cause, exit 4.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ADD, MINI, Run
from spacetime.core import files
from spacetime.load.loader import load_timeline

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))
TIMELINE = """\
format: spacetime/1

events:
  - id: first-lecture
    date: 1957-10-04
    title: First lecture
    countries: [US]
    category: satellite
    status: achieved
    sources:
      - https://example.org/one
"""
MINI_EVENTS = len(load_timeline([MINI]).events)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def spacetime(*args: str, **streams: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SPACETIME_TODAY": "2026-11-24"}
    command = [sys.executable, "-m", "spacetime", *args]
    return subprocess.Popen(command, env=env, **streams)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(params=[0o022, 0o077], ids=["umask022", "umask077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


# 13.2: modes, owners, links


def test_new_files_follow_the_umask(cli: Cli, tmp_path: Path, umask: int) -> None:
    expected = 0o666 & ~umask
    made = {
        "init.yaml": ("init", str(tmp_path / "init.yaml")),
        "out.ics": ("export", "ics", *BASE, "-o", str(tmp_path / "out.ics")),
        "out.db": ("export", "sqlite", *BASE, "-o", str(tmp_path / "out.db")),
        "chart.svg": ("chart", *BASE, "--svg", str(tmp_path / "chart.svg")),
        "chart.html": ("chart", *BASE, "--html", str(tmp_path / "chart.html")),
    }
    for name, args in made.items():
        result = cli(*args)
        assert result.code == 0, result.err
        assert mode(tmp_path / name) == expected, name
    personal = Path(os.environ["XDG_DATA_HOME"]) / "spacetime" / "timeline.yaml"
    assert cli("add", *BASE, *ADD).code == 0
    assert mode(personal) == expected
    assert mode(tmp_path / "spacetime.schema.json") == expected  # written by init beside its file
    assert names(tmp_path) == sorted(
        [*made, "out.metadata.json", "spacetime.schema.json"]
    )  # no temporary or lock file


@pytest.mark.parametrize("kept", [0o640, 0o604, 0o600, 0o664])
def test_edited_and_replaced_files_keep_their_mode(
    cli: Cli, tmp_path: Path, umask: int, kept: int
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    path.chmod(kept)
    assert cli("add", *BASE, "--to", str(path), *ADD).code == 0
    assert mode(path) == kept
    assert cli("remove", "first-lecture", *BASE, "--from", str(path)).code == 0
    assert mode(path) == kept
    path.write_text(path.read_text(encoding="utf-8").replace("[US]", "[ US ]"))
    assert cli("fmt", *BASE, str(path)).err == f"reformatted {path}\n"
    assert mode(path) == kept
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(kept)
    assert cli("export", "csv", *BASE, "-o", str(out), "--force").code == 0
    assert mode(out) == kept and out.read_text(encoding="utf-8").startswith("id,")
    assert names(tmp_path) == ["course.yaml", "out.csv"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_an_edited_file_keeps_its_owner_and_group(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    os.chown(path, 65534, 65534)
    assert cli("add", *BASE, "--to", str(path), *ADD).code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)
    assert "moon-landing-shown-in-class" in path.read_text(encoding="utf-8")


def test_edits_and_exports_write_through_symbolic_links(
    cli: Cli, tmp_path: Path, umask: int
) -> None:
    real = tmp_path / "dotfiles" / "course.yaml"
    real.parent.mkdir()
    real.write_text(TIMELINE, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "course.yaml"
    link.symlink_to(Path("dotfiles") / "course.yaml")  # relative, as dotfile managers make them
    chained = tmp_path / "again.yaml"
    chained.symlink_to(link)
    assert cli("add", *BASE, "--to", str(chained), *ADD).code == 0
    assert (
        link.is_symlink()
        and chained.is_symlink()
        and str(link.readlink()) == "dotfiles/course.yaml"
    )
    assert "moon-landing-shown-in-class" in real.read_text(encoding="utf-8")
    assert cli("remove", "first-lecture", *BASE, "--from", str(link)).code == 0
    assert "first-lecture" not in real.read_text(encoding="utf-8")
    assert link.is_symlink() and mode(real) == 0o640
    out_real = tmp_path / "dotfiles" / "out.csv"
    out_real.write_text("old", encoding="utf-8")
    out_link = tmp_path / "out.csv"
    out_link.symlink_to(out_real)
    assert cli("export", "csv", *BASE, "-o", str(out_link), "--force").code == 0
    assert out_link.is_symlink() and out_real.read_text(encoding="utf-8").startswith("id,")
    assert names(tmp_path / "dotfiles") == ["course.yaml", "out.csv"]


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from spacetime.core import files

real_write = os.write

def stalled(fd, data):
    written = real_write(fd, bytes(data[:4096]))
    print("half written", flush=True)
    time.sleep(60)
    return written

os.write = stalled
files.write_file(Path(sys.argv[1]), "new line\\n" * 100_000)
"""


def test_a_process_killed_in_the_middle_of_a_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    path.chmod(0o640)
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)], stdout=subprocess.PIPE
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == b"half written\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert path.read_text(encoding="utf-8") == TIMELINE and mode(path) == 0o640
    [leftover] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftover.name.startswith(f".course.yaml.{writer.pid}-")
    old = time.time() - 2 * files.STALE_SECONDS
    os.utime(leftover, (old, old))
    files.write_file(path, "next\n")  # the next write of the file clears its writer's leftover
    assert names(tmp_path) == ["course.yaml"] and path.read_text(encoding="utf-8") == "next\n"


@pytest.mark.slow
def test_add_killed_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "busy.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    mini_ids = {e.id for e in load_timeline([MINI]).events}
    kept = {"first-lecture"}
    for attempt in range(8):
        before = path.read_bytes()
        adding = spacetime(
            "add", *BASE, "--to", str(path), *ADD, "--id", f"e{attempt}", stderr=subprocess.DEVNULL
        )
        time.sleep(0.04 * (attempt + 1))  # from start-up to past the final rename
        adding.send_signal(signal.SIGKILL)
        adding.wait()
        ids = {e.id for e in load_timeline([MINI, path]).events} - mini_ids  # it loads: whole
        assert ids - {f"e{attempt}"} == kept, attempt  # nothing lost
        assert (path.read_bytes() != before) == (f"e{attempt}" in ids), attempt
        kept = ids


# 18.4: the check is the write


def intruder(target: Path, content: str) -> Callable[..., None]:
    """A `_fill` that lets another writer put `content` in `target` once the temporary is full."""
    fill = files._fill

    def fill_then_intrude(temporary: Path, *args: object) -> None:
        fill(temporary, *args)  # type: ignore[arg-type]
        if temporary.name.startswith(f".{target.name}."):  # not the cache's or another file's
            target.write_text(content, encoding="utf-8")

    return fill_then_intrude


@pytest.mark.parametrize(
    "command",
    [("init", "{path}"), ("export", "csv", *BASE, "-o", "{path}")],
    ids=["init", "export"],
)
def test_a_file_created_meanwhile_is_never_replaced_without_force(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    path = tmp_path / "new.txt"
    monkeypatch.setattr(files, "_fill", intruder(path, "someone else's"))
    result = cli(*(arg.format(path=path) for arg in command))
    assert result.code == 2 and result.err.startswith(f"spacetime: error: {path} exists")
    assert path.read_text(encoding="utf-8") == "someone else's"
    assert names(tmp_path) == ["new.txt"]


def test_an_outside_write_during_the_final_save_is_kept(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    outside = TIMELINE + "# written by an editor meanwhile\n"
    monkeypatch.setattr(files, "_fill", intruder(path, outside))
    result = cli("add", *BASE, "--to", str(path), *ADD)
    assert (result.code, result.err) == (
        2,
        f"spacetime: error: {path} changed while it was being edited; nothing was written\n",
    )
    assert path.read_text(encoding="utf-8") == outside
    assert names(tmp_path) == ["course.yaml"]


def test_special_files_are_refused_and_dash_is_standard_output(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "to-pipe"
    link.symlink_to(fifo)
    for target, kind in ((fifo, "a FIFO"), (link, "a FIFO"), (Path(os.devnull), "a device")):
        result = cli("export", "csv", *BASE, "-o", str(target), "--force")
        assert (result.code, result.err) == (
            2,
            f"spacetime: error: {target} is {kind}; spacetime writes only regular files\n",
        )
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    with pytest.raises(files.FileProblem, match=f"cannot write {fifo}: a FIFO, not a regular"):
        files.write_file(fifo, "x")
    result = cli("export", "jsonl", *BASE, "-o", "-")
    assert result.code == 0 and len(result.out.splitlines()) == MINI_EVENTS
    assert not (Path.cwd() / "-").exists()


def count_events(database: Path) -> int:
    with sqlite3.connect(database) as db:
        (count,) = db.execute("SELECT count(*) FROM events").fetchone()
    return int(count)


@pytest.mark.slow
def test_concurrent_sqlite_exports_never_leave_a_partial_database(tmp_path: Path) -> None:
    path = tmp_path / "space.db"
    export = ("export", "sqlite", *BASE, "-o", str(path))
    assert spacetime(*export).wait() == 0
    for _ in range(2):  # to one existing path, with --force: always a whole database
        runs = [spacetime(*export, "--force", stderr=subprocess.PIPE) for _ in range(3)]
        assert [r.wait() for r in runs] == [0, 0, 0], [r.communicate()[1] for r in runs]
        assert count_events(path) == MINI_EVENTS
    path.unlink()
    runs = [spacetime(*export, "--force") for _ in range(3)]  # to a new path: always a file
    assert [r.wait() for r in runs] == [0, 0, 0]
    assert count_events(path) == MINI_EVENTS
    path.unlink()
    (tmp_path / "space.metadata.json").unlink()  # it too is never replaced without --force
    runs = [spacetime(*export, stderr=subprocess.PIPE) for _ in range(3)]  # no --force: one wins
    codes = sorted(r.wait() for r in runs)
    assert codes == [0, 2, 2], [r.communicate()[1] for r in runs]
    assert count_events(path) == MINI_EVENTS
    assert names(tmp_path) == ["space.db", "space.metadata.json"]


# 18.3: the environment is not a bug


def test_missing_folders_name_the_path_and_the_cause(cli: Cli, tmp_path: Path) -> None:
    nodir = tmp_path / "nodir"
    for args, path in (
        (("export", "ics", *BASE, "-o", str(nodir / "x.ics")), nodir / "x.ics"),
        (("init", str(nodir / "x.yaml")), nodir / "x.yaml"),
        (("chart", *BASE, "--svg", str(nodir / "c.svg")), nodir / "c.svg"),
        (("add", *BASE, "--to", str(nodir / "x.yaml"), *ADD), None),
    ):
        result = cli(*args)
        if path is None:  # add names a file that must exist
            assert result.code == 2 and "no such file" in result.err
            continue
        assert (result.code, result.err.splitlines()[-1]) == (
            4,
            f"spacetime: error: cannot write {path}: the folder {nodir} does not exist",
        )
    assert names(tmp_path) == []


def refuse_creating_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `folder` behave as a read-only folder: no file can be created in it."""
    real_open = os.open

    def guarded(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT and Path(str(path)).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)


def test_a_read_only_folder_is_one_line_exit_4(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    refuse_creating_in(tmp_path, monkeypatch)
    result = cli("add", *BASE, "--to", str(path), *ADD)
    assert (result.code, result.err) == (
        4,
        f"spacetime: error: cannot write {path}: permission denied\n",
    )
    formatted = cli("fmt", *BASE, str(path))  # nothing to write: no lock needed either
    assert (formatted.code, formatted.err) == (0, f"already formatted: {path}\n")
    out = tmp_path / "out.ics"
    result = cli("export", "ics", *BASE, "-o", str(out))
    assert (result.code, result.err) == (
        4,
        f"spacetime: error: cannot write {out}: permission denied\n",
    )
    assert names(tmp_path) == ["course.yaml"] and path.read_text(encoding="utf-8") == TIMELINE


def test_a_read_only_file_is_not_replaced(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # root may write anything: let it see the file as others do
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, m, **k: m != os.W_OK and real_access(p, m, **k))
    for args in (
        ("add", *BASE, "--to", str(path), *ADD),
        ("export", "csv", *BASE, "-o", str(path), "--force"),
    ):
        result = cli(*args)
        assert (result.code, result.err) == (
            4,
            f"spacetime: error: cannot write {path}: the file is read-only\n",
        )
    assert path.read_text(encoding="utf-8") == TIMELINE and mode(path) == 0o444
    assert names(tmp_path) == ["course.yaml"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_really_read_only_folder(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    tmp_path.chmod(0o555)
    try:
        result = cli("add", *BASE, "--to", str(path), *ADD)
    finally:
        tmp_path.chmod(0o755)
    assert (result.code, result.err) == (
        4,
        f"spacetime: error: cannot write {path}: permission denied\n",
    )
    assert names(tmp_path) == ["course.yaml"]


def test_a_full_disk_is_one_line_exit_4(
    cli: Cli, tmp_path: Path, full_disk: Callable[[], None]
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    full_disk()
    for args, target in (
        (("add", *BASE, "--to", str(path), *ADD), path),
        (("export", "ics", *BASE, "-o", str(tmp_path / "x.ics")), tmp_path / "x.ics"),
        (("init", str(tmp_path / "new.yaml")), tmp_path / "new.yaml"),
    ):
        result = cli(*args)
        assert (result.code, result.err) == (
            4,
            f"spacetime: error: cannot write {target}: no space left on the device\n",
        )
    assert names(tmp_path) == ["course.yaml"] and path.read_text(encoding="utf-8") == TIMELINE


def test_a_full_disk_during_a_sqlite_export(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.export import sqlite

    out = tmp_path / "space.db"
    out.write_bytes(b"a good database")
    # SQLite itself reports a full disk when the database may not grow past a few pages.
    monkeypatch.setattr(sqlite, "SCHEMA", "PRAGMA max_page_count = 3;" + sqlite.SCHEMA)
    result = cli("export", "sqlite", *BASE, "-o", str(out), "--force")
    assert (result.code, result.err) == (
        4,
        f"spacetime: error: cannot write {out}: no space left on the device\n",
    )
    assert out.read_bytes() == b"a good database" and names(tmp_path) == ["space.db"]


def test_a_personal_timeline_that_is_a_folder_or_a_dangling_link(cli: Cli, tmp_path: Path) -> None:
    personal = Path(os.environ["XDG_DATA_HOME"]) / "spacetime" / "timeline.yaml"
    personal.mkdir(parents=True)
    listed = cli("list", *BASE)
    assert listed.code == 3
    assert listed.err.splitlines()[0].startswith(f"{personal}: is a directory")
    added = cli("add", *BASE, *ADD)
    assert (added.code, added.err) == (
        4,
        f"spacetime: error: cannot edit {personal}: a directory, not a timeline file\n",
    )
    personal.rmdir()
    elsewhere = tmp_path / "synced" / "timeline.yaml"
    personal.symlink_to(elsewhere)
    assert cli("list", *BASE, "--json").code == 0  # a link to nothing yet: no personal timeline
    added = cli("add", *BASE, *ADD)
    assert (added.code, added.err) == (
        4,
        f"spacetime: error: cannot write {personal}: the folder {elsewhere.parent} does not exist\n",
    )
    elsewhere.parent.mkdir()
    assert cli("add", *BASE, *ADD).code == 0
    assert personal.is_symlink() and "moon-landing" in elsewhere.read_text(encoding="utf-8")
    assert names(elsewhere.parent) == ["timeline.yaml"] and names(personal.parent) == [
        "timeline.yaml"
    ]


def test_standard_output_on_a_full_device_is_one_line_exit_4() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    for args in (("list", *BASE), ("export", "json", *BASE), ("--version",)):
        with Path("/dev/full").open("w") as full:
            run = spacetime(*args, stdout=full, stderr=subprocess.PIPE)
            _, err = run.communicate()
        assert (run.returncode, err.decode()) == (
            4,
            "spacetime: error: cannot write to standard output: no space left on the device\n",
        ), args


@pytest.mark.slow
def test_no_lock_file_is_left_and_concurrent_adds_still_queue(tmp_path: Path) -> None:
    path = tmp_path / "busy.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    runs = [
        spacetime("add", *BASE, "--to", str(path), *ADD, "--id", f"q{i}", stderr=subprocess.PIPE)
        for i in range(8)
    ]
    assert [r.wait() for r in runs] == [0] * 8, [r.communicate()[1] for r in runs]
    ids = {e.id for e in load_timeline([MINI, path]).events}
    assert {f"q{i}" for i in range(8)} <= ids
    assert names(tmp_path) == ["busy.yaml"]
