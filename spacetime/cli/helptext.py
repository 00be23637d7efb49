"""A command's `--help` in plain text, written to the run's `Environment`, without Rich; and what
it teaches: 2 to 4 examples at its end (each run by tests/test_examples.py on the bundled data) and
plain metavars in the usage line and the option columns (`FILE`, `ID`, `NATION...`, never `{file}`,
`<path>` or `<year|decade|...>`).

Typer draws a command's help with Rich, whose import costs a command's `--help` about twice the
start-up of `import typer`; this writes the same content as plain text: the usage line, the
docstring (prose rewrapped to the width, whole words only, indented lines kept as written), the
arguments and each panel of options (`rich_help_panel`: Data files, Filters, Output...) as aligned
name and help columns, then the examples. Every command is declared with `PlainHelpCommand`
(`build_app`), and `plain_help` gives a group's commands their examples and metavars. Imported
only when Typer is (to run a command), never by `spacetime --help`.
"""

from __future__ import annotations

import inspect
import textwrap
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup

__all__ = ["EXAMPLES", "SETUP", "PlainHelpCommand", "epilog", "plain_help"]

MAX_WIDTH = 100


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


class PlainHelpCommand(TyperCommand):
    """A Typer command whose help is plain text on the `Environment`'s stdout."""

    def get_help_option(self, ctx: Any) -> Any:  # Click's Context (Typer keeps it private)
        option = super().get_help_option(ctx)
        if option is not None:
            option.callback = _show_help
        return option

    def get_help(self, ctx: Any) -> str:
        env = ctx.obj
        width = min(getattr(env, "width", 80), MAX_WIDTH)
        pieces = " ".join(self.collect_usage_pieces(ctx))
        head = f"Usage: {ctx.command_path} "
        lines = textwrap.wrap(
            head + pieces,
            width,
            subsequent_indent=" " * len(head),
            break_on_hyphens=False,
            break_long_words=False,
        )
        lines.append("")
        lines += _docstring(self.help or "", width)
        panels: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            default = "Arguments" if param.param_type_name == "argument" else "Options"
            panels.setdefault(getattr(param, "rich_help_panel", None) or default, []).append(record)
        for panel in sorted(panels, key=_panel_order):
            lines += ["", f"{panel}:", *_columns(panels[panel], width)]
        if self.epilog:
            lines += ["", *self.epilog.splitlines()]
        return "\n".join(lines)


def _show_help(ctx: Any, _param: Any, value: Any) -> None:
    if not value or ctx.resilient_parsing:
        return
    ctx.obj.say(ctx.get_help())
    ctx.exit()


def _panel_order(name: str) -> int:
    return {"Arguments": 0, "Options": 1}.get(name, 2)


def _docstring(text: str, width: int) -> list[str]:
    """The docstring's paragraphs, indented by two: prose rewrapped, indented blocks as written."""
    out: list[str] = []
    for paragraph in inspect.cleandoc(text).partition("\f")[0].split("\n\n"):
        if out:
            out.append("")
        if any(line.startswith(" ") for line in paragraph.splitlines()):
            out += [f"  {line}".rstrip() for line in paragraph.splitlines()]
        else:
            out += textwrap.wrap(" ".join(paragraph.split()), width - 2, break_on_hyphens=False, break_long_words=False,
                                 initial_indent="  ", subsequent_indent="  ")  # fmt: skip
    return out


def _columns(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Names and their help as two columns; a name too long for its column has its help below."""
    name_width = min(max(len(name) for name, _ in rows), 30) + 4
    room = max(width - name_width, 20)
    out: list[str] = []
    for name, help_text in rows:
        wrapped = textwrap.wrap(
            help_text, room, break_on_hyphens=False, break_long_words=False
        ) or [""]
        if len(name) + 4 > name_width:
            out.append(f"  {name}")
            out += [" " * name_width + line for line in wrapped]
        else:
            out.append(f"  {name:<{name_width - 2}}{wrapped[0]}")
            out += [" " * name_width + line for line in wrapped[1:]]
    return out


def plain_help(group: TyperGroup) -> None:
    """Give every command of the group its examples and plain metavars."""
    for name, command in group.commands.items():
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
