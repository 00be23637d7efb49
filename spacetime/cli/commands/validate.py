"""`spacetime validate [FILE...]`: check timeline files and say what was checked."""

from pathlib import Path
from typing import Annotated

import typer

from spacetime.cli.common import check_readable
from spacetime.cli.options import FileOptions, use
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural
from spacetime.engine.firsts import rule_problems
from spacetime.load.loader import load_timeline, review
from spacetime.output.environment import Environment


@use(data=FileOptions)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files to check (with the bundled timeline, whose codes they may use)."
        ),
    ] = None,
    *,
    env: Environment,
    data: FileOptions,
) -> None:
    """Check timeline and launch files: every problem as file:line, then a summary. Exit 3 if any
    is invalid.

    Warnings (exit 0) name plans past their date and milestone claims that break a rule."""
    check_readable(data.data or [], "--data")
    check_readable(files or [], "validate")
    chosen = data.files(env, files or [])
    checked = {str(f) for f in files} if files else {*chosen.names, *chosen.launch_names}
    timeline = load_timeline(chosen.paths, chosen.names)
    for path, name in zip(chosen.launches, chosen.launch_names, strict=True):
        if name in checked:
            env.say(_check_launches(path, name, timeline))
    if not checked & set(chosen.names):
        return
    found = [*review(timeline, env.day()), *rule_problems(timeline)]
    warnings = [w for w in found if w.file in checked]
    for warning in warnings:
        env.tell(warning)
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
    env.say(
        f"{names}: valid{extra}: {plural(events, 'event')}, {len(timeline.entities)} entities, "
        f"{len(timeline.milestones)} milestones, {len(timeline.categories)} categories; "
        f"{plural(len(warnings), 'warning')}"
    )


def _check_launches(path: Path, name: str, timeline: Timeline) -> str:
    """Every launch of a launch file read and its state looked up; DataError on a problem."""
    from spacetime.core.errors import DataError, Problem
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
    return f"{name}: valid: {len(launches)} launches"
