"""Shared fixtures: a small timeline, a fixed today, a CLI runner with a clean environment."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spacetime.cli.app import build_app, main
from spacetime.core.timeline import Timeline
from spacetime.load.loader import load_timeline
from spacetime.output.environment import Environment

FIXTURES = Path(__file__).parent / "fixtures"
PROXIES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
MINI = FIXTURES / "mini.yaml"
# The options of a valid `spacetime add` (with --to or the personal timeline).
ADD = (
    "--date",
    "1969-07-20",
    "--title",
    "Moon landing shown in class",
    "-c",
    "US",
    "--category",
    "moon",
    "--source",
    "https://example.org/m",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for name in ("SPACETIME_DATA", "NO_COLOR", "SPACETIME_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPACETIME_TODAY", "2026-11-24")
    # A home of the test's own: an Environment made without variables (the library's default)
    # finds its folders there, never in the real home.
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    # A personal data folder of the test's own, empty unless the test writes to it.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("SPACETIME_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to make every write to a file (not to the standard streams) fail as on a full
    disk."""
    import errno
    import os

    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    return lambda: monkeypatch.setattr(os, "write", full)


def data_folder() -> Path:
    """The user data folder of this process's environment (the one `main` reads it from)."""
    from spacetime.load.places import user_data_dir

    return user_data_dir(os.environ)


@pytest.fixture
def mini() -> Timeline:
    return load_timeline([MINI])


class Run:
    """The outcome of one CLI run through `main` (the real error funnel)."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `spacetime ARGS` in-process through `main`, capturing stdout and stderr."""

    def run(*args: str, today: date | None = None) -> Run:
        """`today`: the day the run takes for today (injected, as the entry point would)."""
        env = Environment.from_process(environ=os.environ)
        code = main(list(args), env if today is None else env.replace(today=today))
        captured = capsys.readouterr()
        return Run(int(code), captured.out, captured.err)

    return run


app = build_app()

__all__ = ["ADD", "MINI", "Run", "app"]


def one_event(folder: Path, **fields: str) -> Path:
    """`folder/one.yaml`: a timeline of one event `x` (1970, title T, US, one source), each of
    `fields` written over those as YAML text (id on line 2, date 3, title 4, countries 5)."""
    values = {
        "id": "x",
        "date": "1970",
        "title": "T",
        "countries": "[US]",
        "sources": "[https://example.org/x]",
    } | fields
    path = folder / "one.yaml"
    lines = "\n    ".join(f"{key}: {value}" for key, value in values.items())
    path.write_text(f"events:\n  - {lines}\n", encoding="utf-8")
    return path


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The GCAT fixture's launch log in place of the bundled one (so that a small GCAT site or
    `update --from` of the fixture is a renewal of it, not a log with fewer launches), and no
    proxy from the environment."""
    from spacetime.launches.gcat import read_gcat
    from spacetime.launches.store import launch_file_text
    from spacetime.load import sources
    from spacetime.sources import gcat

    source = FIXTURES / "gcat"
    imported = read_gcat(source / "launchlog.tsv", source / "sites.tsv", source / "orgs.tsv")
    path = tmp_path / "bundled" / "launches.tsv"
    path.parent.mkdir()
    path.write_text(launch_file_text(imported.launches), encoding="utf-8")
    for module in (gcat, sources):  # gcat's checks, and the log in use (`sources.log_in_use`)
        monkeypatch.setattr(module, "bundled_launches_path", lambda: path)
    for name in PROXIES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return path
