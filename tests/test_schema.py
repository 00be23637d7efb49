"""The JSON Schema and the loader agree: same verdict on every file the tests hold and on every file
spacetime itself writes, read as an editor reads YAML (YAML 1.2: a plain 1999 is a number)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import MINI, Run, one_event
from spacetime.core.errors import DataError
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path, vocabulary_path
from spacetime.load.yamlread import ReadError, read_document

Cli = Callable[..., Run]
TESTS = Path(__file__).parent
FILES = sorted([*(TESTS / "corpus").iterdir(), *(TESTS / "fixtures").iterdir()])
# What a schema cannot know: codes naming records of other files, and uniqueness across files.
ACROSS_FILES = re.compile(
    r": unknown (country|category|milestone|successor) '|^duplicate (event id|[a-z]+ code) "
    r"|already names|lead back to it"
)


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as yaml-language-server reads a file: no dates, no yes/no."""


EditorLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))
EditorLoader.add_constructor("tag:yaml.org,2002:int", lambda _l, n: int(n.value, 0) if n.value[:2] in ("0o", "0x") else int(n.value))  # fmt: skip
EditorLoader.add_constructor("tag:yaml.org,2002:float", lambda _l, n: float(n.value))


def schema_says_valid(path: Path, schema: dict[str, Any]) -> bool:
    try:
        _, problems = read_document(path)
    except ReadError:
        return False  # not YAML (or not text): an editor flags it before any schema
    if problems:
        return False  # tags, aliases, duplicate keys: refused before any schema applies
    text = path.read_text(encoding="utf-8-sig")
    document = json.loads(text) if path.suffix == ".json" else yaml.load(text, EditorLoader)
    return jsonschema.Draft202012Validator(schema).is_valid(document)


def loader_says_valid(path: Path) -> bool:
    try:
        load_timeline([path])
    except DataError as err:
        return all(ACROSS_FILES.search(p.message) for p in err.problems)
    return True


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    from spacetime.load.jsonschema import timeline_schema

    return timeline_schema()


def test_the_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", [bundled_path(), vocabulary_path(), *FILES], ids=lambda p: p.name)
def test_schema_and_loader_agree_on_every_test_file(path: Path, schema: dict[str, Any]) -> None:
    assert schema_says_valid(path, schema) == loader_says_valid(path)


def test_the_verdicts_are_not_all_the_same(schema: dict[str, Any]) -> None:
    verdicts = [loader_says_valid(path) for path in FILES]
    assert verdicts.count(True) >= 5 and verdicts.count(False) >= 10


def test_schema_and_loader_agree_on_files_spacetime_writes(
    cli: Cli, tmp_path: Path, schema: dict[str, Any]
) -> None:
    path = tmp_path / "mine.yaml"
    written = [path]
    assert cli("init", str(path)).code == 0
    assert schema_says_valid(path, schema) and loader_says_valid(path)
    for args in (
        ("--date", "1999", "--title", "A bare year", "-c", "usa"),
        ("--date", "1957-10-04T19:28:34Z", "--title", "A time", "-c", "ussr", "--category", "satellite"),
        ("--date", "2030s", "--title", "A plan", "-c", "cn", "--status", "planned", "--confirmed", "2026-05"),
        ("--date", "2000-11-02/..", "--title", "Ongoing: yes", "-c", "esa", "--summary", "on"),
    ):  # fmt: skip
        result = cli("add", "--to", str(path), *args, "--source", "https://example.org/a")
        assert result.code == 0, result.err
        assert schema_says_valid(path, schema) and loader_says_valid(path), args
    assert cli("fmt", str(path)).code == 0
    for name, args in (("mini.yaml", ("--no-bundled", "--data", str(MINI))), ("all.yaml", ())):
        out = tmp_path / name
        assert cli("export", "yaml", *args, "-o", str(out)).code == 0
        written.append(out)
    for one in written:
        assert schema_says_valid(one, schema) and loader_says_valid(one), one


@pytest.mark.parametrize(
    ("field", "value", "valid"),
    [
        ("date", 1999, True),  # a bare year, as add, fmt and the bundled data write it
        ("date", "1957-10-04T19:28:34+00:00", True),
        ("date", "1957-10-04T19:28:34+01:00", False),
        ("date", "2021-02-29", False),
        ("date", "2024-02-29", True),
        ("date", "../..", False),
        ("title", "   ", False),
        ("title", 1969, True),
        ("title", "a\x1bb", False),
        ("summary", "two\nlines", True),
        ("title", "two\nlines", False),
        ("note", "a\u2028b", False),
        ("mission", "tab\there", False),
        ("id", "Not A Slug", False),
        ("status", "done", False),
        ("sources", [], False),
        ("sources", ["https://example.org/x", "https://example.org/x"], False),
        ("countries", ["US", "US"], False),
        ("agencies", ["NASA", "NASA"], False),
        ("tags", ["moon", "moon"], False),
        ("milestones", ["first-satellite", "first-satellite"], False),
        ("colour", "red", False),
        ("category", None, True),
    ],
)
def test_one_field_same_verdict(
    tmp_path: Path, schema: dict[str, Any], field: str, value: Any, valid: bool
) -> None:
    event = {
        "id": "x",
        "date": "1970",
        "title": "T",
        "countries": ["US"],
        "sources": ["https://example.org/x"],
        field: value,
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"events": [event]}), encoding="utf-8")
    assert (schema_says_valid(path, schema), loader_says_valid(path)) == (valid, valid)


def test_docs_schema_file_is_current(cli: Cli) -> None:
    committed = json.loads((TESTS.parent / "docs" / "spacetime.schema.json").read_text())
    assert committed == cli("schema").json()


def test_a_repeated_item_is_reported_at_its_line(cli: Cli, tmp_path: Path) -> None:
    path = one_event(tmp_path, countries="[US, US]")
    result = cli("validate", str(path))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{path}:5: event 'x': countries: item 2 repeats item 1, 'US'; each is given once"
    ]
