"""Lab values between checkups (HbA1c, glucose, lipids, creatinine …)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phrapp.domain.records.common import Record


@dataclass(frozen=True, kw_only=True, slots=True)
class LabValue(Record):
    """One measured lab item, keyed by its 17-character 特定健診 item code."""

    date: dt.date
    code: str
    name: str
    value: float
    unit: str
    facility: str | None = None
