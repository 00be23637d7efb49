"""`spacetime man`: the manual page (roff), made from the same help as `--help`: every command's
usage, prose, options and examples (`spacetime.cli.helptext`)."""

from typing import Any

from spacetime.cli.options import use
from spacetime.output.environment import Environment


@use()
def man(*, env: Environment) -> None:
    """Print the manual page of spacetime, made from every command's help (roff, for man).

    Read it with: spacetime man | man -l -
    """
    import typer

    from spacetime import __version__
    from spacetime.cli.app import ABOUT, COMMANDS, ROOT_OPTIONS, build_app
    from spacetime.cli.helptext import EXAMPLES, plain_help

    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    plain_help(group)
    lines = [
        f'.TH SPACETIME 1 "" "spacetime {__version__}" "User Commands"',
        ".SH NAME",
        f"spacetime \\- {_roff(ABOUT)}",
        ".SH SYNOPSIS",
        ".B spacetime",
        "[OPTIONS] COMMAND [ARGS]...",
        ".SH OPTIONS",
    ]
    for option, text in ROOT_OPTIONS:
        lines += [".TP", f"\\fB{_roff(option)}\\fR", _roff(text)]
    lines.append(".SH COMMANDS")
    for name in COMMANDS:
        lines += _command(name, group.commands[name], EXAMPLES.get(name, []))
    env.write("\n".join(lines) + "\n")


def _command(name: str, command: Any, examples: list[str]) -> list[str]:
    import typer

    ctx = typer.Context(command, info_name=f"spacetime {name}")
    usage = " ".join(command.collect_usage_pieces(ctx))
    lines = [f".SS {_roff(name)}", f"\\fBspacetime {_roff(name)}\\fR {_roff(usage)}", ".PP"]
    for paragraph in (command.help or "").split("\n\n"):
        lines += [_roff(" ".join(paragraph.split())), ".PP"]
    for param in command.params:
        record = param.get_help_record(ctx)
        if record is None:
            continue
        lines += [".TP", f"\\fB{_roff(record[0])}\\fR", _roff(record[1])]
    if examples:
        lines += [".PP", "Examples:", ".nf", ".RS"]
        lines += [_roff(line) for example in examples for line in example.split("\n")]
        lines += [".RE", ".fi"]
    return lines


def _roff(text: str) -> str:
    """Text as roff reads it literally: backslashes and hyphens escaped, no line opening with a
    control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text
