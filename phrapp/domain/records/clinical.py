"""Allergies, immunizations, health background and follow-up visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from phrapp.domain.records.common import Record


class AllergyKind(StrEnum):
    ALLERGY = "allergy"
    ADVERSE_REACTION = "adverse-reaction"
    HISTORY = "history"
    OTHER = "other"


@dataclass(frozen=True, kw_only=True, slots=True)
class Allergy(Record):
    """An allergy, adverse drug reaction or other patient note (JAHIS record 2)."""

    kind: AllergyKind
    text: str
    recorded_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Immunization(Record):
    """A vaccination (予防接種)."""

    date: dt.date
    vaccine: str
    code: str | None = None
    code_system: str | None = None
    dose_number: int | None = None
    lot: str | None = None
    place: str | None = None


class Smoking(StrEnum):
    CURRENT = "current"
    FORMER = "former"
    NEVER = "never"


@dataclass(frozen=True, kw_only=True, slots=True)
class HealthBackground(Record):
    """Dated answers the risk rules need; ``None`` means "not answered", never "no"."""

    date: dt.date
    smoking: Smoking | None = None
    on_bp_drugs: bool | None = None
    on_glucose_drugs: bool | None = None
    on_lipid_drugs: bool | None = None
    diabetes: bool | None = None
    ckd: bool | None = None
    pad: bool | None = None
    cad_or_stroke: bool | None = None
    family_history_cad: bool | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class FollowUpVisit(Record):
    """A visit made after a 受診勧奨 flag: when, where, for which checkup item."""

    date: dt.date
    facility: str | None = None
    item_code: str | None = None
    note: str | None = None
