"""Which files a command reads: the bundled ones, `$SPACETIME_DATA`, and `--data` files.

The bundled timeline ships inside the wheel as `spacetime/data/timeline.yaml` and the bundled launch
log as `spacetime/data/launches.tsv`; in a source checkout (an editable install) they are in `data/`
at the top of the repository. A file named by `--data` or `$SPACETIME_DATA` is a launch file when
its first line says so (see `spacetime.launches.store`), else a timeline file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ENV_VAR",
    "DataFiles",
    "bundled_launches_path",
    "bundled_path",
    "data_files",
    "personal_path",
]

ENV_VAR = "SPACETIME_DATA"


@dataclass(frozen=True, eq=False, repr=False)
class DataFiles:
    """The files to load, in order, with the names to show for them in messages."""

    paths: tuple[Path, ...]
    names: tuple[str, ...]
    launches: tuple[Path, ...] = ()
    """The launch files (the bundled launch log first unless left out)."""
    launch_names: tuple[str, ...] = ()


def _bundled(name: str) -> Path:
    """A bundled data file: inside the installed package, else in the source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / name
    if installed.is_file():
        return installed
    return package.parent / "data" / name


def bundled_path() -> Path:
    """The bundled timeline."""
    return _bundled("timeline.yaml")


def bundled_launches_path() -> Path:
    """The bundled launch log (derived from GCAT by `spacetime import gcat`)."""
    return _bundled("launches.tsv")


def personal_path() -> Path:
    """The user's own timeline, loaded when it exists (XDG data folder on Linux)."""
    from spacetime.load.places import user_data_dir

    return user_data_dir() / "timeline.yaml"


def data_files(
    extra: Sequence[Path] = (),
    *,
    bundled: bool = True,
    personal: bool = True,
    env: Mapping[str, str] | None = None,
) -> DataFiles:
    """The bundled timeline and launch log (unless left out), the personal timeline (when it
    exists), then `$SPACETIME_DATA`'s files, then `extra`; a file named twice is read once.
    Launch files among them go to `launches`."""
    from spacetime.launches.store import is_launch_file

    env = os.environ if env is None else env
    paths: list[Path] = [bundled_path()] if bundled else []
    names: list[str] = [_show(paths[0])] if bundled else []
    mine = personal_path() if personal else None
    from_env = [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    candidates = [*([mine] if mine is not None and mine.is_file() else []), *from_env, *extra]
    launches: list[Path] = [bundled_launches_path()] if bundled else []
    launch_names: list[str] = [_show(launches[0])] if bundled else []
    seen = {p.resolve() for p in (*paths, *launches)}
    for path in candidates:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        if path is not mine and is_launch_file(path):
            launches.append(path)
            launch_names.append(str(path))
        else:
            paths.append(path)
            names.append(str(path))
    return DataFiles(tuple(paths), tuple(names), tuple(launches), tuple(launch_names))


def _show(path: Path) -> str:
    """A path as short as it can be shown: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
