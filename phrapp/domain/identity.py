"""Natural keys of records (CONTRACT §5 "Identity of a reading").

The key never contains values: re-importing a file after the user edited a reading
finds the edited reading by its key, keeps the edit, and reports a duplicate.
"""

from __future__ import annotations

import unicodedata

from phrapp.domain.records import (
    Allergy,
    BloodPressure,
    Checkup,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    LabValue,
    MedicationRecord,
    Record,
    Steps,
    Weight,
)
from phrapp.domain.time import minute_key

NaturalKey = tuple[str, ...]


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def natural_key(record: Record) -> NaturalKey:
    """The identity of ``record`` within its profile and kind."""
    source = record.source.identity_key()
    if isinstance(record, BloodPressure | Weight):
        return (minute_key(record.measured_at), source)
    if isinstance(record, Steps):
        return (record.date.isoformat(), source)
    if isinstance(record, LabValue):
        return (record.date.isoformat(), record.code, source)
    if isinstance(record, Checkup):
        # The same exam is the same exam whichever file brought it (CDA, FHIR, hand entry).
        return (record.date.isoformat(), _norm(record.institution_id or record.institution_name))
    if isinstance(record, MedicationRecord):
        drugs = "|".join(f"{_norm(d.code)}:{_norm(d.name)}" for d in record.drugs)
        return (record.origin.value, record.dispensed_on.isoformat(), _norm(record.pharmacy), drugs)
    if isinstance(record, Allergy):
        return (record.kind.value, _norm(record.text))
    if isinstance(record, Immunization):
        return (record.date.isoformat(), _norm(record.vaccine), str(record.dose_number or ""))
    if isinstance(record, HealthBackground):
        return (record.date.isoformat(), source)
    if isinstance(record, FollowUpVisit):
        return (record.date.isoformat(), _norm(record.facility), record.item_code or "")
    raise TypeError(type(record).__name__)  # pragma: no cover
