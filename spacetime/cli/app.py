"""The Typer application: wiring of the commands, and the one funnel for errors and exit codes.

Every failure ends in `main`: library errors print their message lines on stderr and exit with their
code (see `ExitCode`), command-line mistakes print one line and exit 2, Ctrl-C exits 130, a closed
pipe ends quietly, and anything unexpected is one line unless `--debug` asks for the traceback.
"""

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from spacetime.core.errors import DataError, ExitCode, ParameterError, SpacetimeError

if TYPE_CHECKING:
    import typer

    from spacetime.output.environment import Environment

__all__ = ["COMMANDS", "build_app", "main"]

# Command name -> (module in spacetime.cli.commands, function, group, summary). Only the module of
# the command being run is imported, so each command's start-up pays for its own imports only;
# `spacetime --help` imports none of them, nor Typer (the summary is the first line of the
# command's docstring, which a test keeps in step).
COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "list": (
        "listing",
        "list_events",
        "Explore",
        "List events, filtered and sorted (a table, or JSON, CSV... for scripts).",
    ),
    "show": (
        "show",
        "show",
        "Explore",
        "Show one event with all its fields, ranks and sources, or one launch by its GCAT tag.",
    ),
    "launches": (
        "launches",
        "launches",
        "Explore",
        "List orbital launch attempts since 1957, filtered and sorted, or count them --by.",
    ),
    "next": (
        "next",
        "next_launches",
        "Explore",
        "List the upcoming orbital launches, soonest first, with a countdown (Launch Library 2).",
    ),
    "compare": (
        "compare",
        "compare",
        "Explore",
        "Compare nations: who got each milestone first, how far behind, and their launch cadence.",
    ),
    "firsts": (
        "firsts",
        "firsts",
        "Explore",
        "Who did it first: every milestone's world first in date order, or one nation's firsts.",
    ),
    "stats": (
        "stats",
        "stats",
        "Explore",
        "Count the events the filters select, by decade, country, category and status.",
    ),
    "chart": (
        "chart",
        "chart",
        "Explore",
        "Draw the timeline: a lane per nation (or category), years across, firsts emphasised; or, with --launches, orbital launches per year stacked by nation.",
    ),
    "today": (
        "calendar",
        "today",
        "Explore",
        "Events that happened on today's date in any year, with how long ago.",
    ),
    "on": (
        "calendar",
        "on",
        "Explore",
        "Events that happened on a given day of the year, in any year.",
    ),
    "export": (
        "export",
        "export",
        "Explore",
        "Export the selected events: a calendar of anniversaries, TimelineJS, SQLite, YAML...",
    ),
    "countries": (
        "vocabulary",
        "countries",
        "Vocabularies",
        "List countries and organizations: codes, aliases, lineage and event counts.",
    ),
    "milestones": (
        "vocabulary",
        "milestones",
        "Vocabularies",
        'List the milestones ("firsts"), their definitions and who achieved each first.',
    ),
    "categories": (
        "vocabulary",
        "categories",
        "Vocabularies",
        "List the categories (what --category takes), defined, with their event counts.",
    ),
    "validate": (
        "validate",
        "validate",
        "Your timeline",
        "Check timeline and launch files: every problem as file:line, then a summary. Exit 3 if any is invalid.",
    ),
    "import": (
        "importing",
        "import_data",
        "Your timeline",
        "Convert GCAT's launch log into a spacetime launch file (for --data or $SPACETIME_DATA).",
    ),
    "update": (
        "update",
        "update",
        "Data",
        "Renew the launch log from GCAT (checked before it replaces the one in use), or go back to the bundled one.",
    ),
    "sources": (
        "sources",
        "sources",
        "Data",
        "List the data files loaded: each one's source, path, date span, counts, last update and credit.",
    ),
    "init": (
        "edit",
        "init",
        "Your timeline",
        "Create a new timeline file with a commented example event, and the JSON Schema beside it (spacetime.schema.json) for editors.",
    ),
    "add": (
        "edit",
        "add",
        "Your timeline",
        "Add an event to a timeline file; it is validated before anything is written.",
    ),
    "remove": (
        "edit",
        "remove",
        "Your timeline",
        "Remove an event from a timeline file; everything else stays as it was.",
    ),
    "fmt": (
        "edit",
        "fmt",
        "Your timeline",
        "Rewrite a timeline in the canonical layout, keeping every comment.",
    ),
    "schema": (
        "edit",
        "schema",
        "Your timeline",
        "Print the JSON Schema of the timeline format (for editors and other tools).",
    ),
    "completion": ("completion", "completion", "Shell", "Print the completion script for a shell."),
    "cache": (
        "cache",
        "cache",
        "Shell",
        "Show or empty the cache of parsed timelines (it only saves time; safe to clear at any time).",
    ),
    "man": (
        "man",
        "man",
        "Shell",
        "Print the manual page of spacetime, made from every command's help (roff, for man).",
    ),
}
ABOUT = "A command-line atlas of the space age: who did what first, and when."
ROOT_OPTIONS = [
    ("--version", "Print the version and exit."),
    ("--debug", "Show the traceback of an unexpected error."),
    ("--no-pager", "Never send a tall answer through the pager ($SPACETIME_PAGER, $PAGER, less)."),
    ("-h, --help", "Show this message and exit."),
]


def root_help(columns: int) -> str:
    """`spacetime --help`: the commands by group, each with its summary, wrapped to `columns`."""
    import textwrap

    name_width = max(len(n) for n in [*COMMANDS, *(o for o, _ in ROOT_OPTIONS)]) + 2
    room = max(columns - 2 - name_width, 30)

    def entry(name: str, text: str) -> list[str]:
        lines = textwrap.wrap(text, room) or [""]
        first = f"  {name:<{name_width}}{lines[0]}"
        return [first, *(" " * (2 + name_width) + line for line in lines[1:])]

    out = ["Usage: spacetime [OPTIONS] COMMAND [ARGS]...", "", *textwrap.wrap(ABOUT, columns), ""]
    groups: dict[str, list[str]] = {}
    for name, (_, _, group, summary) in COMMANDS.items():
        groups.setdefault(group, []).extend(entry(name, summary))
    for group, lines in groups.items():
        out += [f"{group}:", *lines, ""]
    out += ["Options:", *(line for o, h in ROOT_OPTIONS for line in entry(o, h)), ""]
    out += textwrap.wrap(
        "Run 'spacetime COMMAND --help' for a command's options and examples.", columns
    )
    return "\n".join(out) + "\n"


def build_app(names: Sequence[str] = tuple(COMMANDS)) -> "typer.Typer":
    """The Typer app with the named commands (all of them by default)."""
    from importlib import import_module

    import typer

    app = typer.Typer(
        name="spacetime",
        help="A command-line atlas of the space age: who did what first, and when.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root())
    from spacetime.cli.helptext import PlainHelpCommand

    for name in names:
        module, function, _, _ = COMMANDS[name]
        command = getattr(import_module(f"spacetime.cli.commands.{module}"), function)
        app.command(name, cls=PlainHelpCommand)(command)
    return app


def __getattr__(name: str) -> "typer.Typer":
    """`spacetime.cli.app.app`: the whole app, built on first use (for Typer's test runner)."""
    if name == "app":
        return build_app()
    raise AttributeError(name)


def _root() -> Callable[..., None]:
    """The root callback: --version (eager) and --debug (read by `main` before Typer runs)."""
    from typing import Annotated

    import typer

    def version_callback(ctx: typer.Context, value: bool) -> None:
        if value:
            from spacetime import __version__
            from spacetime.output.environment import Environment

            env = ctx.obj or Environment.from_process(environ=os.environ)  # Typer's test runner
            env.say(f"spacetime {__version__}")
            raise typer.Exit()

    def root(
        ctx: typer.Context,
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                callback=version_callback,
                is_eager=True,
                help="Print the version and exit.",
            ),
        ] = False,
        debug: Annotated[
            bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
        ] = False,
    ) -> None:
        """A command-line atlas of the space age: who did what first, and when."""
        if ctx.obj is None:  # run by another driver than `main` (Typer's test runner)
            from spacetime.output.environment import Environment

            ctx.obj = Environment.from_process(environ=os.environ)

    return root


def main(argv: Sequence[str] | None = None, env: "Environment | None" = None) -> int:
    """Run the command line and return the exit code (see the README's exit code table). `env`
    holds the process's facts and is where all output goes (built from this process by default,
    the one place that reads its environment variables; tests pass their own). Every command is
    handed it as its Click context's `obj` (see `spacetime.cli.common.environment`)."""
    from spacetime.output.environment import Environment

    instruction = os.environ.get("_SPACETIME_COMPLETE")
    if instruction:  # a shell asking for completions (see spacetime.cli.complete)
        from spacetime.cli.complete import respond

        summaries = {name: summary for name, (_, _, _, summary) in COMMANDS.items()}
        return respond(instruction, build_app, Environment(environ=os.environ), summaries)
    from spacetime.cli.streams import prepare_streams

    prepare_streams()  # before the environment takes the streams
    if env is None:
        try:
            env = Environment.from_process(environ=os.environ)
        except SpacetimeError as err:
            return _fail(
                Environment(), [f"spacetime: error: {line}" for line in err.lines()], err.exit_code
            )
    args = list(sys.argv[1:] if argv is None else argv)
    paged = env.terminal and "--no-pager" not in args
    args = [a for a in args if a != "--no-pager"]  # accepted anywhere on the line
    if paged:
        from spacetime.cli import pager

        paged = pager.wanted(args, env)
    if not paged:
        return _run(args, env)
    import io

    held = io.StringIO()  # the whole answer, then the pager decides (spacetime.cli.pager)
    code = _run(args, env.replace(stdout=held))
    try:
        pager.show(held.getvalue(), env)
    except BrokenPipeError:
        _quiet_stdout(env)
    except OSError as err:
        return _output_failed(env, err)
    return code


def _run(args: list[str], env: "Environment") -> int:
    if [a for a in args if a != "--debug"] in ([], ["--help"], ["-h"]):
        try:
            env.write(root_help(min(env.width, 100)))
            env.stdout.flush()
        except OSError as err:
            return _output_failed(env, err)
        return ExitCode.OK
    import typer

    from spacetime.output.formats import OutputClosed

    first = next((a for a in args if not a.startswith("-")), None)
    if first in COMMANDS:
        names: Sequence[str] = [first]
    elif args == ["--version"]:
        names = []
    else:
        names = tuple(COMMANDS)
    command = typer.main.get_command(build_app(names))
    debug, args = _debug_option(args, command)
    debug = debug or bool(env.environ.get("SPACETIME_DEBUG"))
    if isinstance(command, typer.core.TyperGroup):
        from spacetime.cli.helptext import plain_help

        plain_help(command)
    try:
        result = command.main(args=args, prog_name="spacetime", standalone_mode=False, obj=env)
        env.stdout.flush()
        return result if isinstance(result, int) else ExitCode.OK
    except typer.Exit as exit_:
        try:
            env.stdout.flush()
        except OSError as err:
            return _output_failed(env, err)
        return exit_.exit_code
    except typer.TyperException as err:  # Typer's (Click's) own errors: the command line is wrong
        return _fail(env, _usage_message(err), ExitCode.USAGE)
    except (typer.Abort, KeyboardInterrupt):
        return _fail(env, [], ExitCode.INTERRUPTED)
    except SpacetimeError as err:
        if debug:
            raise
        if isinstance(err, DataError):
            from spacetime.load.sources import with_personal_hint

            err = with_personal_hint(err, env.data_dir())
        prefix = "" if err.exit_code is ExitCode.DATA else "spacetime: error: "
        lines = [flagged(err)] if isinstance(err, ParameterError) else err.lines()
        return _fail(env, [prefix + line for line in lines], err.exit_code)
    except (OutputClosed, BrokenPipeError):
        _quiet_stdout(env)
        return ExitCode.OK
    except OSError as err:
        if _is_output_error(err):
            return _output_failed(env, err)
        if debug:
            raise
        return _internal(env, err)
    except Exception as err:
        if debug:
            raise
        return _internal(env, err)


def _debug_option(args: list[str], command: Any) -> tuple[bool, list[str]]:
    """Whether `--debug` is given as an option (anywhere among the options, before or after the
    command's name), and the arguments without it. A `--debug` that is an option's value
    (`--title --debug`) or comes after `--` is left where it is, for the command to read."""
    commands = getattr(command, "commands", {}).values()  # Typer's Click, vendored or not
    options = [*command.params, *(p for c in commands for p in c.params)]
    takes = {
        name: o.nargs
        for o in options
        if o.param_type_name == "option" and not getattr(o, "is_flag", False)
        and not getattr(o, "count", False)
        for name in o.opts
    }  # fmt: skip
    found, kept, index = False, [], 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            kept += args[index - 1 :]
            break
        if arg == "--debug":
            found = True
            continue
        kept.append(arg)
        if arg[:1] == "-" and arg[1:2] != "-" and len(arg) > 2:  # short flags together: `-rn`
            letters = [f"-{c}" for c in arg[1:]]  # the first that takes a value takes the rest
            first = next((i for i, x in enumerate(letters) if x in takes), None)
            arg = letters[-1] if first == len(letters) - 1 else ""
        if arg in takes:  # its values follow, whatever they look like
            kept += args[index : index + takes[arg]]
            index += takes[arg]
    return found, kept


def _internal(env: "Environment", err: Exception) -> int:
    message = (
        f"spacetime: internal error: {type(err).__name__}: {err} (run with --debug for details)"
    )
    return _fail(env, [message], ExitCode.FAILURE)


def _is_output_error(err: OSError) -> bool:
    """An error of writing standard output (a full disk, /dev/full): the one kind of OSError that
    reaches the funnel, since every file spacetime writes reports its own errors with its path."""
    import errno

    return err.filename is None and err.errno in (
        errno.EBADF,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EFBIG,
        errno.EIO,
    )


def _output_failed(env: "Environment", err: OSError) -> int:
    import errno

    from spacetime.core.files import CAUSES

    _quiet_stdout(env)
    cause = (
        "it is closed" if err.errno == errno.EBADF else CAUSES.get(err.errno or 0, "cannot write")
    )
    return _fail(
        env, [f"spacetime: error: cannot write to standard output: {cause}"], ExitCode.FILESYSTEM
    )


def _usage_message(err: "typer.TyperException") -> list[str]:
    text = " ".join(err.format_message().split())
    if not text:  # no arguments at all: the help was shown
        return []
    ctx = getattr(err, "ctx", None)
    where = ctx.command_path if ctx is not None else "spacetime"
    return [f"{where}: error: {text} (see '{where} --help')"]


def _fail(env: "Environment", lines: list[str], code: ExitCode) -> int:
    try:
        env.stdout.flush()
    except OSError:  # a closed pipe or a full disk: the message on stderr is what counts
        _quiet_stdout(env)
    from spacetime.core.errors import printable

    try:
        for line in lines:
            env.tell(printable(line))
    except BrokenPipeError:  # even stderr may be a closed pipe
        pass
    return code


def _quiet_stdout(env: "Environment") -> None:
    """After the reader of a pipe has gone: point stdout at /dev/null so the exit flush is silent
    (only when the environment's stdout is the process's own)."""
    if env.stdout is not sys.stdout:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main_exit() -> None:
    """The console-script entry point. A command is a short-lived process that allocates many
    objects and few cycles (imports, records): the cyclic collector runs once per 50,000 new
    objects instead of 700, which saves a few milliseconds of start-up and still bounds memory."""
    import gc

    gc.set_threshold(50_000, 20, 100)
    sys.exit(main())


def flagged(err: ParameterError) -> str:
    """A library parameter error as the command line says it: `limit` becomes `--limit`."""
    return err.render(lambda name: "--" + name.replace("_", "-"))
