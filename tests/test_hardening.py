"""Bad input never crashes spacetime: a corpus of malformed files and command lines, each with the
exact message and exit code, and property-based tests of the date parser and the loader."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINI, Run, one_event
from spacetime.core.errors import DataError
from spacetime.load.loader import load_timeline

Cli = Callable[..., Run]
CORPUS = Path(__file__).parent / "corpus"
BASE = ("--no-bundled", "--data", str(MINI))
TOP = "a timeline is a mapping with an 'events:' list"

# file -> (exit code, the exact lines on stderr); paths are shown as given on the command line.
CASES: dict[str, tuple[int, list[str]]] = {
    "syntax-error.yaml": (3, ["{f}:5: invalid YAML: did not find expected ',' or ']'"]),
    "tab-indent.yaml": (
        3,
        ["{f}:2: invalid YAML: a tab in the indentation; YAML indents with spaces only"],
    ),
    "empty.yaml": (3, [f"{{f}}:1: the file is empty; {TOP}"]),
    "top-level-list.yaml": (3, [f"{{f}}:1: the top level is a list; {TOP}"]),
    "top-level-scalar.yaml": (3, [f"{{f}}:1: the top level is a single value; {TOP}"]),
    "latin1.yaml": (3, ["{f}:2: not UTF-8 text (byte 0xe9)"]),
    "deep-flow.yaml": (3, ["{f}:1: nested more than 64 levels deep"]),
    "deep-block.yaml": (3, ["{f}:66: nested more than 64 levels deep"]),
    "python-tag.yaml": (
        3,
        [
            "{f}:2: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; only plain data"
        ],
    ),
    "duplicate-keys.yaml": (3, ["{f}:4: duplicate key 'date' (first at line 3)"]),
    "impossible-date.yaml": (
        3,
        ["{f}:3: event 'feb30': date: impossible date '2021-02-30': February 2021 has 28 days"],
    ),
    "year-zero.yaml": (
        3,
        [
            "{f}:3: event 'year-zero': date: year in '0000' is before year 1; years run from 1 to 9999",
            "{f}:10: event 'far-future': date: '10000' is beyond year 9999; years run from 1 to 9999",
        ],
    ),
    # YAML 1.1 would read OFF as false, yes/on as true, 1.0 as a float, 0x1F as 31: here they stay text
    # (NO is Norway's code in the vocabulary, so the unknown code is OFF).
    "implicit-typing.yaml": (3, ["{f}:6: event 'norway': unknown country 'OFF'"]),
    "bad.json": (3, ["{f}:2: invalid JSON: Expecting property name enclosed in double quotes"]),
    # a NUL at its line, not at a character offset
    "control-character.yaml": (
        3,
        ["{f}:4: a control character (U+0000) is not allowed in a timeline file"],
    ),
    "null-date.yaml": (
        3,
        [
            "{f}:3: event 'undated': date: is empty; write it as precisely as a source gives it "
            "(1969-07-20, 1969-07, 1969), or e.g. 2026~ for an approximate year"
        ],
    ),
    # the anchor once, and nothing of what the merge key (`<<: *base`) leaves out of 'second'
    "merge-key.yaml": (3, ["{f}:2: anchors and aliases (&, *) are not supported"]),
}
ACCEPTED = {
    "bom.yaml": "bom-event",
    "crlf.yaml": "crlf-event",
    "long-line.yaml": "long",
    "timeline.json": "json-event",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_file(cli: Cli, name: str) -> None:
    path = CORPUS / name
    code, lines = CASES[name]
    result = cli("validate", "--no-bundled", "--data", str(MINI), str(path))
    assert result.code == code
    assert result.err.splitlines() == [line.format(f=path) for line in lines]
    assert "Traceback" not in result.err


def peak_memory_kb(path: Path) -> int:
    """The peak memory of a fresh process validating `path` alone (this process's own peak
    cannot be measured again: it only ever grows)."""
    code = (
        "import resource, sys; from spacetime.cli.app import main;"
        "main(['validate', '--no-bundled', sys.argv[1]]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    return int(done.stdout.split()[-1])


def test_alias_bomb_is_refused_once_without_expanding_it(cli: Cli) -> None:
    # expanded, the bomb's 9**9 strings would take gigabytes; refused, it costs what a small
    # valid file does (within 20 MB)
    assert peak_memory_kb(CORPUS / "alias-bomb.yaml") - peak_memory_kb(MINI) < 20_000
    result = cli("validate", "--no-bundled", str(CORPUS / "alias-bomb.yaml"))
    assert result.code == 3
    aliases = [line for line in result.err.splitlines() if "anchors and aliases" in line]
    # the first anchor, `&a`, is on line 1; the other anchors and the 81 aliases are not reported
    assert aliases == [
        f"{CORPUS / 'alias-bomb.yaml'}:1: anchors and aliases (&, *) are not supported"
    ]


@pytest.mark.parametrize(("name", "event_id"), sorted(ACCEPTED.items()))
def test_tricky_but_valid_files_load(name: str, event_id: str) -> None:
    timeline = load_timeline([MINI, CORPUS / name])
    assert timeline.event(event_id).id == event_id


def test_implicit_typing_keeps_the_text(tmp_path: Path) -> None:
    text = (CORPUS / "implicit-typing.yaml").read_text().replace("[OFF]", "[NO]")
    path = tmp_path / "typed.yaml"
    path.write_text(text)
    event = load_timeline([MINI, path]).event("norway")
    assert (event.title, event.summary, event.mission, event.vehicle, event.note) == (
        "yes",
        "on",
        "1.0",
        "0x1F",
        None,
    )
    assert list(event.countries) == ["NO"]  # Norway, not false


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--colour"), "spacetime list: error: No such option: --colour"),
        (
            ("list", "--since", "yesterday-ish"),
            "spacetime: error: --since: 'yesterday-ish' is not a date",
        ),
        (
            ("list", "--until", "2021-02-30"),
            "spacetime: error: --until: impossible date '2021-02-30'",
        ),
        (("list", "--limit", "0"), "spacetime: error: --limit must be 1 or more, not 0"),
        (("list", "--limit", "-3"), "spacetime: error: --limit must be 1 or more, not -3"),
        (
            ("list", "--limit", "many"),
            "spacetime list: error: Invalid value for '--limit' / '-n': 'many' is not a valid int.",
        ),
        (
            ("list", "--format", "yaml"),
            "spacetime list: error: Invalid value for '--format' / '-f': 'yaml' is not one of",
        ),
        (
            ("list", "--json", "--format", "csv"),
            "spacetime: error: --json and --format csv conflict; give one of them",
        ),
        (
            ("list", "--country", "narnia"),
            "spacetime: error: unknown country or organization 'narnia'",
        ),
        (("list", "--status", "done"), "spacetime: error: unknown status 'done'"),
        (
            ("list", "--since", "2000", "--until", "1990"),
            "spacetime: error: the range is empty: --since 2000-01-01 is after --until 1990-12-31",
        ),
        (("show",), "spacetime show: error: Missing argument 'ID'."),
        (("lst",), "spacetime: error: No such command 'lst'."),
        (("chart", "--width", "10"), "spacetime: error: --width must be 40 to 1000, not 10"),
        (("compare", "china"), "spacetime: error: compare takes 2 to 8 different nations, not 1"),
    ],
)
def test_bad_command_lines_are_one_line_exit_2(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    command, *rest = args
    result = cli(command, *BASE, *rest) if command != "lst" else cli(command)
    assert result.code == 2, result.err
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert result.out == ""


def test_missing_directory_and_unreadable_data_files(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = cli("list", *BASE, "--data", str(missing))
    assert (result.code, result.err) == (2, f"spacetime: error: --data {missing}: no such file\n")
    result = cli("list", *BASE, "--data", str(tmp_path))
    assert (result.code, result.err) == (
        2,
        f"spacetime: error: --data {tmp_path}: is a directory, not a file\n",
    )
    locked = tmp_path / "locked.yaml"
    locked.write_text("events: []\n")
    locked.chmod(0)
    try:
        result = cli("list", *BASE, "--data", str(locked))
        if result.code == 0:  # root reads anything
            pytest.skip("running as root: every file is readable")
        assert (result.code, result.err) == (
            2,
            f"spacetime: error: --data {locked}: permission denied\n",
        )
    finally:
        locked.chmod(0o644)


def test_an_internal_error_is_one_line_unless_debug(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a real bug")

    monkeypatch.setattr("spacetime.engine.query.run", broken)
    result = cli("list", *BASE)
    assert (result.code, result.err) == (
        1,
        "spacetime: internal error: RuntimeError: a real bug (run with --debug for details)\n",
    )
    with pytest.raises(RuntimeError, match="a real bug"):
        cli("list", *BASE, "--debug")


def test_ctrl_c_exits_130_quietly(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("spacetime.engine.query.run", interrupted)
    result = cli("list", *BASE)
    assert (result.code, result.out, result.err) == (130, "", "")


@pytest.mark.slow
def test_sigint_to_a_real_process_exits_130(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    script = "\n".join(
        [
            "import pathlib, time, spacetime.engine.query as m",
            f"m.run = lambda *a: (pathlib.Path({str(ready)!r}).touch(), time.sleep(30))",
            "from spacetime.cli.app import main",
            f"raise SystemExit(main(['list', '--no-bundled', '--data', {str(MINI)!r}]))",
        ]
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30  # the command is running once the query starts
    while not ready.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert ready.exists()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert (process.returncode, out, err) == (130, b"", b"")


DATE_TEXT = st.text(alphabet="0123456789-/.:TZXs?~%+ ", max_size=24)


VALID_DATES = ["1957-10-04", "1957-10-04T19:28:34Z", "196X", "2030~", "1970?", "1957-10",
               "2000-11-02/..", "1969-07-16/1969-07-24", "2026%"]  # fmt: skip


@given(
    st.one_of(
        st.tuples(st.just(False), st.one_of(st.text(max_size=40), DATE_TEXT)),
        st.tuples(st.just(True), st.sampled_from(VALID_DATES)),  # these must parse
    )
)
@settings(max_examples=400, deadline=None)
def test_date_parser_never_raises_anything_but_date_error(case: tuple[bool, str]) -> None:
    from spacetime.core.dates import DateError, parse_date

    valid, text = case
    try:
        date = parse_date(text)
    except DateError:
        assert not valid, text
        return
    assert date.first_day is None or date.last_day is None or date.first_day <= date.last_day
    date.display()


YAMLISH = st.text(alphabet="events:id-date\n  [],{}#&*!|>'\"0123456789abcNO~\t\ufeff", max_size=120)
SCALARS = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), DATE_TEXT)
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                ["id", "date", "title", "countries", "category", "status", "sources", "events", "x"]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


@pytest.mark.slow
@given(
    st.one_of(YAMLISH, STRUCTURES.map(lambda value: __import__("json").dumps({"events": [value]})))
)
@settings(max_examples=300, deadline=None)
def test_loader_gives_a_timeline_or_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "t.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_timeline([MINI, path])
    except DataError as err:
        assert all(line.startswith(str(path)) or line.startswith(str(MINI)) for line in err.lines())


def test_bounds_with_stray_words_warn_nothing(cli: Cli) -> None:
    # Found by the fuzz run: dateutil took "XZ" for a time zone and printed a warning on stderr.
    result = cli("list", *BASE, "--since", "1970 XZ", "--json")
    assert result.code == 2
    assert result.err.startswith("spacetime: error: --since: '1970 XZ' is not a date")
    assert "Warning" not in result.err and result.err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("events: " + "[" * 1100 + "]" * 1100 + "\n", 1),  # past libyaml's own limit on one line
        ("events:\n" + " [\n" * 40 + "[" * 1100 + "]" * 1140 + "\n", 42),
        ("".join(" " * i + "- x:\n" for i in range(0, 200, 2)), 33),  # two levels a line
    ],
)
def test_nesting_is_spacetimes_message_at_its_line(
    cli: Cli, tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "--no-bundled", str(path))
    assert (result.code, result.err) == (3, f"{path}:{line}: nested more than 64 levels deep\n")


@pytest.mark.parametrize(
    "name", ["control-character.yaml", "deep-flow.yaml", "deep-block.yaml", "null-date.yaml"]
)
def test_same_messages_without_libyaml(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    import yaml

    monkeypatch.delattr(yaml, "CBaseLoader")  # PyYAML's pure-Python parser
    path = CORPUS / name
    code, lines = CASES[name]
    result = cli("validate", "--no-bundled", "--data", str(MINI), str(path))
    assert (result.code, result.err.splitlines()) == (code, [line.format(f=path) for line in lines])


def test_a_huge_bad_value_gives_a_short_message(cli: Cli, tmp_path: Path) -> None:
    path = one_event(tmp_path, countries=f"[{'X' * 10_000_000}]")
    result = cli("validate", str(path))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{path}:5: event 'x': countries: item 1 '{'X' * 80}...' (10,000,000 characters) is not a"
        " code (2 to 8 upper-case letters or digits)"
    ]


def test_after_twenty_problems_in_a_file_the_rest_are_counted(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "events:\n"
        + "".join(
            f"  - {{id: e{n}, date: 1970, title: T, countries: [zz], sources: [https://e.org]}}\n"
            for n in range(20_000)
        ),
        encoding="utf-8",
    )
    result = cli("validate", str(path))
    assert result.code == 3
    lines = result.err.splitlines()
    assert len(lines) == 21
    assert lines[0].startswith(f"{path}:2: event 'e0': countries: ")
    assert lines[-1] == f"{path}: and 19,980 more problems"


def test_dates_take_ascii_digits_only(cli: Cli, tmp_path: Path) -> None:
    path = one_event(tmp_path, date="'١٩٩٩'")
    result = cli("validate", str(path))
    assert result.code == 3
    assert result.err.splitlines()[0].startswith(
        f"{path}:3: event 'x': date: '١٩٩٩' is not a date; write YYYY"
    )


def test_relative_xdg_paths_are_ignored() -> None:
    from spacetime.load.places import user_cache_dir, user_data_dir

    environ = {"XDG_CACHE_HOME": "relative/cache", "XDG_DATA_HOME": "relative/data"}
    assert user_cache_dir(environ) == Path.home() / ".cache" / "spacetime"
    assert user_data_dir(environ) == Path.home() / ".local" / "share" / "spacetime"


def test_markdown_escapes_html_and_csv_can_be_excel_safe(cli: Cli, tmp_path: Path) -> None:
    path = one_event(tmp_path, title="'=HYPERLINK(\"http://x\") <img src=x>'")
    base = ("list", "--no-bundled", "--data", str(path))
    markdown = cli(*base, "--format", "markdown").out
    assert "&lt;img src=x&gt;" in markdown and "<img" not in markdown
    plain = cli(*base, "--format", "csv", "--fields", "title")
    assert plain.out.splitlines()[1] == '"=HYPERLINK(""http://x"") <img src=x>"'
    safe = cli(*base, "--format", "csv", "--fields", "title", "--excel-safe")
    assert safe.out.splitlines()[1] == '"\'=HYPERLINK(""http://x"") <img src=x>"'
    tsv = cli(*base, "--format", "tsv", "--fields", "title", "--excel-safe")
    assert tsv.out.splitlines()[1] == '\'=HYPERLINK("http://x") <img src=x>'
    wrong = cli(*base, "--excel-safe")
    assert (wrong.code, wrong.err) == (
        2,
        "spacetime: error: --excel-safe goes with --format csv or tsv, not table\n",
    )
