"""Standard output that cannot be written, or cannot hold a character: short writes, unbuffered
output on a full device, any locale, command-line bytes that are not UTF-8 (docs/hardening.md)."""

from __future__ import annotations

import codecs
import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spacetime.cli.streams import ERRORS, buffered, stand_in


class ShortWrites(io.RawIOBase):
    """A raw stream that takes a third of what it is given each time (a nearly full disk), and
    after `room` bytes fails as a full disk does."""

    def __init__(self, room: int = 10**9) -> None:
        self.data = bytearray()
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        if len(self.data) >= self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = bytes(chunk[: max(1, len(chunk) // 3)])
        self.data += taken
        return len(taken)


def test_an_unbuffered_stream_loses_short_writes_and_a_buffered_one_does_not() -> None:
    text = "".join(f"line {n}\n" for n in range(5000))
    raw = ShortWrites()
    plain = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    plain.write(text)
    plain.flush()
    assert len(raw.data) < len(text)  # what PYTHONUNBUFFERED=1 did: bytes silently lost
    raw = ShortWrites()
    out = buffered(io.TextIOWrapper(raw, encoding="utf-8", write_through=True))
    out.write(text)
    out.flush()
    assert bytes(raw.data) == text.encode()


def test_a_full_device_under_a_buffered_stream_is_an_error() -> None:
    out = buffered(io.TextIOWrapper(ShortWrites(room=1000), encoding="utf-8", write_through=True))
    with pytest.raises(OSError) as caught:
        out.write("x" * 100_000)
        out.flush()
    assert caught.value.errno == errno.ENOSPC


def _spacetime(
    *args: str, stdout: int | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    variables = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    return subprocess.run(
        [sys.executable, "-m", "spacetime", *args],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**variables, **env},
        timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_unbuffered_output_to_a_full_device_exits_4() -> None:
    with Path("/dev/full").open("w") as full:
        run = _spacetime("list", "--format", "json", stdout=full.fileno(), PYTHONUNBUFFERED="1")
    assert (run.returncode, run.stderr) == (
        4,
        "spacetime: error: cannot write to standard output: no space left on the device\n",
    )


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "PYTHONUTF8": "0"},
        {"PYTHONIOENCODING": "ascii:surrogateescape"},
        {"PYTHONIOENCODING": "latin-1:strict"},
    ],
)
def test_any_locale_degrades_what_it_cannot_hold(env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "f"
    with target.open("w") as out:
        run = _spacetime("list", "-c", "russia", stdout=out.fileno(), **env)
    assert (run.returncode, run.stderr) == (0, "")
    text = target.read_bytes().decode("latin-1")
    assert "Soviet Union (-> Russia)" in text
    assert "→" not in target.read_text(encoding="latin-1")


def test_the_stand_in_handler() -> None:
    codecs.register_error(ERRORS, stand_in)
    assert "Gagarin → Vostok — Ōkuma …".encode("ascii", ERRORS) == b"Gagarin -> Vostok -- Okuma ..."
    assert "Ж→é".encode("latin-1", ERRORS) == "?->é".encode("latin-1")


def test_arguments_that_are_not_utf8_are_reported_escaped() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "spacetime",
            "list",
            "-c",
            b"\xe9t\xe9".decode("utf-8", "surrogateescape"),
        ],
        capture_output=True,
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (
        2,
        b"spacetime: error: unknown country or organization '\\xe9t\\xe9'\n",
    )
