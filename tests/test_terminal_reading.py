"""What a demanding reader at 80 columns should not see: a name split from its number, ..."""

from __future__ import annotations

import io

from spacetime.cli.app import main
from spacetime.output.environment import Environment


def draw(columns: int, *args: str) -> list[str]:
    terminal = io.StringIO()
    env = Environment(stdout=terminal, terminal=True, width=columns, colour=False)
    assert main(list(args), env) == 0
    return terminal.getvalue().splitlines()


def test_a_payload_keeps_its_number() -> None:
    lines = draw(60, "launches", "-c", "china", "--since", "2024-01-05", "--until", "2024-01-11")
    payloads = [line[28:52].strip() for line in lines[2:8]]
    assert payloads == [
        "Tianmu 1-15,",
        "Tianmu 1-16 +2",
        "Einstein Tanzhen",
        "Tianxing-1 02",
        "Yunyao-1 18,",
        "Yunyao-1 19 +1",
    ]
