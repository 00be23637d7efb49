"""`spacetime next`: the upcoming launches that `spacetime update --upcoming` fetched from Launch
Library 2, soonest first, filtered like `spacetime launches`."""

from spacetime.cli.common import emit
from spacetime.cli.next_options import NextFilterOptions
from spacetime.cli.options import OutputOptions, use
from spacetime.output.environment import Environment


@use(filters=NextFilterOptions, output=OutputOptions)
def next_launches(*, env: Environment, filters: NextFilterOptions, output: OutputOptions) -> None:
    """List the upcoming orbital launches, soonest first, with a countdown (Launch Library 2).

    Dates are in UTC at the precision Launch Library 2 gives ("Dec 2026", "week of 14 Dec 2026",
    "20 Dec 2026 14:00 UTC"); the countdown counts from now (from midnight UTC of
    $SPACETIME_TODAY when it is set). The list is the one `spacetime update --upcoming` keeps in
    your data folder.

    Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com).
    """
    from spacetime.cli.upcoming import kept_or_say, now_of
    from spacetime.launches.upcoming import run_next
    from spacetime.load.cache import load_cached
    from spacetime.load.sources import DataFiles, display_name, vocabulary_path
    from spacetime.output.formats import OutputFormat
    from spacetime.output.upcoming import age_note, next_listing

    stored = kept_or_say(env)
    if stored is None:
        return
    now = now_of(env)
    words = vocabulary_path()  # the countries' names and aliases, for --country
    vocabulary = load_cached(DataFiles((words,), (display_name(words),)), folder=env.cache_dir())
    found = run_next(vocabulary, stored.launches, filters.query(), now)
    note = age_note(stored, now)
    if note:
        env.note(note)
    human = output.chosen in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
    emit(next_listing(vocabulary, found, stored, now, human), output, env)
