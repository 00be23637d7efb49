"""Exceptions of the spacetime library and the exit codes the command line maps them to.

The library raises these; only the CLI's error funnel prints them and picks the exit status.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import NamedTuple

__all__ = [
    "DataError",
    "ExitCode",
    "FileProblem",
    "ParameterError",
    "Problem",
    "SpacetimeError",
    "UnknownName",
    "UsageError",
    "printable",
    "quoted",
    "suggest",
]

# Compiled on first use (by `re`'s own cache), not at import: most runs print no message.
_UNPRINTABLE = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"


def _escape(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a command line that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return character.encode("unicode_escape", "backslashreplace").decode("ascii")


LINE_LIMIT = 1000
"""The most characters of one message line."""


def printable(text: str) -> str:
    """`text` with every control character but the line break (C0, DEL, C1, U+2028/2029) written
    as an escape (`\\x1b`, `\\u2028`), so that a message echoing a user's text cannot drive the
    terminal; a byte of a non-UTF-8 argument is shown as `\\xe9`. A quoted value is cut to
    `QUOTE_LIMIT` characters, the whole to `LINE_LIMIT`: a 10 MB value gives a short line."""
    if len(text) > QUOTE_LIMIT:
        # (a value cut already, `...` and all, is left alone: a line may pass here twice)
        # a quote opens after no letter and before no space, and closes before no letter: the
        # text between two quoted values ("'a' in FILE; did you mean 'b'") is not a value
        long_value = f"(?<![\\w'])'(?=\\S)([^'\n]{{{QUOTE_LIMIT + 4},}})'(?!\\w)"
        text = re.sub(long_value, lambda m: quoted(m[1]), text)
    if len(text) > LINE_LIMIT:  # each line of a message on its own (a list of ids is many)
        text = "\n".join(
            f"{line[:LINE_LIMIT]}... ({len(line):,} characters)" if len(line) > LINE_LIMIT else line
            for line in text.split("\n")
        )
    return re.sub(_UNPRINTABLE, lambda m: _escape(m[0]), text)


QUOTE_LIMIT = 80
"""The most characters of a value that a message quotes: a 10 MB value gives a short line."""


def quoted(value: str, limit: int = QUOTE_LIMIT) -> str:
    """`'value'` for a message, cut to `limit` characters (`'abc...' (10,000,000 characters)`)."""
    if len(value) <= limit:
        return f"'{value}'"
    return f"'{value[:limit]}...' ({len(value):,} characters)"


class ExitCode(IntEnum):
    """Exit statuses of the `spacetime` command (documented in the README)."""

    OK = 0
    FAILURE = 1  # a check failed (e.g. `fmt --check`) or an unexpected internal error
    USAGE = 2  # the command line is wrong: unknown option, country, id, date, format...
    DATA = 3  # a timeline file is unreadable or invalid
    FILESYSTEM = 4  # the system refused a read or write: missing folder, permission, full disk...
    INTERRUPTED = 130  # Ctrl-C


class Problem(NamedTuple):
    """One thing wrong with a data file, at a line (0 when the line is unknown)."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = "warning: " if self.warning else ""
        return printable(f"{where}: {kind}{self.message}")


class SpacetimeError(Exception):
    """Base of every error spacetime reports to a user without a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    def lines(self) -> list[str]:
        """The message, one line per item, as printed on stderr."""
        return [str(self)]


class UsageError(SpacetimeError):
    """Something the user typed cannot be used (unknown country, bad date bound...)."""

    exit_code = ExitCode.USAGE


class ParameterError(UsageError):
    """A value given to a query parameter cannot be used. The message names parameters in braces
    (`"{limit} must be 1 or more"`): the library shows the parameter's own name (`limit`), the
    command line its flag (`--limit`), so that the engine never speaks of flags."""

    def __init__(self, template: str, *parameters: str) -> None:
        self.template = template
        self.parameters = parameters
        super().__init__(self.render(str))

    def render(self, name: Callable[[str], str]) -> str:
        """The message with each `{parameter}` written by `name` (`lambda p: "--" + p`)."""
        text = self.template
        for parameter in self.parameters:
            text = text.replace("{" + parameter + "}", name(parameter))
        return text


class FileProblem(SpacetimeError):
    """A file or folder could not be written or read because of the system, not of its content:
    a missing folder, no permission, a full disk, a directory where a file should be."""

    exit_code = ExitCode.FILESYSTEM


class UnknownName(UsageError):
    """A name (country, id, milestone...) that matches nothing, with the closest known ones."""

    def __init__(
        self, what: str, name: str, known: Iterable[str], *, list_all: bool = False
    ) -> None:
        self.what = what
        self.name = name
        known = list(known)
        self.suggestions = suggest(name, known)
        hint = f"; did you mean {_either(self.suggestions)}?" if self.suggestions else ""
        if list_all:
            hint += f" (one of: {', '.join(known)})"
        super().__init__(f"unknown {what} '{name}'{hint}")


PER_FILE = 20
"""The most problems of one file that are printed; the rest are counted."""


class DataError(SpacetimeError):
    """One or more problems in timeline files; every problem is kept, in file and line order."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line a problem, up to `PER_FILE` of a file; then how many more that file has."""
        shown: list[str] = []
        counts: dict[str, int] = {}
        for problem in self.problems:
            counts[problem.file] = counts.get(problem.file, 0) + 1
            if counts[problem.file] <= PER_FILE:
                shown.append(str(problem))
        shown += [
            printable(f"{file}: and {count - PER_FILE:,} more problems")
            for file, count in counts.items()
            if count > PER_FILE
        ]
        return shown


def suggest(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to `name` (case-insensitive), best first."""
    by_folded: dict[str, str] = {}
    for k in known:
        by_folded.setdefault(k.casefold(), k)
    import difflib

    close = difflib.get_close_matches(name.casefold(), list(by_folded), n=n, cutoff=0.6)
    return [by_folded[c] for c in close]


def _either(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
