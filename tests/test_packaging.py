"""CI tests both ends of every dependency range: `.ci/lowest.txt` pins exactly the lower bounds
that pyproject.toml declares, and `.ci/run` runs the README's test command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lower_bounds() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    bounds = {}
    for requirement in declared:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)(,.*)?", requirement)
        if found:
            bounds[found[1].lower()] = found[2]
    return bounds


def pins() -> dict[str, str]:
    lines = (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {name.strip().lower(): version.strip() for name, version in pairs}


def same_version(a: str, b: str) -> bool:
    """6.0 and 6.0.0 are one version."""

    def parts(v: str) -> list[int]:
        numbers = [int(p) for p in v.split(".")]
        while numbers and numbers[-1] == 0:
            numbers.pop()
        return numbers

    return parts(a) == parts(b)


def test_lowest_constraints_pin_every_lower_bound() -> None:
    bounds, pinned = lower_bounds(), pins()
    assert len(bounds) >= 12
    assert set(pinned) == set(bounds)
    for name, version in bounds.items():
        assert same_version(pinned[name], version), (name, pinned[name], version)


def test_ci_runs_the_readme_test_command_and_the_lowest_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
    assert command in readme
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in script.splitlines()
    assert "-c .ci/lowest.txt" in script
