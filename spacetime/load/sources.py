"""Which timeline files a command reads: the bundled one, `$SPACETIME_DATA`, and `--data` files.

The bundled timeline ships inside the wheel as `spacetime/data/timeline.yaml`; in a source checkout
(an editable install) it is `data/timeline.yaml` at the top of the repository.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ENV_VAR", "DataFiles", "bundled_path", "data_files", "personal_path"]

ENV_VAR = "SPACETIME_DATA"


@dataclass(frozen=True, eq=False, repr=False)
class DataFiles:
    """The files to load, in order, with the names to show for them in messages."""

    paths: tuple[Path, ...]
    names: tuple[str, ...]


def bundled_path() -> Path:
    """The bundled timeline: inside the installed package, else in the source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / "timeline.yaml"
    if installed.is_file():
        return installed
    return package.parent / "data" / "timeline.yaml"


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
    """The bundled timeline (unless left out), the personal one (when it exists), then
    `$SPACETIME_DATA`'s files, then `extra`; a file named twice is read once."""
    env = os.environ if env is None else env
    paths: list[Path] = [bundled_path()] if bundled else []
    names: list[str] = [_show(paths[0])] if bundled else []
    mine = personal_path() if personal else None
    from_env = [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    # A personal timeline that is there but not a file (a folder) is read, to be reported;
    # a symbolic link to nothing yet counts as no personal timeline (`add` creates its target).
    candidates = [*([mine] if mine is not None and mine.exists() else []), *from_env, *extra]
    seen = {p.resolve() for p in paths}
    for path in candidates:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        paths.append(path)
        names.append(str(path))
    return DataFiles(tuple(paths), tuple(names))


def _show(path: Path) -> str:
    """A path as short as it can be shown: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
