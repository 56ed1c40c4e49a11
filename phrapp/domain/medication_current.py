"""服用中 (which drug lines are current) and the duplicate-ingredient check. Pure.

Supply period of a drug line (``supply_period``), first rule that applies:

1. an explicit ``end`` (hand-entered, or computed by an importer): ``[start, end]``;
2. ``日分`` of a daily form (内服, 内滴, 浸煎, 湯, or no form stated) with a whole number of
   days N ≥ 1: ``[start, start + N − 1]`` — the dispensing day is day 1;
3. a hand-entered medicine (origin ``manual``) without an end date: ongoing from
   ``start`` (the user ends it by entering an end date);
4. otherwise (頓服 ``回分``, 外用/注射 ``調剤``, OTC without an end date, no quantity)
   there is no supply period: the line is never "current".

``start`` is the drug's own start date, else the record's ``dispensed_on``. A line is
current on day D when ``start <= D <= end`` — the last day of supply is included, the day
after is not.

Duplicate ingredients (``check_overlap``): among the lines current on D, those with a YJ
code whose first 7 characters (薬効分類 4 + 成分 3) are equal and that come from two or
more different prescribers give one :class:`DuplicateIngredient` warning. The prescriber
of a line is its record's (prescriber_institution, doctor), compared after NFKC with
spaces removed; a record without either is its own "unknown prescriber", different from
any named one. Current lines without a YJ code cannot be compared: they are listed in
``unchecked`` so the caller can say that overlap could not be checked for them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from phrapp.domain.records import Drug, DrugCodeSystem, MedicationOrigin, MedicationRecord

DAILY_FORMS = frozenset({"内服", "内滴", "浸煎", "湯"})
DAYS_UNIT = "日分"
YJ_INGREDIENT_CHARS = 7


@dataclass(frozen=True, slots=True)
class DrugLine:
    """One drug of a medication record, with its supply period (``end`` None: ongoing)."""

    record: MedicationRecord
    index: int
    start: dt.date
    end: dt.date | None

    @property
    def drug(self) -> Drug:
        return self.record.drugs[self.index]

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class DuplicateIngredient:
    """The same ingredient (YJ code prefix) current from more than one prescriber."""

    ingredient: str  # the first 7 characters of the YJ code
    lines: tuple[DrugLine, ...]
    prescribers: tuple[str, ...]  # display names, "" for an unknown prescriber

    @property
    def message(self) -> str:
        return (f"the same ingredient (YJ {self.ingredient}) is current from "
                f"{len(self.prescribers)} prescribers")


@dataclass(frozen=True, slots=True)
class OverlapCheck:
    day: dt.date
    duplicates: tuple[DuplicateIngredient, ...]
    unchecked: tuple[DrugLine, ...]  # current lines without a YJ code

    @property
    def notes(self) -> list[str]:
        out = [d.message for d in self.duplicates]
        if self.unchecked:
            out.append(f"{len(self.unchecked)} current drug lines have no YJ code: overlap "
                       "cannot be checked for them")
        return out


def _days(quantity: float | None) -> int | None:
    if quantity is None or quantity < 1 or quantity != int(quantity):
        return None
    return int(quantity)


def supply_period(record: MedicationRecord, drug: Drug) -> tuple[dt.date, dt.date | None] | None:
    """(start, end) of the drug's supply (end None: ongoing), or None (see module doc)."""
    start = drug.start or record.dispensed_on
    if drug.end is not None:
        return (start, drug.end) if drug.end >= start else None
    unit = unicodedata.normalize("NFKC", drug.quantity_unit or "").strip()
    days = _days(drug.quantity)
    if unit == DAYS_UNIT and days is not None and (drug.form is None or drug.form in DAILY_FORMS):
        return start, start + dt.timedelta(days=days - 1)
    if record.origin is MedicationOrigin.MANUAL:
        return start, None
    return None


def drug_lines(records: Iterable[MedicationRecord]) -> list[DrugLine]:
    """Every drug line that has a supply period."""
    out: list[DrugLine] = []
    for record in records:
        for index, drug in enumerate(record.drugs):
            period = supply_period(record, drug)
            if period is not None:
                out.append(DrugLine(record, index, period[0], period[1]))
    return out


def current_lines(records: Iterable[MedicationRecord], day: dt.date) -> list[DrugLine]:
    """服用中 on ``day``: the drug lines whose supply period covers it, by start date
    (lines starting the same day keep the order of ``records``)."""
    lines = [line for line in drug_lines(records) if line.covers(day)]
    return sorted(lines, key=lambda line: line.start)


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def prescriber_key(record: MedicationRecord) -> tuple[str, str]:
    return _norm(record.prescriber_institution), _norm(record.doctor)


def _prescriber_name(record: MedicationRecord) -> str:
    parts = [p for p in (record.prescriber_institution, record.doctor) if p]
    return " ".join(parts)


def yj_ingredient(drug: Drug) -> str | None:
    """The 7-character ingredient part of a YJ code, or None (not a YJ code)."""
    if drug.code_system is not DrugCodeSystem.YJ or not drug.code:
        return None
    code = unicodedata.normalize("NFKC", drug.code).strip().upper()
    if len(code) < YJ_INGREDIENT_CHARS or not code[:YJ_INGREDIENT_CHARS].isalnum():
        return None
    return code[:YJ_INGREDIENT_CHARS]


def check_overlap(records: Iterable[MedicationRecord], day: dt.date) -> OverlapCheck:
    """Duplicate ingredients among the lines current on ``day`` (see module doc)."""
    by_ingredient: dict[str, list[DrugLine]] = {}
    unchecked: list[DrugLine] = []
    for line in current_lines(records, day):
        ingredient = yj_ingredient(line.drug)
        if ingredient is None:
            unchecked.append(line)
        else:
            by_ingredient.setdefault(ingredient, []).append(line)
    duplicates: list[DuplicateIngredient] = []
    for ingredient, lines in sorted(by_ingredient.items()):
        keys: dict[tuple[str, str], str] = {}
        for line in lines:
            keys.setdefault(prescriber_key(line.record), _prescriber_name(line.record))
        if len(keys) > 1:
            duplicates.append(DuplicateIngredient(ingredient, tuple(lines),
                                                  tuple(keys.values())))
    return OverlapCheck(day, tuple(duplicates), tuple(unchecked))


__all__ = [
    "DrugLine", "DuplicateIngredient", "OverlapCheck", "check_overlap", "current_lines",
    "drug_lines", "prescriber_key", "supply_period", "yj_ingredient",
]
