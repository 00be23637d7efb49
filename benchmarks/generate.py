"""Generate synthetic timelines like the bundled one, at any size, in YAML and JSON.

    python benchmarks/generate.py 100000 out/   # writes out/events-100000.yaml and .json

Events mix the bundled data's date precisions, countries, categories, statuses, tags and sources;
they use the bundled vocabulary, so they load together with the bundled timeline.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

COUNTRIES = ["US", "SU", "RU", "CN", "JP", "IN", "ESA", "FR", "GB", "DE", "IL", "IR", "KR", "CA"]
CATEGORIES = [
    "satellite",
    "human-spaceflight",
    "moon",
    "mars",
    "rocketry",
    "science",
    "commercial",
    "cooperation",
]
STATUSES = ["achieved"] * 8 + ["failed", "partial"]
WORDS = [
    "orbit",
    "launch",
    "probe",
    "lander",
    "rover",
    "crew",
    "station",
    "module",
    "relay",
    "telescope",
    "sample",
    "return",
    "survey",
]


def event(i: int, rng: random.Random) -> dict[str, object]:
    year = rng.randint(1957, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.55:
        date = f"{year:04d}-{month:02d}-{day:02d}"
    elif kind < 0.8:
        date = (
            f"{year:04d}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}Z"
        )
    elif kind < 0.92:
        date = f"{year:04d}-{month:02d}"
    elif kind < 0.98:
        date = f"{year:04d}"
    else:
        date = f"{year:04d}~"
    words = rng.sample(WORDS, 3)
    countries = [rng.choice(COUNTRIES)] + ([rng.choice(COUNTRIES)] if rng.random() < 0.1 else [])
    record: dict[str, object] = {
        "id": f"synthetic-{i}",
        "date": date,
        "title": f"Synthetic {words[0]} {words[1]} number {i}",
        "summary": f"A generated event about a {words[0]} and a {words[2]}, for benchmarks only.",
        "countries": sorted(set(countries)),
        "agencies": [f"Agency {rng.randint(1, 40)}"],
        "category": rng.choice(CATEGORIES),
        "tags": [words[0], words[1]],
        "status": rng.choice(STATUSES),
        "mission": f"Mission {i}",
        "sources": [f"https://example.org/event/{i}"],
    }
    return record


def write(count: int, folder: Path) -> tuple[Path, Path]:
    rng = random.Random(count)
    events = [event(i, rng) for i in range(count)]
    folder.mkdir(parents=True, exist_ok=True)
    as_json = folder / f"events-{count}.json"
    as_json.write_text(json.dumps({"events": events}), encoding="utf-8")
    as_yaml = folder / f"events-{count}.yaml"
    with as_yaml.open("w", encoding="utf-8") as out:
        out.write("events:\n")
        for e in events:
            out.write(f"  - id: {e['id']}\n    date: {e['date']}\n    title: {e['title']}\n")
            out.write(
                f"    summary: {e['summary']}\n    countries: [{', '.join(e['countries'])}]\n"
            )  # type: ignore[arg-type]
            out.write(f"    agencies: [{e['agencies'][0]}]\n    category: {e['category']}\n")  # type: ignore[index]
            out.write(f"    tags: [{', '.join(e['tags'])}]\n    status: {e['status']}\n")  # type: ignore[arg-type]
            out.write(f"    mission: {e['mission']}\n    sources:\n      - {e['sources'][0]}\n")  # type: ignore[index]
    return as_yaml, as_json


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "benchmarks/out"))
