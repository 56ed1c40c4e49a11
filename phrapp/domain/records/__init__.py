"""Every record type phrapp keeps (CONTRACT §4), as frozen dataclasses.

Records are plain values: storage maps them to tables, ``domain.serialize`` to the
CONTRACT JSON, importers produce them and exporters consume them.
"""

from phrapp.domain.records.checkup import Checkup, CheckupItem, ItemStatus
from phrapp.domain.records.clinical import (
    Allergy,
    AllergyKind,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    Smoking,
)
from phrapp.domain.records.common import Device, Provenance, Record, Source, new_id
from phrapp.domain.records.kinds import KIND_CLASSES, RecordKind, kind_of
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.medication import (
    Drug,
    DrugCodeSystem,
    MedicationOrigin,
    MedicationRecord,
)
from phrapp.domain.records.profile import Profile, Sex
from phrapp.domain.records.vitals import BloodPressure, BpContext, Steps, Weight, WeightUnit

__all__ = [
    "KIND_CLASSES",
    "Allergy",
    "AllergyKind",
    "BloodPressure",
    "BpContext",
    "Checkup",
    "CheckupItem",
    "Device",
    "Drug",
    "DrugCodeSystem",
    "FollowUpVisit",
    "HealthBackground",
    "Immunization",
    "ItemStatus",
    "LabValue",
    "MedicationOrigin",
    "MedicationRecord",
    "Profile",
    "Provenance",
    "Record",
    "RecordKind",
    "Sex",
    "Smoking",
    "Source",
    "Steps",
    "Weight",
    "WeightUnit",
    "kind_of",
    "new_id",
]
