"""お薬: the read model of the medication page (no Qt).

One :class:`MedicationOverview` per profile and day: the drug lines current that day
(服用中, with pharmacy, prescriber and the last day of supply), the history of
dispensings / OTC purchases / hand-entered medicines newest first, the
duplicate-ingredient warnings and the lines that cannot be checked (no YJ code), the
allergies and adverse reactions, and the vaccinations. The rules of "current" and of the
duplicate check are in :mod:`phrapp.domain.medication_current`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from phrapp.domain.medication_current import (
    DrugLine,
    DuplicateIngredient,
    check_overlap,
    current_lines,
)
from phrapp.domain.records import (
    Allergy,
    Drug,
    Immunization,
    MedicationRecord,
    Profile,
    RecordKind,
)
from phrapp.domain.time import today_in
from phrapp.services.records import RecordService
from phrapp.services.session import Session


def prescriber_of(record: MedicationRecord) -> str:
    """"山田内科 山田 一郎", the institution alone, the doctor alone, or ""."""
    return " ".join(p for p in (record.prescriber_institution, record.doctor) if p)


def dose_text(drug: Drug) -> str:
    """"1 錠", "25 g" or "" (the amount per day or per use as the record gives it)."""
    if drug.dose is None:
        return ""
    amount = f"{drug.dose:g}"
    return f"{amount} {drug.unit}" if drug.unit else amount


def supply_text(drug: Drug) -> str:
    """"28 日分", "10 回分" or ""."""
    if drug.quantity is None:
        return ""
    amount = f"{drug.quantity:g}"
    return f"{amount} {drug.quantity_unit}" if drug.quantity_unit else amount


@dataclass(frozen=True, slots=True)
class CurrentDrug:
    """One line of 服用中."""

    line: DrugLine
    pharmacy: str
    prescriber: str

    @property
    def drug(self) -> Drug:
        return self.line.drug

    @property
    def record(self) -> MedicationRecord:
        return self.line.record

    @property
    def supply_end(self) -> dt.date | None:
        """The last day of supply (None: ongoing, e.g. a hand-entered medicine)."""
        return self.line.end


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A duplicate ingredient, with the drug names and prescribers in plain words."""

    ingredient: str
    drug_names: tuple[str, ...]
    prescribers: tuple[str, ...]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matches(record: MedicationRecord, query: str) -> bool:
    """Does ``query`` (every word of it) occur in a drug name, the pharmacy or prescriber?

    Comparison after NFKC and case folding, so ﾛｷｿﾆﾝ finds ロキソニン and ＡＢ finds ab.
    """
    words = _norm(query).split()
    if not words:
        return True
    haystack = " ".join(_norm(t) for t in (
        *(d.name for d in record.drugs), record.pharmacy or "",
        record.prescriber_institution or "", record.doctor or "", record.note or ""))
    return all(w in haystack for w in words)


def search(records: Iterable[MedicationRecord], query: str) -> list[MedicationRecord]:
    return [r for r in records if matches(r, query)]


@dataclass(frozen=True)
class MedicationOverview:
    day: dt.date
    current: list[CurrentDrug] = field(default_factory=list)
    history: list[MedicationRecord] = field(default_factory=list)  # newest first
    duplicates: list[Duplicate] = field(default_factory=list)
    unchecked: list[CurrentDrug] = field(default_factory=list)  # current, no YJ code
    allergies: list[Allergy] = field(default_factory=list)
    immunizations: list[Immunization] = field(default_factory=list)  # newest first

    @property
    def is_empty(self) -> bool:
        return not (self.history or self.allergies or self.immunizations)

    def search(self, query: str) -> list[MedicationRecord]:
        return search(self.history, query)


def _current(line: DrugLine) -> CurrentDrug:
    return CurrentDrug(line, line.record.pharmacy or "", prescriber_of(line.record))


def _duplicate(found: DuplicateIngredient) -> Duplicate:
    names: list[str] = []
    for line in found.lines:
        if line.drug.name not in names:
            names.append(line.drug.name)
    return Duplicate(found.ingredient, tuple(names), found.prescribers)


def overview(records: Sequence[MedicationRecord], allergies: Sequence[Allergy],
             immunizations: Sequence[Immunization], day: dt.date) -> MedicationOverview:
    """The page's view of these records on ``day`` (pure)."""
    history = sorted(records, key=lambda r: (r.dispensed_on, r.created_at), reverse=True)
    check = check_overlap(records, day)
    return MedicationOverview(
        day=day,
        current=[_current(line) for line in current_lines(records, day)],
        history=history,
        duplicates=[_duplicate(d) for d in check.duplicates],
        unchecked=[_current(line) for line in check.unchecked],
        allergies=sorted(allergies, key=lambda a: (a.recorded_on or dt.date.min,
                                                   a.created_at), reverse=True),
        immunizations=sorted(immunizations, key=lambda i: (i.date, i.created_at),
                             reverse=True),
    )


class MedicationService:
    def __init__(self, session: Session) -> None:
        self.records = RecordService(session)

    def overview(self, profile: Profile, day: dt.date | None = None) -> MedicationOverview:
        """Everything of ``profile`` for the お薬 page; ``day`` defaults to today in the
        profile's home zone."""
        day = day or today_in(profile.home_zone)
        meds = [r for r in self.records.list(RecordKind.MEDICATIONS, [profile])
                if isinstance(r, MedicationRecord)]
        allergies = [r for r in self.records.list(RecordKind.ALLERGIES, [profile])
                     if isinstance(r, Allergy)]
        shots = [r for r in self.records.list(RecordKind.IMMUNIZATIONS, [profile])
                 if isinstance(r, Immunization)]
        return overview(meds, allergies, shots, day)


__all__ = [
    "CurrentDrug", "Duplicate", "MedicationOverview", "MedicationService", "dose_text",
    "matches", "overview", "prescriber_of", "search", "supply_text",
]
