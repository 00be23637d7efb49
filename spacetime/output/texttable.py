"""The table format as text: fitted and coloured in a terminal, plain and uncut in a pipe.

One layout serves both. In a pipe every column takes its natural width (no cell is ever cut or
wrapped) under a `----` rule, with no control code. In a terminal the long-text columns share what
the terminal's width leaves and wrap at word boundaries, the header is bold, and each row takes its
style (`"italic cyan"`, `"dim strike"`...) as ANSI colour unless `NO_COLOR` is set or `TERM=dumb`.

This is written here rather than drawn with Rich: importing and laying out a Rich table cost about
40 ms a run, as much again as the whole rest of `spacetime list` (docs/performance.md).
"""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

from spacetime.output.listing import Listing

__all__ = ["write_table"]

GAP = "  "
NARROWEST = 8
"""A wrapping column is never squeezed below this many cells while others could give way."""
SGR = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "strike": "9",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}
RESET = "\x1b[0m"


def write_table(listing: Listing, out: TextIO) -> None:
    """Write a listing as a text table, fitted and coloured when `out` is a terminal."""
    terminal = out.isatty()
    colour = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"

    def paint(text: str, style: str | None) -> str:
        if not (colour and style and text):
            return text
        codes = ";".join(SGR[word] for word in style.split() if word in SGR)
        return f"\x1b[{codes}m{text}{RESET}" if codes else text

    columns = listing.columns
    show_header = bool(listing.rows) and not listing.single  # one record reads as "key  value"
    natural = [width(c.header) if show_header else 0 for c in columns]
    for row in listing.rows:
        for index, cell in enumerate(row):
            natural[index] = max(natural[index], *(width(line) for line in cell.split("\n")))
    widths = fit(natural, [c.wrap for c in columns], terminal_width(out)) if terminal else natural
    rule = paint("─" * (sum(widths) + len(GAP) * (len(widths) - 1)), "dim")

    def lines(cells: list[str], style: str | None, key_style: str | None = None) -> None:
        wrapped = [
            wrap(cell, w) if terminal else cell.split("\n")
            for cell, w in zip(cells, widths, strict=True)
        ]
        for number in range(max(len(parts) for parts in wrapped)):
            texts = []
            for index, (parts, column) in enumerate(zip(wrapped, columns, strict=True)):
                text = parts[number] if number < len(parts) else ""
                pad = " " * (widths[index] - width(text))
                text = paint(text, key_style if index == 0 and key_style else style)
                texts.append(pad + text if column.justify == "right" else text + pad)
            out.write(GAP.join(texts).rstrip() + "\n")

    if listing.heading:
        out.write(paint(listing.heading, "bold") + "\n")
    if show_header:
        lines([c.header for c in columns], "bold")
        out.write((rule if terminal else GAP.join("-" * w for w in widths)) + "\n")
    styles = listing.styles or [None] * len(listing.rows)
    for number, (row, style) in enumerate(zip(listing.rows, styles, strict=True)):
        if listing.row_lines and number:
            out.write((rule if terminal else "") + "\n")
        lines(row, style, "bold" if listing.single else None)
    if listing.footer:
        out.write(listing.footer + "\n")


def terminal_width(out: TextIO) -> int:
    """The terminal's columns: `COLUMNS` if set, else the terminal's own size, else 80."""
    setting = os.environ.get("COLUMNS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    try:
        return os.get_terminal_size(out.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def fit(natural: list[int], wraps: list[bool], room: int) -> list[int]:
    """Column widths within `room`: columns keep their natural width if all fit; otherwise the
    wrapping columns (or, when even that is too tight, all of them) share what is left, a narrow
    column keeping its natural width and giving its spare share to the others."""
    gaps = len(GAP) * (len(natural) - 1)
    if sum(natural) + gaps <= room:
        return natural
    flexible = [i for i, wraps_ in enumerate(wraps) if wraps_]
    budget = room - gaps - sum(w for i, w in enumerate(natural) if i not in flexible)
    if budget < NARROWEST * len(flexible) or not flexible:
        flexible, budget = list(range(len(natural))), room - gaps
    widths = list(natural)
    pending = sorted(flexible, key=lambda i: natural[i])
    while pending:
        share = budget // len(pending)
        if natural[pending[0]] <= share:
            budget -= natural[pending.pop(0)]
            continue
        for order, index in enumerate(pending):
            widths[index] = max(1, share + (order < budget % len(pending)))
        break
    return widths


def wrap(text: str, room: int) -> list[str]:
    """Break text into lines of at most `room` cells, at spaces where possible."""
    result: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if width(candidate) <= room:
                line = candidate
                continue
            if line:
                result.append(line)
            while width(word) > room:
                head = _prefix(word, room)
                result.append(head)
                word = word[len(head) :]
            line = word
        result.append(line)
    return result


def width(text: str) -> int:
    """Terminal cells the text takes: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _prefix(word: str, room: int) -> str:
    """The longest start of `word` that fits in `room` cells (at least one character)."""
    used, end = 0, 0
    for end, character in enumerate(word):
        used += width(character)
        if used > room:
            return word[: max(end, 1)]
    return word
