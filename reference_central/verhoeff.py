"""The Verhoeff check digit, written from the algorithm's definition.

The dihedral group D5 gives the multiplication table; a fixed permutation applied
position by position (counted from the right) catches every single-digit error and
every swap of neighbouring digits.
"""

from __future__ import annotations


def _dihedral_table() -> tuple[tuple[int, ...], ...]:
    # Elements 0-4 are rotations r^k, 5-9 are reflections s*r^k of a pentagon.
    def compose(a: int, b: int) -> int:
        if a < 5 and b < 5:
            return (a + b) % 5
        if a < 5:
            return 5 + (b - 5 + a) % 5
        if b < 5:
            return 5 + (a - 5 - b) % 5
        return (a - b) % 5

    return tuple(tuple(compose(a, b) for b in range(10)) for a in range(10))


_MULTIPLY = _dihedral_table()
# The permutation (1 5 8 9 4 2 7 0)(3 6) and its powers for each position.
_BASE_PERMUTATION = (1, 5, 7, 6, 2, 8, 3, 0, 9, 4)


def _permutations() -> tuple[tuple[int, ...], ...]:
    rows = [tuple(range(10))]
    for _ in range(7):
        previous = rows[-1]
        rows.append(tuple(_BASE_PERMUTATION[previous[d]] for d in range(10)))
    return tuple(rows)


_PERMUTE = _permutations()
_INVERSE = tuple(next(b for b in range(10) if _MULTIPLY[a][b] == 0) for a in range(10))


def _checksum(digits: str, offset: int) -> int:
    check = 0
    for position, char in enumerate(reversed(digits)):
        check = _MULTIPLY[check][_PERMUTE[(position + offset) % 8][int(char)]]
    return check


def _require_digits(text: str) -> None:
    if not text or not text.isascii() or not text.isdigit():
        raise ValueError(f"not a string of digits: {text!r}")


def check_digit(digits: str) -> str:
    """The Verhoeff digit to append to ``digits``."""
    _require_digits(digits)
    return str(_INVERSE[_checksum(digits, 1)])


def is_valid(number: str) -> bool:
    """Whether ``number`` ends in its correct Verhoeff check digit."""
    try:
        _require_digits(number)
    except ValueError:
        return False
    return _checksum(number, 0) == 0
