"""Editing timelines: init, add, remove, fmt and the schema, without losing a byte."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ADD, MINI, Run
from spacetime.cli.commands.edit import slugify
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, vocabulary_path

Cli = Callable[..., Run]
BASE = ("--no-bundled", "--data", str(MINI))

HAND_WRITTEN = """\
# My course timeline.   Kept by hand; comments matter.
format: spacetime/1

events:
  # The first one
  - id: first-lecture
    date: "1957-10-04"     # same day as Sputnik
    title: First lecture
    countries: [ US ]
    category: satellite
    status: achieved
    sources:
      - https://example.org/one

  - {id: second, date: 1961, title: Second, countries: [SU], category: human-spaceflight, status: achieved, sources: ['https://example.org/two']}
# trailing comment
"""


def test_add_keeps_everything_else_byte_for_byte(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())
    result = cli("add", *BASE, "--to", str(path), *ADD, "--id", "moon")
    assert result.code == 0, result.err
    after = path.read_bytes().decode()
    added = "\n".join(
        [
            "  - id: moon",
            "    date: 1969-07-20",
            "    title: Moon landing shown in class",
            "    countries: [US]",
            "    category: moon",
            "    status: achieved",
            "    sources:",
            "      - https://example.org/m",
        ]
    )
    before_lines = HAND_WRITTEN.splitlines()
    # Inserted after the last event, before the trailing top-level comment.
    assert after == "\n".join([*before_lines[:-1], added, before_lines[-1]]) + "\n"
    timeline = load_timeline([MINI, path])
    assert timeline.event("moon").date.text == "1969-07-20"


def test_add_derives_the_id_and_keeps_windows_line_endings(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(HAND_WRITTEN.replace("\n", "\r\n").encode())
    assert cli("add", *BASE, "--to", str(path), *ADD).code == 0
    data = path.read_bytes()
    assert data.startswith(HAND_WRITTEN.replace("\n", "\r\n").split("# trailing")[0].encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"  - id: moon-landing-shown-in-class\r\n" in data


def test_failing_validation_leaves_the_file_unchanged(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())
    bad = cli(
        "add",
        *BASE,
        "--to",
        str(path),
        "--date",
        "2021-02-30",
        "--title",
        "X",
        "-c",
        "USA",
        "--category",
        "moon",
        "--source",
        "https://e.org",
    )
    # a wrong value on the command line is a usage error (2), not an invalid file (3)
    assert (bad.code, bad.err) == (
        2,
        "spacetime: error: --date: impossible date '2021-02-30': February 2021 has 28 days\n",
    )
    duplicate = cli("add", *BASE, "--to", str(path), *ADD, "--id", "gagarin")
    assert (duplicate.code, duplicate.err) == (
        2,
        f"spacetime: error: --id: 'gagarin' is taken (at {MINI}:34)\n",
    )
    unknown = cli("add", *BASE, "--to", str(path), *ADD, "-c", "atlantis")
    assert (unknown.code, unknown.err) == (
        2,
        "spacetime: error: unknown country or organization 'atlantis'; did you mean 'albania'?\n",
    )
    assert path.read_bytes() == HAND_WRITTEN.encode()


def test_add_resolves_names_and_aliases_like_list(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert cli("init", str(path)).code == 0
    for title, country in (("One", "usa"), ("Two", "china"), ("Three", "cn,China,ussr")):
        result = cli("add", "--to", str(path), "--date", "1999", "--title", title, "-c", country,
                     "--source", "https://en.wikipedia.org/wiki/Apollo_11")  # fmt: skip
        assert (result.code, result.err) == (0, f"added '{title.lower()}' to {path}\n")
    listed = cli("list", "--no-bundled", "--data", str(path), "--json")
    assert listed.code == 0, listed.err
    assert [(e["id"], e["countries"], e["category"], e["status"]) for e in listed.json()] == [
        ("one", ["US"], None, "achieved"),
        ("three", ["CN", "SU"], None, "achieved"),
        ("two", ["CN"], None, "achieved"),
    ]


def test_a_crash_before_the_rename_leaves_the_original(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())

    def crash(source: object, target: object) -> None:
        raise OSError(errno.EIO, "simulated failure between write and rename")

    monkeypatch.setattr(os, "replace", crash)
    result = cli("add", *BASE, "--to", str(path), *ADD)
    assert (result.code, result.err) == (
        4,
        f"spacetime: error: cannot write {path}: input/output error\n",
    )
    assert path.read_bytes() == HAND_WRITTEN.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["course.yaml"]  # no temporary, no lock


def test_missing_fields_without_a_terminal_are_named(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())
    result = cli("add", *BASE, "--to", str(path), "--title", "Only a title")
    assert (result.code, result.err) == (
        2,
        "spacetime: error: missing --date, --country, --source (or run on a terminal to be asked)\n",
    )


def test_remove_cuts_only_that_event(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())
    assert cli("remove", *BASE, "first-lecture", "--from", str(path)).code == 0
    lines = HAND_WRITTEN.splitlines()
    expected = [*lines[:5], *lines[13:]]
    assert path.read_text() == "\n".join(expected) + "\n"
    missing = cli("remove", *BASE, "nope", "--from", str(path))
    assert (missing.code, missing.err) == (2, f"spacetime: error: no event 'nope' in {path}\n")


def test_fmt_is_canonical_idempotent_and_keeps_comments(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes(HAND_WRITTEN.encode())
    check = cli("fmt", *BASE, str(path), "--check")
    assert (check.code, check.err) == (1, f"{path} would be reformatted\n")
    assert path.read_bytes() == HAND_WRITTEN.encode()
    assert cli("fmt", *BASE, str(path)).code == 0
    once = path.read_text()
    assert once == (
        "# My course timeline.   Kept by hand; comments matter.\n"
        "format: spacetime/1\n"
        "\n"
        "events:\n"
        "  # The first one\n"
        "    # same day as Sputnik\n"
        "  - id: first-lecture\n"
        "    date: 1957-10-04\n"
        "    title: First lecture\n"
        "    countries: [US]\n"
        "    category: satellite\n"
        "    status: achieved\n"
        "    sources:\n"
        "      - https://example.org/one\n"
        "  - id: second\n"
        "    date: 1961\n"
        "    title: Second\n"
        "    countries: [SU]\n"
        "    category: human-spaceflight\n"
        "    status: achieved\n"
        "    sources:\n"
        "      - https://example.org/two\n"
        "# trailing comment\n"
    )
    assert cli("fmt", *BASE, str(path)).code == 0
    assert path.read_text() == once
    assert cli("fmt", *BASE, str(path), "--check").code == 0
    assert load_timeline([MINI, path]).event("first-lecture").date.text == "1957-10-04"


@pytest.mark.parametrize("shipped", [bundled_path(), vocabulary_path()], ids=lambda p: p.name)
def test_shipped_files_are_formatted(cli: Cli, shipped: Path) -> None:
    result = cli("fmt", "--no-bundled", str(shipped), "--check")
    assert (result.code, result.err) == (0, f"{shipped} is formatted\n")


def test_init_then_add_to_the_new_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    assert cli("init", str(path)).code == 0
    template = path.read_text()
    assert template.startswith("# yaml-language-server: $schema=spacetime.schema.json\n")
    schema = json.loads((tmp_path / "spacetime.schema.json").read_text())
    assert schema == cli("schema").json()
    assert "invalid" not in template and "github.com" not in template
    # the commented example, once uncommented, is a valid event
    example = (
        template.replace("  # - id", "  - id")
        .replace("  #   ", "    ")
        .replace("  #     -", "      -")
    )
    example_path = tmp_path / "example.yaml"
    example_path.write_text(example)
    assert cli("list", "--no-bundled", "--data", str(example_path), "--json").json()[0]["id"] == (
        "apollo-11-landing"
    )
    assert cli("validate", "--no-bundled", "--data", str(MINI), str(path)).code == 0
    assert cli("add", *BASE, "--to", str(path), *ADD).code == 0
    assert (
        load_timeline([MINI, path]).event("moon-landing-shown-in-class").title
        == "Moon landing shown in class"
    )
    again = cli("init", str(path))
    assert (again.code, again.err) == (
        2,
        f"spacetime: error: {path} exists; init never overwrites a file\n",
    )


def test_personal_timeline_is_the_default_and_loads_automatically(cli: Cli) -> None:
    from spacetime.load.sources import personal_path

    mine = personal_path(Path(os.environ["XDG_DATA_HOME"]) / "spacetime")
    assert cli("add", *BASE, *ADD).code == 0
    assert mine.is_file()
    listed = cli("list", *BASE, "--search", "shown in class", "--json").json()
    assert [e["id"] for e in listed] == ["moon-landing-shown-in-class"]
    assert cli("list", *BASE, "--no-personal", "--search", "shown in class", "--json").json() == []
    report = cli("validate", "--no-bundled", "--data", str(MINI)).out
    assert str(mine) in report


def test_slugify() -> None:
    assert slugify("Chang'e 5 returns samples!", set()) == "chang-e-5-returns-samples"
    assert slugify("Été spatial", {"ete-spatial"}) == "ete-spatial-2"


def start_add(path: Path, *args: str, **streams: Any) -> subprocess.Popen[bytes]:
    """`spacetime add --to PATH ARGS` as a separate process, with a fixed today."""
    env = {**os.environ, "SPACETIME_TODAY": "2026-11-24"}
    command = [sys.executable, "-m", "spacetime", "add", *BASE, "--to", str(path), *args]
    return subprocess.Popen(command, stderr=subprocess.PIPE, env=env, **streams)


@pytest.mark.slow
def test_twenty_concurrent_adds_all_land(tmp_path: Path) -> None:
    path = tmp_path / "busy.yaml"
    path.write_text("format: spacetime/1\n\nevents:\n", encoding="utf-8")
    processes = [
        start_add(path, *ADD, "--id", f"e{i}", stdout=subprocess.DEVNULL) for i in range(20)
    ]
    errors = [p.communicate()[1] for p in processes]
    assert [p.returncode for p in processes] == [0] * 20, errors
    ids = {e.id for e in load_timeline([MINI, path]).events} - {
        e.id for e in load_timeline([MINI]).events
    }
    assert ids == {f"e{i}" for i in range(20)}


def test_add_asks_for_missing_fields_on_a_terminal(tmp_path: Path) -> None:
    import pty
    import select

    path = tmp_path / "asked.yaml"
    path.write_text("format: spacetime/1\n\nevents:\n", encoding="utf-8")
    leader, follower = pty.openpty()
    process = start_add(path, "--title", "Asked for the rest", stdin=follower, stdout=follower)
    os.close(follower)
    # each answer is checked as it is typed: an impossible date or an unknown country is asked again
    answers = {
        "date": ["1965-02-30", "1965-03-18"],
        "countries": ["soviet onion", "ussr"],
        "sources": ["https://example.org/asked"],
    }
    seen = ""
    while process.poll() is None:
        ready, _, _ = select.select([leader], [], [], 10)
        if not ready:
            break
        try:
            seen += os.read(leader, 1024).decode()
        except OSError:
            break
        for key, queue in answers.items():
            if queue and key in seen.rsplit("\n", 1)[-1] and seen.rstrip().endswith(":"):
                os.write(leader, (queue.pop(0) + "\n").encode())
                seen += "\n"
    process.wait(timeout=20)
    os.close(leader)
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    assert process.returncode == 0, errors
    assert [line.strip() for line in errors.splitlines()] == [
        "--date: impossible date '1965-02-30': February 1965 has 28 days; try again",
        "unknown country or organization 'soviet onion'; did you mean 'soviet union', 'soviet' or 'soviets'?; try again",
        f"added 'asked-for-the-rest' to {path}",
    ]
    event = load_timeline([MINI, path]).event("asked-for-the-rest")
    assert (event.date.text, event.countries, event.category, event.sources) == (
        "1965-03-18",
        ("SU",),
        None,
        ("https://example.org/asked",),
    )


def test_an_add_past_the_size_cap_is_refused_before_writing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.core import reading

    path = tmp_path / "course.yaml"
    padding = "# " + "x" * max(p.stat().st_size for p in (MINI, vocabulary_path())) + "\n"
    path.write_text(HAND_WRITTEN + padding, encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_BYTES", path.stat().st_size + 20)
    result = cli("add", *BASE, "--to", str(path), *ADD)
    assert result.code == 3
    assert result.err.startswith(f"{path}: the edit would make the file ")
    assert result.err.endswith(" bytes, more than the 0 MiB spacetime reads; nothing was written\n")
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN + padding
    assert cli("validate", "--no-bundled", "--data", str(MINI), str(path)).code == 0


def test_a_held_lock_says_how_long_it_has_been_held(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from spacetime.edit import store

    path = tmp_path / "course.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    lock = tmp_path / ".course.yaml.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        old = time.time() - 90
        os.utime(lock, (old, old))
        monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.05)
        monkeypatch.setattr(store, "SECONDS_PER_MB", 0.0)
        result = cli("add", *BASE, "--to", str(path), *ADD)
    assert result.code == 2
    assert re.fullmatch(
        rf"spacetime: error: {re.escape(str(path))} is locked by another spacetime process "
        r"\(for 9[01] s\); try again\n",
        result.err,
    )
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_the_lock_wait_grows_with_the_file(tmp_path: Path) -> None:
    from spacetime.edit.store import LOCK_TIMEOUT, lock_timeout

    path = tmp_path / "big.yaml"
    with path.open("wb") as out:
        out.truncate(300 * 2**20)  # sparse: 300 MB without writing them
    assert lock_timeout(path) == LOCK_TIMEOUT + 300
    assert lock_timeout(tmp_path / "none.yaml") == LOCK_TIMEOUT
