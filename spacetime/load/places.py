"""The user's own folders for spacetime: data (the personal timeline) and cache.

On Linux and other Unix systems these follow the XDG base directories directly (cheap at start-up);
elsewhere `platformdirs` knows each platform's conventions. A relative `XDG_*` path is ignored, as
the XDG specification asks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["user_cache_dir", "user_data_dir"]


def _xdg(environ: Mapping[str, str], variable: str, default: str) -> Path | None:
    """The XDG folder; a relative value is ignored, as the XDG specification says."""
    if os.name != "posix" or sys.platform == "darwin":
        return None
    value = Path(environ.get(variable, ""))  # "" is ".", relative too
    return (value if value.is_absolute() else Path.home() / default) / "spacetime"


def user_data_dir(environ: Mapping[str, str]) -> Path:
    """The data folder, by the variables in `environ` (`XDG_DATA_HOME`)."""
    xdg = _xdg(environ, "XDG_DATA_HOME", ".local/share")
    if xdg is not None:
        return xdg
    from platformdirs import user_data_path

    return user_data_path("spacetime", appauthor=False)


def user_cache_dir(environ: Mapping[str, str]) -> Path:
    """The cache folder, by the variables in `environ` (`SPACETIME_CACHE_DIR`, `XDG_CACHE_HOME`)."""
    explicit = environ.get("SPACETIME_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = _xdg(environ, "XDG_CACHE_HOME", ".cache")
    if xdg is not None:
        return xdg
    from platformdirs import user_cache_path

    return user_cache_path("spacetime", appauthor=False)
