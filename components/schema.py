"""Declarative description of the CSV tables in data/: columns, types, keys and references.

The loader in ``dataset.py`` reads this; data/README.md documents the same rules for editors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal[
    "id", "text", "enum", "float", "int", "year", "date", "partial_date", "time", "hex", "url", "ref", "refs"
]

LOCALITY_KINDS = (
    "city", "province", "prefecture", "state", "region", "ministry",
    "parliamentary_body", "organisation", "joint_delegation",
)
RELATIONS = ("sister_city", "sister_province", "friendship_cooperation", "partner", "none", "unknown")
EVIDENCE_LEVELS = ("A", "B", "L", "C")
#: The levels counted as identified against the reported total: named in a report (A), on a
#: published guest list (B), on the organisers' own list (L). C is a partner not shown to attend.
IDENTIFIED_EVIDENCE = ("A", "B", "L")
#: A source is a published report, or the list of delegations the organisers supplied.
SOURCE_KINDS = ("report", "organisers_list")
THEME_GROUPS = ("sustainability", "technology", "people", "economy", "governance")
SERIES = ("FD", "HEF", "C4IR", "bilateral", "other")
EVENT_KINDS = ("ceremony", "plenary", "session", "dialogue", "meeting", "signing", "visit", "cultural")
PARTS_OF_DAY = ("morning", "afternoon", "evening")
QUALIFIERS = ("exact", "about", "nearly", "more_than")
LANGUAGES = ("vi", "en", "fr", "de", "es", "it", "ko", "ja", "nl", "ru", "zh")

#: Events may fall one day either side of the programme's days (meta.csv), for arrivals and departures.
PROGRAMME_MARGIN_DAYS = 1


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    ref: str | None = None  # table whose key this column (kind ref/refs) points to
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns whose values must be unique together

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _src(name: str = "source_id", required: bool = True) -> Column:
    return Column(name, "refs", required=required, ref="sources")


TABLES: tuple[Table, ...] = (
    Table("sources", (
        Column("id", "id"), Column("title"), Column("title_vi", required=False), Column("publisher", required=False),
        Column("url", "url", required=False), Column("published", "partial_date", required=False),
        Column("language", "enum", choices=LANGUAGES), Column("kind", "enum", choices=SOURCE_KINDS),
        Column("supplied_by", required=False), Column("note_en", required=False),
        Column("note_vi", required=False),
    ), key=("id",)),
    Table("countries", (
        Column("code", "id"), Column("iso3", "id"), Column("name_en"), Column("name_vi"), _src(),
    ), key=("code",)),
    Table("themes", (
        Column("id", "id"), Column("label_en"), Column("label_vi"),
        Column("group", "enum", choices=THEME_GROUPS), Column("color", "hex"),
        Column("description_en"), Column("description_vi"),
    ), key=("id",)),
    Table("localities", (
        Column("id", "id"), Column("name_en"), Column("name_vi"),
        Column("country", "ref", ref="countries"), Column("kind", "enum", choices=LOCALITY_KINDS),
        Column("lat", "float", low=-90, high=90), Column("lon", "float", low=-180, high=180),
        Column("head_name", required=False), Column("head_title_en", required=False),
        Column("head_title_vi", required=False),
        Column("relation", "enum", choices=RELATIONS), Column("relation_since", "year", required=False),
        Column("evidence", "enum", choices=EVIDENCE_LEVELS),
        _src("evidence_source_id"), _src("relation_source_id", required=False),
        Column("summary_en"), Column("summary_vi"),
    ), key=("id",)),
    Table("priorities", (
        Column("locality_id", "ref", ref="localities"), Column("theme_id", "ref", ref="themes"),
        Column("statement_en"), Column("statement_vi"), _src(),
    ), key=("locality_id", "theme_id", "statement_en")),
    Table("figures", (
        Column("locality_id", "ref", ref="localities"), Column("label_en"), Column("label_vi"),
        Column("value", "float", low=0), Column("qualifier", "enum", choices=QUALIFIERS),
        Column("unit_en", required=False), Column("unit_vi", required=False), _src(),
    ), key=("locality_id", "label_en")),
    Table("programme", (
        Column("id", "id"), Column("date", "date"),
        Column("part_of_day", "enum", required=False, choices=PARTS_OF_DAY),
        Column("start", "time", required=False), Column("end", "time", required=False),
        Column("series", "enum", choices=SERIES), Column("kind", "enum", choices=EVENT_KINDS),
        Column("title_en"), Column("title_vi"),
        Column("venue_en", required=False), Column("venue_vi", required=False),
        Column("venue_lat", "float", required=False, low=-90, high=90),
        Column("venue_lon", "float", required=False, low=-180, high=180),
        Column("participants_en", required=False), Column("participants_vi", required=False),
        Column("locality_ids", "refs", required=False, ref="localities"),
        Column("description_en"), Column("description_vi"), _src(),
    ), key=("id",)),
    Table("host", (
        Column("theme_id", "ref", ref="themes"), Column("weight", "int", low=1, high=3),
        Column("statement_en"), Column("statement_vi"), _src(),
    ), key=("theme_id", "statement_en")),
    Table("key_facts", (
        Column("id", "id"), Column("value", "float", low=0), Column("qualifier", "enum", choices=QUALIFIERS),
        Column("label_en"), Column("label_vi"), _src(),
    ), key=("id",)),
    Table("meta", (Column("key", "id"), Column("value")), key=("key",)),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

#: Key facts the app reads by id; the loader insists they exist.
REQUIRED_FACTS = ("delegations_reported", "countries_reported")
#: Keys of meta.csv the app reads, with the kind of value each must hold.
REQUIRED_META = {"data_as_of": "date", "host_name_en": "text", "host_name_vi": "text",
                 "host_lat": "float", "host_lon": "float", "programme_first_day": "date",
                 "programme_last_day": "date"}
WORLD_FILE = "world_countries.geojson"
FLAGS_DIR = "flags"
