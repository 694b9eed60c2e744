"""Reading AMRIT's comma-separated column lists, where a date column may be wrapped.

A van list reads like ``Name,date_format(DOB,'%Y-%m-%d %H:%i:%s'),VanID``: the commas
inside a ``date_format(...)`` call do not separate columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WRAPPED = re.compile(r"^date_format\(\s*(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s*,.*\)$", re.S)
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ListedColumn:
    """One entry of a column list: its label on the wire and the column it reads."""

    label: str
    column: str

    @property
    def is_date(self) -> bool:
        return self.label != self.column


def split_column_list(text: str) -> list[ListedColumn]:
    """Split a column list into entries; raise ValueError on anything but a plain
    column name or a ``date_format`` call, since the names end up in SQL."""
    entries: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            entries.append(text[start:i])
            start = i + 1
    entries.append(text[start:])
    result = []
    for raw in entries:
        label = raw.strip()
        if not label:
            continue
        wrapped = _WRAPPED.match(label)
        if wrapped:
            result.append(ListedColumn(label, wrapped.group("col")))
        elif _PLAIN.match(label):
            result.append(ListedColumn(label, label))
        else:
            raise ValueError(f"not a column name: {label[:60]!r}")
    return result
