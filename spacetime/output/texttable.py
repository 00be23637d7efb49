"""The table format as text: fitted and coloured in a terminal, plain and uncut in a pipe.

One layout serves both. In a pipe every column takes its natural width (no cell is ever cut or
wrapped) under a `----` rule, with no control code. In a terminal too narrow for the natural
widths, the table gives way in this order: cells with a short form (`Brief`: a compact date, a
status mark) take it (and, if the table then fits with room to spare, the columns it costs least
get their full form back); the long-text columns keep at least their longest word (the `main` column,
the one people read, at least `MAIN_ROOM` cells) and share the rest, the main one first; columns
marked `drop` are left out, least useful first, rather than break a word; only when nothing else
gives way are words broken. A URL is never broken (it is clickable as an OSC 8 link where colour
is on): it overflows, or its column is dropped if it may be. The header is bold, and each row
takes its style (`"italic cyan"`, `"dim strike"`...) as ANSI colour when the `Environment` allows
colour. A no-break space (U+00A0) in a cell keeps two
words on one line and prints as a space. An inline bar (`Bar`) never wraps: its column shrinks
like a long-text one, down to `BAR_LEAST` blocks, and the bars are drawn to the width it is given.

This is written here rather than drawn with Rich: importing and laying out a Rich table cost about
40 ms a run, as much again as the whole rest of `spacetime list` (docs/performance.md).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TextIO

from spacetime.core.text import is_safe, visible
from spacetime.output.environment import Environment
from spacetime.output.listing import Align, Bar, Brief, Column, Listing

__all__ = ["layout", "write_table"]

GAP = "  "
NARROWEST = 8
"""A wrapping column is never squeezed below this many cells while others could give way."""
MAIN_ROOM = 20
"""The main column is given at least this many cells (or its natural width) before any other
long-text column grows past its longest word; columns are dropped rather than go below."""
MAIN_WEIGHT = 3
"""Of the room left over, the main column takes this many shares to one for another column."""
BAR_LEAST = 4
"""An inline bar column shrinks to its prefixes and this many blocks before anything is dropped."""
NBSP = "\u00a0"
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


def write_table(listing: Listing, out: TextIO, env: Environment | None = None) -> None:
    """Write a listing as a text table to `out`: fitted (and coloured if allowed) when `env`
    says standard output is a terminal, plain and uncut otherwise (and by default)."""
    env = env or Environment()
    listing = _visible(listing)
    terminal = env.terminal
    colour = terminal and env.colour  # never colour in a pipe

    def paint(text: str, style: str | None) -> str:
        url = text.strip()
        if colour and re.fullmatch(_URL, url):
            text = text.replace(url, f"\x1b]8;;{url}\x1b\\{url}\x1b]8;;\x1b\\")
        if not (colour and style and text):
            return text
        codes = ";".join(SGR[word] for word in style.split() if word in SGR)
        return f"\x1b[{codes}m{text}{RESET}" if codes else text

    show_header = bool(listing.rows) and not listing.single  # one record reads as "key  value"
    if terminal:
        keep, short, widths = layout(listing, env.width, show_header)
    else:
        keep, short = list(range(len(listing.columns))), frozenset[int]()
        widths = _natural(listing, keep, short, show_header)
    columns = [listing.columns[i] for i in keep]
    blocks = _bar_scale(listing, keep, widths)
    rule = paint("─" * (sum(widths) + len(GAP) * (len(widths) - 1)), "dim")

    def lines(cells: list[str], style: str | None, key_style: str | None = None) -> None:
        wrapped = [
            [cell.at(blocks)]
            if terminal and isinstance(cell, Bar)
            else wrap(cell, w)
            if terminal
            else cell.replace(NBSP, " ").split("\n")
            for cell, w in zip(cells, widths, strict=True)
        ]
        for number in range(max(len(parts) for parts in wrapped)):
            texts = []
            for index, (parts, column) in enumerate(zip(wrapped, columns, strict=True)):
                text = parts[number] if number < len(parts) else ""
                pad = " " * max(0, widths[index] - width(text))
                text = paint(text, key_style if index == 0 and key_style else style)
                texts.append(pad + text if column.justify is Align.RIGHT else text + pad)
            out.write(GAP.join(texts).rstrip() + "\n")

    room = env.width if terminal else 0

    def text_lines(text: str, style: str | None = None) -> None:
        for line in wrap(text, room) if terminal else text.split("\n"):
            out.write(paint(line, style) + "\n")

    if listing.heading:
        text_lines(listing.heading, "bold")
    if show_header:
        lines([_form(listing.columns[i].header, i in short) for i in keep], "bold")
        out.write((rule if terminal else GAP.join("-" * w for w in widths)) + "\n")
    styles = listing.styles or [None] * len(listing.rows)
    for number, (row, style) in enumerate(zip(listing.rows, styles, strict=True)):
        if listing.row_lines and number:
            out.write((rule if terminal else "") + "\n")
        lines([_form(row[i], i in short) for i in keep], style, "bold" if listing.single else None)
    if listing.footer:
        # a short footer explains short headers and marks (the status legend)
        explains = any(isinstance(listing.columns[i].header, Brief) for i in short)
        text_lines(_form(listing.footer, explains))


_URL = r"https?://[!-~]+"
"""A URL made a link (OSC 8): printable ASCII only, so no text from data wraps itself in one."""


def _visible(listing: Listing) -> Listing:
    """The listing with every unsafe character of its cells shown visibly (`spacetime.core.text`):
    the last line of defence, after input that refuses them. Checked in one pass over all cells."""
    texts = [listing.heading or "", listing.footer or "", *(c for row in listing.rows for c in row)]
    if is_safe("\n".join(texts)):
        return listing

    def safe(text: str) -> str:
        if isinstance(text, Brief):
            return Brief(visible(text), visible(text.short))
        return visible(text)

    return Listing(
        listing.fields, listing.records, listing.columns,
        [[safe(cell) for cell in row] for row in listing.rows], listing.styles,
        listing.heading and safe(listing.heading), listing.footer and safe(listing.footer),
        listing.row_lines, listing.single,
    )  # fmt: skip


def layout(
    listing: Listing, room: int, header: bool = True
) -> tuple[list[int], frozenset[int], list[int]]:
    """How a listing fits `room` cells: the columns kept (indices), the columns in their short
    form, and the width of each kept column (see the module docstring for the order of giving
    way)."""
    keep = list(range(len(listing.columns)))
    short = frozenset[int]()
    bars = {i for i in keep if any(isinstance(row[i], Bar) for row in listing.rows)}
    natural = _natural(listing, keep, short, header)
    if sum(natural) + len(GAP) * (len(keep) - 1) <= room:
        return keep, short, natural
    short = frozenset(
        i
        for i, c in enumerate(listing.columns)
        if isinstance(c.header, Brief) or any(isinstance(row[i], Brief) for row in listing.rows)
    )
    while True:
        natural = _natural(listing, keep, short, header)
        # a bar column gives way like a long-text one (it shrinks rather than wraps)
        columns = [
            listing.columns[i]._replace(wrap=True) if i in bars else listing.columns[i]
            for i in keep
        ]
        least = [
            _bar_least(listing, i, natural[n])
            if i in bars
            else _least(listing, i, i in short, header, natural[n])
            if c.wrap
            else natural[n]
            for n, (i, c) in enumerate(zip(keep, columns, strict=True))
        ]
        gaps = len(GAP) * (len(keep) - 1)
        if sum(natural) + gaps <= room:
            short = _restore(listing, keep, short, header, room - gaps - sum(natural))
            return keep, short, _natural(listing, keep, short, header)
        # with bars at their least (and a few blocks more), full forms come back before the
        # bars grow: a name reads better than a longer bar
        barred = sum(least[n] + BAR_LEAST if i in bars else natural[n] for n, i in enumerate(keep))
        if bars & set(keep) and short and barred + gaps < room:
            restored = _restore(listing, keep, short, header, room - gaps - barred)
            if restored != short:
                short = restored
                continue
        if sum(least) + gaps <= room:
            comfort = [
                _typical(listing, i, i in short) if c.wrap and not c.main and i not in bars else 0
                for i, c in zip(keep, columns, strict=True)
            ]
            return keep, short, _share(natural, least, comfort, columns, room - gaps)
        droppable = [i for i in keep if listing.columns[i].drop]
        if not droppable:
            return keep, short, _squeeze(least, [c.wrap for c in columns], room - gaps)
        keep.remove(max(droppable, key=lambda i: (listing.columns[i].drop, i)))


def _restore(
    listing: Listing, keep: list[int], short: frozenset[int], header: bool, spare: int
) -> frozenset[int]:
    """When every kept column fits with `spare` cells left: the full form back in the columns it
    fits in, those costing the fewest cells first."""
    cost = {
        i: _natural(listing, [i], frozenset(), header)[0]
        - _natural(listing, [i], frozenset([i]), header)[0]
        for i in short
        if i in keep
    }
    kept = set(short)
    for i in sorted(cost, key=lambda i: (cost[i], i)):
        if cost[i] <= spare:
            kept.discard(i)
            spare -= cost[i]
    return frozenset(kept)


def _form(text: str, short: bool) -> str:
    return text.short if short and isinstance(text, Brief) else text


def _natural(listing: Listing, keep: list[int], short: frozenset[int], header: bool) -> list[int]:
    natural = [width(_form(listing.columns[i].header, i in short)) if header else 0 for i in keep]
    for row in listing.rows:
        for n, i in enumerate(keep):
            for line in _form(row[i], i in short).split("\n"):
                natural[n] = max(natural[n], width(line))
    return natural


def _least(listing: Listing, index: int, short: bool, header: bool, natural: int) -> int:
    """The narrowest a long-text column may be: its longest word (a URL does not count: it
    overflows rather than break, unless the column may be dropped: a URL spilling over the
    next lines reads worse than a column left out), and for the main column `MAIN_ROOM`."""
    texts = [_form(row[index], short) for row in listing.rows]
    if header:
        texts.append(_form(listing.columns[index].header, short))
    urls = bool(listing.columns[index].drop)
    longest = max(
        (
            width(w)
            for t in texts
            for w in t.replace("\n", " ").split(" ")
            if urls or "://" not in w
        ),
        default=0,
    )
    floor = min(natural, MAIN_ROOM) if listing.columns[index].main else 0
    return max(longest, floor, min(natural, NARROWEST))


def _bar_least(listing: Listing, index: int, natural: int) -> int:
    """The narrowest an inline bar column may be: its longest prefix and `BAR_LEAST` blocks (or
    the longest word of its header)."""
    header = max((width(w) for w in listing.columns[index].header.split()), default=0)
    return min(natural, max(_prefix_width(listing, index) + BAR_LEAST, header))


def _bar_scale(listing: Listing, keep: list[int], widths: list[int]) -> int:
    """One scale for every bar of the table (the blocks of a bar at its peak): the largest at
    which the longest bar of each bar column fits its width, at most the bars' full form."""
    scale = None
    for i, w in zip(keep, widths, strict=True):
        bars = [cell for row in listing.rows if isinstance(cell := row[i], Bar)]
        for cell in bars:
            scale = min(scale or cell.full, cell.full)
        longest = max(bars, key=lambda cell: width(cell), default=None)
        if longest is not None and width(longest) > w and longest.amount:
            room = max(1, w - _prefix_width(listing, i))
            scale = min(scale or room, room * longest.peak // longest.amount)
    return max(1, scale or 1)


def _prefix_width(listing: Listing, index: int) -> int:
    return max(
        (width(cell.prefix) for row in listing.rows if isinstance(cell := row[index], Bar)),
        default=0,
    )


def _typical(listing: Listing, index: int, short: bool) -> int:
    """The median width of a column's cells: a secondary long-text column is given this much
    when there is room, so that most of its cells stay on one line."""
    sizes = sorted(
        max(width(line) for line in _form(row[index], short).split("\n")) for row in listing.rows
    )
    return sizes[len(sizes) // 2] if sizes else 0


def _share(
    natural: list[int], least: list[int], comfort: list[int], columns: list[Column], budget: int
) -> list[int]:
    """Widths within `budget`: fixed columns at their natural width and long-text columns at
    their `least`; then the main column grows up to 1.5 × `MAIN_ROOM`, the secondary ones up to
    their `comfort` (if all of them can), and what is left is shared by weight (the main column
    first); no column grows past its natural width."""
    widths = list(least)
    spare = budget - sum(widths)
    for n, column in enumerate(columns):
        if column.main:
            step = max(0, min(spare, min(natural[n], MAIN_ROOM * 3 // 2) - widths[n]))
            widths[n] += step
            spare -= step
    raised = [max(w, min(c, n)) for w, c, n in zip(widths, comfort, natural, strict=True)]
    if sum(raised) - sum(widths) <= spare:
        spare -= sum(raised) - sum(widths)
        widths = raised
    growing = [n for n, c in enumerate(columns) if c.wrap and natural[n] > widths[n]]
    weight = {n: MAIN_WEIGHT if columns[n].main else 1 for n in growing}
    while spare > 0 and growing:
        unit = spare / sum(weight[n] for n in growing)
        full = [n for n in growing if natural[n] - widths[n] <= unit * weight[n]]
        for n in full:
            spare -= natural[n] - widths[n]
            widths[n] = natural[n]
        growing = [n for n in growing if n not in full]
        if full:
            continue
        steps = {n: int(unit * weight[n]) for n in growing}
        left = spare - sum(steps.values())
        for n in sorted(growing, key=lambda n: -weight[n]):
            widths[n] += steps[n] + (1 if left > 0 else 0)
            left -= 1
        break
    return widths


def _squeeze(least: list[int], wraps: list[bool], budget: int) -> list[int]:
    """When words must break: narrow the widest long-text column, one cell at a time (then the
    widest of all), so that as few words as possible are cut."""
    widths = list(least)
    while sum(widths) > budget:
        pool = [n for n, w in enumerate(wraps) if w and widths[n] > NARROWEST] or [
            n for n in range(len(widths)) if widths[n] > 1
        ]
        if not pool:
            break
        widths[max(pool, key=lambda n: (widths[n], -n))] -= 1
    return widths


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
    """Break text into lines of at most `room` cells, at spaces where possible; a URL is never
    broken (it overflows), nor a no-break space."""
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
            while width(word) > room and "://" not in word:
                head = _prefix(word, room)
                result.append(head)
                word = word[len(head) :]
            line = word
        result.append(line)
    return [line.replace(NBSP, " ") for line in result]


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
