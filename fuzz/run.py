"""A longer fuzz run than the test suite's: many generated inputs through the date parser, the
bound parser and the loader; anything but a value or a clean error is a finding.

    .venv/bin/python fuzz/run.py --examples 20000

Prints how many inputs each target tried and every finding (none, when all is well). The figures
of the last run are in docs/hardening.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacetime.core.dates import DateError, parse_date
from spacetime.core.errors import DataError, UsageError
from spacetime.engine.bounds import parse_bound
from spacetime.load.loader import load_timeline

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
DATE_TEXT = st.text(alphabet="0123456789-/.:TZXs?~%+ ", max_size=30)
FIELDS = [
    "id",
    "date",
    "title",
    "summary",
    "countries",
    "category",
    "status",
    "sources",
    "milestones",
    "confirmed",
    "x",
]
SCALARS = st.one_of(
    st.text(max_size=16),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    DATE_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6)
    ),
    max_leaves=25,
)
YAMLISH = st.text(
    alphabet="events:id-date title\n  [],{}#&*!|>'\"0123456789abcNO~\t\ufeff\\%@`", max_size=300
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    counts = {"dates": 0, "bounds": 0, "loader-text": 0, "loader-structured": 0}
    findings: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="spacetime-fuzz-"))
    options = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    @options
    @given(st.one_of(st.text(max_size=40), DATE_TEXT))
    def dates(text: str) -> None:
        counts["dates"] += 1
        try:
            value = parse_date(text)
            value.display()
            value.sort_key()
        except DateError:
            pass
        except Exception as err:  # a finding
            findings.append(f"parse_date({text!r}): {type(err).__name__}: {err}")

    @options
    @given(st.one_of(st.text(max_size=40), DATE_TEXT))
    def bounds(text: str) -> None:
        counts["bounds"] += 1
        try:
            parse_bound(text)
        except UsageError:
            pass
        except Exception as err:
            findings.append(f"parse_bound({text!r}): {type(err).__name__}: {err}")

    def load(text: str, suffix: str, key: str) -> None:
        counts[key] += 1
        path = folder / f"t{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            load_timeline([MINI, path])
        except DataError:
            pass
        except Exception as err:
            findings.append(f"load_timeline({text[:80]!r}...): {type(err).__name__}: {err}")

    @options
    @given(YAMLISH)
    def loader_text(text: str) -> None:
        load(text, ".yaml", "loader-text")

    @options
    @given(VALUES)
    def loader_structured(value: object) -> None:
        load(json.dumps({"events": [value]}), ".json", "loader-structured")

    start = time.perf_counter()
    for target in (dates, bounds, loader_text, loader_structured):
        target()
    seconds = time.perf_counter() - start
    for name, count in counts.items():
        print(f"{name}: {count} inputs")
    print(f"total: {sum(counts.values())} inputs in {seconds:.0f} s; findings: {len(findings)}")
    for finding in findings:
        print("  " + finding)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
