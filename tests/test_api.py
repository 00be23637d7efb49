"""The Python library: the README's examples run, each answer is the command's JSON, and neither
`import spacetime` nor a query leaves process-wide state behind."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

import spacetime
from conftest import MINI, Run
from spacetime.cli.app import main
from spacetime.core.errors import UnknownName, UsageError
from spacetime.output.environment import Environment

README = Path(__file__).parents[1] / "README.md"
Cli = Callable[..., Run]


def python_examples() -> list[tuple[str, str]]:
    """The README's "Use it from Python" section as (code, printed output) pairs."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Use it from Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(python|text)\n(.*?)```", section, re.DOTALL)
    pairs = list(zip(blocks[::2], blocks[1::2], strict=True))
    assert all(code[0] == "python" and out[0] == "text" for code, out in pairs)
    return [(code[1], out[1]) for code, out in pairs]


def test_the_readme_python_examples_print_what_the_readme_says() -> None:
    examples = python_examples()
    assert len(examples) == 3
    namespace: dict[str, object] = {}
    for code, expected in examples:  # one namespace: later blocks use the `atlas` of the first
        printed = StringIO()
        with redirect_stdout(printed):
            exec(compile(code, str(README), "exec"), namespace)
        assert printed.getvalue() == expected


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda a: a.events(country="russia", since="1960s", until="1969"), None),
        (lambda a: a.events(country="ussr,usa", status=["achieved"], sort="title", limit=5),
         ("list", "-c", "ussr", "-c", "usa", "--status", "achieved", "--sort", "title", "-n", "5")),
        (lambda a: a.firsts(), ("firsts",)),
        (lambda a: a.firsts("china", lineage=False), ("firsts", "-c", "china", "--no-lineage")),
        (lambda a: a.compare("usa", "ussr", "china", by="year"),
         ("compare", "usa", "ussr", "china", "--by", "year")),
        (lambda a: a.launches(country="japan", since="2010", limit=3),
         ("launches", "-c", "japan", "--since", "2010", "-n", "3")),
    ],
)  # fmt: skip
def test_each_answer_is_the_commands_json(
    cli: Cli,
    call: Callable[[spacetime.Atlas], spacetime.Result[object]],
    args: tuple[str, ...] | None,
) -> None:
    atlas = spacetime.Atlas.load()
    if args is None:  # a date given as a `date` object reads as the same bound typed
        from datetime import date

        assert (
            call(atlas).records()
            == atlas.events(
                country="russia", since=date(1960, 1, 1), until=date(1969, 12, 31)
            ).records()
        )
        args = ("list", "-c", "russia", "--since", "1960s", "--until", "1969")
    result = call(atlas)
    run = cli(*args, "--no-personal", "--json")
    assert run.code == 0
    assert result.to_json() == run.out
    assert result.records() == json.loads(run.out)


def test_other_files_and_errors_that_name_parameters_not_flags() -> None:
    atlas = spacetime.Atlas.load(MINI, bundled=False)
    assert [m.event.id for m in atlas.events(search="sputnik").value] == ["sputnik-1"]
    assert atlas.launches().value == []  # no launch log without the bundled files
    with pytest.raises(UsageError) as empty:
        atlas.events(since="1970", until="1960")
    assert str(empty.value) == "the range is empty: since 1970-01-01 is after until 1960-12-31"
    with pytest.raises(UsageError) as by:
        atlas.compare("usa", "ussr", by="week")
    assert str(by.value) == "by must be decade or year, not 'week'"
    with pytest.raises(UsageError) as bound:
        atlas.events(since="soon")
    assert str(bound.value).startswith("since: 'soon' is not a date")
    with pytest.raises(UnknownName, match="unknown country or organization 'atlantis'"):
        atlas.events(country="atlantis")
    assert "--" not in str(empty.value) + str(by.value) + str(bound.value)


def test_the_command_line_still_names_the_flags(cli: Cli) -> None:
    run = cli("list", "-c", "nasa")
    message = "'nasa' is an agency, not a country or organization: use --agency NASA"
    assert (run.code, run.err) == (2, f"spacetime: error: {message}\n")
    with pytest.raises(UsageError) as agency:
        spacetime.Atlas.load().events(country="nasa")
    assert str(agency.value) == message.replace("--agency", "agency")


def test_the_entry_point_writes_where_its_environment_says() -> None:
    out, err = StringIO(), StringIO()
    code = main(["list", "-c", "china", "-n", "1", "--json"], Environment(stdout=out, stderr=err))
    first = spacetime.Atlas.load().events(country="china", limit=1)
    assert (code, json.loads(out.getvalue())) == (0, first.records())
    assert err.getvalue() == ""
    out, err = StringIO(), StringIO()
    code = main(["list", "--limit", "0"], Environment(stdout=out, stderr=err))
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue() == "spacetime: error: --limit must be 1 or more, not 0\n"


def test_a_query_leaves_the_collector_as_it_was() -> None:
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    atlas = spacetime.Atlas.load(cache=False)
    atlas.events(country="india")
    spacetime.Atlas.load().compare("india", "japan")  # through the cache too
    assert gc.isenabled()
    assert gc.get_freeze_count() <= frozen  # nothing newly frozen (freed objects leave it)


def test_import_spacetime_is_light_and_sets_nothing() -> None:
    code = (
        "import gc, sys; import spacetime; spacetime.Atlas.load().events(country='usa');"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click'}),"
        " gc.get_freeze_count() == 0, gc.isenabled())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True", "True"]
    assert set(spacetime.__all__) >= {"Atlas", "Result", "UsageError", "DataError"}


def test_an_atlas_as_of_a_day_answers_as_the_command_does(cli: Cli) -> None:
    atlas = spacetime.Atlas.load(as_of="2021-03-09")
    assert atlas.as_of is not None and atlas.as_of.isoformat() == "2021-03-09"
    assert atlas.events().to_json() == cli("list", "--as-of", "2021-03-09", "--format", "json").out
    stats = cli("stats", "-c", "china", "--as-of", "2021-03-09", "--json").json()
    assert atlas.stats(country="china").records() == stats
    on = cli("on", "Oct 4", "--as-of", "2021-03-09", "--json").json()
    assert atlas.anniversaries("Oct 4").records() == on
    assert [r["years_ago"] for r in on if r["id"] == "sputnik-1"] == [2021 - 1957]
    shown = cli("show", "sputnik-1", "--as-of", "2021-03-09", "--json").json()
    assert atlas.show("sputnik-1").records() == shown
    launches = cli("launches", "-c", "china", "-n", "3", "--as-of", "2021-03-09", "--json")
    assert atlas.launches(country="china", limit=3).records() == launches.json()
    compared = cli("compare", "china", "india", "--as-of", "2021-03-09", "--json").json()
    assert atlas.compare("china", "india").records() == compared
