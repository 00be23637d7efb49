"""Loading and validation: every problem reported as file:line, all of them in one run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import MINI
from spacetime.core.errors import DataError
from spacetime.core.model import Status
from spacetime.load.loader import load_timeline, review

EVENT = """\
  - id: {id}
    date: {date}
    title: T
    countries: [{country}]
    category: satellite
    status: achieved
    sources: [https://example.org/x]
"""


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(*paths: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load_timeline(list(paths))
    return err.value.lines()


def test_mini_loads_in_date_order(mini) -> None:  # type: ignore[no-untyped-def]
    assert [e.id for e in mini.events][:4] == ["sputnik-1", "vanguard-tv3", "explorer-1", "gagarin"]
    assert mini.event("sputnik-1").date.text == "1957-10-04T19:28:34Z"
    assert mini.event("sputnik-1").origin.line == 4


def test_dates_are_read_as_written(tmp_path: Path) -> None:
    # Unquoted, YAML would make these a date, an int and a float; the loader keeps the text.
    path = write(
        tmp_path,
        "events:\n"
        + EVENT.format(id="a", date="1957-10-04", country="US")
        + EVENT.format(id="b", date="1970", country="US").replace("title: T", "title: 1.50"),
    )
    timeline = load_timeline([MINI, path])
    assert timeline.event("a").date.text == "1957-10-04"
    assert timeline.event("b").date.display() == "1970"
    assert timeline.event("b").title == "1.50"


def test_every_problem_is_reported_with_file_and_line(tmp_path: Path) -> None:
    text = """\
events:
  - id: bad-one
    date: 2021-02-30
    title: Bad
    countries: [US]
    categry: satellite
    status: done
    sources: [ftp://x]
  - id: Not_A_Slug
    date: 1970
    title: T
    countries: [US]
    category: satellite
    status: achieved
    sources: [https://example.org]
"""
    path = write(tmp_path, text)
    assert problems(MINI, path) == [
        f"{path}:3: event 'bad-one': date: impossible date '2021-02-30': February 2021 has 28 days",
        f"{path}:6: event 'bad-one': unknown field 'categry'; did you mean 'category'?",
        f"{path}:7: event 'bad-one': status: 'done' is not one of: achieved, failed, partial, planned, cancelled",
        f"{path}:8: event 'bad-one': sources: item 1 'ftp://x' is not an http(s) URL",
        f"{path}:9: event 'Not_A_Slug': id: 'Not_A_Slug' is not a slug (lower-case letters, digits, single hyphens)",
    ]


def test_unknown_codes_with_suggestions(tmp_path: Path) -> None:
    text = (
        "events:\n"
        + EVENT.format(id="x", date="1999", country="USA")
        + "    milestones: [first-satelite]\n"
    )
    path = write(tmp_path, text)
    assert problems(MINI, path) == [
        f"{path}:5: event 'x': unknown country 'USA'; did you mean 'US'?",
        f"{path}:9: event 'x': unknown milestone 'first-satelite'; did you mean 'first-satellite'?",
    ]


def test_duplicate_ids_name_both_places_across_files(tmp_path: Path) -> None:
    path = write(tmp_path, "events:\n" + EVENT.format(id="gagarin", date="1961", country="SU"))
    assert problems(MINI, path) == [f"{path}:2: duplicate event id 'gagarin' (also at {MINI}:34)"]


def test_missing_and_wrong_types(tmp_path: Path) -> None:
    text = "events:\n  - id: x\n    date: 1999\n    title: [a, b]\n    countries: {a: b}\n"
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}:2: event 'x': missing required field 'sources'",
        f"{path}:4: event 'x': title: should be text, not a list",
        f"{path}:5: event 'x': countries: should be a list, not a mapping",
    ]


def test_a_plan_without_confirmation_is_a_warning(tmp_path: Path) -> None:
    text = "events:\n" + EVENT.format(id="p", date="2030s", country="US").replace(
        "achieved", "planned"
    )
    path = write(tmp_path, text)
    timeline = load_timeline([MINI, path])
    assert [str(w) for w in review(timeline, date(2026, 11, 24))] == [
        f"{path}:2: warning: planned event 'p' has no 'confirmed': add the date a source last "
        "confirmed the plan (confirmed: 2026-05, or `spacetime add --confirmed DATE`)"
    ]


def test_a_plan_past_its_date_is_quiet_for_30_days_after_its_review(tmp_path: Path) -> None:
    record = EVENT.format(id="p", date="2026-11", country="US").replace("achieved", "planned")
    record += "    confirmed: 2025-11\n    reviewed: 2026-12-06\n"
    path = write(tmp_path, "events:\n" + record)
    timeline = load_timeline([MINI, path])

    def mine(today: date) -> list[str]:
        return [str(w) for w in review(timeline, today) if w.file == str(path)]

    assert mine(date(2026, 12, 6)) == []
    assert mine(date(2027, 1, 5)) == []
    assert mine(date(2027, 1, 6)) == [
        f"{path}:2: warning: planned event 'p' (Nov 2026) is past its date; "
        "review it (plan last confirmed 2025-11, last reviewed 2026-12-06)"
    ]


def test_a_minimal_user_event_needs_no_status_nor_category(tmp_path: Path) -> None:
    text = (
        "events:\n  - id: mine\n    date: 1999\n    title: Mine\n    countries: [US]\n"
        "    sources: [https://example.org/mine]\n"
    )
    event = load_timeline([write(tmp_path, text)]).event("mine")
    assert (event.status, event.category, event.date.text) == (Status.ACHIEVED, None, "1999")


def test_an_empty_date_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = "events:\n" + EVENT.format(id="e", date="~", country="US")
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}:3: event 'e': date: is empty; write it as precisely as a source gives it "
        "(1969-07-20, 1969-07, 1969), or e.g. 2026~ for an approximate year"
    ]


def test_an_alias_is_reported_once_and_causes_nothing_more(tmp_path: Path) -> None:
    text = (
        "events:\n"
        + EVENT.format(id="a", date="&d 1999", country="US")
        + "  - <<: *base\n    id: b\n"
        + EVENT.format(id="c", date="*d", country="US")
    )
    path = write(tmp_path, text)
    assert problems(path) == [f"{path}:3: anchors and aliases (&, *) are not supported"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1: the file is empty; a timeline is a mapping with an 'events:' list"),
        (
            "- a\n- b\n",
            "1: the top level is a list; a timeline is a mapping with an 'events:' list",
        ),
        (
            "just text\n",
            "1: the top level is a single value; a timeline is a mapping with an 'events:' list",
        ),
        ("evnts: []\n", "1: unknown top-level key 'evnts'; did you mean 'events'?"),
        (
            "events:\n\t- x\n",
            "2: invalid YAML: a tab in the indentation; YAML indents with spaces only",
        ),
        ("events: [\n", "2: invalid YAML: did not find expected node content"),
        ("format: spacetime/2\n", "1: format 'spacetime/2' is not supported; use 'spacetime/1'"),
        ("events:\nevents:\n", "2: duplicate key 'events' (first at line 1)"),
        (
            "events: !!python/object:os.system x\n",
            "1: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed; only plain data",
        ),
        ("events: 3\n", "1: 'events' should be a list, not text"),
        ("events: [1]\n", "1: each of 'events' should be a mapping, not text"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    assert problems(path) == [f"{path}:{message}"]


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"events:\n  - id: caf\xe9\n")
    assert problems(path) == [f"{path}:2: not UTF-8 text (byte 0xe9)"]
    missing = tmp_path / "nope.yaml"
    assert problems(missing) == [f"{missing}: no such file"]
    assert problems(tmp_path) == [f"{tmp_path}: is a directory, not a timeline file"]


def test_json_timeline_is_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '{"events": [{"id": "j", "date": "1999-01", "title": "J", "countries": ["US"],'
        ' "category": "satellite", "status": "achieved", "sources": ["https://example.org"]}]}',
        "t.json",
    )
    timeline = load_timeline([MINI, path])
    assert timeline.event("j").date.display() == "Jan 1999"


def test_user_file_adds_its_own_entities_and_milestones(tmp_path: Path) -> None:
    text = """\
entities:
  - code: OSCAR
    name: Project OSCAR
    kind: organization
    aliases: [project oscar, amateur satellites]
milestones:
  - code: first-astronaut
    name: First astronaut
    definition: The nation's first citizen in orbit.
events:
  - id: pontes
    date: 1961-12-12
    title: OSCAR 1, the first amateur radio satellite
    countries: [OSCAR]
    category: satellite
    status: achieved
    milestones: [first-astronaut]
    sources: [https://example.org/pontes]
"""
    timeline = load_timeline([MINI, write(tmp_path, text)])
    assert timeline.entity("Amateur Satellites").code == "OSCAR"
    assert timeline.event("pontes").milestones == ("first-astronaut",)
    assert timeline.entity("india").code == "IN"  # the standard vocabulary is there too


def test_lineage_cycle_and_alias_clash(tmp_path: Path) -> None:
    text = """\
entities:
  - code: AA
    name: A
    kind: country
    aliases: [china]
    successor: BB
  - code: BB
    name: B
    kind: country
    successor: AA
"""
    path = write(tmp_path, text)
    assert problems(MINI, path) == [
        f"{path}:5: entity 'AA': alias 'china' already names 'CN'",
        f"{path}:6: entity 'AA': its successors lead back to it",
        f"{path}:10: entity 'BB': its successors lead back to it",
    ]


def test_review_warns_about_plans_past_their_date(mini) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    assert review(mini, date(2026, 11, 24)) == []
    warnings = [str(w) for w in review(mini, date(2027, 1, 1))]
    assert warnings == [
        f"{MINI}:87: warning: planned event 'soon' (c. 2026) is past its date; "
        "review it (plan last confirmed 2025-01)"
    ]


def test_a_refused_event_still_gets_its_references_checked(tmp_path: Path) -> None:
    text = "events:\n" + EVENT.format(id="x", date="2021-02-30", country="USSA")
    path = write(tmp_path, text)
    assert problems(MINI, path) == [
        f"{path}:3: event 'x': date: impossible date '2021-02-30': February 2021 has 28 days",
        f"{path}:5: event 'x': unknown country 'USSA'; did you mean 'US'?",
    ]
