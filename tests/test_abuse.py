"""Abuse of the process around spacetime (issue 18): closed and odd standard streams, encodings
that cannot write every character, data paths that are no files, sizes that would grow without
bound, and text that would not round-trip."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, Run

SPACETIME = [sys.executable, "-m", "spacetime"]


def shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `spacetime` through bash, so that `command` can close descriptors (`>&-`)."""
    full = {**os.environ, **env}
    line = " ".join(SPACETIME) + " " + command
    return subprocess.run(
        ["bash", "-c", line],
        cwd=cwd,
        env=full,
        capture_output=True,
        encoding=env.get("PYTHONIOENCODING", "utf-8"),
        timeout=120,
    )


CLOSED_OUT = "spacetime: error: cannot write to standard output: it is closed\n"


@pytest.mark.parametrize(
    "args", ["list -n 2 --no-bundled --data " + str(MINI), "--version", "--help", "list --help"]
)
def test_closed_stdout_is_one_line_and_exit_4(args: str, tmp_path: Path) -> None:
    result = shell(f"{args} >&-", tmp_path)
    assert (result.returncode, result.stderr) == (4, CLOSED_OUT)


def test_closed_stdout_and_stderr_exit_4_quietly(tmp_path: Path) -> None:
    result = shell(f"list --no-bundled --data {MINI} >&- 2>&-", tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (4, "", "")


def test_closed_stderr_never_sends_errors_to_stdout(tmp_path: Path) -> None:
    result = shell("list --no-such-option 2>&-", tmp_path)
    assert (result.returncode, result.stdout) == (2, "")


ADD = "add --to my.yaml --title 'Test one' --date 1970 -c US --source https://example.org/a"


def _new_timeline(tmp_path: Path) -> Path:
    init = shell("init my.yaml", tmp_path)
    assert init.returncode == 0, init.stderr
    return tmp_path / "my.yaml"


def test_add_with_stdout_closed_succeeds_once(tmp_path: Path) -> None:
    target = _new_timeline(tmp_path)
    before = target.read_text().count("- id:")
    result = shell(f"{ADD} >&-", tmp_path)
    assert (result.returncode, result.stderr) == (0, "added 'test-one' to my.yaml\n")
    assert target.read_text().count("- id:") == before + 1


def test_add_with_stdin_closed_needs_no_terminal(tmp_path: Path) -> None:
    target = _new_timeline(tmp_path)
    result = shell(f"{ADD} <&-", tmp_path)
    assert (result.returncode, result.stderr) == (0, "added 'test-one' to my.yaml\n")
    assert "title: Test one" in target.read_text()
    missing = shell("add --to my.yaml --title Other --date 1970 <&-", tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == (
        "spacetime: error: missing --country, --source (or run on a terminal to be asked)\n"
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        "list --format json",
        "list",
        "compare US SU",
        "stats",
        "chart",
        "countries",
        "export yaml",
        "launches -n 5",
    ],
)
def test_narrow_encodings_replace_rather_than_fail(
    args: str, encoding: str, tmp_path: Path
) -> None:
    result = shell(args, tmp_path, PYTHONIOENCODING=encoding)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/zero", "a device"), ("/dev/urandom", "a device"), ("fifo", "a FIFO")]
)
def test_data_that_is_no_regular_file_is_refused_unread(
    path: str, kind: str, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "fifo")
    result = shell(f"list --data {path}", tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"spacetime: error: --data {path}: {kind}, not a timeline file\n",
    )
    from_env = shell("list", tmp_path, SPACETIME_DATA=path)
    assert (from_env.returncode, from_env.stderr) == (
        3,
        f"{path}: cannot read: {kind}, not a regular file\n",
    )


def test_data_larger_than_the_cap_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacetime.core import reading
    from spacetime.core.reading import read_bytes

    big = tmp_path / "big.yaml"
    big.write_bytes(b"format: spacetime/1\n" + b"#" * 100)
    monkeypatch.setattr(reading, "MAX_BYTES", 64)
    with pytest.raises(OSError, match="larger than 0 MiB, the most spacetime reads"):
        read_bytes(big)
    with big.open("r+b") as stream:  # a sparse file just past the real cap: no disk used
        stream.truncate(256 * 1024 * 1024 + 1)
    monkeypatch.undo()
    result = shell(f"list --data {big}", tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"spacetime: error: --data {big}: larger than 256 MiB, the most spacetime reads\n",
    )


@pytest.mark.parametrize("width", ["1001", "1000000"])
def test_chart_width_is_capped(width: str, cli: Callable[..., Run]) -> None:
    result = cli("chart", "--width", width)
    assert (result.code, result.err) == (
        2,
        f"spacetime: error: --width must be 40 to 1000, not {width}\n",
    )


def test_chart_at_the_widest(cli: Callable[..., Run]) -> None:
    result = cli("chart", "--no-bundled", "--data", str(MINI), "--width", "1000")
    assert result.code == 0
    assert max(len(line) for line in result.out.splitlines()) == 1000
