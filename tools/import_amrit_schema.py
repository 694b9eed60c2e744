"""Turn AMRIT's table definitions into the schema file the app ships.

Run it when the reference material changes:

    python tools/import_amrit_schema.py ../shared/amrit/schema.json

It keeps the tables MMU Desktop uses, parses their unique keys, marks the tables
that take part in van-to-server sync, and adds the ``SyncFailureReason`` column
that later AMRIT migrations add to every synced table. The result,
``mmu_desktop/db/amrit_schema.json``, is what the app builds its tables from, so
the app never needs the reference folder at run time.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "mmu_desktop" / "db" / "amrit_schema.json"

# Tables in schema.json that no MMU sync group carries; central would refuse them.
LEFT_OUT = {"i_beneficiaryconsent"}

UNIQUE_KEY = re.compile(r"UNIQUE KEY `(?P<name>[^`]+)` \((?P<cols>[^)]+)\)")


def _unique_keys(raw: list[str]) -> list[dict[str, object]]:
    keys = []
    for text in raw:
        match = UNIQUE_KEY.search(text)
        if match:
            cols = [c.strip(" `") for c in match.group("cols").split(",")]
            keys.append({"name": match.group("name"), "columns": cols})
    return keys


def convert(source: dict[str, dict]) -> dict[str, dict]:
    tables: dict[str, dict] = {}
    for name in sorted(source):
        if name in LEFT_OUT:
            continue
        spec = source[name]
        columns = [
            {
                "name": c["name"],
                "type": c["type"].lower(),
                "nullable": bool(c["nullable"]),
                "default": c["default"],
                "auto_increment": bool(c["auto_increment"]),
            }
            for c in spec["columns"]
        ]
        names = {c["name"] for c in columns}
        synced = "VanSerialNo" in names and name != "m_van"
        if synced and "SyncFailureReason" not in names:
            columns.append(
                {
                    "name": "SyncFailureReason",
                    "type": "varchar(500)",
                    "nullable": True,
                    "default": "NULL",
                    "auto_increment": False,
                }
            )
        tables[name] = {
            "schema": spec["schema"],
            "primary_key": spec["primary_key"],
            "unique_keys": _unique_keys(spec.get("unique_keys", [])),
            "synced": synced,
            "columns": columns,
        }
    return tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="AMRIT's schema.json")
    args = parser.parse_args()
    tables = convert(json.loads(args.source.read_text(encoding="utf-8")))
    OUTPUT.write_text(json.dumps(tables, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(tables)} tables to {OUTPUT}")


if __name__ == "__main__":
    main()
