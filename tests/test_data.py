"""The bundled timeline: sourced, consistent, and holding every fact of the seed article."""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from spacetime.core.model import Status
from spacetime.core.timeline import Timeline
from spacetime.engine.firsts import claims, rule_problems, world_firsts
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, vocabulary_path
from spacetime.load.yamlread import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "facts.md"


@pytest.fixture(scope="module")
def bundled() -> Timeline:
    return load_timeline([bundled_path()])


def test_size(bundled: Timeline) -> None:
    # ids, source URLs and required fields are the loader's to enforce (tests/test_schema.py)
    assert len(bundled.events) >= 300


def test_no_claim_breaks_a_milestone_rule(bundled: Timeline) -> None:
    # `validate` only warns (a user's timeline may do this); the bundled one may not
    assert [str(p) for p in rule_problems(bundled)] == []


def test_failed_events_claim_nothing(bundled: Timeline) -> None:
    assert [e.id for e in bundled.events if e.status is Status.FAILED and e.milestones] == []


def test_world_first_is_the_earliest_claim(bundled: Timeline) -> None:
    firsts = world_firsts(bundled)
    for milestone, found in claims(bundled).items():
        done = [c.event for c in found if not c.planned]
        if done:
            earliest = min(done, key=lambda e: e.sort_key())
            assert firsts[milestone] is earliest


def test_bundled_events_name_their_status_and_category() -> None:
    # A user's event may leave them out (achieved, no category); the bundled timeline may not.
    document, problems = read_document(bundled_path())
    assert problems == []
    assert set(document) == {"format", "events"}  # the vocabulary lives in vocabulary.yaml
    for record in document["events"]:
        assert record.get("status") and record.get("category"), record["id"]


def test_the_vocabulary_holds_no_events() -> None:
    document, problems = read_document(vocabulary_path())
    assert problems == []
    assert set(document) == {"format", "entities", "milestones", "categories"}


def test_planned_events_carry_their_confirmation(bundled: Timeline) -> None:
    for event in bundled.events:
        if event.status is Status.PLANNED:
            assert event.confirmed is not None, event.id


def test_no_two_events_on_one_date_tell_the_same_thing(bundled: Timeline) -> None:
    by_date: dict[str, list[str]] = defaultdict(list)
    for event in bundled.events:
        by_date[event.date.text[:10]].append(event.title.casefold())
    for day, titles in by_date.items():
        for i, a in enumerate(titles):
            for b in titles[i + 1 :]:
                assert SequenceMatcher(None, a, b).ratio() < 0.8, f"{day}: '{a}' ~ '{b}'"


def seed_rows() -> list[tuple[str, str]]:
    rows = []
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.fullmatch(r"`[a-z0-9-]+`", cells[2]):
            rows.append((cells[2].strip("`"), cells[3].strip("`")))
    return rows


def test_every_seed_fact_is_in_the_timeline_with_its_date(bundled: Timeline) -> None:
    rows = seed_rows()
    assert len(rows) >= 13
    for event_id, date_text in rows:
        assert bundled.event(event_id).date.text == date_text, event_id
