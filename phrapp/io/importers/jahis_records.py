"""JAHIS TC text → a structured file (``specs/medication-jahis.md`` §2–§5). Pure, no I/O.

Three steps, each usable alone:

* :func:`assemble_chunks` — raw byte chunks (QR symbols, pasted pieces) → complete files:
  a chunk that does not start with a ``JAHISTC`` header continues the chunk before it and
  is joined **as bytes, before decoding** (a QR byte-stream split may cut a record or a
  multibyte character in two).
* :func:`read_part` / :func:`join_parts` — each complete file is decoded and split into
  records; parts of split data (``911``) are grouped by データID, checked (same 分割数, every
  分割番号 1..分割数 present once, same 出力区分) and concatenated in 分割番号 order with the
  repeated headers and ``911`` lines removed; file-level records repeated verbatim in
  several parts (the patient ``1`` …) are kept once. A missing part raises
  :class:`~phrapp.errors.MalformedInput` naming the missing numbers.
* :func:`structure` — the joined records → :class:`JahisFile`: patient, patient notes,
  OTC with their ingredients, memos, dispensing blocks (each split into prescription
  groups by ``51``/``55``; ``201`` drugs with their ``281``/``291``, paired with the
  ``301`` usage of the same RP and its ``311``/``391``; block notes
  ``401``/``411``/``421``/``501``/``601``), かかりつけ薬剤師 ``701``, split control and
  every unknown record, kept.

Every record is also kept as a ``{field: text}`` dict (:func:`fields_of`) with the names of
:data:`FIELDS` and any extra trailing fields under ``"extra_fields"``, so nothing in the
file is lost. Messages name lines, record numbers and fields, never their content.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from phrapp.errors import MalformedInput
from phrapp.io.importers.jahis_dates import JahisDateError, parse_jahis_date
from phrapp.io.importers.jahis_encoding import UTF8_BOM, decode, has_gaiji

HEADER = re.compile(r"JAHISTC\d{2}")
HEADER_BYTES = re.compile(rb"(?:\xef\xbb\xbf)?[\r\n]*JAHISTC\d{2}")
MAX_LINE_CHARS = 64 * 1024
MAX_FIELDS = 64
MAX_RECORDS = 200_000
MAX_PARTS = 99

#: Field names by record number (fields numbered from 1; spec §3).
FIELDS: dict[str, tuple[str, ...]] = {
    "1": ("name", "sex", "birth_date", "postal_code", "address", "phone",
          "emergency_contact", "blood_type", "weight", "name_kana"),
    "2": ("kind", "text", "author"),
    "3": ("name", "start", "end", "author", "seq", "jan"),
    "31": ("otc_seq", "name", "code_type", "code", "author"),
    "4": ("text", "date", "author"),
    "5": ("date", "author"),
    "11": ("name", "prefecture", "score_table", "code", "postal_code", "address", "phone",
           "author"),
    "15": ("name", "contact", "author"),
    "51": ("name", "prefecture", "score_table", "code", "author"),
    "55": ("name", "department", "author"),
    "201": ("rp", "name", "dose", "unit", "code_type", "code", "author", "generic_name",
            "generic_code_type", "generic_code"),
    "281": ("rp", "text", "author"),
    "291": ("rp", "text", "author"),
    "301": ("rp", "usage", "quantity", "quantity_unit", "form_code", "usage_code_type",
            "usage_code", "author"),
    "311": ("rp", "text", "author"),
    "391": ("rp", "text", "author"),
    "401": ("text", "author"),
    "411": ("text", "kind", "author"),
    "421": ("text", "author"),
    "501": ("text", "author"),
    "601": ("text", "date"),
    "701": ("name", "pharmacy", "contact", "start", "end", "author"),
    "911": ("data_id", "count", "number"),
}
#: Numeric and code fields: half-width spaces are trimmed on both sides (spec §6).
CODE_FIELDS = frozenset({
    "sex", "birth_date", "postal_code", "phone", "weight", "kind", "start", "end", "author",
    "seq", "jan", "otc_seq", "code_type", "code", "date", "prefecture", "score_table", "rp",
    "dose", "generic_code_type", "generic_code", "quantity", "form_code", "usage_code_type",
    "usage_code", "data_id", "count", "number",
})
FILE_LEVEL = frozenset({"1", "2", "3", "31", "4", "701", "911"})
BLOCK_LEVEL = frozenset({"5", "11", "15", "51", "55", "201", "281", "291", "301", "311", "391",
                         "401", "411", "421", "501", "601"})
BLOCK_NOTES = ("401", "411", "421", "501", "601")


# -- lines and records ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One record: its number, its fields 1… (trailing spaces trimmed), where it was."""

    record: str
    fields: tuple[str, ...]
    number: int  # line number inside its part
    part: str | None = None  # the part's name when the file was joined from several

    def where(self) -> str:
        place = f"line {self.number}" + (f" of {self.part}" if self.part else "")
        return f"{place} (record {self.record})"

    def get(self, name: str) -> str:
        names = FIELDS.get(self.record, ())
        if name not in names:
            raise KeyError(name)
        index = names.index(name)
        value = self.fields[index] if index < len(self.fields) else ""
        return value.strip(" ") if name in CODE_FIELDS else value

    def error(self, reason: str) -> MalformedInput:
        return MalformedInput(f"{self.where()}: {reason}", path=self.part)


def fields_of(line: Line) -> dict[str, Any]:
    """The record as ``{field: text}``; unknown trailing fields under ``extra_fields``."""
    names = FIELDS.get(line.record, ())
    out: dict[str, Any] = {name: line.get(name) for name in names}
    extra = list(line.fields[len(names):])
    if any(value.strip() for value in extra):
        out["extra_fields"] = extra
    if not names:
        out = {"record": line.record, "fields": list(line.fields)}
    return out


def split_lines(text: str) -> list[str]:
    """Lines split on CRLF, CR or LF only (never on U+0085/U+2028 like str.splitlines)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@dataclass(slots=True)
class Part:
    """One decoded, complete file (or part of split data)."""

    name: str | None
    version: str
    output_category: str
    lines: list[Line]
    encoding: str
    split: tuple[str, int, int] | None = None  # (データID, 分割数, 分割番号)
    split_line: Line | None = None
    gaiji: bool = False


def read_part(data: bytes, *, name: str | None = None) -> Part:
    """Decode one complete file and split it into records (header checked, 911 read)."""
    text, encoding = decode(data, name=name)
    raw_lines = split_lines(text)
    index = 0
    while index < len(raw_lines) and not raw_lines[index].strip():
        index += 1
    if index == len(raw_lines):
        raise MalformedInput("the file is empty", path=name)
    header = raw_lines[index].split(",")
    if not HEADER.fullmatch(header[0].strip()):
        raise MalformedInput(f"line {index + 1}: not a JAHIS TC header (JAHISTCnn,出力区分)",
                             path=name)
    part = Part(name=name, version=header[0].strip(),
                output_category=(header[1].strip() if len(header) > 1 else ""),
                lines=[], encoding=encoding, gaiji=has_gaiji(text))
    if len(raw_lines) > MAX_RECORDS:
        raise MalformedInput(f"more than {MAX_RECORDS} records", path=name)
    for number, raw in enumerate(raw_lines[index + 1:], start=index + 2):
        if not raw.strip():
            continue
        if len(raw) > MAX_LINE_CHARS:
            raise MalformedInput(f"line {number}: longer than {MAX_LINE_CHARS} characters",
                                 path=name)
        parts = raw.split(",")
        if len(parts) > MAX_FIELDS:
            raise MalformedInput(f"line {number}: more than {MAX_FIELDS} fields", path=name)
        record = unicodedata.normalize("NFKC", parts[0]).strip()
        if not record.isdigit() or not record.isascii():
            raise MalformedInput(f"line {number}: the line does not start with a record "
                                 "number", path=name)
        record = str(int(record))
        line = Line(record, tuple(p.rstrip(" ") for p in parts[1:]), number, name)
        if record == "911":
            if part.split_line is not None:
                raise line.error("a second 分割制御 (911) record")
            part.split = _split_info(line)
            part.split_line = line
            continue
        part.lines.append(line)
    return part


def _split_info(line: Line) -> tuple[str, int, int]:
    data_id, count, number = line.get("data_id"), line.get("count"), line.get("number")
    if not data_id:
        raise line.error("the データID is empty")
    if not (count.isdigit() and number.isdigit()):
        raise line.error("分割数 and 分割番号 must be numbers")
    total, index = int(count), int(number)
    if total < 1 or total > MAX_PARTS:
        raise line.error(f"分割数 must be 1–{MAX_PARTS}")
    if index < 1 or index > total:
        raise line.error("分割番号 is outside 1..分割数")
    return data_id, total, index


def is_complete_file(data: bytes) -> bool:
    """True when ``data`` starts with a JAHIS TC header (a chunk that is a whole file)."""
    return HEADER_BYTES.match(data) is not None


def split_id_of(data: bytes) -> str | None:
    """The 911 データID of a complete file, read cheaply (None: not split or unreadable)."""
    try:
        part = read_part(data)
    except MalformedInput:
        return None
    except Exception:  # an encoding refusal is reported when the file is parsed
        return None
    return part.split[0] if part.split else None


def assemble_chunks(chunks: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Join continuation chunks (no header) to the complete chunk before them, as bytes.

    When the first chunks are continuations (photos given out of order), the sequence is
    rotated to start at the first chunk with a header. Identical chunks are kept once.
    """
    unique: list[tuple[str, bytes]] = []
    seen: set[bytes] = set()
    for name, data in chunks:
        if data in seen:
            continue
        seen.add(data)
        unique.append((name, data))
    first = next((i for i, (_, data) in enumerate(unique) if is_complete_file(data)), None)
    if first is None:
        if not unique:
            return []
        raise MalformedInput("no part starts with a JAHIS TC header (JAHISTCnn)",
                             path=unique[0][0])
    ordered = unique[first:] + unique[:first]
    out: list[tuple[str, bytes]] = []
    for name, data in ordered:
        if is_complete_file(data) or not out:
            out.append((name, data))
        else:
            previous_name, previous = out[-1]
            out[-1] = (previous_name, previous + data)
    return out


# -- joining split data (911) -------------------------------------------------------------------


@dataclass(slots=True)
class Joined:
    """One logical file: its records in order, and where they came from."""

    version: str
    output_category: str
    lines: list[Line]
    parts: list[Part]
    split: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)


def join_parts(parts: Sequence[Part]) -> list[Joined]:
    """Group parts by 911 データID and join each group; unsplit parts stay alone."""
    groups: dict[str, list[Part]] = {}
    out: list[tuple[int, Joined | list[Part]]] = []
    for index, part in enumerate(parts):
        if part.split is None:
            out.append((index, _single(part)))
            continue
        data_id = part.split[0]
        if data_id not in groups:
            groups[data_id] = []
            out.append((index, groups[data_id]))
        groups[data_id].append(part)
    return [item if isinstance(item, Joined) else _join(item) for _, item in out]


def _single(part: Part) -> Joined:
    joined = Joined(part.version, part.output_category, list(part.lines), [part])
    _check_category(joined)
    return joined


def _join(group: list[Part]) -> Joined:
    assert group and group[0].split is not None
    data_id, total, _ = group[0].split
    by_number: dict[int, Part] = {}
    for part in group:
        assert part.split is not None and part.split_line is not None
        if part.split[1] != total:
            raise part.split_line.error("the parts disagree on 分割数")
        number = part.split[2]
        if number in by_number:
            if by_number[number].lines != part.lines:
                raise part.split_line.error(f"part {number} of {total} was given twice "
                                            "with different content")
            continue
        by_number[number] = part
    missing = [n for n in range(1, total + 1) if n not in by_number]
    if missing:
        names = str(missing[0]) if len(missing) == 1 else (
            ", ".join(str(n) for n in missing[:-1]) + f" and {missing[-1]}")
        verb = "is" if len(missing) == 1 else "are"
        noun = "part" if len(missing) == 1 else "parts"
        raise MalformedInput(f"split data (911 データID {data_id}): {noun} {names} of {total} "
                             f"{verb} missing; nothing was imported", path=group[0].name)
    ordered = [by_number[n] for n in range(1, total + 1)]
    first = ordered[0]
    joined = Joined(first.version, first.output_category, [], ordered,
                    split={"data_id": data_id, "count": total})
    for part in ordered[1:]:
        if part.output_category != first.output_category:
            raise MalformedInput("the parts of the split data disagree on 出力区分",
                                 path=part.name)
        if part.version != first.version:
            joined.warnings.append("the parts of the split data carry different JAHISTC "
                                   "versions; the first part's is used")
    seen_file_level: set[tuple[str, tuple[str, ...]]] = set()
    for part in ordered:
        local: set[tuple[str, tuple[str, ...]]] = set()
        for line in part.lines:
            key = (line.record, line.fields)
            if line.record in FILE_LEVEL and key in seen_file_level:
                continue  # repeated in every part (e.g. the patient record)
            if line.record in FILE_LEVEL:
                local.add(key)
            joined.lines.append(line)
        seen_file_level |= local
    _check_category(joined)
    return joined


def _check_category(joined: Joined) -> None:
    if joined.output_category not in ("1", "2"):
        joined.warnings.append("the header's 出力区分 is neither 1 nor 2; read as written")


# -- structure ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Usage:
    """A 301 用法 with its 311 補足 and 391 服用注意."""

    line: Line
    supplements: list[dict[str, Any]] = field(default_factory=list)
    cautions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rp(self) -> str:
        return self.line.get("rp")


@dataclass(slots=True)
class DrugLine:
    """A 201 薬品 with its 281 補足 and 291 服用注意, and its paired usage."""

    line: Line
    supplements: list[dict[str, Any]] = field(default_factory=list)
    cautions: list[dict[str, Any]] = field(default_factory=list)
    usage: Usage | None = None

    @property
    def rp(self) -> str:
        return self.line.get("rp")


@dataclass(slots=True)
class Group:
    """A prescription inside a block: the 51 institution and 55 doctor, and its RPs."""

    institution: Line | None = None
    doctor: Line | None = None
    drugs: list[DrugLine] = field(default_factory=list)
    usages: list[Usage] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A dispensing (調剤) block, started by a 5 record."""

    line: Line
    date: dt.date
    pharmacy: Line | None = None
    more_pharmacies: list[Line] = field(default_factory=list)
    pharmacists: list[Line] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    unknown: list[dict[str, Any]] = field(default_factory=list)
    orphans: list[dict[str, Any]] = field(default_factory=list)  # usages with no drug


@dataclass(slots=True)
class Otc:
    """A 3 要指導・一般用医薬品 with its 31 成分."""

    line: Line
    start: dt.date | None
    end: dt.date | None
    ingredients: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Patient:
    line: Line
    birth_date: dt.date | None


@dataclass(slots=True)
class JahisFile:
    version: str
    output_category: str
    patient: Patient | None = None
    notes: list[Line] = field(default_factory=list)  # 2
    otc: list[Otc] = field(default_factory=list)  # 3 + 31
    memos: list[dict[str, Any]] = field(default_factory=list)  # 4
    blocks: list[Block] = field(default_factory=list)  # 5 …
    pharmacists: list[dict[str, Any]] = field(default_factory=list)  # 701
    split: dict[str, Any] | None = None  # 911
    unknown: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encodings: list[str] = field(default_factory=list)
    part_names: list[str | None] = field(default_factory=list)  # the inputs it came from


def date_of(line: Line, name: str, label: str) -> dt.date | None:
    """The date in field ``name`` (None when empty); an invalid date refuses the file."""
    text = line.get(name)
    if not text:
        return None
    try:
        return parse_jahis_date(text)
    except JahisDateError as exc:
        raise line.error(f"{label}: {exc}") from None


def structure(joined: Joined) -> JahisFile:
    """The records of one (joined) file, organised as the spec's §4 describes."""
    out = JahisFile(joined.version, joined.output_category, split=joined.split,
                    warnings=list(joined.warnings),
                    encodings=sorted({p.encoding for p in joined.parts}),
                    part_names=[p.name for p in joined.parts])
    if any(p.gaiji for p in joined.parts):
        out.warnings.append("the file contains 外字 (user-defined characters, forbidden by "
                            "JAHIS); they were kept but may not display")
    block: Block | None = None
    otc_by_seq: dict[str, Otc] = {}
    for line in joined.lines:
        record = line.record
        if record in BLOCK_LEVEL and record != "5" and block is None:
            raise line.error("a block record before the first 調剤等年月日 (5) record")
        if record == "1":
            birth = date_of(line, "birth_date", "生年月日")
            if out.patient is not None and out.patient.line.fields != line.fields:
                raise line.error("a second, different 患者情報 (1) record")
            out.patient = out.patient or Patient(line, birth)
        elif record == "2":
            out.notes.append(line)
        elif record == "3":
            otc = Otc(line, date_of(line, "start", "服用開始日"), date_of(line, "end", "服用終了日"))
            out.otc.append(otc)
            if line.get("seq"):
                otc_by_seq[line.get("seq")] = otc
        elif record == "31":
            parent = otc_by_seq.get(line.get("otc_seq"))
            if parent is None:
                raise line.error("OTC成分 (31) refers to an OTC通番 with no 要指導・一般用医薬品 "
                                 "(3) record before it")
            parent.ingredients.append(fields_of(line))
        elif record == "4":
            date_of(line, "date", "入力日")
            out.memos.append(fields_of(line))
        elif record == "701":
            date_of(line, "start", "担当開始日")
            date_of(line, "end", "担当終了日")
            out.pharmacists.append(fields_of(line))
        elif record == "5":
            day = date_of(line, "date", "調剤等年月日")
            if day is None:
                raise line.error("調剤等年月日 is empty")
            block = Block(line, day)
            out.blocks.append(block)
        elif block is not None and record in BLOCK_LEVEL:
            _block_record(block, line, out)
        elif block is not None:
            block.unknown.append(fields_of(line))
            out.warnings.append(f"{line.where()}: unknown record number; kept")
        else:
            out.unknown.append(fields_of(line))
            out.warnings.append(f"{line.where()}: unknown record number; kept")
    for block in out.blocks:
        _pair(block, out)
    return out


def _group(block: Block) -> Group:
    if not block.groups:
        block.groups.append(Group())
    return block.groups[-1]


def _block_record(block: Block, line: Line, out: JahisFile) -> None:
    record = line.record
    if record == "11":
        if block.pharmacy is None:
            block.pharmacy = line
        else:
            block.more_pharmacies.append(line)
            out.warnings.append(f"{line.where()}: a second 調剤－医療機関等 in the block; kept")
        if out.output_category == "1" and not all(
                line.get(n) for n in ("prefecture", "score_table", "code")):
            out.warnings.append(f"{line.where()}: 出力区分 1 needs 都道府県, 点数表 and "
                                "機関コード")
    elif record == "15":
        block.pharmacists.append(line)
    elif record in ("51", "55"):
        # A 51/55 starts a new prescription group once the current one has RPs (or
        # already has that record); a new doctor alone keeps the institution.
        group = _group(block)
        has_it = group.institution if record == "51" else group.doctor
        if group.drugs or group.usages or has_it is not None:
            group = Group(institution=group.institution if record == "55" else None)
            block.groups.append(group)
        if record == "51":
            group.institution = line
        else:
            group.doctor = line
    elif record == "201":
        code_type = line.get("code_type")
        if code_type not in ("", "1") and not line.get("code"):
            raise line.error(f"薬品コード種別 {code_type} needs a 薬品コード")
        _group(block).drugs.append(DrugLine(line))
    elif record in ("281", "291"):
        drugs = _group(block).drugs
        target = drugs[-1] if drugs and drugs[-1].rp == line.get("rp") else None
        if target is None:
            target = next((d for d in reversed(drugs) if d.rp == line.get("rp")), None)
        if target is None:
            block.orphans.append(fields_of(line))
            out.warnings.append(f"{line.where()}: no 薬品 (201) of RP {line.get('rp')} "
                                "before it; kept")
            return
        (target.supplements if record == "281" else target.cautions).append(fields_of(line))
    elif record == "301":
        if out.output_category == "1" and not line.get("usage") \
                and line.get("form_code") not in ("9", "10"):
            out.warnings.append(f"{line.where()}: 出力区分 1 needs 用法名称")
        _group(block).usages.append(Usage(line))
    elif record in ("311", "391"):
        usages = [u for g in block.groups for u in g.usages if u.rp == line.get("rp")]
        if not usages:
            block.orphans.append(fields_of(line))
            out.warnings.append(f"{line.where()}: no 用法 (301) of RP {line.get('rp')} "
                                "before it; kept")
            return
        usage = usages[-1]
        (usage.supplements if record == "311" else usage.cautions).append(fields_of(line))
    else:  # 401 411 421 501 601
        if record == "601":
            date_of(line, "date", "入力日")
        block.notes.append({"record": record, **fields_of(line)})


def _pair(block: Block, out: JahisFile) -> None:
    """201 ↔ 301 by RP number: inside the prescription group first, then the block."""
    all_usages = [u for g in block.groups for u in g.usages]
    used: set[int] = set()
    for group in block.groups:
        for drug in group.drugs:
            usage = next((u for u in group.usages if u.rp == drug.rp), None) or \
                next((u for u in all_usages if u.rp == drug.rp), None)
            if usage is None:
                out.warnings.append(f"{drug.line.where()}: no 用法 (301) for RP {drug.rp}")
                continue
            drug.usage = usage
            used.add(id(usage))
        rps: dict[str, int] = {}
        for usage in group.usages:
            rps[usage.rp] = rps.get(usage.rp, 0) + 1
        for rp, count in rps.items():
            if count > 1:
                out.warnings.append(f"block of line {block.line.number}: RP {rp} has "
                                    f"{count} 用法 (301) records; the first is used")
    for usage in all_usages:
        if id(usage) not in used:
            block.orphans.append({**fields_of(usage.line), "supplements": usage.supplements,
                                  "cautions": usage.cautions})
            out.warnings.append(f"{usage.line.where()}: no 薬品 (201) for RP {usage.rp}; "
                                "kept")


def parse_files(chunks: Iterable[tuple[str | None, bytes]]) -> list[JahisFile]:
    """Complete files (name, bytes) → structured files, split data joined (see module doc)."""
    parts = [read_part(data, name=name) for name, data in chunks]
    return [structure(joined) for joined in join_parts(parts)]


__all__ = [
    "BLOCK_LEVEL", "BLOCK_NOTES", "FIELDS", "FILE_LEVEL", "UTF8_BOM", "Block", "DrugLine",
    "Group", "JahisFile", "Joined", "Line", "Otc", "Part", "Patient", "Usage",
    "assemble_chunks", "date_of", "fields_of", "is_complete_file", "join_parts",
    "parse_files", "read_part", "split_id_of", "split_lines", "structure",
]
