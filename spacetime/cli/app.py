"""The Typer application: wiring of the commands, and the one funnel for errors and exit codes.

Every failure ends in `main`: library errors print their message lines on stderr and exit with their
code (see `ExitCode`), command-line mistakes print one line and exit 2, Ctrl-C exits 130, a closed
pipe ends quietly, and anything unexpected is one line unless `--debug` asks for the traceback.
"""

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from spacetime import __version__
from spacetime.core.errors import ExitCode, SpacetimeError
from spacetime.output.formats import OutputClosed

__all__ = ["COMMANDS", "build_app", "main"]

# Command name -> (module in spacetime.cli.commands, function). Only the module of the command
# being run is imported, so each command's start-up pays for its own imports only.
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("listing", "list_events"),
    "show": ("show", "show"),
    "compare": ("compare", "compare"),
    "firsts": ("firsts", "firsts"),
    "stats": ("stats", "stats"),
    "chart": ("chart", "chart"),
    "today": ("calendar", "today"),
    "on": ("calendar", "on"),
    "export": ("export", "export"),
    "countries": ("vocabulary", "countries"),
    "milestones": ("vocabulary", "milestones"),
    "categories": ("vocabulary", "categories"),
    "validate": ("validate", "validate"),
    "init": ("edit", "init"),
    "add": ("edit", "add"),
    "remove": ("edit", "remove"),
    "fmt": ("edit", "fmt"),
    "schema": ("edit", "schema"),
    "completion": ("completion", "completion"),
}


def build_app(names: Sequence[str] = tuple(COMMANDS)) -> typer.Typer:
    """The Typer app with the named commands (all of them by default)."""
    from importlib import import_module

    app = typer.Typer(
        name="spacetime",
        help="A command-line atlas of the space age: who did what first, and when.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in names:
        module, function = COMMANDS[name]
        app.command(name)(getattr(import_module(f"spacetime.cli.commands.{module}"), function))
    return app


def __getattr__(name: str) -> typer.Typer:
    """`spacetime.cli.app.app`: the whole app, built on first use (for Typer's test runner)."""
    if name == "app":
        return build_app()
    raise AttributeError(name)


def _version(value: bool) -> None:
    if value:
        print(f"spacetime {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    """A command-line atlas of the space age: who did what first, and when."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (see the README's exit code table)."""
    instruction = os.environ.get("_SPACETIME_COMPLETE")
    if instruction:  # a shell asking for completions (see spacetime.cli.complete)
        from spacetime.cli.complete import respond

        return respond(instruction, build_app)
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get("SPACETIME_DEBUG"))
    args = [a for a in args if a != "--debug"]  # accepted anywhere on the line
    first = next((a for a in args if not a.startswith("-")), None)
    if first in COMMANDS:
        names: Sequence[str] = [first]
    elif args == ["--version"]:
        names = []
    else:
        names = tuple(COMMANDS)
    command = typer.main.get_command(build_app(names))
    try:
        result = command.main(args=args, prog_name="spacetime", standalone_mode=False)
        sys.stdout.flush()
        return result if isinstance(result, int) else ExitCode.OK
    except typer.Exit as exit_:
        return exit_.exit_code
    except typer.TyperException as err:  # Typer's (Click's) own errors: the command line is wrong
        return _fail(_usage_message(err), ExitCode.USAGE)
    except (typer.Abort, KeyboardInterrupt):
        return _fail([], ExitCode.INTERRUPTED)
    except SpacetimeError as err:
        if debug:
            raise
        prefix = "" if err.exit_code is ExitCode.DATA else "spacetime: error: "
        return _fail([prefix + line for line in err.lines()], err.exit_code)
    except (OutputClosed, BrokenPipeError):
        _quiet_stdout()
        return ExitCode.OK
    except Exception as err:
        if debug:
            raise
        message = (
            f"spacetime: internal error: {type(err).__name__}: {err} (run with --debug for details)"
        )
        return _fail([message], ExitCode.FAILURE)


def _usage_message(err: typer.TyperException) -> list[str]:
    text = " ".join(err.format_message().split())
    if not text:  # no arguments at all: the help was shown
        return []
    ctx = getattr(err, "ctx", None)
    where = ctx.command_path if ctx is not None else "spacetime"
    return [f"{where}: error: {text} (see '{where} --help')"]


def _fail(lines: list[str], code: ExitCode) -> int:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    try:
        for line in lines:
            print(line, file=sys.stderr)
    except BrokenPipeError:  # even stderr may be a closed pipe
        pass
    return code


def _quiet_stdout() -> None:
    """After the reader of a pipe has gone: point stdout at /dev/null so the exit flush is silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main_exit() -> None:
    """The console-script entry point."""
    sys.exit(main())
