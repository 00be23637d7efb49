"""Launch Library 2 (The Space Devs): the upcoming launches, read, checked, kept and credited.

`spacetime update --upcoming` asks LL2's `launches/upcoming/` endpoint (API version 2.3.0, the
`normal` mode, which carries the vehicle, mission, provider and pad of each launch) for its first
page of 100 launches, soonest first: **one request per update**. LL2's free tier allows 15 requests
an hour, so the `next` link of a longer list is not followed; the list keeps LL2's `count` and
`spacetime next` says when it shows the soonest 100 of more.

A page is checked before it is trusted (`read_page`): a JSON object with `count` and `results`,
every launch with the fields spacetime shows (`id`, `name`, `net` as an ISO 8601 instant,
`status.abbrev`, `rocket.configuration.name`, `launch_service_provider.name`, `pad.name`), no id
twice, and no more launches than `count`. A page that fails is refused whole (`DataError`, exit 3)
and the list in use stays as it was. What is kept is spacetime's own compact JSON
(`upcoming.json` in the user data folder): the URL, the fetch time, LL2's count and each launch
flattened (see `spacetime.launches.upcoming.Upcoming`), written with the one atomic write; the
ETag and Last-Modified of the answer are kept beside it (`spacetime.sources.fetch`), so the next
update asks conditionally and a 304 transfers nothing.

Like every source module it names its `CREDIT` and `LICENCE` and its files' span; a list is
never read from `--data` (`recognises` is always false).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from spacetime.core.errors import DataError, Problem
from spacetime.launches.upcoming import Upcoming, net_instant, period, when

if TYPE_CHECKING:
    from spacetime.load.sources import DataFiles
    from spacetime.sources import SourceFile

__all__ = [
    "API_PATH",
    "CREDIT",
    "DEFAULT_BASE",
    "ENV_VAR",
    "FORMAT",
    "KIND",
    "LICENCE",
    "NAME",
    "PAGE_SIZE",
    "TITLE",
    "Page",
    "Stored",
    "Updated",
    "describe",
    "read_page",
    "read_stored",
    "recognises",
    "request_url",
    "span",
    "stored_path",
    "stored_text",
    "update",
]

NAME = "ll2"
KIND = "upcoming"
TITLE = "Launch Library 2 upcoming launches"
DEFAULT_BASE = "https://ll.thespacedevs.com/"
ENV_VAR = "SPACETIME_LL2_URL"
API_PATH = "2.3.0/launches/upcoming/"
PAGE_SIZE = 100
FORMAT = "spacetime-upcoming/1"
CREDIT = "Upcoming launches: Launch Library 2, The Space Devs (https://thespacedevs.com)"
LICENCE = "free to use, 15 requests an hour without a key (The Space Devs)"


class Page(NamedTuple):
    """One checked page of LL2's upcoming launches: LL2's total count and this page's launches."""

    total: int
    launches: list[Upcoming]


class Stored(NamedTuple):
    """The upcoming launches kept in the user data folder, with where and when they came from."""

    url: str
    fetched: datetime
    total: int
    launches: list[Upcoming]


def request_url(base: str) -> str:
    """The one request an update makes: the first `PAGE_SIZE` upcoming launches, in LL2's normal
    mode, without those of the past 24 hours that LL2 adds by default."""
    root = base if base.endswith("/") else base + "/"
    return f"{root}{API_PATH}?format=json&mode=normal&limit={PAGE_SIZE}&hide_recent_previous=true"


def stored_path(folder: Path) -> Path:
    """`upcoming.json` in the user data folder `folder` (beside the personal timeline)."""
    return folder / "upcoming.json"


_REQUIRED = (
    ("id",),
    ("name",),
    ("net",),
    ("status", "abbrev"),
    ("rocket", "configuration", "name"),
    ("launch_service_provider", "name"),
    ("pad", "name"),
)


def read_page(body: bytes, origin: str) -> Page:
    """The launches of one LL2 page, checked (see the module); DataError naming `origin` and
    what is wrong otherwise."""

    def refuse(message: str) -> DataError:
        return DataError([Problem(origin, 0, message)])

    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise refuse("not UTF-8 text: not a Launch Library 2 answer") from None
    except json.JSONDecodeError as err:
        raise refuse(f"not JSON ({err.msg} at line {err.lineno}): not an LL2 answer") from None
    if not isinstance(document, dict) or "results" not in document or "count" not in document:
        raise refuse("not a page of Launch Library 2 launches (no 'count' and 'results')")
    count, results = document["count"], document["results"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise refuse(f"'count' is not a number of launches: {count!r}")
    if not isinstance(results, list):
        raise refuse("'results' is not a list of launches")
    if len(results) > count:
        raise refuse(f"{len(results)} launches in 'results' but 'count' says {count}")
    if count and not results:
        raise refuse(f"no launches in 'results' though 'count' says {count}")
    launches: list[Upcoming] = []
    seen: set[str] = set()
    for number, raw in enumerate(results, 1):
        launch = _launch(raw, f"launch {number}", refuse)
        if launch.id in seen:
            raise refuse(f"launch {number}: id {launch.id} is listed twice")
        seen.add(launch.id)
        launches.append(launch)
    return Page(count, launches)


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


def _text(record: Any, *path: str) -> str:
    value = _get(record, path)
    return value.strip() if isinstance(value, str) else ""


def _launch(raw: Any, label: str, refuse: Any) -> Upcoming:
    if not isinstance(raw, dict):
        raise refuse(f"{label}: not an object")
    for path in _REQUIRED:
        value = _get(raw, path)
        if not isinstance(value, str) or not value.strip():
            name = raw.get("name") if isinstance(raw.get("name"), str) else None
            which = f"{label} ({name})" if name else label
            raise refuse(f"{which}: missing field {'.'.join(path)}")
    try:
        net_instant(raw["net"])
    except ValueError:
        net = raw["net"]
        raise refuse(
            f"{label} ({raw['name']}): 'net' is not a UTC date and time: {net!r}"
        ) from None
    for key in ("window_start", "window_end"):
        value = raw.get(key)
        if value is not None:
            try:
                net_instant(value)
            except (ValueError, AttributeError):
                raise refuse(f"{label} ({raw['name']}): {key!r} is not a date and time") from None
    precision = _text(raw, "net_precision", "name")
    pad = raw["pad"]
    country = _get(pad, ("country",)) or _get(pad, ("location", "country")) or {}
    configuration = raw["rocket"]["configuration"]
    families = configuration.get("families") if isinstance(configuration, dict) else None
    launch = Upcoming(
        id=raw["id"].strip(),
        name=raw["name"].strip(),
        net=raw["net"].strip(),
        precision=precision,
        window_start=raw.get("window_start"),
        window_end=raw.get("window_end"),
        status=_text(raw, "status", "abbrev"),
        status_name=_text(raw, "status", "name"),
        vehicle=_text(configuration, "name"),
        vehicle_full=_text(configuration, "full_name") or _text(configuration, "name"),
        families=tuple(
            f["name"].strip()
            for f in (families if isinstance(families, list) else [])
            if isinstance(f, dict) and isinstance(f.get("name"), str)
        ),
        mission=_text(raw, "mission", "name"),
        mission_type=_text(raw, "mission", "type"),
        orbit=_text(raw, "mission", "orbit", "name"),
        provider=_text(raw, "launch_service_provider", "name"),
        provider_abbrev=_text(raw, "launch_service_provider", "abbrev"),
        pad=_text(pad, "name"),
        location=_text(pad, "location", "name"),
        country=_text(country, "alpha_2_code").upper(),
        country_name=_text(country, "name"),
    )
    try:
        period(launch)
    except ValueError:
        raise refuse(f"{label} ({launch.name}): its date and precision give no day") from None
    return launch


def stored_text(page: Page, url: str, fetched: datetime) -> str:
    """The compact JSON kept for a checked page (one line per launch, for readable diffs)."""
    head = {
        "format": FORMAT,
        "source": CREDIT,
        "url": url,
        "fetched": fetched.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "count": page.total,
    }
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    lines = ",\n".join(encode(launch.to_json()) for launch in page.launches)
    return encode(head)[:-1] + ',"launches":[\n' + lines + ("\n" if lines else "") + "]}\n"


def read_stored(path: Path) -> Stored | None:
    """The kept list, or None when there is none; DataError when the file is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        from spacetime.core.errors import FileProblem
        from spacetime.core.files import describe

        raise FileProblem(describe(path, err, "read")) from None
    except UnicodeDecodeError:
        raise DataError([Problem(str(path), 0, "not UTF-8 text")]) from None
    try:
        document = json.loads(text)
        if document.get("format") != FORMAT:
            raise ValueError
        return Stored(
            url=document["url"],
            fetched=net_instant(document["fetched"]),
            total=int(document["count"]),
            launches=[Upcoming.from_json(r) for r in document["launches"]],
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        problem = (
            "not a list of upcoming launches kept by spacetime (run spacetime update --upcoming)"
        )
        raise DataError([Problem(str(path), 0, problem)]) from None


def span(stored: Stored) -> tuple[date, date] | None:
    """The first and last day of the kept launches' periods, or None for an empty list."""
    if not stored.launches:
        return None
    periods = [period(launch) for launch in stored.launches]
    return min(p[0] for p in periods), max(p[1] for p in periods)


class Updated(NamedTuple):
    """What `update` did: the list kept now, and whether LL2 said nothing had changed."""

    stored: Stored
    current: bool


def update(
    *,
    base: str | None = None,
    timeout: float | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    env: Mapping[str, str],
    now: datetime,
) -> Updated:
    """Fetch the upcoming launches from LL2 at `base` (else `$SPACETIME_LL2_URL`, else LL2's
    own) in one request, check them, and keep them. Raises `DataError` (exit 3) when the answer
    fails a check, `FetchError` (exit 4) when the request fails (a 429 says LL2's rate limit),
    `FileProblem` (exit 4) when the list cannot be written: the kept list is then as it was.
    `env`: the environment variables (`SPACETIME_LL2_URL`, the proxies, those that place the user
    data folder)."""
    from spacetime.core.files import write_file
    from spacetime.load.places import user_data_dir
    from spacetime.sources import fetch

    url = request_url(base or env.get(ENV_VAR) or DEFAULT_BASE)
    path = stored_path(user_data_dir(env))
    try:
        previous = read_stored(path)
    except DataError:  # a damaged list is replaced, never trusted
        previous = None
    known = fetch.load_validators(path).get(url) if previous is not None else None
    report = (lambda done, total: progress(url, done, total)) if progress else None
    try:
        got = fetch.fetch(
            url,
            validators=known,
            timeout=timeout or fetch.DEFAULT_TIMEOUT,
            progress=report,
            env=env,
        )
    except fetch.FetchError as err:
        if err.status == 429:
            raise fetch.FetchError(
                f"{url}: Launch Library 2 refused the request (429 Too Many Requests): its free "
                "tier answers 15 requests an hour; try again later",
                status=429,
            ) from None
        raise
    if got.body is None and previous is not None:
        return Updated(previous, True)
    if got.body is None:  # a 304 to a request that asked for none
        got = fetch.fetch(url, timeout=timeout or fetch.DEFAULT_TIMEOUT, progress=report, env=env)
    assert got.body is not None
    page = read_page(got.body, url)
    text = stored_text(page, url, now)
    _make_folder(path.parent)
    write_file(path, text)
    fetch.save_validators(path, {url: got.validators})
    return Updated(Stored(url, now.replace(microsecond=0), page.total, page.launches), False)


def _make_folder(folder: Path) -> None:
    from spacetime.core.errors import FileProblem
    from spacetime.core.files import describe

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise FileProblem(describe(folder, err, "create")) from None


def recognises(path: Path) -> bool:
    """Never: the list is read from the user data folder only, not from `--data`."""
    return False


def _shown(launch: Upcoming | None) -> str | None:
    """A launch's date as precisely as LL2 knows it, to the day at most ("20 Dec 2026",
    "Q3 2027"): a span of dates, not invented days."""
    if launch is None:
        return None
    text = when(launch)
    return " ".join(text.split()[:3]) if text.endswith(" UTC") else text


def describe(files: DataFiles, cache: Path | None) -> list[SourceFile]:
    """The kept list in the user data folder `files` were chosen in, read and checked, for
    `spacetime sources`."""
    from spacetime.sources import SourceFile

    if files.folder is None:
        return []
    path = stored_path(files.folder)
    stored = read_stored(path)
    if stored is None:
        return []
    first, last = span(stored) or (None, None)
    soonest = min(stored.launches, key=lambda launch: period(launch)[0], default=None)
    latest = max(stored.launches, key=lambda launch: period(launch)[1], default=None)
    return [
        SourceFile(
            NAME,
            KIND,
            TITLE,
            str(path),
            path,
            "updated",
            first.isoformat() if first else None,
            last.isoformat() if last else None,
            {"launches": len(stored.launches)},
            stored.fetched.date().isoformat(),
            CREDIT,
            LICENCE,
            _shown(soonest),
            _shown(latest),
        )
    ]
