"""JAHIS 電子版お薬手帳 (JAHIS TC) importer: ``specs/medication-jahis.md``.

Input: one text file, or the parts of split data (``911``) given together
(``phrapp import part1.txt part2.txt``: :meth:`JahisTcImporter.group_sources` joins the
parts into one :class:`JoinedSource`). Encodings: UTF-8 (with or without BOM) or CP932;
UTF-16 and anything else are refused (``jahis_encoding``). The records are read by
``jahis_records``; this module maps them to phrapp records.

Mapping (one :class:`PersonInfo`, one :class:`ParsedDocument` per input file with its
exact bytes, then records):

====================  =========================================================================
``1`` 患者情報        :class:`PersonInfo` (氏名, 氏名カナ NFKC, 性別 1 male / 2 female, 生年月日);
                      the other fields (住所, 電話, 血液型, 体重 …) in ``extra.jahis.file.patient``
``2`` 患者特記        :class:`Allergy`: 種別 1 → allergy, 2 → adverse-reaction, 3 → history,
                      9 (and anything else, with a warning) → other; ``recorded_on`` None
``3`` + ``31``        :class:`MedicationRecord` origin ``otc``, ``dispensed_on`` = 服用開始日
                      (else 服用終了日), one :class:`Drug` (start/end); 31 成分 and the JAN
                      code in ``extra.jahis.ingredients`` / ``extra.jahis.otc``
``5`` block           one :class:`MedicationRecord` origin ``dispensing`` **per prescription
                      group** (a ``51``/``55`` starts a group): ``dispensed_on`` = 調剤等年月日,
                      ``pharmacy`` = 11 名称, ``prescriber_institution`` = 51 名称, ``doctor``
                      = 55 氏名; the block's 11/15/5 fields, its notes and unknown records in
                      ``extra.jahis.block`` (every group of the block carries them)
``201`` + ``301``     :class:`Drug`: name as written (half-width kana kept; the NFKC search key
                      in ``extra``), 薬品コード + 種別 (2 receipt, 3 mhlw, 4 yj, 6 hot; 1 none),
                      用量 → dose, 単位名 → unit, 用法名称 → usage, 調剤数量/単位 → quantity /
                      quantity_unit, 剤形コード → form (:data:`FORMS`), start = 調剤等年月日,
                      end = start + days − 1 for 日分 of a daily form (:func:`supply_end`)
``281 291 311 391``   with their drug / usage in ``extra.jahis.drugs[i]``
``401 411 421 501``   block notes: ``extra.jahis.block.notes`` and ``note`` (the texts, one a line)
``601``
``4`` 手帳メモ         ``extra.jahis.file.memos``
``701`` かかりつけ薬剤師 ``extra.jahis.file.pharmacists``
``911`` 分割制御       used to join the parts; ``extra.jahis.file.split``
unknown records       kept raw: in their block's ``extra.jahis.block.unknown`` or
                      ``extra.jahis.file.unknown``
====================  =========================================================================

``extra.jahis.file`` (header, patient, memos, pharmacists, split, unknown) is carried by
every record of the file, so it survives whichever records are new. A block without any
drug line cannot be a medication record: it is skipped (``skipped`` reason
``block-without-drugs``); its content stays in the stored original.

Every record names its stored originals in ``extra.document_ids``. Records keep 作成者 in
their ``extra`` dicts. Nothing here logs; messages name lines,
record numbers and fields, never their content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    MedicationOrigin,
    MedicationRecord,
    Provenance,
    RecordKind,
    Sex,
    Source,
)
from phrapp.errors import MalformedInput, TooLarge
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
)
from phrapp.io.importers.jahis_encoding import UTF8_BOM, looks_like_utf16
from phrapp.io.importers.jahis_records import (
    HEADER_BYTES,
    Block,
    DrugLine,
    Group,
    JahisFile,
    fields_of,
    parse_files,
    split_id_of,
)

SLUG = "jahis-tc"
DOCUMENT_FORMAT = "jahis-tc"
MAX_BYTES = 10 * 1024 * 1024  # a lifetime of dispensings is well under 1 MB
MAX_WARNINGS = 60

CODE_SYSTEMS: dict[str, DrugCodeSystem] = {
    "2": DrugCodeSystem.RECEIPT,  # レセプト電算コード
    "3": DrugCodeSystem.MHLW,  # 厚労省コード (薬価基準収載医薬品コード)
    "4": DrugCodeSystem.YJ,
    "6": DrugCodeSystem.HOT,
}
#: 剤形コード → the form phrapp shows (the issue writes 頓服 for JAHIS's 屯服).
FORMS: dict[str, str] = {
    "1": "内服", "2": "内滴", "3": "頓服", "4": "注射", "5": "外用", "6": "浸煎", "7": "湯",
    "9": "材料", "10": "その他",
}
#: Forms whose 用量 is a daily amount and whose 調剤数量 + 日分 counts days (spec §3.2).
DAILY_FORMS = frozenset({"1", "2", "6", "7"})
ALLERGY_KINDS: dict[str, AllergyKind] = {
    "1": AllergyKind.ALLERGY,
    "2": AllergyKind.ADVERSE_REACTION,
    "3": AllergyKind.HISTORY,
    "9": AllergyKind.OTHER,
}
SEXES = {"1": Sex.MALE, "2": Sex.FEMALE}


# -- several input files as one ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JoinedSource(ImportSource):
    """Several input files parsed together (the parts of split data, several QR photos).

    ``path``/``head`` are the first part's; ``open()`` yields the parts' bytes one after
    the other (what the import history's SHA-256 covers); importers read ``parts``.
    """

    parts: tuple[ImportSource, ...] = ()

    @classmethod
    def of(cls, parts: Sequence[ImportSource]) -> ImportSource:
        if len(parts) == 1:
            return parts[0]
        return cls(path=parts[0].path, name=" + ".join(p.name for p in parts),
                   size=sum(p.size for p in parts), head=parts[0].head, parts=tuple(parts))

    def open(self) -> BinaryIO:
        buffer = io.BytesIO()
        for part in self.parts:
            with part.open() as handle:
                buffer.write(handle.read())
        buffer.seek(0)
        return buffer

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for part in self.parts:
            with part.open() as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        return digest.hexdigest()


def parts_of(source: ImportSource) -> tuple[ImportSource, ...]:
    return source.parts if isinstance(source, JoinedSource) else (source,)


def read_capped(source: ImportSource, limit: int) -> bytes:
    with source.open() as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"the file is larger than {limit // 2**20} MB", path=source.name)
    return data


def sniff_text(head: bytes) -> float:
    """Confidence that ``head`` starts a JAHIS TC text file (UTF-16 claimed to refuse it)."""
    if HEADER_BYTES.match(head):
        return 0.95
    if looks_like_utf16(head):
        try:
            text = head[2:] if head.startswith((b"\xff\xfe", b"\xfe\xff")) else head
            even = text[: len(text) - len(text) % 2]
            for codec in ("utf-16-le", "utf-16-be"):
                decoded = even.decode(codec, errors="strict")
                if decoded.lstrip("\ufeff\r\n").startswith("JAHISTC"):
                    return 0.6  # parse refuses it with a clear "encoding" error
        except UnicodeDecodeError:
            return 0.0
    return 0.0


# -- the importer ---------------------------------------------------------------------------------


class JahisTcImporter(Importer):
    """``jahis-tc``: JAHIS TC text files, split data joined (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.MEDICATIONS, RecordKind.ALLERGIES)
    max_bytes = MAX_BYTES * 16  # a joined source of several parts; each part is capped

    def sniff(self, source: ImportSource) -> float:
        try:
            return sniff_text(source.head)
        except Exception:  # a sniffer never raises
            return 0.0

    def group_sources(self, sources: Sequence[ImportSource]
                      ) -> list[tuple[tuple[int, ...], ImportSource]]:
        """Join the parts of split data (same 911 データID) into one source, in given order.

        Files without a 911 record, and files that cannot be read here (the parse reports
        why), stay alone.
        """
        groups: dict[str, list[int]] = {}
        out: list[tuple[tuple[int, ...], ImportSource] | str] = []
        for index, source in enumerate(sources):
            data_id = None
            if source.size <= MAX_BYTES:
                try:
                    data_id = split_id_of(read_capped(source, MAX_BYTES))
                except Exception:
                    data_id = None
            if data_id is None:
                out.append(((index,), source))
            elif data_id in groups:
                groups[data_id].append(index)
            else:
                groups[data_id] = [index]
                out.append(data_id)
        result: list[tuple[tuple[int, ...], ImportSource]] = []
        for item in out:
            if isinstance(item, str):
                indexes = tuple(groups[item])
                result.append((indexes, JoinedSource.of([sources[i] for i in indexes])))
            else:
                result.append(item)
        return result

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        parts = parts_of(source)
        chunks: list[tuple[str | None, bytes]] = []
        for part in parts:
            chunks.append((part.name if len(parts) > 1 else None, read_capped(part, MAX_BYTES)))
        try:
            files = parse_files(chunks)
        except MalformedInput as exc:
            exc.path = exc.path or source.name
            raise
        documents = [ParsedDocument(id=str(uuid.uuid4()), format=DOCUMENT_FORMAT,
                                    name=part.name, content=data)
                     for part, (_, data) in zip(parts, chunks, strict=True)]
        yield from emit(files, documents, app=SLUG, ctx=ctx)
        ctx.progress(source.size)


# -- JahisFile -> parse items (shared with the QR importer) --------------------------------------


def emit(files: Sequence[JahisFile], documents: Sequence[ParsedDocument], *, app: str,
         ctx: ParseContext) -> Iterator[ParseItem]:
    """Parse items for structured files; ``documents`` are the originals they came from."""
    persons: dict[tuple[Any, ...], str] = {}
    warnings = 0
    owned = _documents_by_file(files, documents)
    for index, jfile in enumerate(files):
        if ctx.cancelled():
            return
        person = _person(jfile, index)
        ref = None
        if person is not None:
            key = (person.name, person.name_kana, person.sex, person.birth_date)
            ref = persons.get(key)
            if ref is None:
                ref = persons[key] = person.ref
                yield person
        for doc in owned[index]:
            yield ParsedDocument(id=doc.id, format=doc.format, name=doc.name,
                                 content=doc.content, person=ref)
        mapped = list(_Mapper(jfile, app=app,
                              document_ids=[d.id for d in owned[index]]).items())
        for text in jfile.warnings:  # complete only once the file is mapped
            if warnings < MAX_WARNINGS:
                yield ParseWarning(text)
            warnings += 1
        for item in mapped:
            if isinstance(item, ParseWarning):
                if warnings < MAX_WARNINGS:
                    yield item
                warnings += 1
            elif isinstance(item, ParsedRecord):
                yield ParsedRecord(item.record, person=ref)
            else:
                yield item
    if warnings > MAX_WARNINGS:
        yield ParseWarning(f"{warnings - MAX_WARNINGS} more warnings were not listed")


def _documents_by_file(files: Sequence[JahisFile], documents: Sequence[ParsedDocument]
                       ) -> list[list[ParsedDocument]]:
    """Each file's originals (matched by part name); unmatched ones go with the first file."""
    owned: list[list[ParsedDocument]] = [[] for _ in files]
    if not files:
        return owned
    for doc in documents:
        index = 0 if len(files) == 1 else next(
            (i for i, f in enumerate(files) if doc.name in f.part_names), 0)
        owned[index].append(doc)
    return owned


def _person(jfile: JahisFile, index: int) -> PersonInfo | None:
    if jfile.patient is None:
        return None
    line = jfile.patient.line
    name = unicodedata.normalize("NFC", line.get("name")).strip() or None
    kana = unicodedata.normalize("NFKC", line.get("name_kana")).strip() or None
    sex_code = line.get("sex")
    sex = SEXES.get(sex_code)
    if sex is None and sex_code:
        jfile.warnings.append(f"{line.where()}: 性別 is neither 1 nor 2; left empty")
    if name is None and kana is None and sex is None and jfile.patient.birth_date is None:
        return None
    return PersonInfo(ref=f"jahis-patient:{index}", name=name, name_kana=kana, sex=sex,
                      birth_date=jfile.patient.birth_date)


def number(text: str) -> float | None:
    """A non-negative decimal (full-width digits accepted), else None."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    try:
        result = float(value)
    except ValueError:
        return None
    if not math.isfinite(result) or result < 0 or not all(c.isdigit() or c == "." for c in value):
        return None
    return result


def supply_end(start: dt.date, quantity: float | None, quantity_unit: str | None,
               form_code: str) -> dt.date | None:
    """The last day of supply: start + days − 1 for ``日分`` of a daily form (1, 2, 6, 7)
    or of an unstated form; None for 回分 (頓服), 調剤 (外用, 注射 …) or fractional days."""
    if quantity_unit is None or unicodedata.normalize("NFKC", quantity_unit) != "日分":
        return None
    if form_code and form_code not in DAILY_FORMS:
        return None
    if quantity is None or quantity < 1 or quantity != int(quantity):
        return None
    return start + dt.timedelta(days=int(quantity) - 1)


def _text(value: str) -> str | None:
    stripped = value.strip()
    return stripped or None


class _Mapper:
    """One structured file → records."""

    def __init__(self, jfile: JahisFile, *, app: str, document_ids: list[str]) -> None:
        self.jfile = jfile
        self.source = Source(app=app)
        self.document_ids = document_ids
        self.file_extra = self._file_extra()

    def _file_extra(self) -> dict[str, Any]:
        f = self.jfile
        out: dict[str, Any] = {"version": f.version, "output_category": f.output_category,
                               "encodings": f.encodings}
        if f.patient is not None:
            out["patient"] = fields_of(f.patient.line)
        for key, value in (("memos", f.memos), ("pharmacists", f.pharmacists),
                           ("unknown", f.unknown)):
            if value:
                out[key] = value
        if f.split:
            out["split"] = f.split
        return out

    def _extra(self, jahis: dict[str, Any]) -> dict[str, Any]:
        return {"document_ids": list(self.document_ids),
                "jahis": {**jahis, "file": self.file_extra}}

    def items(self) -> Iterator[ParseItem]:
        yield from self._allergies()
        yield from self._otc()
        for block in sorted(self.jfile.blocks, key=lambda b: b.date):
            yield from self._block(block)

    def _allergies(self) -> Iterator[ParseItem]:
        for line in self.jfile.notes:
            text = unicodedata.normalize("NFC", line.get("text")).strip()
            if not text:
                yield ParseSkip("empty-note")
                continue
            code = line.get("kind")
            kind = ALLERGY_KINDS.get(code)
            if kind is None:
                kind = AllergyKind.OTHER
                yield ParseWarning(f"{line.where()}: unknown 種別; recorded as other")
            yield ParsedRecord(Allergy(profile_id="", provenance=Provenance.IMPORT,
                                       source=self.source, kind=kind, text=text,
                                       extra=self._extra({"record": fields_of(line)})))

    def _otc(self) -> Iterator[ParseItem]:
        for otc in self.jfile.otc:
            day = otc.start or otc.end
            name = otc.line.get("name").strip()
            if not name:
                yield ParseWarning(f"{otc.line.where()}: an OTC record without 薬品名; skipped")
                yield ParseSkip("otc-without-name")
                continue
            if day is None:
                yield ParseWarning(f"{otc.line.where()}: an OTC record without 服用開始日 or "
                                   "服用終了日; skipped (kept in the stored original)")
                yield ParseSkip("otc-without-date")
                continue
            drug = Drug(name=name, start=otc.start, end=otc.end)
            jahis: dict[str, Any] = {"otc": fields_of(otc.line),
                                     "name_key": unicodedata.normalize("NFKC", name)}
            if otc.ingredients:
                jahis["ingredients"] = otc.ingredients
            yield ParsedRecord(MedicationRecord(
                profile_id="", provenance=Provenance.IMPORT, source=self.source,
                origin=MedicationOrigin.OTC, dispensed_on=day, drugs=(drug,),
                extra=self._extra(jahis)))

    def _block(self, block: Block) -> Iterator[ParseItem]:
        groups = [g for g in block.groups if g.drugs]
        if not groups:
            yield ParseWarning(f"{block.line.where()}: a dispensing block without 薬品 (201) "
                               "lines; not imported as a medication (kept in the stored "
                               "original)")
            yield ParseSkip("block-without-drugs")
            return
        pharmacy = _text(block.pharmacy.get("name")) if block.pharmacy else None
        block_extra: dict[str, Any] = {"record": fields_of(block.line), "groups": len(groups)}
        if block.pharmacy is not None:
            block_extra["pharmacy"] = _institution(block.pharmacy)
        if block.more_pharmacies:
            block_extra["more_pharmacies"] = [_institution(p) for p in block.more_pharmacies]
        if block.pharmacists:
            block_extra["pharmacists"] = [fields_of(p) for p in block.pharmacists]
        for key, value in (("notes", block.notes), ("unknown", block.unknown),
                           ("orphans", block.orphans)):
            if value:
                block_extra[key] = value
        note = "\n".join(n["text"].strip() for n in block.notes if n.get("text", "").strip())
        # A block the patient wrote (作成者 2) without a pharmacy is a medicine typed in by
        # hand (an お薬手帳 app's manual entry, or phrapp's own export of one).
        origin = (MedicationOrigin.MANUAL
                  if block.line.get("author") == "2" and block.pharmacy is None
                  else MedicationOrigin.DISPENSING)
        for number_in_block, group in enumerate(groups, start=1):
            drugs, drug_extra = self._drugs(block, group)
            jahis: dict[str, Any] = {"block": {**block_extra, "group": number_in_block},
                                     "drugs": drug_extra}
            if group.institution is not None:
                jahis["prescriber"] = _institution(group.institution)
            if group.doctor is not None:
                jahis["doctor"] = fields_of(group.doctor)
            yield ParsedRecord(MedicationRecord(
                profile_id="", provenance=Provenance.IMPORT, source=self.source,
                origin=origin, dispensed_on=block.date,
                pharmacy=pharmacy,
                prescriber_institution=(_text(group.institution.get("name"))
                                        if group.institution else None),
                doctor=_text(group.doctor.get("name")) if group.doctor else None,
                drugs=tuple(drugs), note=note or None, extra=self._extra(jahis)))

    def _drugs(self, block: Block, group: Group) -> tuple[list[Drug], list[dict[str, Any]]]:
        drugs: list[Drug] = []
        extras: list[dict[str, Any]] = []
        for line in group.drugs:
            drug, extra = self._drug(block, line)
            drugs.append(drug)
            extras.append(extra)
        return drugs, extras

    def _drug(self, block: Block, item: DrugLine) -> tuple[Drug, dict[str, Any]]:
        line = item.line
        name = line.get("name").strip()
        if not name:
            raise line.error("薬品名称 is empty")
        code_type = line.get("code_type")
        code = line.get("code") or None
        system = CODE_SYSTEMS.get(code_type)
        if code is not None and system is None and code_type not in ("", "1"):
            self.jfile.warnings.append(f"{line.where()}: unknown 薬品コード種別; the code is "
                                       "kept without a code system")
        extra: dict[str, Any] = {"rp": item.rp, "record": fields_of(line),
                                 "name_key": unicodedata.normalize("NFKC", name)}
        if item.supplements:
            extra["supplements"] = item.supplements
        if item.cautions:
            extra["cautions"] = item.cautions
        usage_text = quantity_unit = None
        quantity = None
        form_code = ""
        if item.usage is not None:
            usage = item.usage
            usage_text = _text(usage.line.get("usage"))
            quantity = number(usage.line.get("quantity"))
            quantity_unit = _text(usage.line.get("quantity_unit"))
            form_code = usage.line.get("form_code")
            extra["usage"] = {**fields_of(usage.line)}
            if usage.supplements:
                extra["usage"]["supplements"] = usage.supplements
            if usage.cautions:
                extra["usage"]["cautions"] = usage.cautions
            if form_code and form_code not in FORMS:
                self.jfile.warnings.append(f"{usage.line.where()}: unknown 剤形コード; the form "
                                           "is left empty")
        dose_text = line.get("dose")
        dose = number(dose_text)
        if dose is None and dose_text:
            self.jfile.warnings.append(f"{line.where()}: 用量 is not a number; kept as text "
                                       "in extra")
        drug = Drug(name=name, code=code, code_system=system, dose=dose,
                    unit=_text(line.get("unit")), usage=usage_text, quantity=quantity,
                    quantity_unit=quantity_unit, form=FORMS.get(form_code), start=block.date,
                    end=supply_end(block.date, quantity, quantity_unit, form_code))
        return drug, extra


def _institution(line: Any) -> dict[str, Any]:
    """An 11/51 record's fields plus the 10-digit 保険医療機関番号 when all parts are there."""
    out = fields_of(line)
    pref, table, code = out.get("prefecture", ""), out.get("score_table", ""), out.get("code", "")
    if len(pref) == 2 and len(table) == 1 and len(code) == 7 \
            and (pref + table + code).isdigit():
        out["institution_no"] = pref + table + code
    return out


__all__ = [
    "CODE_SYSTEMS", "FORMS", "SLUG", "JahisTcImporter", "JoinedSource", "UTF8_BOM", "emit",
    "number", "parts_of", "read_capped", "sniff_text", "supply_end",
]
