"""A Rich console for the charts that behaves in pipes: no colour, no truncation.

Colour and every other style (bold, dim, italic) go only to a terminal, and only when the
`Environment` allows colour. When standard output is not a terminal the width is unlimited, so no
line is ever cut or wrapped.
"""

from __future__ import annotations

from rich.console import Console, RenderableType

from spacetime.output.environment import Environment

__all__ = ["draw", "make_console", "recorded"]

PIPE_WIDTH = 100_000


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Leave a closed pipe to the output layer (Rich would exit with status 1)."""
        raise BrokenPipeError


def make_console(env: Environment) -> Console:
    """A console writing to `env.stdout`, as wide as the terminal (unlimited in a pipe)."""
    terminal = env.terminal
    return _Console(
        file=env.stdout,
        no_color=not (terminal and env.colour),
        force_terminal=terminal,
        color_system="auto" if terminal and env.colour else None,
        width=env.width if terminal else PIPE_WIDTH,
        highlight=False,
        emoji=False,
        soft_wrap=not terminal,
    )


def draw(env: Environment, picture: RenderableType) -> None:
    """Draw a picture (a chart) on `env.stdout`, uncropped."""
    make_console(env).print(picture, crop=False)


def recorded(picture: RenderableType, width: int, title: str) -> tuple[str, str]:
    """A picture drawn `width` columns wide in full colour, as an SVG document and an HTML page."""
    import io

    recorder = Console(
        record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    recorder.print(picture, crop=False)
    return recorder.export_svg(title=title, clear=False), recorder.export_html(clear=False)
