"""Time edits and formatting of big timelines against `validate` of the same file (issue 18).

    python benchmarks/edits.py                  # 8,000, 10,000 and 100,000 events
    python benchmarks/edits.py --sizes 8000     # one size

For each size: `validate --data FILE` (which always parses, no cache) is the floor; `fmt --check`
and `fmt` are measured with an empty cache (they parse too), `add` and `remove` as a user meets
them (right after another command, so the cache holds the file). Each figure is the median wall
time of a few runs as processes; the ratio to `validate` is what counts on a shared machine.
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
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write as generate  # noqa: E402

SPACETIME = [sys.executable, "-c", "from spacetime.cli.app import main_exit; main_exit()"]


def timed(argv: list[str], env: dict[str, str], before: Callable[[int], None], runs: int) -> float:
    """Median seconds of `argv` over `runs` runs; `before(n)` prepares run n (not timed)."""
    times = []
    for n in range(runs):
        before(n)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv[3:])} failed: {done.stderr.strip()}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[8_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="spacetime-edits-"))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("SPACETIME_DATA", None)

    print(f"{'events':>8}  {'command':<22} {'seconds':>8}  {'x validate':>10}")
    try:
        for size in args.sizes:
            rows = _one_size(size, work, env, args.runs)
            for label, seconds in rows:
                print(f"{size:>8,}  {label:<22} {seconds:>8.2f}  {seconds / rows[0][1]:>10.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _one_size(size: int, work: Path, env: dict[str, str], runs: int) -> list[tuple[str, float]]:
    cache = Path(env["SPACETIME_CACHE_DIR"])
    generate(size, work)
    source = work / f"events-{size}.yaml"
    target = work / f"edit-{size}.yaml"
    shutil.copyfile(source, target)
    data = ["--data", str(target)]

    def empty_cache(_: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def fresh_copy(_: int) -> None:
        shutil.copyfile(source, target)
        empty_cache(0)

    rows = [("validate", timed([*SPACETIME, "validate", *data], env, empty_cache, runs))]
    check = [*SPACETIME, "fmt", "--check", str(target)]
    rows.append(("fmt --check", timed(check, env, empty_cache, runs)))
    rows.append(("fmt", timed([*SPACETIME, "fmt", str(target)], env, fresh_copy, 1)))
    add = [*SPACETIME, "add", "--to", str(target), "--title", "Bench", "--date", "1970",
           "-c", "US", "--source", "https://example.org/b"]  # fmt: skip
    subprocess.run([*SPACETIME, "validate", *data], env=env, capture_output=True)
    rows.append(("add", timed(add, env, lambda _: None, runs)))

    def one_to_remove(n: int) -> None:
        subprocess.run([*add, "--id", f"gone-{n}"], env=env, check=True, capture_output=True)

    remove = [*SPACETIME, "remove", "--from", str(target)]
    rows.append(("remove", _remove(remove, env, one_to_remove, runs)))
    return rows


def _remove(
    remove: list[str], env: dict[str, str], prepare: Callable[[int], None], runs: int
) -> float:
    times = []
    for n in range(runs):
        prepare(n)
        start = time.perf_counter()
        subprocess.run([*remove, f"gone-{n}"], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
