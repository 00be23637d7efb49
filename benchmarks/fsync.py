"""What syncing to the disk costs `spacetime add`: the same add with and without `fsync`.

    python benchmarks/fsync.py                   # 100- and 1,000-event files, 9 runs each
    python benchmarks/fsync.py --sizes 100 --runs 5 --folder /some/disk

Every write spacetime makes is synced (`spacetime.core.files`): the new file before it is renamed
into place, and the folder after, so that a power cut cannot leave an empty or half-written file.
This script times `spacetime add --to FILE` as a process, on a copy of a generated timeline in
`--folder` (a temporary folder by default, removed at the end: give one on the disk you care about), once as it is and
once with `os.fsync` replaced by a no-op, alternating the two so both see the same machine state.
It prints the median of each and the difference. No test asserts any timing.
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
sys.path.insert(0, str(HERE))

from generate import write as generate  # noqa: E402

RUN = "from spacetime.cli.app import main_exit; main_exit()"
NO_FSYNC = "import os; os.fsync = lambda fd: None; " + RUN


def add(code: str, path: Path, number: int, env: dict[str, str]) -> float:
    argv = [sys.executable, "-c", code, "add", "--to", str(path), "--id", f"bench-{number}"]
    argv += ["--date", "1999", "--title", f"Bench {number}", "-c", "US", "--category", "science"]
    argv += ["--source", "https://example.org/bench"]
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="spacetime-fsync-", dir=args.folder))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(folder / "cache")}
    print(f"{'events':>7}  {'with fsync':>11}  {'without':>9}  {'cost':>8}   ({folder})")
    for size in args.sizes:
        source, _ = generate(size, folder / "source")
        path = folder / f"timeline-{size}.yaml"
        path.write_bytes(source.read_bytes())
        add(RUN, path, 0, env)  # warm-up: bytecode and the cache of the bundled timeline
        synced, unsynced = [], []
        for run in range(1, args.runs + 1):
            synced.append(add(RUN, path, 2 * run, env))
            unsynced.append(add(NO_FSYNC, path, 2 * run + 1, env))
        a, b = statistics.median(synced), statistics.median(unsynced)
        print(f"{size:>7,}  {a * 1000:>8.1f} ms  {b * 1000:>6.1f} ms  {(a - b) * 1000:>+5.1f} ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
