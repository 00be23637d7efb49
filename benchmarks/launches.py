"""Time the launch commands as processes, beside `python -c "import typer"` measured in the same run.

    python benchmarks/launches.py            # 7 runs each after a warm-up
    python benchmarks/launches.py --runs 3

Goals (issue 14): `launches --country china --format json` within 1.3x of the typer floor, warm;
the first load (a fresh cache, as after an install or an import) within 2 s; `compare` with the
launch cadence within 1.5x of the floor. Figures go in docs/performance.md; no test times anything.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import PYTHON, SPACETIME, Timing, measure  # noqa: E402

LAUNCHES = HERE.parent / "data" / "launches.tsv"
LOAD_ALL = (
    "from pathlib import Path; from spacetime.launches.store import LaunchFile; "
    f"LaunchFile(Path({str(LAUNCHES)!r})).launches()"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "spacetime")], check=True)
    cache = Path(tempfile.mkdtemp(prefix="spacetime-bench-cache-"))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("SPACETIME_DATA", None)
    print(f"bundled launch log: {LAUNCHES.stat().st_size / 1e6:.2f} MB")
    floor = measure("floor: python -c 'import typer'", [PYTHON, "-c", "import typer"], runs, env)
    china = ["launches", "--country", "china", "--format", "json"]
    rows: list[tuple[str, Timing, float]] = []
    rows.append(
        (
            "launches --country china --format json",
            measure("warm", [*SPACETIME, *china], runs, env),
            1.3,
        )
    )
    first = measure("first load (fresh cache)", [*SPACETIME, *china], runs, env, fresh_cache=True)
    every = measure(
        "launches --format json (all 6,828)",
        [*SPACETIME, "launches", "--format", "json"],
        runs,
        env,
    )
    by_year = measure(
        "launches --by year -c china,usa,russia",
        [*SPACETIME, "launches", "--by", "year", "-c", "china,usa,russia"],
        runs,
        env,
    )
    compare = ["compare", "china", "usa", "russia", "--format", "json"]
    rows.append(
        (
            "compare china usa russia --format json (with cadence)",
            measure("compare + cadence", [*SPACETIME, *compare], runs, env),
            1.5,
        )
    )
    plain = measure("compare --no-launches", [*SPACETIME, *compare, "--no-launches"], runs, env)
    python = measure("floor: python -c pass", [PYTHON, "-c", "pass"], runs, env)
    load_all = measure(
        "python: read the launch file, build all launches", [PYTHON, "-c", LOAD_ALL], runs, env
    )
    print()
    for label, timing, goal in rows:
        ratio = timing.median / floor.median
        print(f"{label}: {timing.median * 1000:.0f} ms = {ratio:.2f}x import typer (goal {goal}x)")
    print(f"first load, fresh cache: {first.median * 1000:.0f} ms (goal 2000 ms)")
    print(
        f"all launches as JSON: {every.median * 1000:.0f} ms; --by year: {by_year.median * 1000:.0f} ms"
    )
    print(f"compare without cadence: {plain.median * 1000:.0f} ms")
    print(
        f"launch file load, all launches: {(load_all.median - python.median) * 1000:.0f} ms above bare Python"
    )


if __name__ == "__main__":
    main()
