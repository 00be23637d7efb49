"""`chart --launches` without colour: each nation its own glyph (in the legend too), and
labelled axes (a value every few rows, a tick under every decade)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from conftest import Run
from spacetime.cli.app import main
from spacetime.output.environment import Environment

Cli = Callable[..., Run]
ARGS = ("chart", "--launches", "-c", "china,usa,russia", "--since", "1990", "--until", "2019")


def legend(text: str) -> dict[str, str]:
    line = next(line for line in text.splitlines() if "China" in line and "Russia" in line)
    return {
        name.strip(): mark for mark, name in re.findall(r"(\S)\1 ([^ ]+(?: [^ ]+)*?)(?=  |$)", line)
    }


def test_without_colour_each_nation_has_its_own_glyph(cli: Cli) -> None:
    text = cli(*ARGS).out  # a pipe: no colour
    marks = legend(text)
    assert set(marks) == {"China", "United States", "Russia (with Soviet Union)"}
    assert len(set(marks.values())) == 3
    body = "".join(line.split("┤ ", 1)[-1].split("│ ", 1)[-1] for line in text.splitlines()[1:17])
    for mark in marks.values():
        assert mark in body  # each glyph is drawn, not only listed


def test_no_color_on_a_terminal_too() -> None:
    screen = io.StringIO()
    env = Environment(stdout=screen, terminal=True, width=80, colour=False)
    assert main(list(ARGS), env) == 0
    assert len(set(legend(screen.getvalue()).values())) == 3


def test_axes_are_labelled(cli: Cli) -> None:
    lines = cli(*ARGS, "--width", "80").out.splitlines()
    values = [int(m[1]) for line in lines if (m := re.match(r"\s*(\d+) ┤", line))]
    assert len(values) >= 4 and values == sorted(values, reverse=True) and values[-1] == 0
    rule = next(line for line in lines if "└" in line)
    assert rule.count("┬") == 3  # 1990, 2000, 2010
    assert re.search(r"1990 +2000 +2010", "\n".join(lines))
