"""Where spacetime's data comes from: one module per source, and the registry of them.

A source module (`spacetime.sources.NAME`, named in `SOURCES`) defines:

- `NAME` (as in `SOURCES`), `KIND` (the `DataFiles` field its files go to: `"timeline"` or
  `"launches"`), `TITLE` (what its files are, in words), `CREDIT` and `LICENCE`;
- `recognises(path) -> bool`: whether a file named by `--data` or `$SPACETIME_DATA` is one of its
  files (by its first bytes, cheaply: this runs before every command that names a file);
- `describe(files, cache) -> list[SourceFile]`: its files among the `DataFiles`, read and checked
  (a `DataError` for a file that does not read; through the parsed-file cache in the folder
  `cache`, None for none), with their date span and counts.

A source that renews its data over the network does it with `spacetime.sources.fetch`. The layer
sits above the readers (`spacetime.load`, the launch file and GCAT importer of
`spacetime.launches`) and below the engine and the commands; `spacetime.sources.files` decides
which files a command reads.
"""

import importlib
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacetime.load.sources import DataFiles

__all__ = ["SOURCES", "SourceFile", "describe", "recognise", "source"]

SOURCES: tuple[str, ...] = ("gcat", "ll2", "timeline")
"""The sources, in the order they are asked to recognise a file: the timeline comes last, as it
takes every file no other source claims."""


class SourceFile(NamedTuple):
    """One file loaded, as `spacetime sources` shows it."""

    source: str
    """The source's `NAME`."""
    kind: str
    title: str
    name: str
    """The file as messages show it."""
    path: Path
    origin: str
    """`bundled`, `updated` (renewed by `spacetime update`), `personal` or `yours`."""
    first: str | None
    """The first day it covers (`YYYY-MM-DD` or a coarser EDTF date), None when empty."""
    last: str | None
    counts: Mapping[str, int]
    updated: str | None
    """When the file was last renewed or changed (`YYYY-MM-DD`, UTC)."""
    credit: str
    licence: str
    first_display: str | None = None
    """The first date as its own data shows it ("May 1903"); None: `first` as a day."""
    last_display: str | None = None
    """The last date as its own data shows it ("2030s"); None: `last` as a day."""


def source(name: str) -> ModuleType:
    """The module of the source `name` (one of `SOURCES`)."""
    if name not in SOURCES:
        raise KeyError(name)
    return importlib.import_module(f"spacetime.sources.{name}")


def recognise(path: Path) -> str:
    """The name of the source whose file `path` is (the last source takes any file)."""
    for name in SOURCES[:-1]:
        if source(name).recognises(path):
            return name
    return SOURCES[-1]


def describe(files: "DataFiles", cache: Path | None) -> list[SourceFile]:
    """Every file of `files`, read, checked and described by its source, sources in order
    (through the parsed-file cache in the folder `cache`; None: none)."""
    return [found for name in SOURCES for found in source(name).describe(files, cache)]
