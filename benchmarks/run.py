"""Time whole spacetime commands as processes, beside the floors they are measured against.

    python benchmarks/run.py                 # everything (a few minutes: the 100k YAML parses are slow)
    python benchmarks/run.py --quick         # fewer runs and sizes, for a first look
    python benchmarks/run.py --write docs/performance.md
    python benchmarks/run.py --startup [--rounds 15] [--baseline ../base]   # start-up goals only

Each command runs a few times after a warm-up; the script reports the median wall time and the
peak resident memory of the child, and the ratio of each command to its floor measured in the
same run (machines here are shared and noisy: compare ratios, not seconds). No test asserts any
timing; this script and docs/performance.md are where the figures live.

`--startup` times only the start-up goals (issue 24) in interleaved rounds: each round runs the
`import typer` floor and every command once, in turn, so that all share the same moments of a
noisy machine; it reports medians and the median of the per-round ratios. With `--baseline DIR`
(another checkout, e.g. `git worktree add DIR main`) each command also runs with DIR's code,
right after this checkout's: before and after in one run.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import platform
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
SPACETIME = [PYTHON, "-c", "from spacetime.cli.app import main_exit; main_exit()"]


@dataclass
class Timing:
    label: str
    median: float
    rss_mb: float


def measure(
    label: str,
    argv: list[str],
    runs: int,
    env: dict[str, str],
    fresh_cache: bool = False,
    terminal: bool = False,
) -> Timing:
    """Median wall time and peak RSS of `argv` over `runs` runs after one warm-up; with
    `terminal`, stdout is a 120-column pseudo-terminal that is read as a terminal would."""
    times, peaks = [], []
    for attempt in range(runs + 1):
        run_env = dict(env)
        if fresh_cache:
            run_env["SPACETIME_CACHE_DIR"] = tempfile.mkdtemp(prefix="spacetime-bench-")
        screen = _Screen() if terminal else None
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            stdout=screen.follower if screen else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=run_env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if screen:
            screen.close()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(
                f"{label} failed: {process.stderr.read().decode() if process.stderr else ''}"
            )
        if fresh_cache:
            shutil.rmtree(run_env["SPACETIME_CACHE_DIR"], ignore_errors=True)
        if attempt == 0 and not fresh_cache:
            continue  # warm-up (for a fresh cache every run is a first run)
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    result = Timing(label, statistics.median(times), max(peaks))
    print(f"  {label:<58} {result.median * 1000:9.1f} ms  {result.rss_mb:7.1f} MB", flush=True)
    return result


class _Screen:
    """A pseudo-terminal of 120 x 50 whose output a thread drains, as a terminal would."""

    def __init__(self) -> None:
        self.leader, self.follower = pty.openpty()
        fcntl.ioctl(self.follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 120, 0, 0))
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        try:
            while os.read(self.leader, 65536):
                pass
        except OSError:
            pass  # the follower side closed

    def close(self) -> None:
        os.close(self.follower)
        self.reader.join()
        os.close(self.leader)


STARTUP = {
    "list --country china --format json": (["list", "-c", "china", "-f", "json"], {}, 1.25),
    "launches --country china --format json": (["launches", "-c", "china", "-f", "json"], {}, 1.3),
    "compare china russia usa": (["compare", "china", "russia", "usa"], {}, 1.4),
    "spacetime --help": (["--help"], {}, 1.5),
    "list --help": (["list", "--help"], {}, 1.5),
    "launches --help": (["launches", "--help"], {}, 1.5),
    "completion: list -c chi<TAB>": (
        [],
        {"_SPACETIME_COMPLETE": "complete_bash", "COMP_WORDS": "spacetime list -c chi", "COMP_CWORD": "3"},
        1.5,
    ),
    "completion: comp<TAB>": (
        [],
        {"_SPACETIME_COMPLETE": "complete_bash", "COMP_WORDS": "spacetime comp", "COMP_CWORD": "1"},
        1.5,
    ),
    "completion: list --as<TAB>": (
        [],
        {"_SPACETIME_COMPLETE": "complete_bash", "COMP_WORDS": "spacetime list --as", "COMP_CWORD": "2"},
        1.5,
    ),
}  # fmt: skip


def startup(rounds: int, baseline: Path | None) -> None:
    """The start-up goals in interleaved rounds (see the module docstring)."""
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "floor: python -c 'import typer'": ([PYTHON, "-c", "import typer"], {})
    }
    extra: dict[str, str] = {}
    if baseline is not None:
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(baseline / "spacetime")], check=True)
        extra["PYTHONPATH"] = str(baseline.resolve())
    for label, (args, variables, _) in STARTUP.items():
        commands[label] = ([*SPACETIME, *args], variables)
        if extra:
            commands[f"before: {label}"] = ([*SPACETIME, *args], {**variables, **extra})
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "spacetime")], check=True)
    cache = Path(tempfile.mkdtemp(prefix="spacetime-bench-cache-"))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("SPACETIME_DATA", None)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for attempt in range(rounds + 1):  # the first round warms the cache and is not counted
        for label, (argv, variables) in commands.items():
            start = time.perf_counter()
            subprocess.run(
                argv,
                stdout=subprocess.DEVNULL,
                env={**env, **variables},
                check=True,
                cwd=tempfile.gettempdir(),  # so that the working folder shadows no --baseline
            )
            if attempt:
                times[label].append(time.perf_counter() - start)
    shutil.rmtree(cache, ignore_errors=True)
    floor = times["floor: python -c 'import typer'"]
    print(f"start-up, {rounds} interleaved rounds (ratio: median of the per-round ratios)")
    for label, values in times.items():
        ratio = statistics.median(v / f for v, f in zip(values, floor, strict=True))
        goal = STARTUP.get(label.removeprefix("before: "), (None, None, None))[2]
        print(
            f"  {label:<50} {statistics.median(values) * 1000:7.1f} ms  {ratio:5.2f}x"
            + (f"  (goal {goal}x)" if goal and not label.startswith("before") else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 100k YAML first query")
    parser.add_argument(
        "--runs", type=int, default=None, help="runs per command (default 7, quick 3)"
    )
    parser.add_argument("--write", type=Path, help="write the results as Markdown to this file")
    parser.add_argument("--startup", action="store_true", help="the start-up goals, interleaved")
    parser.add_argument("--rounds", type=int, default=15, help="rounds of --startup")
    parser.add_argument("--baseline", type=Path, help="with --startup: a checkout to time too")
    args = parser.parse_args()
    if args.startup:
        startup(args.rounds, args.baseline)
        return
    runs = args.runs or (3 if args.quick else 7)
    slow_runs = 1 if args.quick else 3
    # Bytecode as an installed package has it (pip compiles at install time), even where
    # PYTHONDONTWRITEBYTECODE would make every run compile the sources again.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "spacetime")], check=True)
    data = HERE / "out"
    cache = Path(tempfile.mkdtemp(prefix="spacetime-bench-cache-"))
    env = {**os.environ, "SPACETIME_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("SPACETIME_DATA", None)
    rows: list[tuple[str, Timing, Timing, float | None]] = []

    print("start-up (bundled timeline, warm cache)")
    typer_floor = measure(
        "floor: python -c 'import typer'", [PYTHON, "-c", "import typer"], runs, env
    )
    as_json = measure(
        "spacetime list --country china --format json",
        [*SPACETIME, "list", "--country", "china", "--format", "json"],
        runs,
        env,
    )
    as_table = measure(
        "spacetime list --country china (in a pipe)",
        [*SPACETIME, "list", "--country", "china"],
        runs,
        env,
    )
    colour = {k: v for k, v in env.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    colour["TERM"] = "xterm-256color"
    in_terminal = measure(
        "spacetime list --country china (in a terminal)",
        [*SPACETIME, "list", "--country", "china"],
        runs,
        colour,
        terminal=True,
    )
    root_help = measure("spacetime --help", [*SPACETIME, "--help"], runs, env)
    rows.append(("1. list --format json vs import typer", as_json, typer_floor, 1.25))
    rows.append(("1. --help vs import typer", root_help, typer_floor, 2.0))
    rows.append(("1. list (table, in a pipe) vs import typer", as_table, typer_floor, 1.6))
    rows.append(("1. list (table, in a terminal) vs import typer", in_terminal, typer_floor, 1.6))

    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    scaling: list[tuple[int, Timing, Timing]] = []
    for size in sizes:
        yaml_file, json_file = data / f"events-{size}.yaml", data / f"events-{size}.json"
        if not yaml_file.exists() or not json_file.exists():
            # in a child, as benchmarks/memory.py does: a child's peak counts the memory its
            # parent had when it was forked, so generating here put a floor of about 220 MB
            # under every figure of this run
            subprocess.run([PYTHON, str(HERE / "generate.py"), str(size), str(data)], check=True)
        print(f"{size:,} events ({yaml_file.stat().st_size / 1e6:.1f} MB of YAML)")
        query = ["list", "--no-bundled", "--no-personal", "--country", "china", "--format", "json"]
        bundled = ["--data", str(HERE.parent / "data" / "timeline.yaml")]
        first_runs = slow_runs if size >= 100_000 else runs
        first = measure(
            f"first query, YAML ({size:,})",
            [*SPACETIME, *query, *bundled, "--data", str(yaml_file)],
            first_runs,
            env,
            fresh_cache=True,
        )
        later = measure(
            f"later query, YAML ({size:,}, cached)",
            [*SPACETIME, *query, *bundled, "--data", str(yaml_file)],
            runs,
            env,
        )
        first_json = measure(
            f"first query, JSON ({size:,})",
            [*SPACETIME, *query, *bundled, "--data", str(json_file)],
            first_runs,
            env,
            fresh_cache=True,
        )
        scaling.append((size, first, later))
        if size == sizes[-1]:
            parse = measure(
                "floor: yaml.load(CSafeLoader) of the YAML",
                [
                    PYTHON,
                    "-c",
                    f"import yaml; yaml.load(open({str(yaml_file)!r}), Loader=yaml.CSafeLoader)",
                ],
                first_runs,
                env,
            )
            load_json = measure(
                "floor: json.load of the JSON",
                [PYTHON, "-c", f"import json; json.load(open({str(json_file)!r}))"],
                runs,
                env,
            )
            rows.append((f"2. first YAML query vs C YAML parser ({size:,})", first, parse, 1.2))
            rows.append(
                (f"2b. first JSON query vs json.load ({size:,})", first_json, load_json, None)
            )
            if shutil.which("jq"):
                jq = measure(
                    "floor: jq select CN on the JSON",
                    ["jq", '[.events[] | select(.countries | index("CN"))]', str(json_file)],
                    runs,
                    env,
                )
                rows.append((f"3. later query vs jq ({size:,})", later, jq, 1.0))
            rows.append(
                (f"4. peak memory, later query vs json.load ({size:,})", later, load_json, 2.0)
            )
            rows.append(
                (f"4b. peak memory, first query vs json.load ({size:,})", first, load_json, None)
            )

    lines = [
        "# Performance",
        "",
        "Measured by `python benchmarks/run.py` (whole commands as processes, median of several runs",
        "after a warm-up; peak RSS of the child). Ratios are what count: both sides of each ratio were",
        "measured in the same run on the same machine.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},",
        f"{platform.platform()}.",
        "",
        "| target | spacetime | floor | ratio | goal |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, mine, floor, goal in rows:
        memory = label.startswith("4")
        a, b = (mine.rss_mb, floor.rss_mb) if memory else (mine.median, floor.median)
        unit = (lambda v: f"{v:.0f} MB") if memory else (lambda v: f"{v * 1000:.0f} ms")
        ratio = a / b
        lines.append(
            f"| {label} | {unit(a)} | {unit(b)} | {ratio:.2f}× | {'≤ ' + format(goal, '.2f') + '×' if goal else '—'} |"
        )
    lines += [
        "",
        "Scaling (5): time against the number of events.",
        "",
        "| events | first query (YAML) | per 1k events | later query (cached) |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for size, first, later in scaling:
        lines.append(
            f"| {size:,} | {first.median * 1000:.0f} ms | {first.median * 1000 / (size / 1000):.0f} ms | {later.median * 1000:.0f} ms |"
        )
    report = "\n".join(lines) + "\n"
    print()
    print(report)
    if args.write:
        _write_between_markers(args.write, report)
    shutil.rmtree(cache, ignore_errors=True)


START, END = "<!-- results: written by benchmarks/run.py -->", "<!-- /results -->"


def _write_between_markers(path: Path, report: str) -> None:
    """Replace the results between the markers, keeping the hand-written text around them."""
    body = report.split("\n", 2)[2]  # without the "# Performance" heading
    block = f"{START}\n{body.strip()}\n{END}"
    text = (
        path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{START}\n{END}\n"
    )
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
