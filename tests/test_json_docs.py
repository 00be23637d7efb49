"""docs/json.md against the program: every documented command is run on the bundled data and
its JSON compared field by field (names, order, types); the README's command list against
`spacetime --help`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from conftest import Run

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs" / "json.md"
Cli = Callable[..., Run]


class Table(NamedTuple):
    path: str
    fields: list[tuple[str, str]]


class Section(NamedTuple):
    title: str
    command: list[str]
    tables: list[Table]


def sections() -> list[Section]:
    """The sections of docs/json.md that name a command to run: its `sh` block and its tables."""
    found = []
    for block in re.split(r"^## ", DOCS.read_text(encoding="utf-8"), flags=re.M)[1:]:
        title = block.splitlines()[0].strip()
        command = re.search(r"```sh\n(spacetime .*)\n```", block)
        if command is None:
            continue
        paths = re.findall(r"^\*\*`([^`]*)`\*\*$", block, flags=re.M)
        bodies = re.split(r"^\*\*`[^`]*`\*\*$", block, flags=re.M)[1:]
        tables = [
            Table(path, re.findall(r"^\| `(\w+)` \| ([a-z ]+) \|", body, flags=re.M))
            for path, body in zip(paths, bodies, strict=True)
        ]
        found.append(Section(title, command.group(1).split()[1:], tables))
    return found


TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, float),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def fits(value: Any, documented: str) -> bool:
    kind, _, null = documented.partition(" or ")
    return (value is None and null == "null") or TYPES[kind](value)


def objects_at(document: Any, path: str) -> list[Any]:
    """The values a path of the docs selects: `[]` each item, `.key` a key, `.*` each value."""
    found = [document]
    for step in re.findall(r"\[\]|\.\*|\.\w+", path):
        if step == "[]":
            found = [item for value in found for item in value]
        elif step == ".*":
            found = [item for value in found for item in value.values()]
        else:
            found = [value[step[1:]] for value in found]
    return found


SECTIONS = sections()


def test_every_listing_command_is_documented() -> None:
    titles = {s.command[0] for s in SECTIONS}
    assert titles == {
        "list", "show", "today", "on", "firsts", "milestones", "countries", "categories",
        "stats", "launches", "compare", "sources",
    }  # fmt: skip
    assert all(s.tables and all(t.fields for t in s.tables) for s in SECTIONS)


@pytest.mark.parametrize("section", SECTIONS, ids=[s.title for s in SECTIONS])
def test_the_json_is_as_documented(cli: Cli, section: Section) -> None:
    result = cli(*section.command)
    assert result.code == 0, result.err
    document = result.json()
    for table in section.tables:
        found = [o for o in objects_at(document, table.path) if o is not None]
        assert found, f"{section.title}: nothing at {table.path}"
        names = [name for name, _kind in table.fields]
        for record in found:
            assert list(record) == names, f"{section.title} {table.path}"
            for name, kind in table.fields:
                assert fits(record[name], kind), (section.title, table.path, name, record[name])


def test_csv_headers_are_the_json_keys(cli: Cli) -> None:
    lists = [s for s in SECTIONS if s.tables[0].path == "[]"]  # a document's CSV is long-form
    assert len(lists) >= 5
    for section in lists:
        command = [arg for arg in section.command if arg != "--json"]
        header = cli(*command, "--format", "csv").out.splitlines()[0]
        assert header.split(",") == [name for name, _kind in section.tables[0].fields], (
            section.title
        )


def test_readme_lists_the_commands_of_help(cli: Cli) -> None:
    helped = re.findall(r"^  ([a-z]+)  ", cli("--help").out, flags=re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"^### Commands\n(.*?)^#", readme, flags=re.M | re.S)
    assert listed is not None
    assert re.findall(r"^\| `spacetime ([a-z]+)", listed.group(1), flags=re.M) == helped
