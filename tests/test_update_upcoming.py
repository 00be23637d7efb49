"""`spacetime update --upcoming` against a Launch Library 2-shaped server on 127.0.0.1 (the
standard library's http.server in a thread): one request per update, the page checked before it
is kept, and after every failure the kept list byte for byte as it was. Nothing leaves the
machine."""

from __future__ import annotations

import json
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import FIXTURES, Run, data_folder
from spacetime.sources.ll2 import stored_path

Cli = Callable[..., Run]
PAGE = (FIXTURES / "ll2" / "upcoming.json").read_bytes()
QUERY = "/2.3.0/launches/upcoming/?format=json&mode=normal&limit=100&hide_recent_previous=true"


class Answer(NamedTuple):
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    mode: str = "whole"
    """`whole`; `stall` (headers, then silence); `cut` (half the body, then the connection
    closes); `interrupt` (half the body, then Ctrl-C reaches the command)."""


class Server:
    """Answers every GET with the next of `answers` (the last one again when they run out) and
    records the path and headers of each request."""

    def __init__(self) -> None:
        self.answers: list[Answer] = [Answer(200, PAGE)]
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                answer = server.answers.pop(0) if len(server.answers) > 1 else server.answers[0]
                self.send_response(answer.status)
                for name, value in (("Content-Type", "application/json"), *answer.headers):
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if answer.mode == "stall":
                    server.release.wait(10)
                    return
                if answer.mode in ("cut", "interrupt"):
                    self.wfile.write(answer.body[: len(answer.body) // 2])
                    self.wfile.flush()
                    if answer.mode == "interrupt":
                        main = threading.main_thread().ident
                        assert main is not None
                        signal.pthread_kill(main, signal.SIGINT)
                        server.release.wait(10)
                    self.close_connection = True
                    return
                self.wfile.write(answer.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def page(**changes: object) -> bytes:
    document = json.loads(PAGE)
    document.update(changes)
    return json.dumps(document).encode()


def update(cli: Cli, server: Server) -> Run:
    return cli("update", "--upcoming", "--ll2-url", server.url, "--timeout", "5")


def kept_bytes() -> bytes:
    return stored_path(data_folder()).read_bytes()


def test_one_page_fills_next_in_one_request(cli: Cli, server: Server) -> None:
    run = update(cli, server)
    assert run.code == 0, run.err
    assert run.out == ""
    assert run.err.splitlines() == [
        "9 upcoming launches, 22 Nov 2026 10:00 UTC to 2027; spacetime next lists them.",
        "Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com)",
    ]
    assert [path for path, _ in server.requests] == [QUERY]
    listed = cli("next", "--json").json()
    assert [r["mission"] for r in listed][:3] == ["Starlink Group 12-7", "TJS-20", "Oceansat-3A"]
    assert len(listed) == 8
    document = json.loads(kept_bytes())
    assert (document["format"], document["url"], document["count"]) == (
        "spacetime-upcoming/1",
        server.url + QUERY[1:],
        9,
    )
    assert document["fetched"] == "2026-11-24T00:00:00Z"


def test_the_base_may_come_from_the_environment(
    cli: Cli, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACETIME_LL2_URL", server.url.rstrip("/"))
    assert cli("update", "--upcoming", "--quiet").code == 0
    assert [path for path, _ in server.requests] == [QUERY]
    assert len(cli("next", "--json").json()) == 8


def test_a_longer_list_is_not_followed_page_by_page(cli: Cli, server: Server) -> None:
    """One request per update (LL2's free tier allows 15 an hour): the `next` link is kept out
    of it, and `next` says it shows the soonest of more."""
    server.answers = [Answer(200, page(count=342, next=server.url + "page-2"))]
    run = update(cli, server)
    assert run.code == 0, run.err
    assert run.err.startswith(
        "9 upcoming launches, 22 Nov 2026 10:00 UTC to 2027 (the soonest of 342)"
    )
    assert len(server.requests) == 1
    assert "8 upcoming launches (from the soonest 9 of the 342 Launch Library 2 lists)" in (
        cli("next").out
    )


def test_an_empty_list_is_kept_as_empty(cli: Cli, server: Server) -> None:
    server.answers = [Answer(200, page(count=0, results=[]))]
    run = update(cli, server)
    assert run.code == 0, run.err
    assert run.err.startswith("0 upcoming launches; spacetime next lists them.")
    next_run = cli("next")
    assert next_run.code == 0
    assert next_run.out.splitlines()[0] == "0 upcoming launches"
    assert cli("next", "--json").json() == []


def test_a_second_update_with_nothing_new_transfers_nothing(cli: Cli, server: Server) -> None:
    server.answers = [Answer(200, PAGE, (("ETag", '"v1"'),)), Answer(304, b"")]
    assert update(cli, server).code == 0
    before = kept_bytes()
    run = update(cli, server)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "upcoming launches already current (fetched 24 Nov 2026 00:00 UTC)"
    ]
    assert server.requests[1][1].get("If-None-Match") == '"v1"'
    assert kept_bytes() == before


@pytest.fixture
def previous(cli: Cli, server: Server) -> bytes:
    """A list kept by an earlier update (the failures below must leave it as it is)."""
    assert update(cli, server).code == 0
    server.requests.clear()
    return kept_bytes()


def test_429_is_one_clear_line_and_exit_4(cli: Cli, server: Server, previous: bytes) -> None:
    server.answers = [Answer(429, b'{"detail": "Request was throttled."}')]
    run = update(cli, server)
    assert run.code == 4
    assert run.err.splitlines() == [
        f"spacetime: error: {server.url}{QUERY[1:]}: Launch Library 2 refused the request "
        "(429 Too Many Requests): its free tier answers 15 requests an hour; try again later"
    ]
    assert kept_bytes() == previous


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b'{"count": 9, "results": [', "not JSON (Expecting value at line 1): not an LL2 answer"),
        (b"<html><body>Service unavailable</body></html>", "not JSON (Expecting value at line 1): not an LL2 answer"),
        (b'{"detail": "Not found."}', "not a page of Launch Library 2 launches (no 'count' and 'results')"),
        (page(count=3), "9 launches in 'results' but 'count' says 3"),
        (page(count=5, results=[]), "no launches in 'results' though 'count' says 5"),
    ],
)  # fmt: skip
def test_an_answer_that_is_not_a_page_is_refused(
    cli: Cli, server: Server, previous: bytes, body: bytes, problem: str
) -> None:
    server.answers = [Answer(200, body)]
    run = update(cli, server)
    assert run.code == 3
    assert run.err.splitlines() == [f"{server.url}{QUERY[1:]}: {problem}"]
    assert kept_bytes() == previous


@pytest.mark.parametrize(
    ("field", "problem"),
    [
        (("rocket", "configuration", "name"), "launch 3 (Long March 7A | TJS-20): missing field rocket.configuration.name"),
        (("pad", "name"), "launch 3 (Long March 7A | TJS-20): missing field pad.name"),
        (("net",), "launch 3 (Long March 7A | TJS-20): missing field net"),
        (("status", "abbrev"), "launch 3 (Long March 7A | TJS-20): missing field status.abbrev"),
        (("launch_service_provider",), "launch 3 (Long March 7A | TJS-20): missing field launch_service_provider.name"),
    ],
)  # fmt: skip
def test_a_launch_missing_a_field_refuses_the_page(
    cli: Cli, server: Server, previous: bytes, field: tuple[str, ...], problem: str
) -> None:
    document = json.loads(PAGE)
    holder = document["results"][2]
    for key in field[:-1]:
        holder = holder[key]
    del holder[field[-1]]
    server.answers = [Answer(200, json.dumps(document).encode())]
    run = update(cli, server)
    assert run.code == 3
    assert run.err.splitlines() == [f"{server.url}{QUERY[1:]}: {problem}"]
    assert kept_bytes() == previous


def test_a_bad_date_or_a_launch_twice_refuses_the_page(
    cli: Cli, server: Server, previous: bytes
) -> None:
    document = json.loads(PAGE)
    document["results"][0]["net"] = "next Tuesday"
    server.answers = [Answer(200, json.dumps(document).encode())]
    run = update(cli, server)
    assert run.code == 3
    assert "launch 1 (Falcon 9 Block 5 | Starlink Group 12-5): 'net' is not a UTC date" in run.err
    document = json.loads(PAGE)
    document["results"][1]["id"] = document["results"][0]["id"]
    server.answers = [Answer(200, json.dumps(document).encode())]
    run = update(cli, server)
    assert run.code == 3
    assert "launch 2: id 0b1e8f2a-0001-4a6b-9c1d-000000000001 is listed twice" in run.err
    assert kept_bytes() == previous


@pytest.mark.parametrize("status", [404, 500, 503])
def test_a_server_error_is_exit_4(cli: Cli, server: Server, previous: bytes, status: int) -> None:
    server.answers = [Answer(status, b"oops")]
    run = update(cli, server)
    assert run.code == 4
    assert run.err.startswith(
        f"spacetime: error: {server.url}{QUERY[1:]}: the server answered {status}"
    )
    assert len(run.err.splitlines()) == 1
    assert kept_bytes() == previous


def test_an_unreachable_server_is_exit_4(cli: Cli, previous: bytes) -> None:
    with socket.socket() as probe:  # a port of this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = cli("update", "--upcoming", "--ll2-url", f"http://127.0.0.1:{port}/", "--timeout", "5")
    assert run.code == 4
    assert run.err.splitlines() == [
        f"spacetime: error: http://127.0.0.1:{port}/{QUERY[1:]}: the connection was refused"
    ]
    assert kept_bytes() == previous


def test_ll2_url_goes_with_upcoming_only(cli: Cli, server: Server) -> None:
    for args in (
        ["--ll2-url", server.url],
        ["--upcoming", "--reset"],
        ["--upcoming", "--url", server.url],
    ):
        run = cli("update", *args)
        assert run.code == 2, args
        assert "--ll2-url goes with --upcoming" in run.err
    assert server.requests == []
    assert not Path(stored_path(data_folder())).exists()


def test_the_readme_examples_of_next_run(
    cli: Cli, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command of the README's `next` section, with the local server as LL2."""
    import shlex

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What comes next: `spacetime next`", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line.split("  #", 1)[0]) for line in block.splitlines()]
    assert len(commands) == 7
    monkeypatch.setenv("SPACETIME_LL2_URL", server.url)
    for words in commands:
        assert words[0] == "spacetime"
        run = cli(*words[1:])
        assert run.code == 0, (words, run.err)
        assert run.out or words[1] == "update", words
    assert len(server.requests) == 1


def test_the_help_examples_of_next_run(cli: Cli, server: Server) -> None:
    import shlex

    assert update(cli, server).code == 0
    text = cli("next", "--help").out
    examples = [
        line.strip() for line in text.splitlines() if line.strip().startswith("spacetime next")
    ]
    assert len(examples) == 3
    for line in examples:
        run = cli(*shlex.split(line)[1:])
        assert run.code == 0, (line, run.err)
        assert run.out


@pytest.mark.parametrize(
    ("mode", "code", "cause"),
    [
        ("stall", 4, "no answer within 0.5 s (--timeout sets the limit)"),
        ("cut", 4, f"the connection closed after {len(PAGE) // 2:,} of {len(PAGE):,} bytes"),
        ("interrupt", 130, None),
    ],
)
def test_a_stalled_cut_or_interrupted_transfer_keeps_the_list(
    cli: Cli, server: Server, previous: bytes, mode: str, code: int, cause: str | None
) -> None:
    server.answers = [Answer(200, PAGE, mode=mode)]
    timeout = "0.5" if mode == "stall" else "20"  # a loaded machine's server is no stall
    run = cli("update", "--upcoming", "--ll2-url", server.url, "--timeout", timeout)
    assert run.code == code
    if cause is not None:
        assert run.err.splitlines() == [f"spacetime: error: {server.url}{QUERY[1:]}: {cause}"]
    assert kept_bytes() == previous


def test_ll2_url_must_be_an_address(cli: Cli) -> None:
    for address in ("ll.example.org", "file:///tmp/ll2/"):
        run = cli("update", "--upcoming", "--ll2-url", address)
        assert run.code == 2
        assert run.err.splitlines() == [
            f"spacetime: error: --ll2-url takes an http:// or https:// address, not '{address}'"
        ]
    assert not stored_path(data_folder()).exists()
