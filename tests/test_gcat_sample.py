"""The GCAT sample in tests/fixtures/gcat/sample (see tests/gcat_log.py): it covers the awkward cases
and every launch the bundled timeline names, the importer reads it as it read the whole snapshot
(so the importer is checked in every clone), and, where the snapshot is, it is what the snapshot
gives."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from gcat_log import FILES, SAMPLE, SNAPSHOT, make_sample, read_launchlog, short_tag
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_launches_path, bundled_path

Cli = Callable[..., Run]


def _codes() -> dict[str, tuple[str, str]]:
    """Launch_Tag -> (Launch_Date, Launch_Code) of each launch in the sample, read as text."""
    lines = (SAMPLE / "launchlog.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].lstrip("#").split("\t")
    tag, when, code = (header.index(c) for c in ("Launch_Tag", "Launch_Date", "Launch_Code"))
    found: dict[str, tuple[str, str]] = {}
    for line in lines[1:]:
        if not line.startswith("#"):
            cells = [c.strip() for c in line.split("\t")]
            found.setdefault(cells[tag], (cells[when], cells[code]))
    return found


def _named() -> list[str]:
    return [e.launch for e in load_timeline([bundled_path()]).events if e.launch]


def test_the_sample_covers_the_awkward_cases() -> None:
    launches = _codes()
    assert 300 <= len(launches) <= 600
    codes = [code for _, code in launches.values()]
    assert codes.count("XS") == 11  # every lunar ascent
    assert len({c for c in codes if c[2:]}) >= 15  # partial successes, each percentage
    assert sum(c[1] == "F" for c in codes) >= 20 and sum(c[0] == "D" for c in codes) >= 20
    assert sum(bool(re.fullmatch(r"\d{4} [A-Z]+", t)) for t in launches) >= 12
    assert sum(bool(re.fullmatch(r"\d{4} [A-Z] [A-Z]+", t)) for t in launches) >= 6
    dates = [when for when, _ in launches.values()]
    assert sum(when.endswith("?") for when in dates) >= 6
    assert sum(bool(re.fullmatch(r"\d{4} \w{3} +\d+", when)) for when in dates) >= 6


def test_every_launch_the_timeline_names_is_in_the_sample() -> None:
    named = _named()
    assert len(named) >= 131
    sample = {short_tag(tag) for tag in _codes()}
    assert sorted({t for t in named if short_tag(t) not in sample}) == []


def test_the_importer_reads_the_sample_as_it_read_the_snapshot(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "launches.tsv"
    log, sites, orgs = (SAMPLE / name for name in FILES)
    result = cli("import", "gcat", str(log), "--sites", str(sites), "--orgs", str(orgs), "-o", str(out))  # fmt: skip
    assert result.code == 0, result.err
    mine = out.read_text(encoding="utf-8").splitlines()
    shipped = bundled_launches_path().read_text(encoding="utf-8").splitlines()
    launches = [line for line in mine if line.startswith("L\t")]
    # the bundled launch log was imported from the whole snapshot: each launch reads the same
    assert len(launches) == len(read_launchlog(log)) == len(_codes())
    assert set(launches) <= set(shipped)
    site_lines = [line for line in mine if line.startswith("S\t")]
    assert len(site_lines) >= 20 and set(site_lines) <= set(shipped)
    listed = cli("launches", "--no-bundled", "--data", str(out), "--format", "json").json()
    read = read_launchlog(log).values()
    by_state = {x.state for x in read}
    # the launches from Earth are listed; the ascents from another world (X) only by --kind
    from_earth = [x for x in read if x.kind != "X"]
    assert len(listed) == len(from_earth) < len(launches) and len(by_state) >= 10


@pytest.mark.skipif(
    not (SNAPSHOT / "launchlog.tsv").is_file(),
    reason="the GCAT snapshot (../shared/data/gcat) is not beside this checkout",
)
def test_the_sample_is_what_the_snapshot_gives() -> None:
    made = make_sample(SNAPSHOT, _named())
    if os.environ.get("SPACETIME_UPDATE_GOLDEN"):
        for name, text in made.items():
            (SAMPLE / name).write_text(text, encoding="utf-8")
    held = {name: (SAMPLE / name).read_text(encoding="utf-8") for name in FILES}
    assert held == made, "SPACETIME_UPDATE_GOLDEN=1 pytest tests/test_gcat_sample.py rewrites it"
