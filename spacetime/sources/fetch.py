"""Downloads for every source that renews itself over HTTP, with the standard library's client.

`fetch(url, ...)` answers one GET: the body in memory (a source checks it before anything is
written), or `None` when the server says it has not changed since the `Validators` (ETag,
Last-Modified) sent with the request. Proxies come from the environment (`https_proxy`,
`http_proxy`, `no_proxy`, as curl and pip read them); every read waits at most `timeout` seconds;
`progress(done, total)` is called as bytes arrive (`total` is None when the server does not say).

Every failure of the network or the server is one `FetchError` (exit 4) whose message names the
URL and the cause in words: no network, an unknown host, a refused connection, a timeout, a
status other than 200 or 304, a connection closed before the body's announced length, a body
larger than `limit`. Ctrl-C is left to the caller (a `KeyboardInterrupt`, exit 130): nothing has
been written by then.

The validators of the files a source wrote are kept beside them (`FILE.http.json`, with a
fingerprint of FILE): `load_validators` gives them only while FILE is still what was written then,
so a file replaced or removed by other means is downloaded again in full. Writes go through
`spacetime.core.files.write_file`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple

from spacetime.core.errors import ExitCode, SpacetimeError

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_DOWNLOAD",
    "FetchError",
    "Fetched",
    "Progress",
    "Validators",
    "fetch",
    "load_validators",
    "save_validators",
    "validators_path",
]

DEFAULT_TIMEOUT = 30.0
"""Seconds a connection or a read may wait before the download is given up."""
MAX_DOWNLOAD = 256 * 1024 * 1024
"""The most a download may bring (as `spacetime.core.reading.MAX_BYTES` for a file)."""
_CHUNK = 64 * 1024

Progress = Callable[[int, "int | None"], None]
"""Called with the bytes received so far and the total announced (None when unknown)."""


class FetchError(SpacetimeError):
    """A download failed for a reason of the network, the server or the system (exit 4);
    `status` is the HTTP status the server answered, when it answered one."""

    exit_code = ExitCode.FILESYSTEM

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Validators(NamedTuple):
    """What a server said identifies its version of a file (empty strings when it said nothing)."""

    etag: str = ""
    last_modified: str = ""


class Fetched(NamedTuple):
    """One answer: the body (None when not modified since the validators sent) and the new
    validators."""

    url: str
    body: bytes | None
    validators: Validators


def fetch(
    url: str,
    *,
    validators: Validators | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Progress | None = None,
    env: Mapping[str, str],
    limit: int = MAX_DOWNLOAD,
) -> Fetched:
    """GET `url` (conditionally, when `validators` are given), through the proxies the
    environment variables `env` name; see the module's notes."""
    import http.client
    import urllib.error
    import urllib.request

    from spacetime import __version__

    headers = {"User-Agent": f"spacetime/{__version__}", "Accept-Encoding": "identity"}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        request = urllib.request.Request(url, headers=headers)
        handler = urllib.request.ProxyHandler(_proxies(request.host, env))
        opener = urllib.request.build_opener(handler)
        with opener.open(request, timeout=timeout) as response:
            got = Validators(
                response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
            )
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            body = _read(response, url, total, limit, progress)
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return Fetched(url, None, validators or Validators())
        raise FetchError(
            f"{url}: the server answered {err.code} {err.reason}", status=err.code
        ) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        raise FetchError(f"{url}: {_cause(err, timeout)}") from None
    return Fetched(url, body, got)


def _read(
    response: object, url: str, total: int | None, limit: int, progress: Progress | None
) -> bytes:
    """The body, chunk by chunk; a `FetchError` when it is cut short or too large."""
    pieces: list[bytes] = []
    done = 0
    if total is not None and total > limit:
        raise FetchError(f"{url}: {total:,} bytes, more than the {limit:,} spacetime takes")
    read = getattr(response, "read")  # noqa: B009 (an http.client or file: response alike)
    if progress is not None:
        progress(0, total)
    while chunk := read(_CHUNK):
        pieces.append(chunk)
        done += len(chunk)
        if done > limit:
            raise FetchError(f"{url}: more than the {limit:,} bytes spacetime takes")
        if progress is not None:
            progress(done, total)
    if total is not None and done < total:
        raise FetchError(f"{url}: the connection closed after {done:,} of {total:,} bytes")
    return b"".join(pieces)


def _cause(err: BaseException, timeout: float) -> str:
    """A failure to connect or read, in words."""
    import http.client
    import socket
    import urllib.error

    reason: object = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection closed before the end of the answer"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s (--timeout sets the limit)"
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (no network, or a wrong address)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, ConnectionResetError | BrokenPipeError):
        return "the connection was closed by the other end"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    text = str(reason) or type(reason).__name__
    return f"cannot download: {text}"


def _proxies(host: str, env: Mapping[str, str]) -> dict[str, str]:
    """The proxies the environment names for `host` (`scheme_proxy`, lower case winning; none
    for a host `no_proxy` lists), as `urllib.request.ProxyHandler` takes them."""
    import urllib.request

    proxies: dict[str, str] = {}
    for name in sorted(env, key=lambda n: n.islower()):  # upper case first, lower case wins
        if name.lower().endswith("_proxy") and env[name]:
            proxies[name[: -len("_proxy")].lower()] = env[name]
    bypass = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009 (not in typeshed)
    if "no" in proxies and bypass(host, proxies):
        return {}
    proxies.pop("no", None)
    return proxies


def validators_path(data: Path) -> Path:
    """Where the validators of the data file `data` are kept."""
    return data.with_name(f"{data.name}.http.json")


def load_validators(data: Path) -> dict[str, Validators]:
    """The validators saved with `data`, by URL; none when `data` is missing or has changed
    since they were saved (or they cannot be read)."""
    import json

    try:
        saved = json.loads(validators_path(data).read_text(encoding="utf-8"))
        if saved.get("fingerprint") != _fingerprint(data):
            return {}
        return {
            str(url): Validators(str(v.get("etag", "")), str(v.get("last_modified", "")))
            for url, v in saved["urls"].items()
        }
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return {}


def save_validators(data: Path, validators: Mapping[str, Validators]) -> None:
    """Keep `validators` (by URL) beside `data`, which has just been written."""
    import json

    from spacetime.core.files import write_file

    document = {
        "fingerprint": _fingerprint(data),
        "urls": {url: v._asdict() for url, v in validators.items()},
    }
    write_file(validators_path(data), json.dumps(document, indent=1) + "\n", sync=False)


def _fingerprint(data: Path) -> str:
    import hashlib

    return hashlib.sha256(data.read_bytes()).hexdigest()
