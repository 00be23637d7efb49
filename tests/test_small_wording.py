"""Small wording of issue #25: suggestions where a near name exists, candidates in columns,
counts in good English."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import ADD, MINI, Run

Cli = Callable[..., Run]


def test_remove_suggests_the_ids_it_has(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert cli("init", str(path)).code == 0
    assert cli("add", "--to", str(path), *ADD).code == 0
    for typed in ("moon-landing", "moon-landing-shown-in-clas"):
        result = cli("remove", typed, "--from", str(path))
        assert (result.code, result.err) == (
            2,
            f"spacetime: error: no event '{typed}' in {path}; "
            "did you mean 'moon-landing-shown-in-class'?\n",
        )
    far = cli("remove", "starship", "--from", str(path))
    assert far.err == f"spacetime: error: no event 'starship' in {path}\n"


def test_a_lower_case_code_in_yaml_is_answered_with_the_code(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    text = MINI.read_text(encoding="utf-8").replace("countries: [SU]", "countries: [su]", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "--no-bundled", str(path))
    assert result.code == 3
    assert (
        f"{path}:8: event 'sputnik-1': countries: item 1 'su' is not a code (2 to 8 upper-case "
        "letters or digits); did you mean SU?"
    ) in result.out + result.err


def test_candidates_are_listed_in_columns(cli: Cli) -> None:
    result = cli("show", "chang'e")  # several missions: listed
    assert result.code == 2
    rows = result.err.splitlines()[1:]
    assert len(rows) > 5
    columns = [re.fullmatch(r"  (\S+) +(.+?)  +(\S.*)", row) for row in rows]
    assert all(columns)
    assert len({c.start(2) for c in columns if c}) == 1  # dates aligned
    assert len({c.start(3) for c in columns if c}) == 1  # titles aligned


def test_one_row_is_one_row(cli: Cli) -> None:
    result = cli("launches", "--by", "decade", "--since", "1957", "--until", "1957")
    assert "3 launches in 1 row\n" in result.out
