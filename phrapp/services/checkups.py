"""The 健診 page's read model: a profile's exams as columns, items as rows (no Qt).

Rows follow the paper report: the groups and order of the MHLW item table
(:class:`~phrapp.domain.codes.checkup_items.ItemDef` ``group_no`` / ``order``), items
the table does not know at the end. The same analyte measured by another method (a
different 17-character code with the same item name) shares one row, so a person sees
one HbA1c row across exams from different facilities; each cell keeps its own code.

The header items (メタボリックシンドローム判定, 保健指導レベル, 医師の診断(判定) and
the doctor's name) are not rows: they belong to the exam (:class:`ExamColumn`).

Each value is judged against the 保健指導判定値 / 受診勧奨判定値 of
:mod:`phrapp.domain.risk.thresholds` (``judge_code``); words and colours are the UI's.

Lab values measured between checkups (``labs``: ``phrapp add lab``, the exchange-protocol
CSV's HbA1c, a glucose CSV) are never columns: an exam is a checkup. They join an item's
*history* (:meth:`CheckupTable.item_history`) when they are the **same item**, by the
rule the rows already use: the same analyte regardless of method, i.e. the same item
name in the same group of the MHLW table (:func:`item_key`). HbA1c 免疫学的方法
``3D046000001906202`` and HbA1c その他 ``3D046000001999902`` are one item; 空腹時血糖
``3D010000001999901`` and 随時血糖 ``3D010129901999901`` are not, although their JLAC10
analyte code (the first five characters, 3D010) is the same: the table names them
apart and their 判定値 differ. A code the table does not know matches only itself.
Units are compared, never converted: a lab value in another unit than the row's (mmol/L
against mg/dL) is listed apart and not drawn on the same axis.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from phrapp.domain.checkup_entry import GUIDANCE_LEVEL, METABOLIC_SYNDROME, code_labels
from phrapp.domain.codes.checkup_items import ItemDef, item
from phrapp.domain.records import (
    Checkup,
    CheckupItem,
    ItemStatus,
    LabValue,
    Profile,
    RecordKind,
)
from phrapp.domain.risk.thresholds import (
    URINE_GRADES,
    BySex,
    Judgement,
    Limit,
    ThresholdRow,
    item_key_for_code,
    judge_code,
)
from phrapp.domain.risk.thresholds import row as threshold_row
from phrapp.services.records import RecordService
from phrapp.services.session import Session

DOCTOR_JUDGEMENT = "9N511000000000049"  # 医師の診断(判定)
DOCTOR_NAME = "9N516000000000049"  # 健康診断を実施した医師の氏名
HEADER_CODES = frozenset({METABOLIC_SYNDROME, GUIDANCE_LEVEL, DOCTOR_JUDGEMENT, DOCTOR_NAME})

OTHER_GROUP = 10_000  # items not in the MHLW table sort after every group


@dataclass(frozen=True, slots=True)
class ExamColumn:
    """One exam (a column): its date and what the file says about the whole exam."""

    id: str
    date: dt.date
    institution_name: str | None
    institution_id: str | None
    metabolic_syndrome: int | None  # 1 基準該当 2 予備群該当 3 非該当 4 判定不能
    guidance_level: int | None  # 1 積極的支援 2 動機付け支援 3 なし 4 判定不能
    doctor_judgement: str | None  # 医師の診断(判定), full text
    doctor_name: str | None
    provenance: str  # manual / checkup / import …
    from_file: bool  # an imported document (True) or entered by hand (False)
    item_count: int


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One row: an item (or several method variants of it) in report order."""

    key: str
    group_no: int | None  # None: not in the item table
    group_name: str | None
    code: str  # the newest exam's code for this row
    codes: tuple[str, ...]  # every code seen on this row, newest first
    name: str
    unit: str | None
    judgement_key: str | None  # the threshold row (thresholds.THRESHOLDS key), if any


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of one exam, with its judgement (``None``: no 判定値 for this item)."""

    exam_id: str
    date: dt.date
    code: str
    name: str
    value: float | str | None
    value_display: str  # what to show (label for codes, number text for PQ)
    value_text: str | None  # the value exactly as the file (or the person) wrote it
    unit: str | None
    comparator: str | None  # ">=" / "<=" in the out-of-range form
    status: ItemStatus
    file_flag: str | None  # the report's own interpretationCode H / L / N
    method: str | None  # measurement method from the item table
    judgement: Judgement | None
    number: float | None  # for the chart: the value, or a urine grade's ordinal

    @property
    def measured(self) -> bool:
        return self.status is ItemStatus.MEASURED and self.value is not None


@dataclass(frozen=True, slots=True)
class Bands:
    """The 判定値 of a row for one sex, for the chart's shaded bands."""

    guidance: Limit | None
    referral: Limit | None
    direction: str  # higher-is-worse / lower-is-worse
    unit: str | None
    value_kind: str  # numeric / urine-grade
    citation: str
    reference_only: bool


@dataclass(frozen=True, slots=True)
class LabPoint:
    """A lab value measured between checkups, on the history of its item's row."""

    id: str
    date: dt.date
    code: str
    name: str
    value: float
    unit: str  # as stored (the record's own unit, never replaced by the table's)
    facility: str | None
    provenance: str  # manual / device / import …
    source_app: str | None  # the source app (apple-health …), if the file named one
    device: str | None  # the measuring device's model (or maker), if known
    imported: bool  # brought by an import (undoable as a batch), not typed in the app
    method: str | None  # measurement method from the item table


@dataclass(frozen=True, slots=True)
class ItemHistory:
    """One item over time: checkup values and lab values between checkups.

    ``labs`` share the row's unit and can be drawn on one axis with ``checkups``;
    ``other_unit`` are the same item in another unit: listed, never drawn, never
    converted."""

    row_key: str
    name: str
    unit: str | None
    checkups: tuple[Cell, ...]  # measured exam values, oldest first
    labs: tuple[LabPoint, ...]  # oldest first
    other_unit: tuple[LabPoint, ...]  # oldest first


@dataclass(frozen=True)
class CheckupTable:
    """A profile's exams (newest first), the ordered rows and the cells between them."""

    exams: tuple[ExamColumn, ...]
    rows: tuple[ItemRow, ...]
    cells: Mapping[tuple[str, str], Cell]  # (row key, exam id) -> cell
    sex: str | None
    checkups: Mapping[str, Checkup] = field(default_factory=dict)  # exam id -> record
    labs: tuple[LabValue, ...] = ()  # lab values between checkups (never columns)

    def cell(self, row_key: str, exam_id: str) -> Cell | None:
        return self.cells.get((row_key, exam_id))

    def row(self, row_key: str) -> ItemRow | None:
        return next((r for r in self.rows if r.key == row_key), None)

    def history(self, row_key: str) -> list[Cell]:
        """The row's measured cells, oldest exam first (one per exam)."""
        out = [c for e in self.exams if (c := self.cells.get((row_key, e.id))) is not None
               and c.measured]
        return sorted(out, key=lambda c: c.date)

    def item_history(self, row_key: str) -> ItemHistory | None:
        """The row's checkup values and the lab values of the same item (:func:`item_key`);
        ``None`` for an unknown row."""
        found = self.row(row_key)
        if found is None:
            return None
        # A row split off because one exam had two method variants ("code:…") still
        # takes the labs of its analyte: the key of any of its codes is the item.
        keys = {row_key} | {item_key(c) for c in found.codes}
        unit = _unit_key(found.unit)
        same: list[LabPoint] = []
        other: list[LabPoint] = []
        for lab in self.labs:
            if item_key(lab.code) not in keys:
                continue
            point = lab_point(lab)
            (same if _unit_key(lab.unit) == unit else other).append(point)
        return ItemHistory(row_key=row_key, name=found.name, unit=found.unit,
                           checkups=tuple(self.history(row_key)),
                           labs=tuple(sorted(same, key=lambda p: p.date)),
                           other_unit=tuple(sorted(other, key=lambda p: p.date)))

    def labs_without_row(self) -> int:
        """Lab values whose item no exam has (they have no history chart here)."""
        keys = {item_key(c) for r in self.rows for c in r.codes} | {r.key for r in self.rows}
        return sum(1 for lab in self.labs if item_key(lab.code) not in keys)

    def bands(self, row_key: str) -> Bands | None:
        """The row's 保健指導 / 受診勧奨 判定値 for this person's sex (``None``: none)."""
        found = self.row(row_key)
        if found is None or found.judgement_key is None:
            return None
        return bands_for(threshold_row(found.judgement_key), self.sex)


def bands_for(r: ThresholdRow, sex: str | None) -> Bands | None:
    def pick(limit: Limit | BySex | None) -> Limit | None:
        if isinstance(limit, BySex):
            if sex not in ("male", "female"):
                return None
            return limit.for_sex("male" if sex == "male" else "female")
        return limit

    guidance, referral = pick(r.guidance), pick(r.referral)
    if guidance is None and referral is None:
        return None
    return Bands(guidance, referral, r.direction, r.unit, r.value_kind, r.source.citation,
                 r.reference_only)


# -- building ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _row_key(code: str, definition: ItemDef | None) -> str:
    if definition is None:
        return f"code:{code}"
    return f"{int(definition.extension)}:{definition.group_no}:{_norm(definition.name)}"


def item_key(code: str) -> str:
    """The "same item" key of a 17-character code: one analyte whatever the method.

    The item table gives each method its own code but the same display name within a
    group (four HbA1c(NGSP値) codes), so (table, group, NFKC name) identifies the
    analyte. The JLAC10 prefix is not enough: fasting and random glucose share 3D010.
    """
    return _row_key(code, item(code))


def _unit_key(unit: str | None) -> str:
    """A unit's spelling compared loosely: the table prints ``mg/dl`` where UCUM says
    ``mg/dL`` and ``mmHg`` where UCUM says ``mm[Hg]``: the same unit, not a conversion."""
    text = unicodedata.normalize("NFKC", unit or "").casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "[]")


def lab_point(lab: LabValue) -> LabPoint:
    """The page's view of one lab value."""
    definition = item(lab.code)
    return LabPoint(id=lab.id, date=lab.date, code=lab.code,
                    name=definition.name if definition else lab.name, value=lab.value,
                    unit=lab.unit, facility=lab.facility, provenance=lab.provenance.value,
                    source_app=lab.source.app,
                    device=(lab.source.device.model or lab.source.device.maker)
                    if lab.source.device is not None else None,
                    imported=lab.source.batch is not None,
                    method=definition.method_name if definition else None)


def _sort_key(definition: ItemDef | None, first_seen: int) -> tuple[Any, ...]:
    if definition is None:
        return (2, OTHER_GROUP, "", first_seen)
    return (int(definition.extension), definition.group_no, definition.order, first_seen)


def display_unit(definition: ItemDef | None, stored: str | None) -> str | None:
    """The unit as a report prints it: the table's UCUM spelling (mg/dL, U/L) unless it
    is a UCUM-only form such as ``mm[Hg]``, then the table's display unit (mmHg)."""
    if definition is None:
        return stored
    if definition.ucum and "[" not in definition.ucum:
        return definition.ucum
    return definition.unit or stored


def _text_of(entry: CheckupItem) -> str | None:
    if entry.value is None:
        return None
    text = entry.value_display if entry.value_display else str(entry.value)
    return text.strip() or None


def _doctor(checkup: Checkup) -> tuple[str | None, str | None]:
    texts = [t for e in checkup.items if e.code == DOCTOR_JUDGEMENT and (t := _text_of(e))]
    name = next((t for e in checkup.items if e.code == DOCTOR_NAME and (t := _text_of(e))),
                None)
    if name is None:
        for entry in checkup.items:
            author = entry.detail.get("author") if entry.code == DOCTOR_JUDGEMENT else None
            if isinstance(author, dict) and author.get("name"):
                name = str(author["name"])
                break
    if name is None:
        doctor = checkup.extra.get("doctor")
        if isinstance(doctor, dict) and doctor.get("name"):
            name = str(doctor["name"])
    return ("\n".join(texts) or None), name


def _exam(checkup: Checkup) -> ExamColumn:
    judgement, doctor = _doctor(checkup)
    return ExamColumn(
        id=checkup.id, date=checkup.date, institution_name=checkup.institution_name,
        institution_id=checkup.institution_id,
        metabolic_syndrome=checkup.metabolic_syndrome, guidance_level=checkup.guidance_level,
        doctor_judgement=judgement, doctor_name=doctor, provenance=checkup.provenance.value,
        from_file=checkup.document_id is not None,
        item_count=sum(1 for e in checkup.items if e.code not in HEADER_CODES))


def _display(entry: CheckupItem, definition: ItemDef | None) -> str:
    if entry.value is None:
        return ""
    if isinstance(entry.value, str) and definition is not None \
            and definition.value_type in ("CD", "CO"):
        labels = code_labels(definition)
        if entry.value_display:
            return entry.value_display
        return labels.get(entry.value, entry.value)
    if entry.value_display:
        return entry.value_display
    if isinstance(entry.value, float):
        return f"{entry.value:g}"
    return str(entry.value)


def _judge(entry: CheckupItem, sex: str | None) -> Judgement | None:
    if entry.status is not ItemStatus.MEASURED or entry.value is None:
        return None
    try:
        return judge_code(entry.code, entry.value, sex)
    except ValueError:
        return None  # e.g. a sex-specific 判定値 without a known sex, or a text value


def _number(entry: CheckupItem, judgement: Judgement | None) -> float | None:
    if entry.status is not ItemStatus.MEASURED:
        return None
    if isinstance(entry.value, float | int) and not isinstance(entry.value, bool):
        return float(entry.value)
    if judgement is not None and isinstance(judgement.value, str) \
            and judgement.value in URINE_GRADES:
        return float(URINE_GRADES.index(judgement.value))
    if judgement is not None and isinstance(judgement.value, Decimal):
        return float(judgement.value)
    return None


def build_table(checkups: Sequence[Checkup], profile: Profile | None = None,
                labs: Sequence[LabValue] = ()) -> CheckupTable:
    """The table for ``checkups`` (any order); ``profile`` supplies the sex if a file lacks it.

    ``labs`` ride along for :meth:`CheckupTable.item_history`; they add no row or column.
    """
    ordered = sorted(checkups, key=lambda c: (c.date, c.created_at), reverse=True)
    exams = tuple(_exam(c) for c in ordered)
    profile_sex = profile.sex.value if profile is not None and profile.sex else None
    cells: dict[tuple[str, str], Cell] = {}
    rows: dict[str, dict[str, Any]] = {}
    seen = 0
    for checkup in ordered:
        sex = checkup.sex.value if checkup.sex else profile_sex
        for entry in checkup.items:
            if entry.code in HEADER_CODES:
                continue
            definition = item(entry.code)
            key = _row_key(entry.code, definition)
            if (key, checkup.id) in cells:  # two items of one exam on one row: split
                key = f"code:{entry.code}"
                if (key, checkup.id) in cells:
                    continue  # the very same code twice in one exam: the first is shown
            judgement = _judge(entry, sex)
            detail_text = entry.detail.get("value_text")
            cells[(key, checkup.id)] = Cell(
                exam_id=checkup.id, date=checkup.date, code=entry.code,
                name=definition.name if definition else entry.name,
                value=entry.value, value_display=_display(entry, definition),
                value_text=str(detail_text) if detail_text is not None else (
                    entry.value_display or (None if entry.value is None else str(entry.value))),
                unit=display_unit(definition, entry.unit),
                comparator=entry.comparator, status=entry.status, file_flag=entry.flag,
                method=definition.method_name if definition else None,
                judgement=judgement, number=_number(entry, judgement))
            info = rows.get(key)
            if info is None:
                seen += 1
                rows[key] = {"definition": definition, "codes": [entry.code],
                             "name": definition.name if definition else entry.name,
                             "unit": display_unit(definition, entry.unit),
                             "sort": _sort_key(definition, seen)}
            elif entry.code not in info["codes"]:
                info["codes"].append(entry.code)
    out_rows = []
    for key, info in sorted(rows.items(), key=lambda kv: kv[1]["sort"]):
        definition = info["definition"]
        judgement_key = next((k for c in info["codes"] if (k := item_key_for_code(c))), None)
        out_rows.append(ItemRow(
            key=key,
            group_no=definition.group_no if definition else None,
            group_name=definition.group_name if definition else None,
            code=info["codes"][0], codes=tuple(info["codes"]), name=info["name"],
            unit=info["unit"], judgement_key=judgement_key))
    sexes = {c.sex.value for c in ordered if c.sex}
    sex = next(iter(sexes)) if len(sexes) == 1 else profile_sex
    return CheckupTable(exams=exams, rows=tuple(out_rows), cells=cells, sex=sex,
                        checkups={c.id: c for c in ordered},
                        labs=tuple(sorted(labs, key=lambda v: (v.date, v.created_at))))


class CheckupService:
    """Reads a profile's checkups and builds the page's :class:`CheckupTable`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def table(self, profile: Profile) -> CheckupTable:
        """The profile's exams, and its lab values for the items' histories."""
        service = RecordService(self.session)
        records = service.list(RecordKind.CHECKUPS, [profile])
        labs = service.list(RecordKind.LABS, [profile])
        return build_table([r for r in records if isinstance(r, Checkup)], profile,
                           [v for v in labs if isinstance(v, LabValue)])

    def item_history(self, profile: Profile, code: str) -> ItemHistory | None:
        """The history of the row showing ``code`` (any method of its item), or ``None``
        when no exam has that item."""
        table = self.table(profile)
        key = item_key(code)
        row = next((r for r in table.rows if r.key == key or code in r.codes), None)
        return table.item_history(row.key) if row is not None else None


__all__ = ["Bands", "Cell", "CheckupService", "CheckupTable", "ExamColumn", "ItemHistory",
           "ItemRow", "LabPoint", "build_table", "item_key", "lab_point"]
