"""Peak memory of `list --format json` and of `add`/`remove` on a large timeline (issue 28).

    python benchmarks/memory.py               # 100,000 events (about two minutes)
    python benchmarks/memory.py 20000

Each command runs once as its own process (cache warm); the script prints its peak resident
memory, the size of its output, and their ratio. The goals: `list --format json` at most 2x its
output, `add` at most 1 GB at 100,000 events. Figures and what stands between them and the goals
are in docs/performance.md. No test asserts any of this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPACETIME = [sys.executable, "-c", "from spacetime.cli.app import main_exit; main_exit()"]
ADD = ["--date", "1969-07-20", "--title", "Bench add", "-c", "US", "--category", "moon"]


def peak(argv: list[str], env: dict[str, str], output: Path) -> float:
    """The peak RSS of one run of `argv` (MB), its standard output written to `output`."""
    with output.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv[3:])} failed")
    return usage.ru_maxrss / 1024


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="spacetime-memory-"))
    try:
        # in a child: a child's peak counts the memory its parent had when it was forked, so
        # this script stays small (generating in-process put a floor of about 220 MB under
        # every figure)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(count), str(folder)],
                       check=True)  # fmt: skip
        timeline = folder / f"events-{count}.yaml"
        env = {**os.environ, "SPACETIME_CACHE_DIR": str(folder / "cache")}
        out = folder / "out"
        data = ["--data", str(timeline)]
        peak([*SPACETIME, "list", *data, "--count"], env, out)  # warms the cache
        rows = [
            ("list --format json", peak([*SPACETIME, "list", *data, "-f", "json"], env, out)),
        ]
        size = out.stat().st_size / 2**20
        rows.append(("list -c russia (the loaded timeline)",
                     peak([*SPACETIME, "list", *data, "-c", "russia"], env, out)))  # fmt: skip
        source = ["--source", "https://example.org/m"]
        rows.append(
            ("add", peak([*SPACETIME, "add", "--to", str(timeline), *ADD, *source], env, out))
        )
        rows.append(
            ("remove", peak([*SPACETIME, "remove", "bench-add", "--from", str(timeline)], env, out))
        )
        print(f"{count:,} events; list --format json writes {size:.0f} MB")
        for label, mb in rows:
            ratio = (
                f" ({mb / size:.1f}x the JSON output)" if label.startswith("list --format") else ""
            )
            print(f"  {label}: peak {mb:.0f} MB{ratio}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
