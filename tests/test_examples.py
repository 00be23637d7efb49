"""Every example works: each command's `--help` ends with 2 to 4 examples, and each of them, and
each `spacetime ...` command the README quotes, exits 0 on the bundled data.

The examples run in-process, in an empty folder of their own (the file-writing ones write there),
after `spacetime init mine.yaml` (spacetime.cli.helptext.SETUP) and beside copies of the GCAT
fixture files the `import` examples read. A README line keeps only its first command: a pipe into
`jq` or a redirection is left out (the command's output is what is tested).
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, Run
from spacetime.cli.app import COMMANDS
from spacetime.cli.helptext import SETUP

Cli = Callable[..., Run]
ROOT = FIXTURES.parents[1]
PLACEHOLDER = re.compile(r"\b(?:[A-Z]{2,}|X|N)\b|\.\.\.|\[|\|")  # `show TAG`, `[filters]`, `a|b`


def help_examples(cli: Cli, command: str) -> list[str]:
    """The examples at the end of a command's help, each joined back onto one line."""
    text = cli(command, "--help").out
    assert "Examples:" in text, command
    examples: list[str] = []
    continued = False
    for line in text.split("Examples:", 1)[1].splitlines():
        line = line.strip()
        if continued:
            examples[-1] += " " + line.removesuffix("\\").strip()
        elif line.startswith("spacetime "):
            examples.append(line.removesuffix("\\").strip())
        continued = line.endswith("\\")
    return examples


def readme_examples() -> list[str]:
    """Every `spacetime ...` command of the README: lines of its sh blocks, and inline code that
    is a whole command (not a pattern such as `spacetime show TAG`)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        block = re.sub(r"\\\n\s*", " ", block)  # a command continued with a backslash
        found += [line for line in block.splitlines() if line.startswith("spacetime ")]
    for code in re.findall(r"`(spacetime [^`]+)`", text.replace("\n", " ")):
        if len(code.split()) > 2 and not PLACEHOLDER.search(code):  # a command with arguments
            found.append(code)
    # `update` renews the data from the network: tests/test_update.py and
    # tests/test_update_upcoming.py run the README's update lines against local servers
    return list(dict.fromkeys(line for line in found if not line.startswith("spacetime update")))


def command_of(line: str) -> list[str]:
    """The arguments of the first command of a shell line (comment, pipe and redirection off)."""
    words = shlex.split(line, comments=True)
    for stop in ("|", ">", "&&"):
        if stop in words:
            words = words[: words.index(stop)]
    assert words[0] == "spacetime", line
    return [str(Path(word).expanduser()) if word[0] == "~" else word for word in words[1:]]


@pytest.fixture
def folder(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "public_html").mkdir()
    for name in ("launchlog.tsv", "sites.tsv", "orgs.tsv"):
        shutil.copy(FIXTURES / "gcat" / name, tmp_path / name)
    (tmp_path / "docs").mkdir()
    assert cli(*command_of(SETUP)).code == 0
    shutil.copy(tmp_path / "mine.yaml", tmp_path / "my-timeline.yaml")
    return tmp_path


def run(cli: Cli, line: str) -> None:
    result = cli(*command_of(line))
    assert result.code == 0, f"{line}\n{result.err}"


@pytest.fixture
def mirrors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    """For `update`'s examples: GCAT's fixture as a mirror on disk (a renewal of the bundled log,
    which the `bundled` fixture makes the fixture's own) and a Launch Library 2 server on
    127.0.0.1, named by the variables the examples leave unset."""
    from test_update_upcoming import Server

    from spacetime.sources import gcat

    request.getfixturevalue("bundled")
    site = tmp_path / "gcat-mirror"
    for path in gcat.FILES:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "gcat" / Path(path).name, site / path)
    monkeypatch.setenv("SPACETIME_GCAT_URL", site.as_uri() + "/")
    server = Server()
    monkeypatch.setenv("SPACETIME_LL2_URL", server.url)
    yield
    server.close()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_help_ends_with_examples_that_work(
    cli: Cli, folder: Path, command: str, request: pytest.FixtureRequest
) -> None:
    if command == "update":
        request.getfixturevalue("mirrors")
    examples = help_examples(cli, command)
    assert 2 <= len(examples) <= 4, examples
    for example in examples:
        run(cli, example)


def test_readme_examples_are_found() -> None:
    examples = [" ".join(command_of(line)) for line in readme_examples()]
    assert "list --country china" in examples
    assert "launches --by year -c china,usa,russia" in examples
    assert "remove moon-landing-shown-in-class --from my-course.yaml" in examples  # a sequence
    assert "show" not in examples  # the name of a command is not an example


@pytest.mark.slow
def test_every_readme_example_works(cli: Cli, folder: Path) -> None:
    """In the README's order, in one folder: its examples build on each other (`init`, `add`...)."""
    assert cli("import", "gcat", "launchlog.tsv", "-o", "launches.tsv").code == 0  # its `-o` file
    failed = []
    for line in readme_examples():
        result = cli(*command_of(line))
        if result.code != 0:
            failed.append(f"{line}: {result.err.strip()}")
    assert failed == [], "\n".join(failed)


def test_the_readme_quotes_compare_as_it_answers(cli: Cli) -> None:
    """The China row the README quotes is the one `spacetime compare china russia usa` gives."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    quoted = re.search(r'China\'s row reads "([^"]+)"', readme)
    assert quoted is not None
    summary = cli("compare", "china", "russia", "usa", "--json").json()["summary"]
    china = next(s for s in summary if s["nation"] == "CN")
    told = "; ".join(
        f"{decade}: {row['milestones']} at {row['median_lag_days'] / 365.25:.1f} y"
        for decade, row in china["by_decade"].items()
    )
    assert quoted[1] == told
