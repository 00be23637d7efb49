"""The light value classes of the start-up path keep what frozen dataclasses gave them."""

from __future__ import annotations

import io

import pytest

from spacetime.cli.options import FilterOptions
from spacetime.core.dates import parse_date
from spacetime.core.model import Category, Event, Milestone, Moment, Origin, Status, Term
from spacetime.core.record import record_fields
from spacetime.output.environment import Environment


def _event(**changes: object) -> Event:
    event = Event(
        "sputnik-1", parse_date("1957-10-04"), "Sputnik 1", ("SU",), "satellite",
        Status.ACHIEVED, ("https://example.org",), origin=Origin("a.yaml", 3),
    )  # fmt: skip
    return event.replace(**changes)


def test_equality_and_hash_ignore_where_a_record_was_read() -> None:
    here, there = _event(), _event(origin=Origin("b.yaml", 9))
    assert here == there and hash(here) == hash(there)
    assert here != _event(title="Sputnik")
    assert Term("moon", "Moon", "d") != Category("moon", "Moon", "d")  # the class counts


def test_records_are_read_only_and_replace_makes_a_copy() -> None:
    event = _event()
    with pytest.raises(AttributeError):
        event.title = "changed"  # type: ignore[misc]
    later = event.replace(date=parse_date("1957-10-05"))
    assert (event.date.text, later.date.text, later.id) == ("1957-10-04", "1957-10-05", "sputnik-1")
    assert later.origin == Origin("a.yaml", 3)


def test_fields_keep_their_order_base_class_first() -> None:
    assert [name for name, _ in record_fields(Milestone)] == [
        "code", "name", "definition", "origin", "moment", "implied_by",
    ]  # fmt: skip
    milestone = Milestone("orbit", "Orbit", "d", moment=Moment.LAUNCH)
    assert repr(milestone).startswith("Milestone(code='orbit', name='Orbit', definition='d'")


def test_environment_is_read_only_and_replace_changes_one_fact() -> None:
    out = io.StringIO()
    env = Environment(stdout=out, width=100)
    with pytest.raises(AttributeError):
        env.width = 3  # type: ignore[misc]
    copy = env.replace(colour=True)
    assert (copy.stdout, copy.width, copy.colour, env.colour) == (out, 100, True, False)


def test_option_groups_take_keywords_defaults_and_copies() -> None:
    options = FilterOptions(country=["china"])
    assert (options.country, options.chosen, options.limit) == (["china"], {}, None)
    assert FilterOptions().chosen is not FilterOptions().chosen  # each instance its own dict
    assert options.replace(limit=3).limit == 3 and options.limit is None
    with pytest.raises(TypeError, match="no field colour"):
        FilterOptions(colour=True)
