"""Pieces every risk rule shares: exact numbers, citations, the age gates, tri-state logic.

risk-rules.md "General conventions" (phrapp convention, no source): compare raw values
with the table's comparator, averages unrounded; round derived ratios first; use
:class:`~decimal.Decimal`, never binary floats, at threshold edges.

Error messages name the input, never its value (errors.py: messages hold no health values).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final, Literal

Number = Decimal | int | float
Status = Literal["confirmed", "single", "unconfirmed"]

#: CONTRACT §4: adult rules are not applicable under 18, step targets under 20.
ADULT_AGE: Final = 18
NOT_APPLICABLE_AGE: Final = "age"


@dataclass(frozen=True, slots=True)
class Guideline:
    """What a rule rests on: guideline, version, the spec section and its status tag."""

    name: str
    version: str
    spec: str
    status: Status

    @property
    def reference_only(self) -> bool:
        """risk-rules preamble: [single] / [unconfirmed] results are shown as 「参考」."""
        return self.status != "confirmed"


def dec(value: Number | str, name: str) -> Decimal:
    """``value`` as an exact Decimal (floats through their shortest repr: 5.6 -> 5.6).

    ``ValueError`` naming ``name`` (never the value) for bools, non-numbers, NaN,
    infinities and negative numbers: no rule input can be negative.
    """
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number")
    try:
        if isinstance(value, Decimal):
            d = value
        elif isinstance(value, int):
            d = Decimal(value)
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"{name} must be a finite number")
            d = Decimal(repr(value))
        elif isinstance(value, str):
            d = Decimal(value.strip())
        else:
            raise ValueError(f"{name} must be a number")
    except InvalidOperation:
        raise ValueError(f"{name} must be a number") from None
    if not d.is_finite():
        raise ValueError(f"{name} must be a finite number")
    if d < 0:
        raise ValueError(f"{name} must not be negative")
    return d


def dec_opt(value: Number | str | None, name: str) -> Decimal | None:
    """:func:`dec`, with ``None`` (not measured) passed through."""
    return None if value is None else dec(value, name)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round half away from zero to ``places`` decimals (risk-rules §9: "half-up")."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def json_number(value: Decimal | int | float) -> int | float:
    """A JSON number: whole values as int (``150`` not ``150.0``), others as float.

    Results documented as "one decimal" (BMI, eGFR, risk %) use ``float()`` instead.
    """
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def is_adult(age: int) -> bool:
    """CONTRACT §4: adult rules apply from 18 (completed years)."""
    return age >= ADULT_AGE


def tri_or(*values: bool | None) -> bool | None:
    """Three-valued OR: True if any is True, False if all are False, else None (unknown)."""
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def at_least(value: Decimal | None, limit: Decimal) -> bool | None:
    """``value >= limit``, or None when not measured."""
    return None if value is None else value >= limit


def below(value: Decimal | None, limit: Decimal) -> bool | None:
    """``value < limit``, or None when not measured."""
    return None if value is None else value < limit


def band(value: Decimal, table: tuple[tuple[Decimal, int], ...], default: int) -> int:
    """The first ``points`` whose lower bound ``value`` reaches (bounds listed high to low)."""
    for lower, points in table:
        if value >= lower:
            return points
    return default
