"""JAHIS TC お薬手帳 export (``--format jahis``; specs/medication-jahis.md §8).

One file per profile, ``okusuri_<profile>.txt`` (the spec's "MS-DOS text"; the public
samples and お薬手帳 app backups are ``.txt``), holding every medication and allergy
record of the export:

* header ``JAHISTC08,2`` (Ver 2.6, 出力区分 2 = patient → facility: phrapp is the
  patient's tool); CP932, CRLF, no BOM, no quoting, no end marker;
* ``1`` 患者情報 from the profile (sex, birth date, kana name; 氏名 and the other fields
  from the most recent imported JAHIS patient record when there is one, else the
  profile's name);
* ``2`` 患者特記 per allergy (kind: allergy 1, adverse-reaction 2, history 3, other 9);
* ``3`` (+ ``31`` ingredients, kept from the import) per OTC drug, renumbered;
* ``4`` 手帳メモ and ``701`` かかりつけ薬剤師 kept from imported files (deduplicated);
* one ``5`` block per dispensing record, **newest first**: ``11`` pharmacy, ``15``
  pharmacists, ``51``/``55`` prescriber and doctor, then ``201`` drugs (with their
  ``281``/``291``) and ``301`` usages (with ``311``/``391``) paired by RP number, then
  the block notes (``401``/``411``/``421``/``501``/``601``). Fields the import kept in
  ``extra`` (institution codes, addresses, 作成者, RP numbers, supplements …) are
  written back when they still describe the record; values typed in phrapp get 作成者
  ``2`` (患者等). A hand-entered medicine (origin ``manual``) is written as a dispensing
  block by the patient (作成者 2): JAHIS has no other place for a prescribed drug the
  user typed in, so it re-imports as ``dispensing``.

Every field of a record type is written (empty when unknown) so strict parsers see a
fixed field count (:data:`~phrapp.io.importers.jahis_records.FIELDS`). Dates are 西暦
``YYYYMMDD``.

Text rule (:func:`clean_text`): ``,`` → ``，``; CR/LF → a full-width space; the JIS/CP932
mapping differences are folded to the CP932 form (as the importer does); a character
CP932 cannot encode (or a 外字/private-use or control character) is replaced by its NFKC
form when that is encodable, else by ``〓`` (U+3013). Each replaced character is counted
in :attr:`JahisExporter.last_stats` (field names only, never the text).

Not expressible in JAHIS TC, hence not exported: an allergy's ``recorded_on`` (record 2
has no date), a drug's own start/end dates on a dispensing (JAHIS derives them from the
調剤日 and 調剤数量), unknown records and orphan lines of an imported file (they stay in
the stored original).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    RecordKind,
    Sex,
)
from phrapp.io.exporters.base import ExportData, Exporter, ExportRequest, Progress, Sink
from phrapp.io.importers.jahis_encoding import JIS_TO_CP932
from phrapp.io.importers.jahis_records import FIELDS
from phrapp.io.importers.jahis_tc import FORMS, number

VERSION = "JAHISTC08"
OUTPUT_CATEGORY = "2"  # 患者等 → 医療機関・薬局
PATIENT_AUTHOR = "2"  # 作成者 2 患者等
REPLACEMENT = "\u3013"  # 〓 GETA MARK
CRLF = "\r\n"

CODE_TYPES: dict[DrugCodeSystem, str] = {
    DrugCodeSystem.RECEIPT: "2",
    DrugCodeSystem.MHLW: "3",
    DrugCodeSystem.YJ: "4",
    DrugCodeSystem.HOT: "6",
}
FORM_CODES: dict[str, str] = {name: code for code, name in FORMS.items()}
FORM_CODES["屯服"] = "3"  # JAHIS's own spelling of 頓服
ALLERGY_CODES: dict[AllergyKind, str] = {
    AllergyKind.ALLERGY: "1",
    AllergyKind.ADVERSE_REACTION: "2",
    AllergyKind.HISTORY: "3",
    AllergyKind.OTHER: "9",
}
SEX_CODES = {Sex.MALE: "1", Sex.FEMALE: "2"}
NOTE_RECORDS = frozenset({"401", "411", "421", "501", "601"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# -- text --------------------------------------------------------------------------------


@dataclass(slots=True)
class JahisStats:
    """What the last :meth:`JahisExporter.emit` did: replaced characters by field name."""

    replaced: dict[str, int] = field(default_factory=dict)
    medications: int = 0
    allergies: int = 0
    not_exported: dict[str, int] = field(default_factory=dict)

    @property
    def replaced_total(self) -> int:
        return sum(self.replaced.values())

    def lost(self, what: str) -> None:
        self.not_exported[what] = self.not_exported.get(what, 0) + 1


def _encodable(text: str) -> bool:
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def _unsafe(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch != "\t") or 0x7F <= code < 0xA0 \
        or 0xE000 <= code <= 0xF8FF or not _encodable(ch)


def clean_text(text: str, stats: JahisStats | None = None, what: str = "text") -> str:
    """``text`` made safe for one CP932 JAHIS field (see the module doc for the rule)."""
    text = _LINE_BREAK.sub("\u3000", text).replace(",", "，")
    text = unicodedata.normalize("NFC", text.translate(JIS_TO_CP932))
    out: list[str] = []
    for ch in text:
        if not _unsafe(ch):
            out.append(ch)
            continue
        folded = unicodedata.normalize("NFKC", ch).replace(",", "，")
        if folded and not any(_unsafe(c) for c in folded):
            out.append(folded)
        else:
            out.append(REPLACEMENT)
        if stats is not None:
            stats.replaced[what] = stats.replaced.get(what, 0) + 1
    return "".join(out)


def format_number(value: float | None, written: str | None = None) -> str:
    """A JAHIS number (digits and ``.``): ``written`` when it still says ``value``."""
    if value is None:
        return ""
    if written is not None and number(written) == value:
        return written.strip()
    if float(value).is_integer():
        return str(int(value))
    return f"{Decimal(repr(float(value))):f}"


def _day(value: dt.date | None) -> str:
    return f"{value:%Y%m%d}" if value is not None else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _jahis(record: Any) -> dict[str, Any]:
    return _dict(_dict(getattr(record, "extra", {})).get("jahis"))


# -- lines -----------------------------------------------------------------------------


class _Writer:
    """Collects records as lines; every field cleaned, the record's full field count."""

    def __init__(self, stats: JahisStats) -> None:
        self.stats = stats
        self.lines: list[str] = [f"{VERSION},{OUTPUT_CATEGORY}"]

    def record(self, number_: str, values: dict[str, Any]) -> None:
        names = FIELDS[number_]
        fields = [number_]
        for name in names:
            value = values.get(name)
            text = "" if value is None else str(value)
            fields.append(clean_text(text, self.stats, f"{number_}.{name}"))
        self.lines.append(",".join(fields))

    def kept(self, number_: str, values: dict[str, Any]) -> None:
        """A record kept from an import (``fields_of`` dict): its fields as they were."""
        self.record(number_, {k: v for k, v in values.items() if k in FIELDS[number_]})

    def content(self) -> bytes:
        return (CRLF.join(self.lines) + CRLF).encode("cp932")


# -- the exporter ------------------------------------------------------------------------


class JahisExporter(Exporter):
    """``jahis``: one JAHIS TC file per profile (see the module doc)."""

    slug = "jahis"
    kinds = (RecordKind.MEDICATIONS, RecordKind.ALLERGIES)
    plaintext = True
    suffix = ".txt"

    def __init__(self) -> None:
        self.last_stats = JahisStats()

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        medications = [r for r in data.of(RecordKind.MEDICATIONS)
                       if isinstance(r, MedicationRecord)]
        allergies = [r for r in data.of(RecordKind.ALLERGIES) if isinstance(r, Allergy)]
        stats = JahisStats(medications=len(medications), allergies=len(allergies))
        content = build_jahis(data.profile, medications, allergies, stats=stats,
                              progress=progress)
        with sink.open(file_name(data.profile)) as handle:
            handle.write(content)
        self.last_stats = stats
        return {"medications": len(medications), "allergies": len(allergies)}


def file_name(profile: Profile) -> str:
    """``okusuri_<profile>.txt``: the profile name in ASCII, else the start of its id."""
    folded = unicodedata.normalize("NFKC", profile.name)
    safe = re.sub(r"[^0-9A-Za-z_-]+", "_", folded).strip("_")
    if not safe:
        safe = "".join(ch for ch in profile.id if ch.isalnum())[:8] or "profile"
    return f"okusuri_{safe[:60]}.txt"


def build_jahis(profile: Profile, medications: Sequence[MedicationRecord],
                allergies: Sequence[Allergy], *, stats: JahisStats | None = None,
                progress: Progress | None = None) -> bytes:
    """The JAHIS TC file (CP932 bytes) for these records."""
    stats = stats if stats is not None else JahisStats()
    writer = _Writer(stats)
    total = len(medications) + len(allergies)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    records: list[Any] = [*medications, *allergies]
    _patient(writer, profile, records)
    for allergy in allergies:
        if allergy.recorded_on is not None:
            stats.lost("allergy recorded_on")
        kept = _dict(_jahis(allergy).get("record"))
        writer.record("2", {"kind": ALLERGY_CODES.get(allergy.kind, "9"), "text": allergy.text,
                            "author": kept.get("author") or PATIENT_AUTHOR})
        tick()
    otc = [m for m in medications if m.origin is MedicationOrigin.OTC]
    blocks = [m for m in medications if m.origin is not MedicationOrigin.OTC]
    seq = 0
    for record in otc:
        seq = _otc(writer, record, seq)
        tick()
    for memo in _file_level(records, "memos"):
        writer.kept("4", memo)
    # Blocks newest first (spec §4); a stable sort keeps the input order within a day.
    for record in sorted(blocks, key=lambda m: m.dispensed_on, reverse=True):
        _block(writer, record, stats)
        tick()
    for pharmacist in _file_level(records, "pharmacists"):
        writer.kept("701", pharmacist)
    return writer.content()


def _file_level(records: Iterable[Any], key: str) -> list[dict[str, Any]]:
    """File-level entries kept from imports, each once (every record of a file has them)."""
    seen: set[tuple[tuple[str, str], ...]] = set()
    out: list[dict[str, Any]] = []
    for record in records:
        for entry in _dict(_jahis(record).get("file")).get(key) or []:
            if not isinstance(entry, dict):
                continue
            marker = tuple(sorted((str(k), str(v)) for k, v in entry.items()))
            if marker not in seen:
                seen.add(marker)
                out.append(entry)
    return out


def _patient(writer: _Writer, profile: Profile, records: Sequence[Any]) -> None:
    kept: dict[str, Any] = {}
    for record in records:  # the latest imported patient record (others are older files)
        patient = _dict(_dict(_jahis(record).get("file")).get("patient"))
        if patient:
            kept = patient
    values = {name: kept.get(name, "") for name in FIELDS["1"]}
    values["name"] = kept.get("name") or profile.name
    # The identity is the profile's (the people rule matched or adopted it), never an
    # older file's; the birth date is always written 西暦.
    values["sex"] = SEX_CODES[profile.sex] if profile.sex is not None else ""
    values["birth_date"] = _day(profile.birth_date)
    values["name_kana"] = profile.name_kana or kept.get("name_kana", "")
    writer.record("1", values)


def _otc(writer: _Writer, record: MedicationRecord, seq: int) -> int:
    jahis = _jahis(record)
    kept = _dict(jahis.get("otc"))
    for drug in record.drugs:
        seq += 1
        start, end = drug.start, drug.end
        if start is None and end is None:
            start = record.dispensed_on  # the importer needs one of the two dates
        writer.record("3", {"name": drug.name, "start": _day(start), "end": _day(end),
                            "author": kept.get("author") or PATIENT_AUTHOR, "seq": str(seq),
                            "jan": kept.get("jan", "") if len(record.drugs) == 1 else ""})
        if len(record.drugs) == 1:
            for ingredient in jahis.get("ingredients") or []:
                if isinstance(ingredient, dict):
                    writer.kept("31", {**ingredient, "otc_seq": str(seq)})
    return seq


@dataclass(slots=True)
class _Rp:
    """One RP: its drugs (201 …) and their shared usage (301)."""

    number: str
    drugs: list[tuple[Drug, dict[str, Any]]]


def _usage_key(drug: Drug) -> tuple[Any, ...]:
    return (drug.usage, drug.quantity, drug.quantity_unit, drug.form)


def _rps(record: MedicationRecord) -> list[_Rp]:
    """Drugs grouped into RPs: the imported RP numbers while they still share one usage."""
    kept = [_dict(d) for d in _jahis(record).get("drugs") or []]
    if len(kept) != len(record.drugs):
        kept = [{} for _ in record.drugs]
    used = {str(k.get("rp")) for k in kept if k.get("rp")}
    next_number = 1
    out: list[_Rp] = []
    by_number: dict[str, _Rp] = {}
    for drug, extra in zip(record.drugs, kept, strict=True):
        rp = str(extra.get("rp") or "")
        current = by_number.get(rp) if rp else None
        if current is not None and _usage_key(current.drugs[0][0]) == _usage_key(drug):
            current.drugs.append((drug, extra))
            continue
        if not rp or current is not None:
            while str(next_number) in used:
                next_number += 1
            rp = str(next_number)
            used.add(rp)
        group = _Rp(rp, [(drug, extra)])
        by_number[rp] = group
        out.append(group)
    return out


def _block(writer: _Writer, record: MedicationRecord, stats: JahisStats) -> None:
    jahis = _jahis(record)
    block = _dict(jahis.get("block"))
    author = str(_dict(block.get("record")).get("author") or PATIENT_AUTHOR)
    writer.record("5", {"date": _day(record.dispensed_on), "author": author})
    pharmacy = _dict(block.get("pharmacy"))
    if record.pharmacy is not None:
        if pharmacy.get("name", "").strip() == record.pharmacy:
            writer.kept("11", pharmacy)
        else:
            writer.record("11", {"name": record.pharmacy, "author": PATIENT_AUTHOR})
    for pharmacist in block.get("pharmacists") or []:
        if isinstance(pharmacist, dict):
            writer.kept("15", pharmacist)
    prescriber = _dict(jahis.get("prescriber"))
    if record.prescriber_institution is not None:
        if prescriber.get("name", "").strip() == record.prescriber_institution:
            writer.kept("51", prescriber)
        else:
            writer.record("51", {"name": record.prescriber_institution,
                                 "author": PATIENT_AUTHOR})
    doctor = _dict(jahis.get("doctor"))
    if record.doctor is not None:
        if doctor.get("name", "").strip() == record.doctor:
            writer.kept("55", doctor)
        else:
            writer.record("55", {"name": record.doctor, "author": PATIENT_AUTHOR})
    rps = _rps(record)
    for rp in rps:
        for drug, extra in rp.drugs:
            _drug(writer, rp.number, drug, extra, record, stats)
    for rp in rps:
        _usage(writer, rp)
    _notes(writer, record, block)


def _drug(writer: _Writer, rp: str, drug: Drug, extra: dict[str, Any],
          record: MedicationRecord, stats: JahisStats) -> None:
    kept = _dict(extra.get("record"))
    same = kept.get("name", "").strip() == drug.name
    code_type = CODE_TYPES.get(drug.code_system) if drug.code_system else None
    if code_type is None:
        # No known system: keep the file's 種別 for a code it had, else 1 (コードなし).
        code_type = str(kept.get("code_type") or "1") if drug.code and \
            kept.get("code") == drug.code else "1"
    values = {
        "rp": rp, "name": drug.name,
        "dose": format_number(drug.dose, kept.get("dose")),
        "unit": drug.unit or "", "code_type": code_type, "code": drug.code or "",
        "author": kept.get("author") or PATIENT_AUTHOR,
    }
    if same:  # 一般名 fields only while they still belong to this drug
        for name in ("generic_name", "generic_code_type", "generic_code"):
            values[name] = kept.get(name, "")
    if drug.start not in (None, record.dispensed_on):
        stats.lost("drug start")
    writer.record("201", values)
    for supplement in extra.get("supplements") or []:
        if isinstance(supplement, dict):
            writer.kept("281", {**supplement, "rp": rp})
    for caution in extra.get("cautions") or []:
        if isinstance(caution, dict):
            writer.kept("291", {**caution, "rp": rp})


def _usage(writer: _Writer, rp: _Rp) -> None:
    drug, extra = rp.drugs[0]
    kept = _dict(extra.get("usage"))
    form_code = FORM_CODES.get(drug.form or "", "")
    if not form_code and not drug.form and kept.get("form_code") not in FORMS:
        form_code = str(kept.get("form_code") or "")  # an unknown code, kept as written
    # The 用法コード belongs to the 用法名称 it came with; a changed usage has no code.
    same_usage = (kept.get("usage") or "").strip() == (drug.usage or "")
    writer.record("301", {
        "rp": rp.number, "usage": drug.usage or "",
        "quantity": format_number(drug.quantity, kept.get("quantity")),
        "quantity_unit": drug.quantity_unit or "", "form_code": form_code,
        "usage_code_type": (kept.get("usage_code_type") or "1") if same_usage else "1",
        "usage_code": kept.get("usage_code", "") if same_usage else "",
        "author": kept.get("author") or PATIENT_AUTHOR})
    for supplement in kept.get("supplements") or []:
        if isinstance(supplement, dict):
            writer.kept("311", {**supplement, "rp": rp.number})
    for caution in kept.get("cautions") or []:
        if isinstance(caution, dict):
            writer.kept("391", {**caution, "rp": rp.number})


def _notes(writer: _Writer, record: MedicationRecord, block: dict[str, Any]) -> None:
    kept = [n for n in block.get("notes") or [] if isinstance(n, dict)
            and str(n.get("record")) in NOTE_RECORDS]
    joined = "\n".join(str(n.get("text", "")).strip() for n in kept
                       if str(n.get("text", "")).strip())
    if kept and (joined or None) == record.note:
        for note in kept:
            writer.kept(str(note["record"]), note)
        return
    if record.note:
        # A note typed in phrapp: 601 患者等記入, one record a line.
        for line in record.note.split("\n"):
            if line.strip():
                writer.record("601", {"text": line.strip()})


__all__ = [
    "JahisExporter",
    "JahisStats",
    "build_jahis",
    "clean_text",
    "file_name",
    "format_number",
]
