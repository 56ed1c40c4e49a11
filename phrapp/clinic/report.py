"""The clinic report: CONTRACT §4 ``clinic open --json``, plus what ``--out`` needs.

:meth:`ClinicReport.to_json` gives exactly the CONTRACT keys (``kind``, ``valid``,
``errors``, ``patient``, ``counts``, ``period``, ``latest``, ``home_bp``,
``medications``, ``immunizations``, ``checkups``). The other attributes (the validated
FHIR bytes, parsed records) stay in memory for :func:`phrapp.clinic.write_outputs` and
never reach the JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import Record

JsonDict = dict[str, Any]

KINDS = ("phrapp-fhir", "jp-core", "jp-clins", "echeckup", "tokutei-cda", "jahis-tc", "share")


def empty_home_bp() -> JsonDict:
    """``home_bp`` when there is nothing to evaluate (no BP readings in the file)."""
    return {"window_days": 14, "morning": None, "evening": None, "category": None,
            "hypertension": None, "meets_target": None, "missing": ["morning", "evening"],
            "as_of": None}


@dataclass(slots=True)
class ClinicReport:
    """What ``clinic open`` found in one file (see the module docstring)."""

    kind: str | None = None
    valid: bool = False
    errors: list[JsonDict] = field(default_factory=list)
    patient: JsonDict = field(default_factory=lambda: {
        "name": None, "name_kana": None, "sex": None, "birth_date": None})
    counts: dict[str, int] = field(default_factory=dict)
    period: JsonDict = field(default_factory=lambda: {"from": None, "to": None})
    latest: JsonDict = field(default_factory=lambda: {"bp": None, "weight": None,
                                                      "steps": None})
    home_bp: JsonDict = field(default_factory=empty_home_bp)
    medications: list[JsonDict] = field(default_factory=list)
    immunizations: list[JsonDict] = field(default_factory=list)
    checkups: list[JsonDict] = field(default_factory=list)
    # ---- not part of the JSON -------------------------------------------------------
    source_name: str = ""
    #: The FHIR content exactly as validated (a Bundle or a single resource), if any.
    fhir_bytes: bytes | None = None
    #: Domain records parsed from the input (CDA/JAHIS input, or FHIR via the importer).
    records: list[Record] = field(default_factory=list)
    persons: list[PersonInfo] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def error(self, path: str, message: str) -> None:
        """Record a problem; any problem makes the report invalid."""
        self.errors.append({"path": path, "message": message})
        self.valid = False

    def to_json(self) -> JsonDict:
        """The CONTRACT §4 object (one value for ``--json``)."""
        return {"kind": self.kind, "valid": self.valid, "errors": list(self.errors),
                "patient": dict(self.patient), "counts": dict(self.counts),
                "period": dict(self.period), "latest": dict(self.latest),
                "home_bp": dict(self.home_bp), "medications": list(self.medications),
                "immunizations": list(self.immunizations), "checkups": list(self.checkups)}


def widen_period(report: ClinicReport, day: dt.date | str | None) -> None:
    """Extend ``report.period`` to include ``day`` (a date or ``YYYY-MM-DD`` text)."""
    if day is None:
        return
    text = day.isoformat() if isinstance(day, dt.date) else day[:10]
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return  # partial dates (a year, a month) do not bound the period
    if report.period["from"] is None or text < report.period["from"]:
        report.period["from"] = text
    if report.period["to"] is None or text > report.period["to"]:
        report.period["to"] = text


def json_number(value: float | int) -> float | int:
    """An integral float as an int (``120.0`` -> ``120``), else the float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
