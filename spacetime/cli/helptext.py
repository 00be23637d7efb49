"""What `spacetime COMMAND --help` teaches: 2 to 4 examples at the end of every command's help
(each run by tests/test_examples.py on the bundled data), prose reflowed to the terminal, and
plain metavars in the usage line and the option tables (`FILE`, `ID`, `NATION...`, never
`{file}`, `<path>` or `<year|decade|...>`).

Imported only when Typer is (to run a command), never by `spacetime --help`.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperArgument, TyperGroup

__all__ = ["EXAMPLES", "SETUP", "epilog", "plain_help", "reflow"]

EXAMPLES: dict[str, list[str]] = {
    "list": [
        "spacetime list -c china --since '10 years ago'",
        "spacetime list -m first-satellite",
        "spacetime list -s apollo --limit 5 --ids",
        "spacetime list -c india --json",
    ],
    "show": [
        "spacetime show apollo-11-first-moonwalk",
        'spacetime show "chang\'e 4 landing"',
        "spacetime show 1957-ALP",
    ],
    "launches": [
        "spacetime launches -c china --since 2023 -n 10",
        "spacetime launches --by year -c china,usa",
        "spacetime launches -v falcon --outcome failure",
        "spacetime launches --since 2024 --count",
    ],
    "compare": [
        "spacetime compare china russia usa",
        "spacetime compare usa ussr --by year --no-launches",
        "spacetime compare china usa --as-of 2010",
        "spacetime compare china russia usa --svg race.svg",
    ],
    "firsts": [
        "spacetime firsts",
        "spacetime firsts -c india",
        "spacetime firsts -c japan --json",
    ],
    "stats": [
        "spacetime stats -c china",
        "spacetime stats --since 2000 --category moon",
        "spacetime stats --launches -c india",
    ],
    "chart": [
        "spacetime chart -c usa,ussr,china --since 1955",
        "spacetime chart --lanes category -c china",
        "spacetime chart --launches --since 2000",
        "spacetime chart -c india --svg india.svg",
    ],
    "today": [
        "spacetime today",
        "spacetime today --week -c usa",
    ],
    "on": [
        "spacetime on 'Oct 4'",
        "spacetime on 7/20 --week",
        "spacetime on 12-25 --ids",
    ],
    "export": [
        "spacetime export ics -o anniversaries.ics",
        "spacetime export csv -c china -o china.csv",
        "spacetime export timelinejs -o timeline.json",
    ],
    "countries": [
        "spacetime countries",
        "spacetime countries --json",
    ],
    "milestones": [
        "spacetime milestones",
        "spacetime milestones --format markdown",
    ],
    "categories": [
        "spacetime categories",
        "spacetime categories --json",
    ],
    "validate": [
        "spacetime validate",
        "spacetime validate mine.yaml",
    ],
    "import": [
        "spacetime import gcat launchlog.tsv -o launches.tsv",
        "spacetime import gcat launchlog.tsv --sites sites.tsv \\\n"
        "    --orgs orgs.tsv -o named.tsv",
    ],
    "init": [
        "spacetime init new.yaml",
        "spacetime validate new.yaml",
    ],
    "add": [
        "spacetime add --to mine.yaml --date 2019-05-04 \\\n"
        "    --title 'Pad test' -c us --category rocketry \\\n"
        "    --source https://example.org/pad",
        "spacetime list --data mine.yaml -s pad",
    ],
    "remove": [
        "spacetime add --to mine.yaml --date 2019-05-04 \\\n"
        "    --title 'Pad test' -c us --category rocketry \\\n"
        "    --source https://example.org/pad",
        "spacetime remove pad-test --from mine.yaml",
    ],
    "fmt": [
        "spacetime fmt mine.yaml",
        "spacetime fmt --check mine.yaml",
    ],
    "schema": [
        "spacetime schema",
        "spacetime schema > spacetime.schema.json",
    ],
    "update": [
        "spacetime update",
        "spacetime update --from launchlog.tsv",
        "spacetime update --upcoming",
        "spacetime update --reset",
    ],
    "sources": [
        "spacetime sources",
        "spacetime sources --format json",
    ],
    "next": [
        "spacetime next -n 5",
        "spacetime next -c china --until 2027",
        "spacetime next --vehicle 'falcon 9' --format json",
    ],
    "cache": [
        "spacetime cache info",
        "spacetime cache clear",
    ],
    "man": [
        "spacetime man",
        "spacetime man > spacetime.1",
    ],
    "completion": [
        "spacetime completion bash",
        "spacetime completion zsh > ~/.zfunc/_spacetime",
    ],
}
"""Every command's examples, in the order its help shows them."""

SETUP = "spacetime init mine.yaml"
"""What the example test runs first, in the empty folder the examples run in: the `mine.yaml`
that `validate`, `add`, `remove` and `fmt` take (the `import` examples are given GCAT's
fixture files there too)."""

METAVARS = {
    "by": "KEY",
    "lanes": "LANES",
    "width": "N",
    "event_id": "ID",
    "source": "SOURCE",
    "launchlog": "LAUNCHLOG",
    "country": "NATION",
}
"""Plain metavars of parameters declared without one (or with a list of choices); otherwise a
number is `N`, a path `FILE`, anything else its own name in capitals."""


MORE = "Every command: spacetime --help"


def epilog(name: str) -> str:
    """The end of a command's help: its examples, each on its own lines (a long one continued
    with a backslash, so that it fits 60 columns), then where to find the other commands."""
    lines = "\n".join(
        "\n".join(f"  {line}" for line in example.split("\n")) for example in EXAMPLES.get(name, [])
    )
    # the last line, not indented, keeps Typer from taking the examples' indent away
    return f"Examples:\n{lines}\n{MORE}" if lines else ""


def reflow(text: str) -> str:
    """Help prose with each paragraph on one line (the terminal wraps it), indented lines kept."""
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line.strip() for line in paragraph.strip().split("\n")]
        kept = paragraph.startswith("\b") or any(
            line.startswith("  ") for line in paragraph.split("\n")[1:]
        )
        paragraphs.append(paragraph if kept else " ".join(lines))
    return "\n\n".join(paragraphs)


def plain_help(group: TyperGroup) -> None:
    """Give every command of the group its examples, reflowed help and plain metavars."""
    for name, command in group.commands.items():
        command.help = reflow(command.help or "")
        command.epilog = epilog(name) or None
        for param in command.params:
            if getattr(param, "is_flag", False) or getattr(param, "count", False):
                continue
            param.metavar = _metavar(param)
            if isinstance(param, TyperArgument):
                param.__class__ = _PlainArgument
                # the option table shows an argument's type beside its name: show none
                param.type = _unlabelled(param.type)


def _metavar(param: Any) -> str:
    given = param.metavar
    if given and given.replace("...", "").replace("_", "").isalpha() and given.isupper():
        return str(given)
    name = param.name or ""
    if name in METAVARS:
        return METAVARS[name]
    kind = type(param.type).__name__
    if kind == "IntParamType":
        return "N"
    if "Path" in kind:
        return "FILE"
    return name.upper()


def _unlabelled(kind: Any) -> Any:
    """A copy of a parameter type that names no metavar of its own (`copy` costs start-up)."""
    made = object.__new__(type(kind))
    made.__dict__.update(kind.__dict__)
    made.get_metavar = _no_metavar
    return made


def _no_metavar(*_: Any, **__: Any) -> str:
    return ""


class _PlainArgument(TyperArgument):
    """An argument whose usage reads `FILE`, `NATION...` or `[FILE]...`, not `{file}`."""

    def make_metavar(self, ctx: Any = None, *, usage: bool = False) -> str:
        var = str(self.metavar)
        var += "..." if self.nargs != 1 and not var.endswith("...") else ""
        return var if self.required or not usage else f"[{var}]"
