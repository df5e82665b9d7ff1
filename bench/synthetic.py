"""A synthetic dataset for scale tests: ``python -m bench.synthetic OUT [--localities N]``.

It keeps the real themes, countries, sources, host priorities, outlines and flags, and generates
N delegations (10,000 by default), ten priority statements each (100,000 links) and 2,000 events
over 23–27 Sept 2024, all valid, so the real loader and every page run on it unchanged."""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from pathlib import Path

from components.dataset import DATA_DIR
from components.schema import EVENT_KINDS, LOCALITY_KINDS, SERIES, TABLES_BY_NAME

KEEP = ("sources.csv", "countries.csv", "themes.csv", "host.csv", "meta.csv", "world_countries.geojson")


def _write(path: Path, table: str, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=TABLES_BY_NAME[table].column_names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def generate(out: Path, localities: int = 10_000, statements_each: int = 10, events: int = 2_000,
             seed: int = 7) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in KEEP:
        shutil.copy(DATA_DIR / name, out / name)
    for folder in ("flags", "topojson"):
        shutil.copytree(DATA_DIR / folder, out / folder, dirs_exist_ok=True)
    with (DATA_DIR / "countries.csv").open(encoding="utf-8") as handle:
        countries = [r["code"] for r in csv.DictReader(handle)]
    with (DATA_DIR / "themes.csv").open(encoding="utf-8") as handle:
        themes = [r["id"] for r in csv.DictReader(handle)]
    with (DATA_DIR / "sources.csv").open(encoding="utf-8") as handle:
        sources = [r["id"] for r in csv.DictReader(handle)]
    places = []
    for i in range(localities):
        places.append({
            "id": f"place-{i}", "name_en": f"Place {i}", "name_vi": f"Địa phương {i}",
            "country": rng.choice(countries), "kind": rng.choice(LOCALITY_KINDS[:5]),
            "lat": round(rng.uniform(-45, 65), 4), "lon": round(rng.uniform(-170, 170), 4),
            "head_name": f"Person {i}", "head_title_en": "Mayor", "head_title_vi": "Thị trưởng",
            "relation": "partner", "relation_since": rng.randint(1990, 2024), "evidence": rng.choice("AAB"),
            "evidence_source_id": rng.choice(sources), "relation_source_id": rng.choice(sources),
            "summary_en": f"Synthetic delegation {i}.", "summary_vi": f"Đoàn giả lập {i}.",
        })
    _write(out / "localities.csv", "localities", places)
    links = [{"locality_id": f"place-{i}", "theme_id": rng.choice(themes), "statement_en": f"Statement {i}-{k}.",
              "statement_vi": f"Phát biểu {i}-{k}.", "source_id": rng.choice(sources)}
             for i in range(localities) for k in range(statements_each)]
    _write(out / "priorities.csv", "priorities", links)
    _write(out / "figures.csv", "figures", [
        {"locality_id": f"place-{i}", "label_en": "Partners", "label_vi": "Đối tác", "value": rng.randint(1, 200),
         "qualifier": "exact", "unit_en": "", "unit_vi": "", "source_id": rng.choice(sources)}
        for i in range(0, localities, 10)])
    schedule = []
    for i in range(events):
        timed = rng.random() < 0.5
        hour = rng.randint(7, 20)
        schedule.append({
            "id": f"event-{i}", "date": f"2024-09-{rng.randint(23, 27)}",
            "part_of_day": ("morning" if hour < 12 else "afternoon" if hour < 18 else "evening") if timed or
            rng.random() < 0.5 else "",
            "start": f"{hour:02d}:00" if timed else "", "end": f"{hour + 1:02d}:30" if timed else "",
            "series": rng.choice(SERIES), "kind": rng.choice(EVENT_KINDS), "title_en": f"Event {i}",
            "title_vi": f"Sự kiện {i}", "venue_en": "Venue", "venue_vi": "Địa điểm",
            "venue_lat": round(10.77 + rng.uniform(-0.05, 0.05), 4),
            "venue_lon": round(106.7 + rng.uniform(-0.05, 0.05), 4),
            "participants_en": "", "participants_vi": "",
            "locality_ids": ";".join(f"place-{rng.randrange(localities)}" for _ in range(rng.randint(0, 3))),
            "description_en": f"Synthetic event {i}.", "description_vi": f"Sự kiện giả lập {i}.",
            "source_id": rng.choice(sources),
        })
    _write(out / "programme.csv", "programme", schedule)
    with (DATA_DIR / "key_facts.csv").open(encoding="utf-8") as handle:
        facts = list(csv.DictReader(handle))
    for fact in facts:
        if fact["id"] == "delegations_reported":
            fact["value"] = str(localities)
    _write(out / "key_facts.csv", "key_facts", facts)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--localities", type=int, default=10_000)
    args = parser.parse_args()
    print(generate(args.out, args.localities))
