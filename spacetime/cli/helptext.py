"""A command's `--help` in plain text, written to the run's `Environment`, without Rich.

Typer draws a command's help with Rich, whose import costs a command's `--help` about twice the
start-up of `import typer`; this writes the same content as plain text: the usage line, the
docstring (prose rewrapped to the width, indented lines such as examples kept as written), then
the arguments and each panel of options (`rich_help_panel`: Data files, Filters, Output...) as
aligned name and help columns. Every command is declared with this class (`build_app`).
"""

from __future__ import annotations

import inspect
import textwrap
from typing import Any

from typer.core import TyperCommand

__all__ = ["PlainHelpCommand"]

MAX_WIDTH = 100


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
            head + pieces, width, subsequent_indent=" " * len(head), break_on_hyphens=False
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
            out += textwrap.wrap(" ".join(paragraph.split()), width - 2, break_on_hyphens=False,
                                 initial_indent="  ", subsequent_indent="  ")  # fmt: skip
    return out


def _columns(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Names and their help as two columns; a name too long for its column has its help below."""
    name_width = min(max(len(name) for name, _ in rows), 30) + 4
    room = max(width - name_width, 20)
    out: list[str] = []
    for name, help_text in rows:
        wrapped = textwrap.wrap(help_text, room, break_on_hyphens=False) or [""]
        if len(name) + 4 > name_width:
            out.append(f"  {name}")
            out += [" " * name_width + line for line in wrapped]
        else:
            out.append(f"  {name:<{name_width - 2}}{wrapped[0]}")
            out += [" " * name_width + line for line in wrapped[1:]]
    return out
