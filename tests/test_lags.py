"""Lags and ages that read as people say them: under a month in days, the current year in days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import Run
from spacetime.core.dates import parse_date
from spacetime.output.compare import lag_text
from spacetime.output.events import relative

Cli = Callable[..., Run]


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ((12, 6, 4565), "+12 y 6 m"),
        ((20, 0, 7307), "+20 y"),
        ((0, 4, 130), "+4 m"),
        ((0, 0, 23), "+23 d"),
        ((0, 0, 0), "same day"),
    ],
)
def test_lag_text(parts: tuple[int, int, int], text: str) -> None:
    assert lag_text(*parts) == text


@pytest.mark.parametrize(
    ("edtf", "text"),
    [
        ("2026-11-24", "today"),
        ("2026-11-01", "23 days ago"),
        ("2026-11-23", "1 day ago"),
        ("2026-12-01", "in 7 days"),
        ("2025-11-24", "1 year ago"),
        ("1957-10-04", "69 years ago"),
        ("2026", "this year"),
        ("2000-11-02/..", "now"),
        # a date known to the month, in calendar months: no day is invented
        ("2026-11", "this month"),
        ("2026-10", "1 month ago"),
        ("2026-02", "9 months ago"),
        ("2027-03", "in 4 months"),
        ("2025-06", "1 year ago"),
    ],
)
def test_relative_to_today(edtf: str, text: str) -> None:
    assert relative(parse_date(edtf), date(2026, 11, 24)) == text


def test_compare_usa_ussr_gives_lags_under_a_month_in_days(cli: Cli) -> None:
    result = cli("compare", "usa", "ussr", "--no-launches", "--format", "json")
    cells = {row["milestone"]: row["cells"] for row in result.json()["matrix"]}
    shepard = cells["first-human-in-space"]["US"]
    assert shepard["lag_days"] == 23  # Gagarin 12 April, Shepard 5 May 1961
    table = cli("compare", "usa", "ussr", "--no-launches").out
    assert "+0 m" not in table
    assert "+23 d" in table
