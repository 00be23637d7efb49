"""Launch files and GCAT logs held to the text law of timelines, and output that shows what is
unsafe instead of letting it drive a terminal (docs/hardening.md)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from spacetime.core.text import visible
from spacetime.output.environment import Environment
from spacetime.output.listing import Column, Listing
from spacetime.output.texttable import write_table

Cli = Callable[..., Run]
GCAT = Path(__file__).parent / "fixtures" / "gcat"
LOG = GCAT / "launchlog.tsv"


@pytest.fixture
def launch_file(cli: Cli, tmp_path: Path) -> Path:
    out = tmp_path / "launches.tsv"
    assert cli("import", "gcat", str(LOG), "-o", str(out)).code == 0
    return out


def _spoil(path: Path, old: str, new: str) -> int:
    """Replace `old` by `new` on the first line holding it; that line's number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, 1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


@pytest.mark.parametrize(
    ("character", "described"),
    [
        ("\x1b", "a control character (U+001B)"),
        ("\x07", "a control character (U+0007)"),
        ("\r", "a control character (U+000D)"),
        ("\u2028", "a separator (U+2028)"),
        ("\ufffe", "a non-character (U+FFFE)"),
    ],
)
def test_a_launch_file_refuses_what_a_timeline_refuses(
    cli: Cli, launch_file: Path, character: str, described: str
) -> None:
    number = _spoil(launch_file, "Sputnik 8K71PS", f"Evil{character}]0;pwned")
    expected = [f"{launch_file}:{number}: {described} is not allowed in a launch file"]
    for command in (
        ("validate", str(launch_file)),
        ("launches", "--no-bundled", "--data", str(launch_file)),
        ("show", "1957 ALP", "--no-bundled", "--data", str(launch_file)),
    ):
        result = cli(*command)
        assert (result.code, result.err.splitlines()) == (3, expected), command


def test_crlf_line_endings_read_as_line_endings(cli: Cli, launch_file: Path) -> None:
    text = launch_file.read_text(encoding="utf-8")
    launch_file.write_bytes(text.replace("\n", "\r\n").encode())
    result = cli("launches", "--no-bundled", "--data", str(launch_file), "-f", "json")
    assert result.code == 0, result.err
    assert [r["vehicle"] for r in result.json()][:1] == ["Sputnik 8K71PS"]


def test_import_refuses_a_control_character_at_its_line(cli: Cli, tmp_path: Path) -> None:
    rows = LOG.read_text(encoding="utf-8").split("\n")
    rows[1] = rows[1].replace("1-y ISZ", "Evil\x1b[31mRED\x07")
    log = tmp_path / "launchlog.tsv"
    log.write_text("\r\n".join(rows), encoding="utf-8")  # CRLF: still one row a line
    out = tmp_path / "out.tsv"
    result = cli("import", "gcat", str(log), "-o", str(out))
    assert result.code == 3
    assert result.err.splitlines()[0] == f"{log}:2: a control character (U+001B) is not allowed"
    assert result.err.splitlines()[1].endswith("; 1 rows left out, 1 problems")
    assert "\x1b" not in out.read_text(encoding="utf-8")
    assert "1957 ALP" not in out.read_text(encoding="utf-8")
    assert "\t1958 ALP\t" in out.read_text(encoding="utf-8")


def test_visible_escapes_controls_and_shows_invisible_characters() -> None:
    assert visible("Evil\x1b]0;pwned\x07\u202eab\u200b\tc\nd") == (
        "Evil\\x1b]0;pwned\\x07<U+202E>ab<U+200B> c\nd"
    )
    assert visible("Gagarin → Восток") == "Gagarin → Восток"


def _table(cells: list[str], colour: bool) -> str:
    listing = Listing(
        fields=["a"],
        records=[{"a": c} for c in cells],
        columns=[Column("Name"), Column("Link")],
        rows=[[c, c] for c in cells],
    )
    out = io.StringIO()
    write_table(listing, out, Environment(terminal=colour, colour=colour, width=200))
    return out.getvalue()


def test_tables_show_bidi_and_zero_width_characters() -> None:
    text = _table(["abc\u202edef", "x\u200by", "plain"], colour=False)
    assert text.splitlines()[2:] == [
        "abc<U+202E>def  abc<U+202E>def",
        "x<U+200B>y      x<U+200B>y",
        "plain           plain",
    ]


def test_only_a_plain_url_becomes_a_link() -> None:
    shown = _table(["https://example.org/a", "javascript://x\x1b\\"], colour=True)
    assert "\x1b]8;;https://example.org/a\x1b\\" in shown
    assert "\x1b]8;;javascript" not in shown
    assert "javascript://x\\x1b\\" in shown


@pytest.mark.parametrize(
    ("date", "problem"),
    [
        (
            "1999-13-45T10:00Z",
            "cannot read the date '1999-13-45T10:00Z': not a real UTC date and time",
        ),
        (
            "1958-02-01T24:00Z",
            "cannot read the date '1958-02-01T24:00Z': not a real UTC date and time",
        ),
        ("0000-00-00", "cannot read the date '0000-00-00': not a real UTC date and time"),
        ("-001-01-01", "cannot read the date '-001-01-01'"),
        ("1958-02-01Tgarbage-time-99:99Z", "cannot read the date '1958-02-01Tgarbage-time-99:99Z'"),
        ("١٩٥٨-02-01", "cannot read the date '١٩٥٨-02-01'"),
        ("1956-02-01", "cannot read the date '1956-02-01': before 1957, the first launch"),
        (
            "2031-02-01",
            "cannot read the date '2031-02-01': after 2023-03-04, the file's own last day",
        ),
    ],
)
def test_launch_dates_are_parsed_not_sliced(
    cli: Cli, launch_file: Path, date: str, problem: str
) -> None:
    number = _spoil(launch_file, "1958-02-01T03:47:56Z", date)
    expected = [f"{launch_file}:{number}: {problem}"]
    for command in (
        ("validate", str(launch_file)),
        ("launches", "--no-bundled", "--data", str(launch_file)),
        ("launches", "--no-bundled", "--data", str(launch_file), "-c", "russia"),
    ):
        result = cli(*command)
        if date.startswith("2031") and "russia" in command:
            # a later date is found on load only on the file's last line (the latest launch)
            assert result.code == 0
            continue
        assert (result.code, result.err.splitlines()) == (3, expected), command


@pytest.mark.parametrize("date", ["1958-02-29", "1958-04-31", "1958-02-30T03:47Z"])
def test_a_day_its_month_lacks_is_refused(cli: Cli, launch_file: Path, date: str) -> None:
    number = _spoil(launch_file, "1958-02-01T03:47:56Z", date)
    expected = [
        f"{launch_file}:{number}: cannot read the date '{date}': not a real UTC date and time"
    ]
    for command in (
        ("validate", str(launch_file)),
        ("launches", "--no-bundled", "--data", str(launch_file)),
    ):
        result = cli(*command)
        assert (result.code, result.err.splitlines()) == (3, expected), command


def test_a_leap_day_is_a_launch_day(cli: Cli, launch_file: Path) -> None:
    _spoil(launch_file, "1958-02-01T03:47:56Z", "1960-02-29T03:47:56Z")
    result = cli(
        "launches", "--no-bundled", "--data", str(launch_file), "-s", "1958 ALP", "-f", "json"
    )
    assert result.code == 0, result.err
    assert [(r["tag"], r["date"]) for r in result.json()] == [("1958 ALP", "1960-02-29T03:47:56Z")]


def test_a_launch_after_the_files_last_day_is_refused_on_load(cli: Cli, launch_file: Path) -> None:
    lines = launch_file.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines[-1] = lines[-1].replace("\t2023-03-04", "\t2023-03-05", 1)
    launch_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("launches", "--no-bundled", "--data", str(launch_file), "-c", "russia")
    assert (result.code, result.err.splitlines()) == (
        3,
        [
            f"{launch_file}:{len(lines)}: cannot read the date '2023-03-05': after 2023-03-04, "
            "the file's own last day"
        ],
    )


def test_a_repeated_launch_tag_is_reported_at_its_line(cli: Cli, launch_file: Path) -> None:
    lines = launch_file.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines, 1) if "\t1958 ALP\t" in line)
    lines.insert(first, lines[first - 1])
    launch_file.write_text("\n".join(lines), encoding="utf-8")
    for command in (
        ("validate", str(launch_file)),
        ("launches", "--no-bundled", "--data", str(launch_file)),
    ):
        result = cli(*command)
        assert (result.code, result.err.splitlines()) == (
            3,
            [f"{launch_file}:{first + 1}: duplicate launch tag '1958 ALP' (first at line {first})"],
        ), command
