"""Launches as output: the JSON record of a launch (the documented schema), the listings of
`spacetime launches` (rows, or counts with `--by`) and of `spacetime show TAG`.

Every listing carrying launches carries GCAT's credit in its footer (human formats); the JSON
records carry it in `source`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacetime.core.dates import Precision
from spacetime.core.timeline import Timeline
from spacetime.core.words import plural
from spacetime.launches.model import CREDIT, Launch, Outcome
from spacetime.launches.query import By, Count, LaunchMatch, counts
from spacetime.output.listing import Align, Brief, Column, Listing, Report, glued

__all__ = [
    "COUNT_FIELDS",
    "LAUNCH_FIELDS",
    "count_listing",
    "launch_detail",
    "launch_listing",
    "launch_record",
    "launch_stats_report",
    "site_names",
]

LAUNCH_FIELDS = [
    "tag",
    "date",
    "date_display",
    "precision",
    "first_day",
    "last_day",
    "uncertain",
    "kind",
    "outcome",
    "success",
    "percent",
    "vehicle",
    "family",
    "nation",
    "nation_name",
    "gcat_state",
    "agency",
    "agency_name",
    "site",
    "site_name",
    "site_state",
    "pad",
    "flight",
    "payload_count",
    "payloads",
    "stands_for",
    "source",
]
SOURCE = "GCAT (Jonathan McDowell, https://planet4589.org), CC BY 4.0"
OUTCOME_STYLES = {Outcome.SUCCESS: None, Outcome.PARTIAL: "yellow", Outcome.FAILURE: "red"}
SHOWN_PAYLOADS = 2
NBSP = "\u00a0"
_NUMBERED = re.compile(r" (?=\d)")


def launch_record(
    timeline: Timeline, launch: Launch, stands_for: str | None = None, nation_name: str = ""
) -> dict[str, Any]:
    """The JSON object of a launch; every key is always present (null or [] when empty).
    `nation_name`: the state's name when the caller has it already."""
    d = launch.date
    point = d.start
    first: str | None
    last: str | None
    if point is not None and point is d.end and point.day is not None:  # one day (every launch)
        first = last = f"{point.year:04d}-{point.month:02d}-{point.day:02d}"
        precision, uncertain = _LABELS[point.precision], point.uncertain
    else:
        first = d.first_day.isoformat() if d.first_day else None
        last = d.last_day.isoformat() if d.last_day else None
        precision, uncertain = d.precision.label, d.uncertain
    site = launch.site
    return {
        "tag": launch.tag,
        "date": d.text,
        "date_display": d.display(),
        "precision": precision,
        "first_day": first,
        "last_day": last,
        "uncertain": uncertain,
        "kind": launch.kind.value,
        "outcome": launch.outcome.value,
        "success": launch.success,
        "percent": launch.percent,
        "vehicle": launch.vehicle,
        "family": launch.family,
        "nation": launch.state,
        "nation_name": nation_name or timeline.name_of(launch.state),
        "gcat_state": launch.gcat_state,
        "agency": launch.agency or None,
        "agency_name": launch.agency_name or None,
        "site": site.code,
        "site_name": site.name or None,
        "site_state": site.state or None,
        "pad": launch.pad or None,
        "flight": launch.flight or None,
        "payload_count": len(launch.payloads),
        "payloads": list(launch.payloads),
        "stands_for": stands_for,
        "source": SOURCE,
    }


_LABELS = {p: p.label for p in Precision}


def _payloads(launch: Launch) -> str:
    """The first payloads, then `+N`; a number stays with the word before it ("Tianmu 1-16",
    never "Tianmu" above "1-16")."""
    shown = ", ".join(_NUMBERED.sub(NBSP, name) for name in launch.payloads[:SHOWN_PAYLOADS])
    rest = len(launch.payloads) - SHOWN_PAYLOADS
    return f"{shown}{NBSP}+{rest}" if rest > 0 else shown  # "+3" stays with the last name


def _outcome(launch: Launch) -> str:
    if launch.percent is not None:
        return f"{'success' if launch.success else 'failure'} ({launch.percent}%)"
    return launch.outcome.value


OUTCOME_MARKS = {Outcome.SUCCESS: "✓", Outcome.PARTIAL: "◐", Outcome.FAILURE: "×"}
OUTCOME_LEGEND = "✓ success, ◐ partial, × failure"


SHORT_SITE = len("Yellow Sea")
"""A site's common name this short stays whole in a narrow table: a word of it would mislead."""


def _site(launch: Launch) -> str:
    """The name people use for the site ("Baikonur", "Cape Canaveral"), else GCAT's, or in a
    narrow table a word of it ("Canaveral"; of GCAT's name, its first: "Jiuquan")."""
    from spacetime.launches.names import common_site_names

    common = common_site_names().get(launch.site.code)
    if common and len(common) <= SHORT_SITE:  # whole even when narrow: "Yellow Sea"
        return glued(common)
    if common:  # narrow: its longest word ("Canaveral", "Kennedy")
        longest = max(common.split(" "), key=len)
        return Brief(common, longest) if longest != common else common
    name = launch.site.short
    first = name.split(" ", 1)[0]
    return Brief(name, first) if first != name else name


def launch_listing(
    timeline: Timeline, matches: Sequence[LaunchMatch], human: bool = True
) -> Listing:
    """The answer of `spacetime launches`; the human cells only when `human` (a table or
    Markdown will be written), as JSON, CSV and TSV use only the records. In a narrow terminal
    the date loses its time, the state becomes its code and the outcome a mark; then the site,
    and the state, are left out rather than break a payload's name. Vehicles and sites go by the
    names people use ("Long March 5", "Baikonur")."""
    rows: list[list[str]] = []
    if human:  # the vocabulary only for a table (JSON keeps GCAT's names and starts faster)
        from spacetime.launches.names import vehicle_name
    for m in matches if human else ():
        launch = m.launch
        state = timeline.name_of(launch.state)
        code = launch.state
        if m.stands_for:
            state += f" (→ {timeline.name_of(m.stands_for)})"
            code += f"→{m.stands_for}"
        rows.append(
            [
                Brief(launch.date.display(), launch.date.display(with_time=False)),
                glued(vehicle_name(launch.vehicle)),
                _payloads(launch),
                _site(launch),
                Brief(state, code),
                Brief(_outcome(launch), OUTCOME_MARKS[launch.outcome]),
            ]
        )
    failures = sum(not m.launch.success for m in matches)
    names = {state: timeline.name_of(state) for state in {m.launch.state for m in matches}}
    footer = f"{plural(len(matches), 'launch', 'launches')}, {failures} failed"
    if any(m.stands_for for m in matches):
        footer += "; (→ X) marks a predecessor's launch, shown for its successor"
    return Listing(
        fields=LAUNCH_FIELDS,
        records=[
            launch_record(timeline, m.launch, m.stands_for, names[m.launch.state]) for m in matches
        ],
        columns=[
            Column(Brief("Date (UTC)", "Date")),
            Column("Vehicle"),
            Column("Payloads", wrap=True, main=True),
            Column("Site", wrap=True, drop=2),
            Column("State", drop=1),
            Column(Brief("Outcome", "")),
        ],
        rows=rows,
        styles=[OUTCOME_STYLES[m.launch.outcome] for m in matches] if human else [],
        footer=Brief(f"{footer}\n{CREDIT}", f"{footer}; {OUTCOME_LEGEND}\n{CREDIT}"),
    )


COUNT_FIELDS = ["launches", "successes", "failures", "partial", "success_rate"]


def count_listing(
    timeline: Timeline, found: Sequence[Count], by: By, sites: dict[str, str] | None = None
) -> Listing:
    """The answer of `spacetime launches --by ...`: counts with inline bars (`sites`: short
    names of the site codes, for the table). A vehicle or site reads by the name people use,
    GCAT's beside it ("Long March (Chang Zheng)"); the records keep GCAT's."""
    from spacetime.launches.names import common_site_names, vehicle_name
    from spacetime.output.listing import Bar

    nested = any(c.nation for c in found)
    common = set(common_site_names().values()) if by is By.SITE else set()
    key_names = {By.COUNTRY: "nation"}
    fields = [key_names.get(by, by.value), *(["nation"] if nested else []), *COUNT_FIELDS]
    peak = max((c.launches for c in found), default=0)

    def label(count: Count) -> str:
        if by is By.DECADE:
            return f"{count.key}s"
        if by is By.COUNTRY:
            return _nation(timeline, str(count.key))
        if by in (By.VEHICLE, By.VARIANT):  # "Long March 5 (Chang Zheng 5)": GCAT's beside
            common_name = vehicle_name(str(count.key))
            if common_name != count.key:
                return Brief(f"{common_name} ({count.key})", common_name)
            return str(count.key)
        name = (sites or {}).get(str(count.key))
        if by is By.SITE and name and name in common:  # "Baikonur (NIIP-5)": GCAT's code beside
            return f"{name} ({count.key})"
        if by is By.SITE and name and name != count.key:
            return Brief(f"{count.key} ({name})", str(count.key))  # the code alone when narrow
        return str(count.key)

    records = []
    rows = []
    for c in found:
        # a decade is "1960s" here as in `stats` and `compare`; a year stays a number
        record: dict[str, Any] = {fields[0]: f"{c.key}s" if by is By.DECADE else c.key}
        if nested:
            record["nation"] = c.nation
        record.update(
            launches=c.launches,
            successes=c.successes,
            failures=c.failures,
            partial=c.partial,
            success_rate=round(c.success_rate, 4) if c.launches else None,
        )
        records.append(record)
        rate = f"{c.success_rate:.0%}" if c.launches else ""
        rows.append(
            [
                label(c),
                *([_nation(timeline, c.nation or "")] if nested else []),
                str(c.launches),
                Bar(c.launches, peak),
                str(c.successes),
                str(c.failures),
                rate,
            ]
        )
    total = sum(c.launches for c in found)
    return Listing(
        fields=fields,
        records=records,
        columns=[
            Column(by.value.capitalize()),
            *([Column("Country")] if nested else []),
            Column("Launches", justify=Align.RIGHT),
            Column(""),
            Column(Brief("Successes", "OK"), justify=Align.RIGHT),
            Column(Brief("Failures", "Failed"), justify=Align.RIGHT),
            Column("Rate", justify=Align.RIGHT),
        ],
        rows=rows,
        footer=f"{plural(total, 'launch', 'launches')} in {plural(len(found), 'row')}\n{CREDIT}",
    )


def _nation(timeline: Timeline, code: str) -> str:
    """A nation's name, or its code in a narrow table."""
    name = timeline.name_of(code)
    return Brief(name, code) if name != code else name


def _vehicle(gcat: str, common: str, family: str) -> str:
    """`Long March 5  (GCAT: Chang Zheng 5, family Chang Zheng)`, or GCAT's name and family."""
    if common == gcat:
        return f"{gcat}  (family: {family})"
    return f"{common}  (GCAT: {gcat}, family {family})"


def _agency(launch: Launch) -> str:
    name = launch.agency_name
    return f"{name} [{launch.agency}]" if name and name != launch.agency else launch.agency


def launch_detail(
    timeline: Timeline, launch: Launch, events: Sequence[tuple[str, str]] = ()
) -> Listing:
    """The answer of `spacetime show TAG`: one launch in full, with the curated events of it."""
    from spacetime.launches.names import common_site_names, vehicle_name

    site = launch.site.name or launch.site.code
    if launch.site.state_name:
        site += f" ({launch.site.state_name})"
    if common := common_site_names().get(launch.site.code):
        site = f"{common}: {site}"
    pairs = [
        (
            "Date",
            launch.date.display()
            + ("  (GCAT marks it uncertain)" if launch.date.uncertain else ""),
        ),
        ("Vehicle", _vehicle(launch.vehicle, vehicle_name(launch.vehicle), launch.family)),
        ("State", f"{timeline.name_of(launch.state)}  (GCAT: {launch.gcat_state})"),
        ("Agency", _agency(launch)),
        ("Site", site + (f", pad {launch.pad}" if launch.pad else "")),
        ("Kind", launch.kind.value),
        ("Outcome", _outcome(launch)),
        ("Flight", launch.flight),
        (f"Payloads ({len(launch.payloads)})", "\n".join(launch.payloads)),
        ("Events", "\n".join(f"{eid}: {title}" for eid, title in events)),
        ("Source", CREDIT),
    ]
    record = launch_record(timeline, launch)
    record["events"] = [{"id": eid, "title": title} for eid, title in events]
    return Listing(
        fields=[*LAUNCH_FIELDS, "events"],
        records=[record],
        columns=[Column("Field"), Column("Value", wrap=True)],
        rows=[[k, v] for k, v in pairs if v],
        heading=(
            f"Launch {launch.tag}: {vehicle_name(launch.vehicle)},"
            f" {launch.date.display(with_time=False)}"
        ),
        single=True,
    )


STATS_DIMENSIONS = (By.DECADE, By.COUNTRY, By.VEHICLE, By.SITE)
STATS_TOP = 15


def site_names(matches: Sequence[LaunchMatch]) -> dict[str, str]:
    """The names people use for the sites of `matches`, by GCAT's code."""
    from spacetime.launches.names import site_name

    return {m.launch.site.code: site_name(m.launch.site) for m in matches}


def launch_stats_report(timeline: Timeline, matches: Sequence[LaunchMatch]) -> Report:
    """The answer of `spacetime stats --launches`: counts by decade, state, vehicle family and
    site (the 15 busiest of the last two), and by outcome and kind."""
    from spacetime.output.listing import Bar

    sections: list[tuple[str, Listing]] = []
    document: dict[str, Any] = {"total": len(matches)}
    flat_records: list[dict[str, Any]] = []
    for by in STATS_DIMENSIONS:
        found = counts(matches, by)
        if by in (By.VEHICLE, By.SITE):
            found = found[:STATS_TOP]
        listing = count_listing(timeline, found, by, site_names(matches) if by is By.SITE else None)
        listing.footer = None
        title = {
            By.DECADE: f"{len(matches):,} launches, by decade",
            By.COUNTRY: "By state of the launch vehicle",
            By.VEHICLE: f"By vehicle family (the {STATS_TOP} busiest)",
            By.SITE: f"By launch site (the {STATS_TOP} busiest)",
        }[by]
        sections.append((title, listing))
        document[f"by_{by.value}"] = listing.records
        flat_records += [
            {"dimension": by.value, "key": r[listing.fields[0]], **{k: r[k] for k in COUNT_FIELDS}}
            for r in listing.records
        ]
    for name, values in (
        ("outcome", [m.launch.outcome.value for m in matches]),
        ("kind", [m.launch.kind.value for m in matches]),
    ):
        tally: dict[str, int] = {}
        for value in values:
            tally[value] = tally.get(value, 0) + 1
        ordered = dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
        document[f"by_{name}"] = ordered
        peak = max(ordered.values(), default=0)
        sections.append(
            (
                f"By {name}",
                Listing(
                    fields=[name, "launches"],
                    records=[{name: k, "launches": v} for k, v in ordered.items()],
                    columns=[
                        Column(name.capitalize()),
                        Column("Launches", justify=Align.RIGHT),
                        Column(""),
                    ],
                    rows=[[k, str(v), Bar(v, peak)] for k, v in ordered.items()],
                ),
            )
        )
        flat_records += [
            {"dimension": name, "key": k, "launches": v, "successes": None, "failures": None,
             "partial": None, "success_rate": None}
            for k, v in ordered.items()
        ]  # fmt: skip
    document["source"] = SOURCE
    last = sections[-1][1]
    last.footer = CREDIT
    flat = Listing(
        fields=["dimension", "key", *COUNT_FIELDS],
        records=flat_records,
        columns=[],
        rows=[],
    )
    return Report(sections=sections, document=document, flat=flat)
