"""The one wording of counts and of years from today."""

from spacetime.core.words import ago, plural


def test_plural_counts_with_the_right_noun() -> None:
    assert [plural(n, "event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]
    assert plural(3, "launch", "launches") == "3 launches"
    assert plural(6817, "launch", "launches") == "6,817 launches"  # as the README writes it
    assert plural(1, "field", number=False) == "field"
    assert plural(2, "field", number=False) == "fields"


def test_ago_says_past_and_future_years_alike() -> None:
    assert [ago(n) for n in (67, 1, 0, -1, -3)] == [
        "67 years ago",
        "1 year ago",
        "this year",
        "in 1 year",
        "in 3 years",
    ]
    assert ago(0, zero="within a year") == "within a year"
