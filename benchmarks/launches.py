"""Time the launch commands as processes, beside `python -c "import typer"` measured in the same run.

    python benchmarks/launches.py            # 15 rounds
    python benchmarks/launches.py --rounds 30
    python benchmarks/launches.py --baseline ../old-checkout   # before/after in the same run

With `--baseline DIR` (another checkout of spacetime, e.g. `git worktree add DIR main`), every
spacetime command also runs with DIR's code (first on `PYTHONPATH`), interleaved in the same
rounds, and both are reported: before and after measured at the same moments.

Each round runs every command once, in turn, so that the floor and the commands share the same
moment of a noisy shared machine; the script reports medians over the rounds and the median of the
per-round ratios. Goals (issue 14): `launches --country china --format json` within 1.3x of the
typer floor, warm; the first load (a fresh cache, as after an install or an import) within 2 s;
`compare` with the launch cadence within 1.5x. Issue 21: `update --from` GCAT's launch log (the
import of 7k launches, 24k rows, checked and written) within 2 s, and the same `launches` query
after an update within 1.3x (both in a data folder of the benchmark's own; they need GCAT's
snapshot in ../shared/data/gcat). No test times anything.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
SPACETIME = [PYTHON, "-c", "from spacetime.cli.app import main_exit; main_exit()"]
LAUNCHES = HERE.parent / "data" / "launches.tsv"
LOAD_ALL = (
    "from pathlib import Path; from spacetime.launches.store import LaunchFile; "
    f"LaunchFile(Path({str(LAUNCHES)!r})).launches()"
)
COMPARE = ["compare", "china", "usa", "russia", "--format", "json"]
GCAT_LOG = HERE.parent.parent / "shared" / "data" / "gcat" / "launchlog.tsv"
UPDATED = "(updated log)"  # commands run with a data folder holding a renewed launch log
COMMANDS = {
    "floor: python -c 'import typer'": [PYTHON, "-c", "import typer"],
    "floor: python -c pass": [PYTHON, "-c", "pass"],
    "launches --country china --format json": [*SPACETIME, "launches", "-c", "china", "-f", "json"],
    "first load (fresh cache), same command": [*SPACETIME, "launches", "-c", "china", "-f", "json"],
    "list --country china --format json": [*SPACETIME, "list", "-c", "china", "-f", "json"],
    "launches --format json (all 6,828)": [*SPACETIME, "launches", "--format", "json"],
    "launches --by year -c china,usa,russia": [*SPACETIME, "launches", "--by", "year", "-c", "china,usa,russia"],
    "compare china usa russia (with cadence)": [*SPACETIME, *COMPARE],
    "compare china usa russia --no-launches": [*SPACETIME, *COMPARE, "--no-launches"],
    "python: read the file, build all launches": [PYTHON, "-c", LOAD_ALL],
    f"update --from GCAT's launchlog.tsv {UPDATED}": [*SPACETIME, "update", "--from", str(GCAT_LOG), "-q"],
    f"launches --country china --format json {UPDATED}": [*SPACETIME, "launches", "-c", "china", "-f", "json"],
}  # fmt: skip


def run(argv: list[str], env: dict[str, str]) -> float:
    """Seconds one run takes, from a neutral folder (`python -c` puts the working folder first
    on the path, which would shadow a --baseline checkout)."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, env=env, check=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="another checkout to time beside this one")
    arguments = parser.parse_args()
    rounds = arguments.rounds
    commands: dict[str, list[str]] = {}
    baseline_env: dict[str, str] = {}
    if arguments.baseline is not None:
        baseline = arguments.baseline.resolve()
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(baseline / "spacetime")], check=True)
        baseline_env["PYTHONPATH"] = str(baseline)
    for label, argv in COMMANDS.items():
        if UPDATED in label and not GCAT_LOG.is_file():
            continue
        commands[label] = argv
        if (
            baseline_env
            and UPDATED not in label
            and (argv[:3] == SPACETIME or argv[-1] == LOAD_ALL)
        ):
            commands[f"baseline: {label}"] = argv  # right after it, at the same moment
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "spacetime")], check=True)
    cache = Path(tempfile.mkdtemp(prefix="spacetime-bench-cache-"))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("SPACETIME_DATA", None)
    data_home = Path(tempfile.mkdtemp(prefix="spacetime-bench-data-"))
    times: dict[str, list[float]] = {label: [] for label in commands}
    for label, argv in commands.items():
        warm = {**env, **baseline_env} if label.startswith("baseline") else dict(env)
        run(argv, {**warm, "XDG_DATA_HOME": str(data_home)} if UPDATED in label else warm)
    for _ in range(rounds):
        for label, argv in commands.items():
            fresh = "first load" in label
            run_env = {**env, **baseline_env} if label.startswith("baseline") else dict(env)
            if UPDATED in label:
                run_env["XDG_DATA_HOME"] = str(data_home)
            if fresh:
                run_env["SPACETIME_CACHE_DIR"] = tempfile.mkdtemp(prefix="spacetime-bench-")
            times[label].append(run(argv, run_env))
            if fresh:
                shutil.rmtree(run_env["SPACETIME_CACHE_DIR"], ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(data_home, ignore_errors=True)
    floor = times["floor: python -c 'import typer'"]
    print(f"bundled launch log: {LAUNCHES.stat().st_size / 1e6:.2f} MB; {rounds} rounds")
    for label, values in times.items():
        ratio = statistics.median(v / f for v, f in zip(values, floor, strict=True))
        print(f"  {label:<54} {statistics.median(values) * 1000:7.1f} ms  {ratio:5.2f}x typer")
    base = statistics.median(times["floor: python -c pass"])
    load = statistics.median(times["python: read the file, build all launches"]) - base
    print(
        f"reading the launch file and building all launches: {load * 1000:.0f} ms above bare Python"
    )


if __name__ == "__main__":
    main()
