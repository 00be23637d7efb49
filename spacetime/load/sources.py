"""Where spacetime's files are: the standard vocabulary, the bundled timeline and launch log, the
personal timeline; and `DataFiles`, the files a command reads (chosen by
`spacetime.sources.files.data_files`).

The standard vocabulary (entities, aliases, lineage, milestones, categories), the bundled timeline
(events only) and the bundled launch log ship inside the wheel as `spacetime/data/vocabulary.yaml`,
`spacetime/data/timeline.yaml` and `spacetime/data/launches.tsv`; in a source checkout (an editable
install) they are in `data/` at the top of the repository.
"""

from pathlib import Path
from typing import NamedTuple

from spacetime.core.errors import DataError, Problem

__all__ = [
    "DataFiles",
    "bundled_launches_path",
    "bundled_path",
    "countries_path",
    "display_name",
    "launch_names_path",
    "log_in_use",
    "personal_path",
    "shipped_names",
    "updated_log",
    "vocabulary_path",
    "with_personal_hint",
]


class DataFiles(NamedTuple):
    """The files to load, in order, with the names to show for them in messages (a named tuple,
    not a dataclass: it is on every command's start-up path)."""

    paths: tuple[Path, ...]
    names: tuple[str, ...]
    launches: tuple[Path, ...] = ()
    """The launch files (the launch log in use first unless left out: the one `spacetime update`
    renewed, else the bundled one)."""
    launch_names: tuple[str, ...] = ()
    folder: Path | None = None
    """The user data folder they were chosen in: where the personal timeline, the renewed launch
    log and the kept upcoming launches are (see `spacetime.load.places`)."""
    as_of: str | None = None
    """The --as-of day (`YYYY-MM-DD`): launch files read through these show only the launches of
    that UTC day or earlier (see `spacetime.launches.store.launch_files`)."""


def _bundled(name: str) -> Path:
    """A bundled data file: inside the installed package, else in the source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / name
    if installed.is_file():
        return installed
    return package.parent / "data" / name


def bundled_path() -> Path:
    """The bundled timeline: the events that ship with spacetime."""
    return _bundled("timeline.yaml")


def bundled_launches_path() -> Path:
    """The bundled launch log (derived from GCAT by `spacetime import gcat`)."""
    return _bundled("launches.tsv")


def updated_log(folder: Path) -> Path:
    """Where `spacetime update` keeps the log it renewed, in the user data folder `folder` (see
    `spacetime.load.places`; `spacetime.sources.gcat` renews it)."""
    return folder / "gcat" / "launches.tsv"


def log_in_use(folder: Path) -> Path:
    """The renewed log in the user data folder `folder` when there is one, else the bundled
    one."""
    renewed = updated_log(folder)
    return renewed if renewed.is_file() else bundled_launches_path()


def countries_path() -> Path:
    """The ISO 3166-1 countries (data/countries.tsv), merged with the vocabulary's entities."""
    return _bundled("countries.tsv")


def launch_names_path() -> Path:
    """The vocabulary of launch vehicle and site names (data/launch-names.yaml)."""
    return _bundled("launch-names.yaml")


def vocabulary_path() -> Path:
    """The standard vocabulary, loaded before every other file (even with --no-bundled)."""
    return _bundled("vocabulary.yaml")


def shipped_names() -> frozenset[str]:
    """The names under which the shipped files appear in messages and in `Origin.file`: an event
    from any other file is the user's own."""
    return frozenset({display_name(vocabulary_path()), display_name(bundled_path())})


def personal_path(folder: Path) -> Path:
    """The user's own timeline in the data folder `folder` (see `spacetime.load.places`), loaded
    when it exists."""
    return folder / "timeline.yaml"


def display_name(path: Path) -> str:
    """A path as short as it can be shown: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def with_personal_hint(err: DataError, folder: Path) -> DataError:
    """`err`, ending with the way out when some of its problems are in the personal timeline (in
    the data folder `folder`)."""
    mine = str(personal_path(folder))
    if not any(p.file == mine for p in err.problems):
        return err
    hint = "this is your personal timeline: fix it, or leave it out with --no-personal"
    return DataError([*err.problems, Problem(mine, 0, hint)])
