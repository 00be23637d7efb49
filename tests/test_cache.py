"""The cache of parsed timelines: never stale, safe to damage or delete, and can be turned off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, Run

Cli = Callable[..., Run]


def titles(cli: Cli, path: Path) -> list[str]:
    result = cli(
        "list",
        "--no-bundled",
        "--data",
        str(MINI),
        "--data",
        str(path),
        "--search",
        "probe",
        "--until",
        "2000",
        "--json",
    )
    assert result.code == 0, result.err
    return [e["title"] for e in result.json()]


def entries() -> list[Path]:
    return sorted(Path(os.environ["SPACETIME_CACHE_DIR"]).glob("*.marshal"))


def user_file(tmp_path: Path, title: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(
        f"events:\n  - id: p\n    date: 1999\n    title: {title}\n    countries: [US]\n"
        "    category: satellite\n    status: achieved\n    sources: [https://example.org/p]\n",
        encoding="utf-8",
    )
    return path


def test_a_change_that_keeps_size_and_mtime_is_seen(cli: Cli, tmp_path: Path) -> None:
    path = user_file(tmp_path, "Probe AAAA")
    assert titles(cli, path) == ["Probe AAAA"]
    assert len(entries()) == 1
    stat = path.stat()
    path.write_text(path.read_text().replace("AAAA", "BBBB"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert titles(cli, path) == ["Probe BBBB"]


def test_the_second_run_is_served_from_the_cache(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = user_file(tmp_path, "Probe cached")
    assert titles(cli, path) == ["Probe cached"]

    def no_parsing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the loader ran on a cache hit")

    monkeypatch.setattr("spacetime.load.loader.load_timeline", no_parsing)
    assert titles(cli, path) == ["Probe cached"]


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "foreign"])
def test_a_damaged_entry_is_rebuilt(cli: Cli, tmp_path: Path, damage: str) -> None:
    path = user_file(tmp_path, "Probe damaged")
    titles(cli, path)
    [entry] = entries()
    data = entry.read_bytes()
    entry.write_bytes(
        {
            "truncate": data[: len(data) // 2],
            "garbage": b"\x00not marshal\xff" * 10,
            "empty": b"",
            "foreign": b"N",
        }[damage]
    )
    assert titles(cli, path) == ["Probe damaged"]
    assert entries()[0].read_bytes() == data


def test_deleting_the_cache_folder_is_safe(cli: Cli, tmp_path: Path) -> None:
    import shutil

    path = user_file(tmp_path, "Probe kept")
    titles(cli, path)
    shutil.rmtree(os.environ["SPACETIME_CACHE_DIR"])
    assert titles(cli, path) == ["Probe kept"]


def test_the_cache_can_be_turned_off(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACETIME_NO_CACHE", "1")
    path = user_file(tmp_path, "Probe uncached")
    assert titles(cli, path) == ["Probe uncached"]
    assert entries() == []


def test_cached_and_fresh_answers_are_identical(cli: Cli) -> None:
    first = cli("list", "--json").out
    second = cli("list", "--json").out
    assert first == second and len(first) > 10_000
    shown = cli("show", "sputnik-1", "--json").json()
    assert shown["date"] == "1957-10-04T19:28:34Z"


# Issue 13.3 and 18.1: every entry is checked before it is used.


def payload(entry: Path) -> tuple[dict[str, object], list[object]]:
    """What an entry holds: its head and every record, read."""
    from spacetime.load.cache import HEADER, _unpack

    head, records = _unpack(memoryview(entry.read_bytes())[HEADER:])
    return head, list(records)


def test_flipped_bytes_anywhere_in_an_entry_are_a_miss_never_a_wrong_answer(
    cli: Cli, tmp_path: Path
) -> None:
    import random

    path = user_file(tmp_path, "Probe flipped")
    assert titles(cli, path) == ["Probe flipped"]
    [entry] = entries()
    good = entry.read_bytes()
    payload_of_good = payload(entry)
    expected = cli("list", "--no-bundled", "--data", str(MINI), "--data", str(path), "--json").out
    chance = random.Random(18)
    for _ in range(150):
        damaged = bytearray(good)
        for _ in range(chance.choice((1, 1, 2, 8))):
            damaged[chance.randrange(len(damaged))] ^= 1 << chance.randrange(8)
        entry.write_bytes(bytes(damaged))
        again = cli("list", "--no-bundled", "--data", str(MINI), "--data", str(path), "--json")
        assert (again.code, again.out, again.err) == (0, expected, "")
        assert payload(entry) == payload_of_good  # the damaged entry was rebuilt


def test_an_entry_of_an_older_layout_is_a_miss(cli: Cli, tmp_path: Path) -> None:
    import marshal

    from spacetime.load import cache

    path = user_file(tmp_path, "Probe layout")
    assert titles(cli, path) == ["Probe layout"]
    [entry] = entries()
    head, records = payload(entry)
    count = len(records) // 2
    # The same entry as a version of spacetime with one search column (or event field) fewer
    # would have written it, with a sound digest: the kind of entry that used to fail with
    # IndexError.
    for part in (slice(0, count), slice(count, None)):
        older = [record[:-1] if i in range(len(records))[part] else record  # type: ignore[index]
                 for i, record in enumerate(records)]  # fmt: skip
        body = b"".join(cache._pack(head, [marshal.dumps(record) for record in older]))
        entry.write_bytes(cache.MAGIC + cache.checksum([body]) + body)
        assert titles(cli, path) == ["Probe layout"]
        assert payload(entry) == (head, records)  # rebuilt


def test_an_entry_reads_its_records_one_by_one() -> None:
    import marshal

    from spacetime.load import cache

    records = [("a", 1), ("b", (2, None)), ()]
    body = b"".join(cache._pack({"files": ["x"]}, [marshal.dumps(r) for r in records]))
    head, read = cache._unpack(memoryview(body))
    assert head == {"files": ["x"]}
    assert (len(read), list(read), read[1], read[-1], read[-3]) == (
        3,
        records,
        records[1],
        (),
        records[0],
    )
    for outside in (3, -4):
        with pytest.raises(IndexError):
            read[outside]


def test_a_long_answer_holds_only_the_events_read_lately(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.core import timeline
    from spacetime.core.model import Event
    from spacetime.core.timeline import Timeline

    path = user_file(tmp_path, "Probe kept")
    command = ("list", "--no-bundled", "--data", str(MINI), "--data", str(path), "--json")
    fresh = cli(*command).out  # read from the files (and written to the cache)
    monkeypatch.setattr(timeline, "KEPT", 2)
    kept: list[int] = []
    event_at = Timeline.event_at

    def counted(self: Timeline, position: int) -> Event:
        event = event_at(self, position)
        kept.append(len(self._made))
        return event

    monkeypatch.setattr(Timeline, "event_at", counted)
    cached = cli(*command).out
    assert cached == fresh and len(json.loads(cached)) == 12
    assert len(kept) >= 12 and max(kept) == 2  # every event read, never more than 2 kept


def test_the_layout_follows_the_definitions(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.engine import filters
    from spacetime.engine.filters import Filter
    from spacetime.load import cache

    path = user_file(tmp_path, "Probe columns")
    titles(cli, path)
    before = cache.layout()
    code = "from spacetime.load.cache import layout; print(layout(), end='')"
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert again.stdout == before  # the same in every process (no object addresses)
    new = Filter("new", "New.", "X", lambda e: e.id, lambda t, v: v, lambda w, h: h == w)
    monkeypatch.setattr(filters, "FILTERS", (*filters.FILTERS, new))
    assert cache.layout() != before and "'new'" in cache.layout()
    assert titles(cli, path) == ["Probe columns"]
    assert len(entries()) == 2  # a new key, not the old entry read with a new shape
    # the same filter keeping something else of an event (so saying so): a new key again
    changed = new._replace(keep=lambda e: 0, keeps="zero")
    monkeypatch.setattr(filters, "FILTERS", (*filters.FILTERS[:-1], changed))
    assert titles(cli, path) == ["Probe columns"]
    assert len(entries()) == 3


def test_a_cache_that_cannot_be_used_costs_speed_only(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = user_file(tmp_path, "Probe unusable")
    monkeypatch.delenv("SPACETIME_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", os.devnull)  # a cache folder inside a device
    assert titles(cli, path) == ["Probe unusable"]
    assert titles(cli, path) == ["Probe unusable"]


def test_an_entry_replaced_by_a_folder_costs_speed_only(cli: Cli, tmp_path: Path) -> None:
    path = user_file(tmp_path, "Probe folder")
    titles(cli, path)
    [entry] = entries()
    entry.unlink()
    entry.mkdir()
    (entry / "inside").write_text("x")
    assert titles(cli, path) == ["Probe folder"]
    assert titles(cli, path) == ["Probe folder"]
    assert entry.is_dir()


def test_a_read_only_cache_folder_with_a_truncated_entry(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    path = user_file(tmp_path, "Probe read-only")
    titles(cli, path)
    [entry] = entries()
    entry.write_bytes(entry.read_bytes()[:100])
    folder = entry.parent
    real_open, real_unlink = os.open, os.unlink

    def no_create(name: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT and Path(str(name)).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    def no_unlink(name: object, *args: object, **kwargs: object) -> None:
        if Path(str(name)).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        real_unlink(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_create)
    monkeypatch.setattr(os, "unlink", no_unlink)
    for _ in range(2):
        assert titles(cli, path) == ["Probe read-only"]
    assert len(entry.read_bytes()) == 100  # left as it was, and never trusted


def test_leftovers_of_interrupted_writes_are_pruned(cli: Cli, tmp_path: Path) -> None:
    import time

    folder = Path(os.environ["SPACETIME_CACHE_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    gone = 2**22 + 12345  # above any pid this system hands out
    old = time.time() - 3600
    leftovers = [folder / f".{'a' * 40}.marshal.{gone}.tmp", folder / f".b.marshal.{gone}-0f0f.tmp"]
    fresh = folder / f".c.marshal.{gone}-1a1a.tmp"  # perhaps still being written elsewhere
    for leftover in [*leftovers, fresh]:
        leftover.write_bytes(b"partial")
    for leftover in leftovers:
        os.utime(leftover, (old, old))
    titles(cli, user_file(tmp_path, "Probe pruned"))
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == [fresh.name]


def test_an_entry_replaced_by_a_fifo_is_a_miss_not_a_wait(cli: Cli, tmp_path: Path) -> None:
    path = user_file(tmp_path, "Probe fifo")
    titles(cli, path)
    [entry] = entries()
    entry.unlink()
    os.mkfifo(entry)
    run = subprocess.run(  # a separate process: a read waiting for a writer fails, not hangs
        [sys.executable, "-m", "spacetime", "list", "--no-bundled", "--data", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert [e["title"] for e in json.loads(run.stdout)] == ["Probe fifo"]


def test_the_oldest_entries_go_beyond_the_size_budget(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.load import cache

    path = user_file(tmp_path, "Probe one")
    titles(cli, path)
    [first] = entries()
    monkeypatch.setattr(cache, "BUDGET", first.stat().st_size * 2 + 10)
    os.utime(first, (1, 1))  # the oldest
    for word in ("two", "three"):
        path = user_file(tmp_path, f"Probe {word}")
        titles(cli, path)
    assert len(entries()) == 2 and first not in entries()
    monkeypatch.setattr(cache, "BUDGET", first.stat().st_size // 2 if first.exists() else 100)
    titles(cli, user_file(tmp_path, "Probe four"))  # larger than the whole budget: not written
    assert len(entries()) == 2


def test_cache_info_and_clear(cli: Cli, tmp_path: Path) -> None:
    folder = os.environ["SPACETIME_CACHE_DIR"]
    titles(cli, user_file(tmp_path, "Probe info"))
    [entry] = entries()
    size = entry.stat().st_size / 2**20
    info = cli("cache", "info")
    assert (info.code, info.out.splitlines()) == (
        0,
        [
            f"folder: {folder}",
            f"entries: 1 ({size:.1f} MiB)",
            "limit: 16 entries, 300.0 MiB (the oldest removed first)",
        ],
    )
    assert all(len(line) <= 60 for line in info.out.splitlines()[1:])  # whole in 60 columns
    cleared = cli("cache", "clear")
    assert (cleared.code, cleared.err) == (0, f"removed 1 entry ({size:.1f} MiB) from {folder}\n")
    assert entries() == []
    assert cli("cache", "info").out.splitlines()[1] == "entries: 0 (0.0 MiB)"
