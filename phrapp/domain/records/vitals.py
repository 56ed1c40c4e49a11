"""Home vital signs: blood pressure, weight, steps (specs/devices.md §1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from phrapp.domain.records.common import Record
from phrapp.domain.time import Slot, slot_for


class BpContext(StrEnum):
    """The slot as recorded by the user or device (``context`` in CONTRACT §4)."""

    MORNING = "morning"
    EVENING = "evening"
    OTHER = "other"


class WeightUnit(StrEnum):
    KG = "kg"
    LB = "lb"


@dataclass(frozen=True, kw_only=True, slots=True)
class BloodPressure(Record):
    """A home BP reading in mmHg (integers), with its original offset kept."""

    measured_at: dt.datetime
    systolic: int
    diastolic: int
    pulse: int | None = None
    context: BpContext | None = None
    irregular_heartbeat: bool = False
    note: str | None = None

    @property
    def slot(self) -> Slot:
        """Derived slot (CONTRACT §5): context wins, else the local clock."""
        return slot_for(self.measured_at, self.context.value if self.context else None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Weight(Record):
    """Body weight, canonical kg; ``original_unit`` records what the source used."""

    measured_at: dt.datetime
    kg: float
    body_fat_percent: float | None = None
    original_unit: WeightUnit = WeightUnit.KG


@dataclass(frozen=True, kw_only=True, slots=True)
class Steps(Record):
    """Steps of one local day from one source (one record per profile, date, source)."""

    date: dt.date
    steps: int
