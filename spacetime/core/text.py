"""The text law: what no text read by spacetime may hold, and how text is made safe to show.

Every input (a YAML or JSON timeline, a launch file, a GCAT log given to `import gcat`, the command
line) refuses the same characters in a field: control characters (C0 but the line break, DEL, C1
with U+0085), the line and paragraph separators, lone surrogates and non-characters. None prints
as itself, and some drive a terminal (ESC starts an escape sequence, BEL rings, CR rewrites a line).

Output keeps a last line of defence: `visible` writes any such character still present as an escape
(`\\x1b`), and a bidi control or zero-width character as `<U+202E>`, so that nothing from data can
reorder, hide or drive what a terminal shows.
"""

from __future__ import annotations

import re

__all__ = ["FIELD_FORBIDDEN", "LINE_FORBIDDEN", "describe", "is_safe", "visible"]

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    rf"\U{plane:04x}fffe\U{plane:04x}ffff" for plane in range(17)
)
FIELD_FORBIDDEN = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _NONCHARACTERS + "]"
"""What no text field may hold (a tab included: a field is laid out with spaces). Patterns are
kept as text, compiled by `re` on first use: most runs never need them."""
LINE_FORBIDDEN = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _NONCHARACTERS + "]"
"""What no line of a tab-separated file may hold (the tab separates its fields)."""
_INVISIBLE = r"\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # bidi, zero-width
_UNSAFE = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _INVISIBLE + "]"


def describe(character: str) -> str:
    """`a control character (U+001B)`, `a separator (U+2028)`, `a non-character (U+FFFE)`."""
    code = ord(character)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    elif code in (0x2028, 0x2029):
        kind = "a separator"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    else:
        kind = "a non-character"
    return f"{kind} (U+{code:04X})"


def _shown(match: re.Match[str]) -> str:
    character = match[0]
    code = ord(character)
    if code == 0x09:
        return " "
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029):
        return f"\\u{code:04x}"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """`text` safe for a terminal: control characters escaped (`\\x1b`), a tab as a space, bidi
    controls and zero-width characters shown as `<U+202E>`; a line break is kept."""
    return re.sub(_UNSAFE, _shown, text)


def is_safe(text: str) -> bool:
    """Whether `visible(text)` is `text` itself (one pass, nothing built). Lines that are all
    printable (`str.isprintable`: no control, format, separator or surrogate character; the
    no-break spaces data use are safe too) are safe without compiling the pattern, which costs a
    third of a millisecond."""
    lines = text.replace("\xa0", " ").replace("\u202f", " ").split("\n")
    return all(map(str.isprintable, lines)) or re.search(_UNSAFE, text) is None
