"""How fresh a launch answer is, in its human forms: the launch log's span after the GCAT credit,
and a mark on a last period that the log (or `--as-of`) covers only in part ("2024*: to 8 Dec"),
so that no one reads a partial year as a whole one. Records (JSON, CSV) are left as they are."""

from __future__ import annotations

from datetime import date

from spacetime.core.dates import MONTH_ABBR
from spacetime.launches.model import CREDIT
from spacetime.output.listing import Brief, Listing, Report

__all__ = ["fresh", "partial_mark"]

_PERIOD_COLUMNS = ("Period", "Year", "Decade")


def partial_mark(label: str, cutoff: date) -> str | None:
    """ "2024*: to 8 Dec" when the period `label` (a year `2024` or a decade `2020s`) holds
    `cutoff` and goes on after it; None otherwise."""
    decade = label.endswith("s")
    digits = label[:-1] if decade else label
    if not (digits.isdigit() and len(digits) == 4):
        return None
    first = int(digits)
    last = first + 9 if decade else first
    if not first <= cutoff.year <= last or cutoff == date(last, 12, 31):
        return None
    day = f"{cutoff.day} {MONTH_ABBR[cutoff.month - 1]}"
    return f"{label}*: to {day}" + (f" {cutoff.year}" if decade else "")


def fresh(
    answer: Listing | Report, line: str | None, cutoff: date | None, *, every: bool = False
) -> Listing | Report:
    """`answer` with `line` (the log's span) after every GCAT credit in its footers (or in the
    Source row of one launch in full), and the partial last period marked in its launch tables
    by period (`cutoff`: the day counts stop, the log's end or --as-of). A launch table is one whose footer carries the credit, or, with
    `every`, any table of the answer."""
    listings = [answer] if isinstance(answer, Listing) else [s for _, s in answer.sections]
    for listing in listings:
        if line and listing.single:  # one launch in full (`show TAG`): under its Source
            for row in listing.rows:
                if row[-1] == CREDIT:
                    row[-1] = f"{CREDIT}\n{line}"
        credited = bool(listing.footer and CREDIT in listing.footer)
        if line and credited and listing.footer:
            listing.footer = _then(listing.footer, line)
        by_period = listing.columns and listing.columns[0].header in _PERIOD_COLUMNS
        if cutoff is None or not by_period or not (every or credited):
            continue
        for row in listing.rows:
            mark = partial_mark(str(row[0]), cutoff)
            if mark is not None:
                row[0] = f"{row[0]}*"
                listing.footer = _then(listing.footer, mark) if listing.footer else mark
    return answer


def _then(footer: str, line: str) -> str:
    """`footer` and `line` under it, in both forms of a footer that has a short one (`Brief`)."""
    if isinstance(footer, Brief):
        return Brief(f"{footer}\n{line}", f"{footer.short}\n{line}")
    return f"{footer}\n{line}"
