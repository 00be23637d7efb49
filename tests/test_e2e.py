"""End-to-end runs of the real command as a process: pipes, terminals, colour, and the wheel."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import MINI

ROOT = Path(__file__).resolve().parent.parent
BASE = ["--no-bundled", "--data", str(MINI)]


def spacetime(*args: str) -> list[str]:
    return [sys.executable, "-m", "spacetime", *args]


def env(**extra: str) -> dict[str, str]:
    base = {
        k: v for k, v in os.environ.items() if not k.startswith("SPACETIME") and k != "NO_COLOR"
    }
    return {
        **base,
        "SPACETIME_TODAY": "2026-11-24",
        "SPACETIME_CACHE_DIR": os.environ["SPACETIME_CACHE_DIR"],
        **extra,
    }


def test_python_dash_m_and_closed_pipe_end_quietly() -> None:
    shell = f"{' '.join(spacetime('list', *BASE, '--format', 'jsonl'))} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env=env()
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["id"] == "sputnik-1"


def test_a_large_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    events = "".join(
        f"  - {{id: e{i}, date: '1999', title: T{i}, countries: [US], category: satellite, "
        f"status: achieved, sources: ['https://example.org/{i}']}}\n"
        for i in range(3000)
    )
    big.write_text("events:\n" + events, encoding="utf-8")
    shell = f"{' '.join(spacetime('list', *BASE, '--data', str(big)))} | head -3"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env=env()
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == 3


def run_in_terminal(args: list[str], environment: dict[str, str]) -> str:
    """Run a command with stdout on a pseudo-terminal, as a person would see it."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdout=follower, stderr=subprocess.PIPE, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode()


def test_colour_in_a_terminal_but_not_with_no_color() -> None:
    args = spacetime("list", *BASE, "--status", "failed")
    coloured = run_in_terminal(args, env(TERM="xterm-256color", COLUMNS="100"))
    assert "\x1b[" in coloured and "Vanguard TV3" in coloured
    plain = run_in_terminal(args, env(TERM="xterm-256color", COLUMNS="100", NO_COLOR="1"))
    assert "\x1b" not in plain and "Vanguard TV3" in plain


def test_pipe_output_has_no_control_codes() -> None:
    done = subprocess.run(
        spacetime("list", *BASE), capture_output=True, text=True, env=env(TERM="xterm")
    )
    assert done.returncode == 0
    assert "\x1b" not in done.stdout
    assert "Continuous occupation of the station" in done.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_wheel_ships_the_bundled_timeline_and_works_from_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = wheels.glob("*.whl")
    assert wheel.name.startswith("spacetime_atlas-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {"spacetime/data/timeline.yaml", "spacetime/data/vocabulary.yaml"} <= names
        assert "spacetime/data/launches.tsv" in names
    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "spacetime", "list", "--country", "china", "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env(PYTHONPATH=str(target)),
    )
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    assert "dong-fang-hong-1" in {e["id"] for e in events}
    assert all("CN" in e["countries"] for e in events)
    launches = subprocess.run(
        [sys.executable, "-m", "spacetime", "launches", "-c", "china", "--until", "1970", "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env(PYTHONPATH=str(target)),
    )
    assert launches.returncode == 0, launches.stderr
    assert [x["tag"] for x in json.loads(launches.stdout)] == ["1970-034"]  # Dong Fang Hong 1
    # the installed vocabulary stands without the bundled events
    alone = subprocess.run(
        [sys.executable, "-m", "spacetime", "countries", "--no-bundled", "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env(PYTHONPATH=str(target)),
    )
    assert alone.returncode == 0, alone.stderr
    assert "CN" in {c["code"] for c in json.loads(alone.stdout)}
