"""Which files a command reads: the standard vocabulary (always), the bundled timeline, the launch
log in use (the one `spacetime update` renewed, else the bundled one), the personal timeline,
`$SPACETIME_DATA`, and `--data` files.

A file named by `--data` or `$SPACETIME_DATA` goes where the source that recognises it says (see
`spacetime.sources`): a launch file among the launch files, any other among the timeline files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from spacetime.load.sources import (
    DataFiles,
    bundled_path,
    display_name,
    log_in_use,
    personal_path,
    vocabulary_path,
)

__all__ = ["ENV_VAR", "data_files"]

ENV_VAR = "SPACETIME_DATA"


def data_files(
    extra: Sequence[Path] = (),
    *,
    bundled: bool = True,
    personal: bool = True,
    env: Mapping[str, str],
) -> DataFiles:
    """The standard vocabulary, the bundled timeline and the launch log in use (unless `bundled`
    is false, which leaves out a renewed log too), the personal timeline (when it exists), then
    `$SPACETIME_DATA`'s files, then `extra`; a file named twice is read once. `env`: the
    environment variables (`SPACETIME_DATA`, and those that place the user data folder, where
    the personal timeline and the renewed log are)."""
    from spacetime.load.places import user_data_dir

    folder = user_data_dir(env)
    paths: list[Path] = [vocabulary_path(), *([bundled_path()] if bundled else [])]
    names: list[str] = [display_name(path) for path in paths]
    mine = personal_path(folder) if personal else None
    from_env = [Path(p) for p in env.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    # A personal timeline that is there but not a file (a folder) is read, to be reported;
    # a symbolic link to nothing yet counts as no personal timeline (`add` creates its target).
    candidates = [*([mine] if mine is not None and mine.exists() else []), *from_env, *extra]
    launches: list[Path] = [log_in_use(folder)] if bundled else []
    launch_names: list[str] = [display_name(launches[0])] if bundled else []
    seen = {p.resolve() for p in (*paths, *launches)}
    for path in candidates:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        from spacetime.sources import recognise, source  # only when a file is named

        if path is not mine and source(recognise(path)).KIND == "launches":
            launches.append(path)
            launch_names.append(str(path))
        else:
            paths.append(path)
            names.append(str(path))
    return DataFiles(
        tuple(paths), tuple(names), tuple(launches), tuple(launch_names), folder=folder
    )
