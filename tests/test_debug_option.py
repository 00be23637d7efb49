"""`--debug` is an option wherever options go, never taken out of another option's value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINI, Run

Cli = Callable[..., Run]
DATA = ("--no-bundled", "--data", str(MINI))


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a real bug")

    monkeypatch.setattr("spacetime.api.Atlas.events", fail)


@pytest.mark.parametrize(
    "args",
    [
        ("--debug", "list", *DATA),
        ("list", "--debug", *DATA),
        ("list", *DATA, "-rn", "3", "--debug"),
    ],
)
def test_debug_is_an_option_before_or_after_the_command(
    cli: Cli, broken: None, args: tuple[str, ...]
) -> None:
    with pytest.raises(RuntimeError, match="a real bug"):
        cli(*args)


@pytest.mark.parametrize("args", [("-s", "--debug"), ("-rs", "--debug"), ("--search", "--debug")])
def test_debug_as_an_option_value_is_that_value(
    cli: Cli, broken: None, args: tuple[str, ...]
) -> None:
    result = cli("list", *DATA, *args)  # searched for, not a request for tracebacks
    assert (result.code, result.err) == (
        1,
        "spacetime: internal error: RuntimeError: a real bug (run with --debug for details)\n",
    )


def test_add_takes_debug_as_a_title(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("format: spacetime/1\nevents:\n", encoding="utf-8")
    result = cli("add", "--to", str(path), "--title", "--debug", "--date", "1970", "-c", "US",
                 "--source", "https://example.org/a", "--debug")  # fmt: skip
    assert (result.code, result.err) == (0, f"added 'debug' to {path}\n")
    listed = cli("list", "--no-bundled", "--data", str(path), "--json").json()
    assert [(e["id"], e["title"], e["date"]) for e in listed] == [("debug", "--debug", "1970")]


def test_after_a_double_dash_debug_is_an_argument(cli: Cli) -> None:
    result = cli("show", *DATA, "--", "--debug")
    assert (result.code, result.err) == (2, "spacetime: error: no event matches '--debug'\n")
