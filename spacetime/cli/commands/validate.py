"""`spacetime validate [FILE...]`: check timeline files and say what was checked; the last line is
always a summary, valid or not."""

from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import check_readable
from spacetime.cli.options import FileOptions, Quiet, use
from spacetime.core.errors import DataError, ExitCode
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural
from spacetime.engine.firsts import rule_problems
from spacetime.load.loader import load_timeline, review
from spacetime.load.sources import DataFiles
from spacetime.output.environment import Environment


@use(data=FileOptions)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files to check (with the bundled timeline, whose codes they may use)."
        ),
    ] = None,
    quiet: Quiet = False,
    *,
    env: Environment,
    data: FileOptions,
) -> None:
    """Check timeline and launch files: every problem as file:line, then a summary. Exit 3 if any
    is invalid.

    Warnings (exit 0) name plans past their date and milestone claims that break a rule; notes
    name the bundled events your files replace (an event of yours with a bundled event's id)."""
    check_readable(data.data or [], "--data")
    check_readable(files or [], "validate")
    chosen = data.files(env, files or [])
    checked = _checked(chosen, files)
    try:
        timeline = load_timeline(chosen.paths, chosen.names)
        launch_lines = [
            _check_launches(path, name, timeline)
            for path, name in zip(chosen.launches, chosen.launch_names, strict=True)
            if name in checked
        ]
    except DataError as err:
        _invalid(env, err, chosen, checked)
    for line in launch_lines:
        env.say(line)
    if not checked & set(chosen.names):
        return
    found = [*review(timeline, env.day()), *rule_problems(timeline)]
    warnings = [w for w in found if w.file in checked]
    for warning in warnings:
        env.tell(warning)
    if not quiet:
        for event_id, file in timeline.replaced.items():
            if file in checked:
                where = timeline.event(event_id).origin
                env.tell(f"{where}: note: replaces the bundled event '{event_id}'")
    events = sum(1 for e in timeline.events if e.origin.file in checked)
    names = ", ".join(n for n in chosen.names if n in checked)
    from spacetime.load.sources import display_name, vocabulary_path

    standard = display_name(vocabulary_path())  # always there: not worth a mention
    others = [n for n in chosen.names if n not in checked and n != standard]
    extra = (
        f" (checked together with {', '.join(others)}, whose entities, milestones and"
        " categories it may use)"
        if others
        else ""
    )
    replaced = len([f for f in timeline.replaced.values() if f in checked])
    env.say(
        f"{names}: valid{extra}: {plural(events, 'event')}, {len(timeline.entities)} entities, "
        f"{len(timeline.milestones)} milestones, {len(timeline.categories)} categories; "
        f"{plural(len(warnings), 'warning')}"
        + (f"; replaces {plural(replaced, 'bundled event')}" if replaced else "")
    )


def _checked(chosen: DataFiles, files: list[Path] | None) -> set[str]:
    """The names (as messages show them) of the files to report on: those given, found by where
    they are (a bundled file given by any path is the bundled file), else every file loaded."""
    if not files:
        return {*chosen.names, *chosen.launch_names}
    given = {f.resolve() for f in files}
    pairs = [
        *zip(chosen.paths, chosen.names, strict=True),
        *zip(chosen.launches, chosen.launch_names, strict=True),
    ]
    return {name for path, name in pairs if path.resolve() in given}


def _invalid(env: Environment, err: DataError, chosen: DataFiles, checked: set[str]) -> None:
    """Every problem on `env`'s stderr, then the summary; exit 3."""
    from spacetime.load.sources import with_personal_hint

    for line in with_personal_hint(err, env.data_dir()).lines():
        env.tell(line)
    names = ", ".join(n for n in (*chosen.names, *chosen.launch_names) if n in checked)
    own = [p for p in err.problems if p.file in checked]
    others = [p for p in err.problems if p.file not in checked]
    where = ", ".join(sorted({p.file for p in others}))
    elsewhere = f"{plural(len(others), 'problem')} in {where}, loaded with it"
    if not own:
        env.say(f"{names}: not checked: {elsewhere}")
    else:
        env.say(
            f"{names}: invalid: {plural(len(own), 'problem')}"
            + (f"; {elsewhere}" if others else "")
        )
    raise typer.Exit(ExitCode.DATA)


def _check_launches(path: Path, name: str, timeline: Timeline) -> str:
    """Every launch of a launch file read and its state looked up; DataError on a problem."""
    from spacetime.core.errors import Problem
    from spacetime.launches.store import LaunchFile

    launch_file = LaunchFile(path, name)
    launches = launch_file.launches()
    unknown = sorted({x.state for x in launches} - set(timeline.entities))
    if unknown:
        text = launch_file.text
        raise DataError(
            [
                Problem(
                    name,
                    text.count("\n", 0, text.find(f"\nL\t{code}\t") + 1) + 1,
                    f"unknown state '{code}' (not an entity of the loaded timelines)",
                )
                for code in unknown
            ]
        )
    return f"{name}: valid: {plural(len(launches), 'launch', 'launches')}"
