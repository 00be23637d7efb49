"""English wording used by every layer: a count with its noun, and a span of years from today."""

from __future__ import annotations

__all__ = ["ago", "days_ago", "months_ago", "plural"]


def plural(count: int, word: str, many: str | None = None, *, number: bool = True) -> str:
    """`3 events`, `1 event`, `6,817 launches` (`many` for an irregular plural); the noun alone
    with `number=False`."""
    form = word if count == 1 else many or f"{word}s"
    return f"{count:,} {form}" if number else form


def ago(years: int, zero: str = "this year") -> str:
    """Whole years from today: `67 years ago`, `in 3 years` (negative), or `zero` for 0."""
    if years == 0:
        return zero
    if years < 0:
        return f"in {plural(-years, 'year')}"
    return f"{plural(years, 'year')} ago"


def days_ago(days: int) -> str:
    """Days from today, for an event of the current year: `today`, `23 days ago`, `in 2 days`."""
    if days == 0:
        return "today"
    if days < 0:
        return f"in {plural(-days, 'day')}"
    return f"{plural(days, 'day')} ago"


def months_ago(months: int) -> str:
    """Calendar months from today, for a date known to the month: `this month`, `1 month ago`,
    `in 3 months` (never a count of days the date does not give)."""
    if months == 0:
        return "this month"
    if months < 0:
        return f"in {plural(-months, 'month')}"
    return f"{plural(months, 'month')} ago"
