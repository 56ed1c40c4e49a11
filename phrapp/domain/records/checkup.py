"""A checkup (特定健診) and its items (CONTRACT §4 ``checkups``; specs/checkup-cda.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from phrapp.domain.records.common import Record
from phrapp.domain.records.profile import Sex


class ItemStatus(StrEnum):
    MEASURED = "measured"
    NOT_PERFORMED = "not-performed"
    UNMEASURABLE = "unmeasurable"


@dataclass(frozen=True, kw_only=True, slots=True)
class CheckupItem:
    """One observation. ``value`` is a number (PQ), a code (CD/CO), text (ST) or None.

    ``detail`` keeps what a source document said beyond the CONTRACT fields (xsi:type,
    the value text as written, methodCode, reference range, negation / nullFlavor, group
    id and relation, section code, author …), enough to regenerate an equivalent
    observation on export.
    """

    code: str
    name: str
    value: float | str | None
    value_display: str | None = None
    code_system: str | None = None
    unit: str | None = None
    comparator: str | None = None  # ">=" / "<=" for the out-of-range form
    flag: str | None = None  # interpretationCode H / L / N
    status: ItemStatus = ItemStatus.MEASURED
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Checkup(Record):
    """One exam: header plus items. ``document_id`` points at the stored original (if any)."""

    date: dt.date
    institution_id: str | None = None
    institution_name: str | None = None
    sex: Sex | None = None
    birth_date: dt.date | None = None
    metabolic_syndrome: int | None = None  # 1–4 as coded in the file
    guidance_level: int | None = None  # 1–4 as coded in the file
    items: tuple[CheckupItem, ...] = field(default_factory=tuple)
    document_id: str | None = None
