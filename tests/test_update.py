"""`spacetime update` against a real HTTP server on 127.0.0.1 (the standard library's, in a thread)
serving GCAT's layout: the small GCAT fixture (tests/fixtures/gcat) plus appended launches, with
the bundled log replaced by the fixture's own for the test. Every failure leaves the log in use
byte for byte as it was; the last test does the same with GCAT's full snapshot in ../shared."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, PROXIES, Run, data_folder
from spacetime.core.errors import Problem
from spacetime.launches.gcat import read_gcat
from spacetime.launches.store import launch_file_text
from spacetime.sources import fetch, gcat

Cli = Callable[..., Run]
GCAT = FIXTURES / "gcat"
SHARED = Path(__file__).parent.parent.parent / "shared" / "data" / "gcat"
# Launches that are not in the fixture (made up for the test: tags and names say so).
NEW = [
    "2026-901 \t2026 Nov 28 0100:00\t2026-901A\tP\tTest One\tTest One\tS99901\tTEST\tCN"
    "\tChang Zheng 2D\t-\t-\tJQ\t-\t-\t-\tCALT\tCN\tOS\tTest",
    "2026-902 \t2026 Nov 29 0200:00\t2026-902A\tP\tTest Two\tTest Two\tS99902\tTEST\tCN"
    "\tChang Zheng 2D\t-\t-\tJQ\t-\t-\t-\tCALT\tCN\tOS\tTest",
    "2026-903 \t2026 Nov 30 0300:00\t2026-903A\tP\tTest Three\tTest Three\tS99903\tTEST\tUS"
    "\tFalcon 9\t-\t-\tCC\tLC40\t-\t-\tSPX\tUS\tOS\tTest",
]


class Site:
    """GCAT's layout under a folder, served on 127.0.0.1; `mode` says how the launch log is
    answered (`ok`, `html`, `404`, `500`, `stall`, `cut`, `interrupt`)."""

    def __init__(self, root: Path, source: Path) -> None:
        self.root = root
        for path in gcat.FILES:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / Path(path).name, root / path)
        self.mode = "ok"
        self.statuses: list[int] = []
        self.release = threading.Event()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_port}/"

    @property
    def log(self) -> Path:
        return self.root / gcat.FILES[0]

    def append(self, lines: list[str]) -> None:
        with self.log.open("a", encoding="utf-8") as stream:
            stream.write("".join(line + "\n" for line in lines))

    def answer(self, request: http.server.BaseHTTPRequestHandler) -> None:
        path = self.root / request.path.lstrip("/")
        if not path.is_file():
            return self.status(request, 404)
        body = path.read_bytes()
        tag = f'"{len(body)}-{hash(body)}"'
        is_log = path == self.log
        if is_log and self.mode in ("404", "500"):
            return self.status(request, int(self.mode))
        if is_log and self.mode == "html":
            body = b"<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n"
        if is_log and self.mode == "truncated":  # a whole answer, of a cut file
            body = body[: body.index(b"\n1961 MU")]
        if request.headers.get("If-None-Match") == tag and self.mode == "ok":
            return self.status(request, 304)
        self.statuses.append(200)
        request.send_response(200)
        request.send_header("Content-Length", str(len(body)))
        request.send_header("ETag", tag)
        request.end_headers()
        if is_log and self.mode == "stall":
            self.release.wait(10)
            return
        if is_log and self.mode in ("cut", "interrupt"):
            request.wfile.write(body[: len(body) // 2])
            request.wfile.flush()
            if self.mode == "interrupt":  # Ctrl-C reaches the command during the transfer
                main = threading.main_thread().ident
                assert main is not None
                signal.pthread_kill(main, signal.SIGINT)
                self.release.wait(10)
            request.close_connection = True
            return
        request.wfile.write(body)

    def status(self, request: http.server.BaseHTTPRequestHandler, code: int) -> None:
        self.statuses.append(code)
        request.send_response(code)
        request.send_header("Content-Length", "0")
        request.end_headers()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(tmp_path: Path, bundled: Path) -> Iterator[Site]:
    served = Site(tmp_path / "site", GCAT)
    served.append(NEW)
    yield served
    served.close()


def test_update_adds_the_new_launches_and_every_command_uses_them(cli: Cli, site: Site) -> None:
    before = cli("launches", "--json", "--since", "2026")
    assert before.code == 0 and before.json() == []
    done = cli("update", "--url", site.base)
    assert done.code == 0, done.err
    assert done.err == "18 launches, 1957-10-04 to 2026-11-30; 3 new\n"
    assert done.out == ""
    after = cli("launches", "--json", "--since", "2026")
    assert [launch["tag"] for launch in after.json()] == ["2026-901", "2026-902", "2026-903"]
    table = cli("launches", "--since", "2026")
    assert table.out.endswith("GCAT launch log to 30 Nov 2026 (updated 24 Nov 2026)\n")
    assert table.err == ""
    assert site.statuses == [200, 200, 200]


def test_a_second_update_transfers_nothing(cli: Cli, site: Site) -> None:
    assert cli("update", "--url", site.base).code == 0
    used = gcat.updated_log(data_folder()).read_bytes()
    again = cli("update", "--url", site.base)
    assert again.code == 0, again.err
    assert again.err == "already current (data to 2026-11-30)\n"
    assert site.statuses == [200, 200, 200, 304, 304, 304]
    assert gcat.updated_log(data_folder()).read_bytes() == used


def test_a_changed_log_is_downloaded_again(cli: Cli, site: Site) -> None:
    assert cli("update", "--url", site.base).code == 0
    site.append([NEW[0].replace("2026-901", "2026-904").replace("Nov 28", "Dec  1")])
    again = cli("update", "--url", site.base, "--quiet")
    assert (again.code, again.err) == (0, "")
    # The log changed (200); the tables did not (304), and are asked for again in full.
    assert site.statuses[3:] == [200, 304, 304, 200, 200]
    assert gcat.read_span(gcat.updated_log(data_folder())).last == "2026-12-01"


def test_the_url_comes_from_the_environment(
    cli: Cli, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACETIME_GCAT_URL", site.base.rstrip("/"))
    assert cli("update").code == 0
    assert site.statuses == [200, 200, 200]


@pytest.mark.parametrize(
    ("mode", "code", "message"),
    [
        ("truncated", 3, "Vostok 1 (1961 MU, 1961-04-12) is not in it"),
        ("html", 3, "an HTML page, not GCAT's launch log (it begins '<!DOCTYPE html>')"),
        ("404", 4, "the server answered 404 Not Found"),
        ("500", 4, "the server answered 500 Internal Server Error"),
        ("stall", 4, "no answer within 0.5 s (--timeout sets the limit)"),
        ("cut", 4, "the connection closed after"),
        ("interrupt", 130, None),
    ],
)
def test_a_failed_update_leaves_the_log_in_use_as_it_was(
    cli: Cli, site: Site, bundled: Path, mode: str, code: int, message: str | None
) -> None:
    """First from the bundled log, then from a log renewed before: byte for byte unchanged."""
    for in_use in (bundled, gcat.updated_log(data_folder())):
        if in_use != bundled:
            site.mode = "ok"
            assert cli("update", "--url", site.base).code == 0
            site.append([NEW[0].replace("2026-901", "2026-905").replace("Nov 28", "Dec  2")])
        kept = in_use.read_bytes()
        site.mode = mode
        site.release.clear()
        # a short limit for the stall; a long one elsewhere, so that a loaded machine's slow
        # server thread is never taken for a stall
        timeout = "0.5" if mode == "stall" else "20"
        failed = cli("update", "--url", site.base, "--timeout", timeout)
        assert failed.code == code
        assert failed.out == ""
        if message is None:
            assert failed.err == ""
        else:
            assert len(failed.err.splitlines()) == 1
            assert message in failed.err
            assert failed.err.startswith(
                "spacetime: error: " if code == 4 else f"{site.base}tsv/derived/launchlog.tsv"
            )
        assert gcat.log_in_use(data_folder()) == in_use
        assert in_use.read_bytes() == kept
        assert [p.name for p in in_use.parent.iterdir() if p.name.endswith(".tmp")] == []
        site.release.set()


def test_an_unreachable_site_is_one_line_and_exit_4(cli: Cli, bundled: Path) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    failed = cli("update", "--url", f"http://127.0.0.1:{port}/")
    assert failed.code == 4
    assert failed.err == (
        f"spacetime: error: http://127.0.0.1:{port}/tsv/derived/launchlog.tsv: "
        "the connection was refused\n"
    )
    assert not gcat.updated_log(data_folder()).exists()


def test_reset_goes_back_to_the_bundled_log(cli: Cli, site: Site, bundled: Path) -> None:
    assert cli("update", "--url", site.base).code == 0
    assert gcat.log_in_use(data_folder()) == gcat.updated_log(data_folder())
    back = cli("update", "--reset")
    assert (back.code, back.err) == (0, "back to the bundled launch log (data to 2023-03-04)\n")
    assert gcat.log_in_use(data_folder()) == bundled
    assert not gcat.updated_log(data_folder()).exists()
    assert not fetch.validators_path(gcat.updated_log(data_folder())).exists()
    assert (
        cli("update", "--reset").err == "already on the bundled launch log (data to 2023-03-04)\n"
    )


def test_update_from_a_file(cli: Cli, site: Site) -> None:
    done = cli("update", "--from", str(site.log))
    assert done.code == 0, done.err
    assert done.err == "18 launches, 1957-10-04 to 2026-11-30; 3 new\n"
    found = cli("sources", "--json").json()
    log = next(record for record in found if record["source"] == "gcat")
    assert log["origin"] == "updated"
    assert (log["first_day"], log["last_day"], log["launches"]) == ("1957-10-04", "2026-11-30", 18)
    assert log["updated"] == "2026-11-24"
    assert log["path"] == str(gcat.updated_log(data_folder()).resolve())
    assert log["licence"] == "CC BY 4.0"


def test_update_refuses_conflicting_options(cli: Cli, bundled: Path) -> None:
    assert cli("update", "--reset", "--url", "http://127.0.0.1:1/").code == 2
    assert cli("update", "--timeout", "0").err == (
        "spacetime: error: --timeout must be more than 0 seconds, not 0\n"
    )
    missing = cli("update", "--from", "no-such-launchlog.tsv")
    assert (missing.code, missing.err) == (
        2,
        "spacetime: error: --from no-such-launchlog.tsv: no such file\n",
    )


def test_no_bundled_leaves_out_a_renewed_log_too(cli: Cli, site: Site) -> None:
    assert cli("update", "--url", site.base).code == 0
    assert cli("launches", "--no-bundled", "--count").out == "0\n"


def test_checks_refuse_fewer_launches_and_an_older_end() -> None:
    imported = read_gcat(GCAT / "launchlog.tsv")
    assert gcat.check(imported, "log", gcat.Span("1957-10-04", "2023-03-04", 15, None)) == []
    problems = gcat.check(imported, "log", gcat.Span("1957-10-04", "2024-12-08", 100, None))
    assert problems == [
        Problem(
            "log", 0, "its last launch (2023-03-04) is older than the log in use's (2024-12-08)"
        ),
        Problem("log", 0, "15 launches where the log in use has 100 (a cut or partial file?)"),
    ]
    # GCAT's own corrections: a few launches fewer are allowed.
    assert gcat.check(imported, "log", gcat.Span("1957-10-04", "2023-03-04", 25, None)) == []


def test_validators_are_forgotten_when_the_file_changes(tmp_path: Path) -> None:
    data = tmp_path / "data.tsv"
    data.write_text("one\n", encoding="utf-8")
    fetch.save_validators(data, {"http://x/": fetch.Validators('"1"', "")})
    assert fetch.load_validators(data) == {"http://x/": fetch.Validators('"1"', "")}
    data.write_text("two\n", encoding="utf-8")
    assert fetch.load_validators(data) == {}
    data.unlink()
    assert fetch.load_validators(data) == {}


def test_proxies_come_from_the_environment() -> None:
    env = {
        "HTTPS_PROXY": "http://upper:1",
        "https_proxy": "http://lower:3128",
        "no_proxy": "127.0.0.1,.local",
    }
    assert fetch._proxies("planet4589.org", env) == {"https": "http://lower:3128"}
    assert fetch._proxies("127.0.0.1", env) == {}
    assert fetch._proxies("archive.local", env) == {}
    assert fetch._proxies("planet4589.org", {}) == {}


def test_a_relative_xdg_folder_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from spacetime.load.places import user_data_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    assert user_data_dir(os.environ) == tmp_path / ".local" / "share" / "spacetime"


@pytest.mark.skipif(not SHARED.is_dir(), reason="GCAT's snapshot (../shared/data/gcat) is absent")
def test_update_from_gcats_snapshot_against_the_bundled_log(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in PROXIES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    served = Site(tmp_path / "site", SHARED)
    try:
        served.append(NEW)
        done = cli("update", "--url", served.base)
        assert done.code == 0, done.err
        assert done.err == "6,831 launches, 1957-10-04 to 2026-11-30; 3 new\n"
        china = cli("launches", "-c", "china", "--since", "2026", "--json").json()
        assert [launch["tag"] for launch in china] == ["2026-901", "2026-902"]
        kept = gcat.updated_log(data_folder()).read_bytes()
        served.mode = "truncated"
        served.append([NEW[0].replace("2026-901", "2026-906").replace("Nov 28", "Dec  3")])
        refused = cli("update", "--url", served.base)
        assert refused.code == 3
        assert gcat.updated_log(data_folder()).read_bytes() == kept
        assert json.loads(cli("sources", "--json").out)[0]["launches"] == 6831
    finally:
        served.close()


def readme_commands(words: tuple[str, ...]) -> list[list[str]]:
    """The README's example commands that start with `spacetime WORD` (comments left out)."""
    import re
    import shlex

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    # `update --upcoming` asks Launch Library 2: its examples run in test_update_upcoming.py
    return [
        shlex.split(line)[1:]
        for line in lines
        if line.startswith(words) and "--upcoming" not in line
    ]


def test_the_readme_examples_of_update_and_sources_run(
    cli: Cli, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACETIME_GCAT_URL", site.base)
    here = tmp_path / "here"
    here.mkdir()
    for path in gcat.FILES:
        shutil.copyfile(site.root / path, here / Path(path).name)
    monkeypatch.chdir(here)
    examples = readme_commands(("spacetime update", "spacetime sources"))
    assert ["update", "--from", "launchlog.tsv"] in examples and ["sources"] in examples
    for args in examples:
        done = cli(*args)
        assert done.code == 0, (args, done.err)
    assert examples[-1:] == [["update", "--reset"]]
    assert gcat.log_in_use(data_folder()) == gcat.bundled_launches_path()


def test_a_url_that_is_no_address_is_a_usage_error(cli: Cli, bundled: Path) -> None:
    wrong = cli("update", "--url", "planet4589.org/space/gcat")
    assert (wrong.code, wrong.err) == (
        2,
        "spacetime: error: --url takes an http://, https:// or file:// address, "
        "not 'planet4589.org/space/gcat'\n",
    )


def test_a_mirror_on_disk_is_read_through_file_urls(cli: Cli, site: Site) -> None:
    done = cli("update", "--url", site.root.as_uri())
    assert (done.code, done.err) == (0, "18 launches, 1957-10-04 to 2026-11-30; 3 new\n")


def test_network_failures_in_words() -> None:
    import urllib.error

    assert fetch._cause(
        urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), 30
    ) == ("cannot find the host (no network, or a wrong address)")
    assert fetch._cause(TimeoutError("timed out"), 2.5) == (
        "no answer within 2.5 s (--timeout sets the limit)"
    )
    import http.client

    cut = http.client.IncompleteRead(b"#Launch_Tag")
    assert fetch._cause(cut, 30) == "the connection closed before the end of the answer"
    unreachable = OSError(101, "Network is unreachable")
    assert fetch._cause(urllib.error.URLError(unreachable), 30) == "network is unreachable"


def test_sources_lists_your_files_too(cli: Cli, tmp_path: Path, bundled: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text(
        "format: spacetime/1\nevents:\n"
        "  - {id: class-visit, date: 1999-05, title: A class visits the planetarium,"
        " countries: [FR], category: science, status: achieved, sources: [https://example.org/v]}\n"
        "  - {id: class-talk, date: 2001, title: A talk in class,"
        " countries: [FR], category: science, status: achieved, sources: [https://example.org/t]}\n",
        encoding="utf-8",
    )
    mine = tmp_path / "mine.tsv"
    imported = read_gcat(GCAT / "launchlog.tsv")
    mine.write_text(launch_file_text(imported.launches[:3]), encoding="utf-8")
    found = cli("sources", "--json", "--data", str(events), "--data", str(mine)).json()
    by_file = {record["file"]: record for record in found}
    assert [(r["source"], r["origin"]) for r in found] == [
        ("gcat", "bundled"), ("gcat", "yours"), ("timeline", "bundled"), ("timeline", "yours"),
    ]  # fmt: skip
    assert (by_file[str(mine)]["first_day"], by_file[str(mine)]["last_day"]) == (
        "1957-10-04",
        "1958-02-01",
    )
    assert by_file[str(mine)]["launches"] == 3 and by_file[str(mine)]["events"] is None
    assert by_file[str(events)]["events"] == 2
    assert (by_file[str(events)]["first_day"], by_file[str(events)]["last_day"]) == (
        "1999-05-01",
        "2001-12-31",
    )
    assert by_file[str(events)]["updated"] is not None
    # the span as the data shows it: no day is invented for a month or a year
    assert (by_file[str(events)]["first_display"], by_file[str(events)]["last_display"]) == (
        "May 1999",
        "2001",
    )
    assert (by_file[str(mine)]["first_display"], by_file[str(mine)]["last_display"]) == (
        "4 Oct 1957",
        "1 Feb 1958",
    )
    table = cli("sources", "--data", str(mine)).out
    assert "GCAT launch log (yours)" in table and "3 launches" in table
    table = cli("sources", "--no-bundled", "--data", str(events)).out
    assert "May 1999 – 2001" in table and "2 events" in table and "1 file;" in table
    assert "1999-05-01" not in table and "2001-12-31" not in table


def test_a_progress_bar_only_on_a_terminal(site: Site) -> None:
    import io

    from spacetime.cli.app import main
    from spacetime.output.environment import Environment

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, piped = Terminal(), io.StringIO()
    assert main(["update", "--url", site.base], Environment(stderr=shown, environ=os.environ)) == 0
    assert "launchlog.tsv" in shown.getvalue()  # the bar's line for the file
    assert shown.getvalue().endswith("18 launches, 1957-10-04 to 2026-11-30; 3 new\n")
    site.append([NEW[0].replace("2026-901", "2026-907").replace("Nov 28", "Dec  4")])
    assert main(["update", "--url", site.base], Environment(stderr=piped, environ=os.environ)) == 0
    assert piped.getvalue() == "19 launches, 1957-10-04 to 2026-12-04; 1 new\n"
    quiet = Terminal()
    assert (
        main(
            ["update", "--url", site.base, "--quiet"], Environment(stderr=quiet, environ=os.environ)
        )
        == 0
    )
    assert quiet.getvalue() == ""


def test_a_full_disk_leaves_the_log_as_it_was(
    cli: Cli, site: Site, full_disk: Callable[[], None]
) -> None:
    assert cli("update", "--url", site.base).code == 0
    kept = gcat.updated_log(data_folder()).read_bytes()
    site.append([NEW[0].replace("2026-901", "2026-908").replace("Nov 28", "Dec  5")])
    full_disk()
    failed = cli("update", "--url", site.base)
    assert (failed.code, failed.err) == (
        4,
        f"spacetime: error: cannot write {gcat.updated_log(data_folder())}: no space left on the device\n",
    )
    assert gcat.updated_log(data_folder()).read_bytes() == kept
    assert sorted(p.name for p in gcat.updated_log(data_folder()).parent.iterdir()) == [
        "launches.tsv",
        "launches.tsv.http.json",
    ]


def test_list_reads_which_log_is_in_use_without_the_launch_modules() -> None:
    import subprocess
    import sys

    code = (
        "import io, sys, contextlib; from spacetime.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['list', '-c', 'china', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('spacetime.launches.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_error_text_is_not_a_launch_log(cli: Cli, site: Site) -> None:
    site.log.write_text("Error 503: try again later\n", encoding="utf-8")
    refused = cli("update", "--url", site.base)
    assert (refused.code, refused.err) == (
        3,
        f"{site.base}tsv/derived/launchlog.tsv:1: not GCAT's launch log "
        "(it begins 'Error 503: try again later')\n",
    )
    assert not gcat.updated_log(data_folder()).exists()
