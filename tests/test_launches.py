"""Launches: GCAT dates, the importer (real awkward rows and malformed ones), the launch file,
`spacetime launches` with its filters, formats and counts, and `show TAG`."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from gcat_log import read_launchlog
from spacetime.core.dates import Precision
from spacetime.launches.gcat import GcatDateError, gcat_date
from spacetime.launches.model import GCAT_STATES, family_of, tag_key
from spacetime.load.loader import load_timeline
from spacetime.load.sources import bundled_path
from spacetime.output.launches import LAUNCH_FIELDS

Cli = Callable[..., Run]
GCAT = Path(__file__).parent / "fixtures" / "gcat"
LOG, SITES, ORGS = GCAT / "launchlog.tsv", GCAT / "sites.tsv", GCAT / "orgs.tsv"
HEADER = LOG.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize(
    ("text", "edtf", "precision", "uncertain"),
    [
        ("1957 Oct  4 1928:34", "1957-10-04T19:28:34Z", Precision.TIME, False),
        ("1958 Feb  5 0733", "1958-02-05T07:33Z", Precision.TIME, False),
        ("1962 Aug 23 1133?", "1962-08-23T11:33Z?", Precision.TIME, True),
        ("2012 May 23?", "2012-05-23?", Precision.DAY, True),
        ("2021 Jun 12", "2021-06-12", Precision.DAY, False),
    ],
)
def test_gcat_vague_dates(text: str, edtf: str, precision: Precision, uncertain: bool) -> None:
    date = gcat_date(text)
    assert (date.text, date.precision, date.uncertain) == (edtf, precision, uncertain)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1957 Okt  4", "cannot read the date '1957 Okt  4'"),
        ("1957 Feb 30 1200", "impossible date '1957 Feb 30 1200'"),
        ("1957 Oct  4 2561", "impossible time of day in '1957 Oct  4 2561'"),
        ("4 Oct 1957", "cannot read the date '4 Oct 1957'"),
    ],
)
def test_bad_gcat_dates(text: str, message: str) -> None:
    with pytest.raises(GcatDateError) as caught:
        gcat_date(text)
    assert str(caught.value).startswith(message)


def test_tags_and_families() -> None:
    assert tag_key("1957-ALP") == tag_key("1957 alp") == tag_key("1957 ALP") == "1957ALP"
    assert tag_key("1962-a-alp") == tag_key("1962 A ALP")
    assert tag_key("1958-f01") == tag_key("1958-F01")
    families = {
        "Soyuz-2-1A": "Soyuz",
        "Atlas V 401": "Atlas",
        "Chang Zheng 2D": "Chang Zheng",
        "Falcon 9": "Falcon",
        "H-IIA 202": "H-IIA",
        "Proton-K/DM-2": "Proton",
        "Space Shuttle": "Space Shuttle",
    }
    assert {v: family_of(v) for v in families} == families


def test_every_gcat_state_is_an_entity_of_the_vocabulary() -> None:
    timeline = load_timeline([bundled_path()])
    assert set(GCAT_STATES.values()) <= set(timeline.entities)
    assert timeline.lineage("ELDO") == ["ELDO", "ESA"]


@pytest.fixture
def imported(cli: Cli, tmp_path: Path) -> Path:
    out = tmp_path / "launches.tsv"
    result = cli(
        "import", "gcat", str(LOG), "--sites", str(SITES), "--orgs", str(ORGS), "-o", str(out)
    )
    assert result.code == 0, result.err
    assert result.err.splitlines()[0] == (
        f"{LOG}: 18 rows, 15 launches (1957-10-04 to 2023-03-04) written to {out}"
    )
    return out


def records(cli: Cli, launch_file: Path, *args: str) -> list[dict[str, object]]:
    result = cli("launches", "--no-bundled", "--data", str(launch_file), "--format", "json", *args)
    assert result.code == 0, result.err
    found: list[dict[str, object]] = result.json()
    return found


def test_import_reads_the_awkward_rows(cli: Cli, imported: Path) -> None:
    text = imported.read_text(encoding="utf-8")
    assert "Jonathan McDowell, https://planet4589.org" in text.splitlines()[1]
    found = {r["tag"]: r for r in records(cli, imported, "--kind", "orbital,deep-space,off-earth")}
    assert len(found) == 15
    assert len(records(cli, imported)) == 14  # the ascent from the Moon is not from Earth
    sputnik = found["1957 ALP"]
    assert sputnik["date"] == "1957-10-04T19:28:34Z"
    assert sputnik["nation"] == "SU" and sputnik["gcat_state"] == "SU"
    assert sputnik["site"] == "NIIP-5" and sputnik["site_name"] == "NIIP-5, Baykonur, Kazakstan"
    assert (sputnik["vehicle"], sputnik["family"]) == ("Sputnik 8K71PS", "Sputnik")
    assert sputnik["payloads"] == ["1-y ISZ"] and sputnik["outcome"] == "success"
    apollo = found["1969-059"]
    assert apollo["payload_count"] == 4 and apollo["kind"] == "deep-space"
    assert apollo["payloads"][:2] == ["Apollo 11 CSM", "Apollo 11 LM"]
    assert found["1957-F01"]["outcome"] == "failure" and found["1957-F01"]["success"] is False
    assert (found["1961 BET"]["outcome"], found["1961 BET"]["percent"]) == ("partial", 40)
    assert found["1961 BET"]["success"] is False
    assert (found["1965-004"]["outcome"], found["1965-004"]["percent"]) == ("partial", 75)
    assert found["1965-004"]["success"] is True
    assert found["1979-104"]["nation"] == "ESA" and found["1979-104"]["gcat_state"] == "I-ESA"
    assert found["1968-F09"]["nation"] == "ELDO"
    assert found["1969-U01"]["kind"] == "off-earth"
    assert found["1962 A OMI"]["date"] == "1962-08-23T11:33Z?"
    assert found["1962 A OMI"]["uncertain"] is True
    assert (found["2012-F02"]["date"], found["2012-F02"]["precision"]) == ("2012-05-23?", "day")
    assert found["1962 A ALP"]["date_display"] == "19 Jun 1962 12:19:01 UTC"
    assert found["2021-130"]["agency_name"] == "Arianespace"
    assert found["2021-130"]["date"] == "2021-12-25T12:20:07Z"


def test_import_without_sites_and_orgs_keeps_the_codes(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "bare.tsv"
    assert cli("import", "gcat", str(LOG), "-o", str(out)).code == 0
    sputnik = records(cli, out, "--limit", "1")[0]
    assert (sputnik["site"], sputnik["site_name"], sputnik["agency_name"]) == ("NIIP-5", None, None)


def test_import_reports_bad_rows_and_keeps_the_good(cli: Cli, tmp_path: Path) -> None:
    rows = LOG.read_text(encoding="utf-8").splitlines()
    good = rows[1]  # 1957 ALP
    bad_date = good.replace("1957 ALP", "1999-901").replace("1957 Oct  4 1928:34", "1957 Oct 32")
    bad_state = good.replace("1957 ALP", "1999-902").replace("\tSU\tOS\t", "\tXX\tOS\t")
    bad_code = good.replace("1957 ALP", "1999-903").replace("\tSU\tOS\t", "\tSU\tQS\t")
    short = "1999-904\t1999 Jan  1"
    log = tmp_path / "launchlog.tsv"
    log.write_text("\n".join([HEADER, good, bad_date, bad_state, bad_code, short]) + "\n")
    out = tmp_path / "out.tsv"
    result = cli("import", "gcat", str(log), "-o", str(out))
    assert result.code == 3
    assert result.err.splitlines()[:5] == [
        f"{log}:3: launch 1999-901: impossible date '1957 Oct 32'",
        f"{log}:4: launch 1999-902: unknown state code 'XX' (LVState)",
        f"{log}:5: launch 1999-903: unknown launch code 'QS' (GCAT writes OS, OF, DS, OF40...)",
        f"{log}:6: 2 columns where the header has 20",
        f"{log}: 5 rows, 1 launches (1957-10-04 to 1957-10-04) written to {out}; "
        "4 rows left out, 4 problems",
    ]
    assert "Traceback" not in result.err
    assert [r["tag"] for r in records(cli, out)] == ["1957 ALP"]


def test_import_refuses_a_file_that_is_not_gcat(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other.tsv"
    other.write_text("#Name\tDate\nx\ty\n")
    out = tmp_path / "out.tsv"
    result = cli("import", "gcat", str(other), "-o", str(out))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{other}:1: not a GCAT launch log: no column Launch_Tag, Launch_Date, LV_Type, "
        "Launch_Site, LVState, Launch_Code"
    ]
    assert not out.exists()


def test_import_never_overwrites_without_force(cli: Cli, imported: Path) -> None:
    before = imported.read_text(encoding="utf-8")
    result = cli("import", "gcat", str(LOG), "-o", str(imported))
    assert result.code == 2 and "use --force" in result.err
    assert imported.read_text(encoding="utf-8") == before


def test_a_damaged_launch_file_is_reported_at_its_line(cli: Cli, imported: Path) -> None:
    lines = imported.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "\t1958 ALP\t" in line)
    lines[number - 1] = lines[number - 1].replace("1958-02-01T03:47:56Z", "1958-02-0x")
    imported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("launches", "--no-bundled", "--data", str(imported))
    assert result.code == 3
    assert result.err.splitlines() == [f"{imported}:{number}: cannot read the date '1958-02-0x'"]


def test_filters_on_the_fixture(cli: Cli, imported: Path) -> None:
    def tags(*args: str) -> list[object]:
        return [r["tag"] for r in records(cli, imported, *args)]

    assert tags("--country", "russia", "--no-lineage") == []
    assert tags("-c", "russia", "--until", "1958") == ["1957 ALP"]
    assert records(cli, imported, "-c", "russia", "-n", "1")[0]["stands_for"] == "RU"
    assert tags("-c", "europe") == ["1968-F09", "1979-104"]  # ESA, with ELDO by lineage
    assert tags("--outcome", "partial") == ["1961 BET", "1965-004"]
    assert tags("--vehicle", "thor") == ["1962 A ALP", "1965-004"]
    assert tags("--vehicle", "thor delta c") == ["1965-004"]
    assert tags("--site", "kourou") == ["1979-104", "2021-130"]
    assert tags("--agency", "arianespace") == ["2021-130"]
    assert tags("--kind", "off-earth") == ["1969-U01"]
    assert tags("--search", "explorer") == ["1958 ALP"]
    assert tags("--since", "2012", "--until", "2021") == ["2012-F02", "2021-130"]
    assert tags("--sort", "tag", "--reverse", "-n", "2") == ["2023-F10", "2021-130"]


def test_unknown_names_are_usage_errors(cli: Cli, imported: Path) -> None:
    result = cli("launches", "--no-bundled", "--data", str(imported), "--outcome", "sucess")
    assert (result.code, result.err.strip()) == (
        2,
        "spacetime: error: unknown outcome 'sucess'; did you mean 'success'?",
    )
    result = cli("launches", "--no-bundled", "--data", str(imported), "-c", "chna")
    assert result.code == 2 and "did you mean 'china'" in result.err


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv(cli: Cli, imported: Path, fmt: str, delimiter: str) -> None:
    result = cli("launches", "--no-bundled", "--data", str(imported), "--format", fmt)
    rows = list(csv.reader(io.StringIO(result.out), delimiter=delimiter))
    assert rows[0] == LAUNCH_FIELDS and len(rows) == 15  # 14 launches from Earth
    apollo = dict(zip(rows[0], next(r for r in rows if r[0] == "1969-059"), strict=True))
    assert apollo["payloads"].startswith("Apollo 11 CSM; Apollo 11 LM; ")


def test_jsonl_markdown_and_table(cli: Cli, imported: Path) -> None:
    base = ("launches", "--no-bundled", "--data", str(imported))
    lines = cli(*base, "--format", "jsonl").out.splitlines()
    assert [json.loads(line)["tag"] for line in lines][:2] == ["1957 ALP", "1957-F01"]
    markdown = cli(*base, "--format", "markdown", "-n", "1").out.splitlines()
    assert markdown[0] == "| Date (UTC) | Vehicle | Payloads | Site | State | Outcome |"
    assert markdown[2] == (
        "| 4 Oct 1957 19:28:34 UTC | Sputnik 8K71PS | 1-y ISZ | Baikonur | Soviet Union | success |"
    )
    table = cli(*base, "--search", "apollo").out
    assert "Apollo 11 CSM, Apollo 11 LM +2" in table
    assert "Jonathan McDowell, https://planet4589.org" in table


def test_failures_look_different_in_the_table(imported: Path) -> None:
    from spacetime.launches.query import LaunchQuery, run_launches
    from spacetime.load.sources import DataFiles
    from spacetime.output.launches import launch_listing

    timeline = load_timeline([bundled_path()])
    files = DataFiles((), (), (imported,), (str(imported),))
    listing = launch_listing(timeline, run_launches(timeline, files, LaunchQuery(limit=2)))
    assert listing.styles == [None, "red"]  # Sputnik 1, then Vanguard TV-3


def test_counts_by_decade_and_vehicle(cli: Cli, imported: Path) -> None:
    decades = records(cli, imported, "--by", "decade")
    assert [(d["decade"], d["launches"]) for d in decades] == [
        ("1950s", 3), ("1960s", 7), ("1970s", 1), ("1980s", 0), ("1990s", 0), ("2000s", 0),
        ("2010s", 1), ("2020s", 2),
    ]  # fmt: skip
    sixties = decades[1]
    assert (sixties["successes"], sixties["failures"], sixties["partial"]) == (5, 2, 2)
    assert sixties["success_rate"] == round(5 / 7, 4)
    vehicles = records(cli, imported, "--by", "vehicle", "-n", "2")
    assert vehicles == [  # most launches first, then by name
        {"vehicle": "Ariane", "launches": 2, "successes": 2, "failures": 0, "partial": 0,
         "success_rate": 1.0},
        {"vehicle": "Thor", "launches": 2, "successes": 2, "failures": 0, "partial": 1,
         "success_rate": 1.0},
    ]  # fmt: skip


def test_show_finds_a_launch_by_tag(cli: Cli, imported: Path) -> None:
    for typed in ("1957-ALP", "1957 alp"):
        result = cli("show", typed, "--no-bundled", "--data", str(imported), "--format", "json")
        assert result.code == 0, result.err
        assert result.json()["tag"] == "1957 ALP"
    table = cli("show", "1969-059", "--no-bundled", "--data", str(imported)).out
    assert "Launch 1969-059: Saturn V, 16 Jul 1969" in table
    assert "EASEP LRRR" in table


def test_launch_files_through_the_environment(
    cli: Cli, imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACETIME_DATA", str(imported))
    result = cli("launches", "--no-bundled", "--format", "json")
    assert len(result.json()) == 14
    assert cli("list", "--format", "json", "-n", "1").code == 0  # events still read


def test_help_credits_gcat(cli: Cli) -> None:
    result = cli("launches", "--help")
    assert "Jonathan McDowell" in result.out and "planet4589.org" in result.out


# --- The bundled launch log, checked against GCAT's own file -------------------------------------

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO.parent / "shared" / "data" / "gcat"
needs_snapshot = pytest.mark.skipif(
    not (SNAPSHOT / "launchlog.tsv").is_file(),
    reason="the GCAT snapshot (../shared/data/gcat) is not beside this checkout",
)


def test_bundled_log_is_what_the_importer_derives_from_the_snapshot(
    cli: Cli, tmp_path: Path
) -> None:
    if not (SNAPSHOT / "launchlog.tsv").is_file():
        pytest.skip("the GCAT snapshot (../shared/data/gcat) is not beside this checkout")
    out = tmp_path / "launches.tsv"
    files = [SNAPSHOT / n for n in ("launchlog.tsv", "sites.tsv", "orgs.tsv")]
    result = cli("import", "gcat", str(files[0]), "--sites", str(files[1]), "--orgs", str(files[2]), "-o", str(out))  # fmt: skip
    assert result.code == 0, result.err
    assert out.read_bytes() == (REPO / "data" / "launches.tsv").read_bytes()


def gcat_launches() -> dict[str, tuple[int, str]]:
    """Launch_Tag -> (year, LVState) of GCAT's orbital launch attempts (its O and D launches, not
    the X ascents from the Moon), read straight from GCAT's file (not by the importer)."""
    log = read_launchlog(SNAPSHOT / "launchlog.tsv")
    return {tag: (x.day.year, x.state) for tag, x in log.items() if x.kind in "OD"}


@needs_snapshot
def test_counts_agree_with_gcat(cli: Cli) -> None:
    gcat = gcat_launches()
    assert len(gcat) == 6817
    listed = [json.loads(line) for line in cli("launches", "--format", "jsonl").out.splitlines()]
    assert len(listed) == 6817
    assert {x["kind"] for x in listed} == {"orbital", "deep-space"}
    states = sorted({s for _, s in gcat.values()})
    result = cli("launches", "-c", ",".join(GCAT_STATES[s] for s in states), "--no-lineage",
                 "--by", "year", "--format", "json")  # fmt: skip
    ours = {(r["year"], r["nation"]): r["launches"] for r in result.json() if r["launches"]}
    expected = Counter((year, GCAT_STATES[state]) for year, state in gcat.values())
    assert len(expected) > 400
    assert ours == expected
    in_2023 = {"china": 67, "usa": 109, "russia": 19}  # the figures, as GCAT has them
    for name, count in in_2023.items():
        result = cli("launches", "-c", name, "--since", "2023", "--until", "2023", "-f", "json")
        assert len(result.json()) == count


@pytest.mark.parametrize(
    ("country", "year", "count"), [("china", 2020, 39), ("usa", 1969, 41), ("ussr", 1970, 87)]
)
def test_ascents_from_the_moon_are_not_launches_from_earth(
    cli: Cli, country: str, year: int, count: int
) -> None:
    args = ("-c", country, "--since", str(year), "--until", str(year))
    assert cli("launches", *args, "--count").out.strip() == str(count)
    off = cli("launches", *args, "--kind", "off-earth", "--format", "json").json()
    assert off and {x["kind"] for x in off} == {"off-earth"}
    by_vehicle = cli("launches", "--by", "vehicle", "--format", "json").json()
    assert not {"CE-5", "E-8-5", "LM"} & {row["vehicle"] for row in by_vehicle}


def test_an_ascent_from_the_moon_is_shown_by_its_tag(cli: Cli) -> None:
    record = cli("show", "1969-U01", "--format", "json").json()
    assert (record["kind"], record["vehicle"], record["payloads"]) == (
        "off-earth", "LM AS", ["Eagle"]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("tag", "date", "vehicle"),
    [
        ("1957-ALP", "1957-10-04T19:28:34Z", "Sputnik 8K71PS"),  # Sputnik 1
        ("1958 ALP", "1958-02-01T03:47:56Z", "Jupiter C"),  # Explorer 1
        ("1961-MU", "1961-04-12T06:07:00Z", "Vostok 8K72"),  # Vostok 1
        ("1969-059", "1969-07-16T13:32:00Z", "Saturn V"),  # Apollo 11
        ("2021-130", "2021-12-25T12:20:07Z", "Ariane 5ECA+"),  # JWST
    ],
)
def test_anchor_launches(cli: Cli, tag: str, date: str, vehicle: str) -> None:
    result = cli("show", tag, "--format", "json")
    assert result.code == 0, result.err
    record = result.json()
    assert (record["date"], record["vehicle"]) == (date, vehicle)


# --- Cadence in compare, stats --launches, chart --launches, links ------------------------------


def test_compare_gains_launch_cadence(cli: Cli, imported: Path) -> None:
    base = ("--no-bundled", "--data", str(imported), "--data", str(bundled_path()))
    result = cli("compare", "usa", "russia", *base, "--by", "year", "--format", "json")
    assert result.code == 0, result.err
    cadence = result.json()["launches"]
    assert cadence["by"] == "year" and cadence["periods"][0] == "1957"
    assert cadence["counts"]["RU"]["1957"] == {"launches": 1, "successes": 1, "success_rate": 1.0}
    assert cadence["counts"]["US"]["1957"] == {"launches": 1, "successes": 0, "success_rate": 0.0}
    assert cadence["counts"]["US"]["1958"]["launches"] == 1  # Explorer 1
    assert cadence["busiest_year"]["RU"] == {"year": 1961, "launches": 2}
    counts = cadence["counts"]
    years = [int(y) for y in cadence["periods"]]

    def launched(code: str, year: int) -> int:
        return counts[code][str(year)]["launches"]

    # 1957 is a tie; the US launched more in 1958 (Explorer 1), so the Soviet Union was behind
    # until the first year it launched more, and then the other way round
    expected = []
    for code, other in (("RU", "US"), ("US", "RU")):
        behind = [y for y in years if launched(code, y) < launched(other, y)]
        after = [y for y in years if behind and y > behind[0]]
        year = next((y for y in after if launched(code, y) > launched(other, y)), None)
        if year is not None:
            expected.append({"nation": code, "other": other, "year": year})
    assert len(expected) == 2
    assert cadence["overtakes"] == sorted(expected, key=lambda o: o["year"])
    assert "planet4589.org" in cadence["source"]
    plain = cli("compare", "usa", "russia", *base, "--no-launches", "--format", "json").json()
    assert "launches" not in plain


@needs_snapshot
def test_compare_cadence_on_the_bundled_log(cli: Cli) -> None:
    per_year: dict[str, dict[int, int]] = {"CN": {}, "US": {}}
    for year, state in gcat_launches().values():
        if state in per_year:
            per_year[state][year] = per_year[state].get(year, 0) + 1
    china, usa = per_year["CN"], per_year["US"]
    years = sorted(set(china) | set(usa))
    behind = [y for y in years if china.get(y, 0) < usa.get(y, 0)]
    first = min(y for y in years if y > behind[0] and china.get(y, 0) > usa.get(y, 0))
    busiest = max(china, key=lambda y: (china[y], -y))
    table = cli("compare", "china", "usa").out
    assert "Orbital launch attempts per decade" in table
    assert f"China          busiest year {busiest}: {china[busiest]} launches" in table
    assert f"China          overtook United States in {first}" in table
    # the Soviet Union launched before China and more: it did not overtake China in 1970
    russia = cli("compare", "china", "russia").out
    assert "China   overtook Russia in 2016" in russia and "China in 1970" not in russia


def test_stats_counts_launches(cli: Cli, imported: Path) -> None:
    base = ("--no-bundled", "--data", str(imported))
    result = cli("stats", "--launches", *base, "--format", "json")
    document = result.json()
    assert document["total"] == 14
    assert document["by_outcome"] == {"success": 8, "failure": 4, "partial": 2}
    assert document["by_kind"] == {"orbital": 13, "deep-space": 1}
    assert document["by_country"][0] == {
        "nation": "US", "launches": 6, "successes": 5, "failures": 1, "partial": 1,
        "success_rate": round(5 / 6, 4),
    }  # fmt: skip
    result = cli("stats", "--launches", *base, "--category", "moon")
    assert result.code == 2
    assert "only --country, --no-lineage, --since and --until apply" in result.err


def test_chart_of_launches(cli: Cli, imported: Path, tmp_path: Path) -> None:
    svg, html = tmp_path / "l.svg", tmp_path / "l.html"
    base = ("--no-bundled", "--data", str(imported))
    result = cli("chart", "--launches", *base, "-c", "usa,russia", "--svg", str(svg), "--html", str(html))  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Orbital launch attempts per year, 1957–1969 (9 launches)"
    assert "United States" in result.out and "Russia (with Soviet Union)" in result.out
    picture = svg.read_text(encoding="utf-8")
    assert (
        picture.startswith("<svg")
        and "<title>1961 Russia (with Soviet Union): 2</title>" in picture
    )
    assert "Jonathan McDowell, https://planet4589.org" in picture
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_events_and_launches_point_to_each_other(cli: Cli) -> None:
    event = cli("show", "sputnik-1", "--format", "json").json()
    assert event["launch"] == "1957 ALP"
    launch = cli("show", "1961-MU", "--format", "json").json()
    assert [e["id"] for e in launch["events"]] == ["vostok-1-gagarin"]
    # a landing is not linked to a launch of the same day
    assert cli("show", "chang-e-6-far-side-landing", "--format", "json").json()["launch"] is None


def test_no_bundled_leaves_the_bundled_log_out(cli: Cli) -> None:
    assert cli("launches", "--no-bundled", "--format", "json").json() == []
    assert len(cli("launches", "-c", "china", "--until", "1970", "-f", "json").json()) == 1


def test_validate_checks_launch_files(cli: Cli, imported: Path) -> None:
    result = cli("validate", str(imported))
    assert (result.code, result.out) == (0, f"{imported}: valid: 15 launches\n")
    lines = imported.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "\t1958 ALP\t" in line)
    lines[number - 1] = lines[number - 1].replace("L\tUS\t", "L\tXX\t")
    imported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("validate", str(imported))
    assert result.code == 3
    assert result.err.splitlines() == [
        f"{imported}:{number}: unknown state 'XX' (not an entity of the loaded timelines)"
    ]
