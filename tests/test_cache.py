"""The cache of parsed timelines: never stale, safe to damage or delete, and can be turned off."""

from __future__ import annotations

import os
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
