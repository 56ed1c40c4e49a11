"""Medication records: a dispensing (調剤), an OTC purchase or a hand-entered medicine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from phrapp.domain.records.common import Record


class MedicationOrigin(StrEnum):
    DISPENSING = "dispensing"
    OTC = "otc"
    MANUAL = "manual"


class DrugCodeSystem(StrEnum):
    YJ = "yj"
    HOT = "hot"
    RECEIPT = "receipt"  # レセ電 code
    MHLW = "mhlw"


@dataclass(frozen=True, kw_only=True, slots=True)
class Drug:
    """One drug line paired with its usage (JAHIS 201 + 301 by RP number)."""

    name: str
    code: str | None = None
    code_system: DrugCodeSystem | None = None
    dose: float | None = None
    unit: str | None = None
    usage: str | None = None
    quantity: float | None = None  # e.g. days supplied (日分) or times (回分)
    quantity_unit: str | None = None
    form: str | None = None  # 内服 / 頓服 / 外用 …
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class MedicationRecord(Record):
    """A dispensing block, an OTC purchase, or a hand-entered medicine.

    Hand-entered medicines and OTC use ``dispensed_on`` = start date (CONTRACT §4).
    """

    origin: MedicationOrigin
    dispensed_on: dt.date
    pharmacy: str | None = None
    prescriber_institution: str | None = None
    doctor: str | None = None
    drugs: tuple[Drug, ...] = field(default_factory=tuple)
    note: str | None = None
