"""spacetime: a command-line atlas of the space age, and a library (`spacetime.api`).

The package is layered: `core` (dates and the data model) -> `load` (reading and checking timeline
files) -> `engine` (queries, usable as a library) -> `output` (formats shared by every command) ->
`cli` (thin Typer commands). `import spacetime` stays light: the public API below is imported on
first use, and neither Typer nor Rich ever is.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing `typing` would triple the cost
if TYPE_CHECKING:
    from typing import Any

    from spacetime.api import Atlas, Result
    from spacetime.core.errors import DataError, SpacetimeError, UnknownName, UsageError

__version__ = "0.1.0"
__all__ = [
    "Atlas",
    "DataError",
    "Result",
    "SpacetimeError",
    "UnknownName",
    "UsageError",
    "__version__",
]

_HOMES = {
    "Atlas": "spacetime.api",
    "Result": "spacetime.api",
    "DataError": "spacetime.core.errors",
    "SpacetimeError": "spacetime.core.errors",
    "UnknownName": "spacetime.core.errors",
    "UsageError": "spacetime.core.errors",
}


def __getattr__(name: str) -> Any:
    """The public API, imported when first used (`spacetime.Atlas`)."""
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'spacetime' has no attribute {name!r}")
