"""The record kinds by their CONTRACT names (``list KIND``)."""

from __future__ import annotations

from enum import StrEnum

from phrapp.domain.records.checkup import Checkup
from phrapp.domain.records.clinical import Allergy, FollowUpVisit, HealthBackground, Immunization
from phrapp.domain.records.common import Record
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.medication import MedicationRecord
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight


class RecordKind(StrEnum):
    BP = "bp"
    WEIGHT = "weight"
    STEPS = "steps"
    LABS = "labs"
    CHECKUPS = "checkups"
    MEDICATIONS = "medications"
    ALLERGIES = "allergies"
    IMMUNIZATIONS = "immunizations"
    BACKGROUND = "background"
    VISITS = "visits"


KIND_CLASSES: dict[RecordKind, type[Record]] = {
    RecordKind.BP: BloodPressure,
    RecordKind.WEIGHT: Weight,
    RecordKind.STEPS: Steps,
    RecordKind.LABS: LabValue,
    RecordKind.CHECKUPS: Checkup,
    RecordKind.MEDICATIONS: MedicationRecord,
    RecordKind.ALLERGIES: Allergy,
    RecordKind.IMMUNIZATIONS: Immunization,
    RecordKind.BACKGROUND: HealthBackground,
    RecordKind.VISITS: FollowUpVisit,
}
_BY_CLASS = {cls: kind for kind, cls in KIND_CLASSES.items()}


def kind_of(record: Record) -> RecordKind:
    """The kind of a record instance."""
    return _BY_CLASS[type(record)]
