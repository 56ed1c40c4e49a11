"""Any CSV read through a column mapping (``specs/devices.md`` §7): ``csv-mapped``.

The importer holds a list of :class:`~phrapp.domain.csv_mapping.CsvMapping` (by default
the built-in ones; the import service may pass the vault's saved mappings first). A file
is this format only when its header row — decoded per T5, at the mapping's header row,
split with its delimiter — is exactly a mapping's header (normalised). A CSV whose header
matches no mapping is not sniffed, so the import refuses it (``unsupported-format``) and
the GUI offers the mapping dialog instead.

Decoding (``specs/security.md`` T5), streamed so memory stays flat on large files:

* a BOM decides (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM is refused;
* ``auto`` without a BOM: the whole file is checked as strict UTF-8 first (an
  incremental decoder, constant memory: an ASCII header over CP932 rows is common), else
  strict CP932; the stray CP932 single bytes and NUL characters refuse the file;
* every line: WAVE DASH folded to FULLWIDTH TILDE, then NFC (as ``text_decoding``).

Rows that cannot be read are skipped and counted by reason (``missing-field``,
``invalid-date``, ``invalid-value``, ``invalid-zone``) with a line-numbered warning
that never quotes a value. Records: provenance ``import``, source app ``csv:<mapping
name>`` (the mapping identifies the producing app for dedupe, CONTRACT §5).
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, ClassVar

from phrapp.domain.csv_mapping import (
    BUILTIN_MAPPINGS,
    CsvMapping,
    MappingError,
    RowError,
    RowValues,
)
from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Provenance, Record, Source
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.errors import EncodingRefused, MalformedInput, TooLarge
from phrapp.io.importers.base import (
    MAX_ROWS,
    Importer,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
    paced,
)
from phrapp.io.text_decoding import UTF8_BOM, UTF16_BE_BOM, UTF16_LE_BOM

SLUG = "csv-mapped"
APP_PREFIX = "csv:"
MAX_BYTES = 200 * 1024 * 1024  # streamed: the cap bounds time, not memory
MAX_WARNINGS = 50
FIELD_LIMIT = 1 << 20
_CHUNK = 1 << 16
_CP932_SINGLE_BYTE_EXTRAS = frozenset("\x80\uf8f0\uf8f1\uf8f2\uf8f3")
_FOLD = str.maketrans({"\u301c": "\uff5e"})
_REFUSED_UTF16 = ("the file looks like UTF-16 without a byte-order mark: save it as UTF-8 "
                  "and import it again")


def _ensure_field_limit() -> None:
    if csv.field_size_limit() != FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


# -- decoding ----------------------------------------------------------------------------


def bom_codec(head: bytes) -> str | None:
    """The codec a byte-order mark names (``utf-8-sig``/``utf-16``), else None."""
    if head.startswith(UTF8_BOM):
        return "utf-8-sig"
    if head.startswith((UTF16_LE_BOM, UTF16_BE_BOM)):
        return "utf-16"
    return None


def _clean(text: str, codec: str) -> str:
    """T5 checks and normalisation of decoded text (a line, or a file's head)."""
    if "\x00" in text:
        raise EncodingRefused("the file holds NUL characters (UTF-16 without a byte-order "
                              "mark?): save it as UTF-8 and import it again")
    if codec == "cp932" and _CP932_SINGLE_BYTE_EXTRAS.intersection(text):
        raise EncodingRefused("the file is neither UTF-8 nor Shift_JIS (CP932): save it as "
                              "UTF-8 and import it again")
    return unicodedata.normalize("NFC", text.translate(_FOLD))


def _all_utf8(handle: BinaryIO) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def choose_codec(source: ImportSource, encoding: str) -> str:
    """The Python codec for ``source`` under a mapping's ``encoding`` choice.

    A BOM always wins (it is unambiguous); UTF-16 needs one. ``auto`` reads the whole
    file once as strict UTF-8 (constant memory), else takes CP932. Raises
    :class:`EncodingRefused`.
    """
    bom = bom_codec(source.head)
    if bom is not None:
        return bom
    if encoding == "utf-16":
        raise EncodingRefused(_REFUSED_UTF16, path=source.name)
    if encoding in ("utf-8", "cp932"):
        return encoding
    with source.open() as handle:
        return "utf-8" if _all_utf8(handle) else "cp932"


def decode_head_as(head: bytes, encoding: str, *, complete: bool) -> str | None:
    """A file's first bytes decoded under a mapping's encoding choice, or None (not
    text in that encoding). ``complete``: the head is the whole file; otherwise the
    last, possibly cut, line is dropped."""
    codec = bom_codec(head)
    candidates: tuple[str, ...]
    if codec is not None:
        candidates = (codec,)
    elif encoding == "utf-16":
        return None
    elif encoding in ("utf-8", "cp932"):
        candidates = (encoding,)
    else:
        candidates = ("utf-8", "cp932")
    for candidate in candidates:
        for cut in range(4):  # the head may end inside a multi-byte character
            chunk = head[: len(head) - cut] if cut else head
            try:
                text = _clean(chunk.decode(candidate), candidate)
            except (UnicodeDecodeError, EncodingRefused):
                continue
            if not complete:
                end = max(text.rfind("\n"), text.rfind("\r"))
                text = text[: end + 1] if end >= 0 else ""
            return text
    return None


def sniff_delimiter(line: str) -> str:
    """The delimiter among ``,`` tab ``;`` that splits ``line`` most (``,`` on a tie)."""
    counts = {d: line.count(d) for d in (",", "\t", ";")}
    best = max(counts.values())
    if best == 0:
        return ","
    return next(d for d in (",", "\t", ";") if counts[d] == best)


def _delimiter(mapping_delimiter: str, first_line: str) -> str:
    return sniff_delimiter(first_line) if mapping_delimiter == "auto" else mapping_delimiter


def head_rows(text: str, delimiter: str, limit: int) -> list[list[str]]:
    """Up to ``limit`` CSV rows of decoded text (a malformed tail just ends the list)."""
    _ensure_field_limit()
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


def _first_line(text: str, skip: int) -> str:
    lines = text.splitlines()
    return lines[skip] if skip < len(lines) else (lines[0] if lines else "")


@dataclass(frozen=True, slots=True)
class OpenedCsv:
    """A file opened through a mapping: its codec, delimiter, header and data rows."""

    codec: str
    delimiter: str
    header: list[str] | None
    columns: dict[str, int]
    rows: Iterator[tuple[int, list[str]]]  # (line number, cells)


def _text_lines(handle: BinaryIO, codec: str, name: str) -> Iterator[str]:
    wrapper = io.TextIOWrapper(handle, encoding=codec, errors="strict", newline="")
    try:
        for line in wrapper:
            yield _clean(line, codec)
    except UnicodeDecodeError:
        raise EncodingRefused(f"the file is not valid {codec} text: save it as UTF-8 and "
                              "import it again", path=name) from None


def open_csv(source: ImportSource, mapping: CsvMapping, handle: BinaryIO) -> OpenedCsv:
    """Open ``handle`` (``source``'s bytes) through ``mapping``: skip to the header row,
    read the header and resolve the columns. Streams; raises typed errors."""
    _ensure_field_limit()
    codec = choose_codec(source, mapping.encoding)
    head_text = decode_head_as(source.head, mapping.encoding,
                               complete=source.size <= len(source.head)) or ""
    delimiter = _delimiter(mapping.delimiter, _first_line(head_text, mapping.header_row))
    reader = csv.reader(_text_lines(handle, codec, source.name), delimiter=delimiter)
    try:
        for _ in range(mapping.header_row):
            next(reader, None)
        header = next(reader, None) if mapping.has_header else None
    except csv.Error as exc:
        raise MalformedInput(f"CSV error at line {reader.line_num}: {exc}",
                             path=source.name) from None
    if mapping.has_header and (header is None or not mapping.matches(header)):
        raise MalformedInput("the header row is not the one the column mapping is for",
                             path=source.name)
    try:
        columns = mapping.resolve(header)
    except MappingError as exc:
        raise MalformedInput(str(exc), path=source.name) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise MalformedInput(f"CSV error at line {reader.line_num}: {exc}",
                                 path=source.name) from None

    return OpenedCsv(codec, delimiter, header, columns, rows())


# -- records -----------------------------------------------------------------------------


def source_for(mapping: CsvMapping) -> Source:
    """The record source of a mapping: the app ``csv:<name>`` (identity for dedupe)."""
    return Source(app=APP_PREFIX + mapping.name)


def build_record(values: RowValues, mapping: CsvMapping) -> Record:
    """The domain record for one parsed row (``profile_id`` empty: the service assigns)."""
    extra: dict[str, Any] = {"csv_mapping": mapping.name}
    if not values.time_known and values.kind in ("bp", "weight"):
        # Unknown time: local midnight, kept out of morning/evening (devices.md §2.3).
        extra["time_known"] = False
    common: dict[str, Any] = {"profile_id": "", "provenance": Provenance.IMPORT,
                              "source": source_for(mapping), "extra": extra}
    v = values.values
    if values.kind == "bp":
        assert values.measured_at is not None
        return BloodPressure(**common, measured_at=values.measured_at,
                             systolic=v["systolic"], diastolic=v["diastolic"],
                             pulse=v["pulse"])
    if values.kind == "weight":
        assert values.measured_at is not None
        unit = WeightUnit(values.original.get("unit", "kg"))
        if unit is WeightUnit.LB:
            extra["original_value"] = values.original.get("value")
            extra["original_unit"] = "lb"
        return Weight(**common, measured_at=values.measured_at, kg=v["kg"],
                      body_fat_percent=v["body_fat"], original_unit=unit)
    if values.kind == "steps":
        return Steps(**common, date=values.date, steps=v["steps"])
    return LabValue(**common, date=values.date, code=v["code"], name=v["name"],
                    value=v["glucose"], unit=v["unit"])


# -- the importer ------------------------------------------------------------------------


class CsvMappedImporter(Importer):
    """``csv-mapped``: a CSV whose header row is a known mapping's (module doc).

    ``mappings``: tried in order (saved ones first, then the built-ins, is what the
    import service should pass); default the built-ins. ``explicit``: the person chose
    the mapping for this file in the mapping dialog, so a mapping without a header row
    matches any file that decodes and has enough columns.
    """

    slug = SLUG
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS)
    max_bytes: ClassVar[int] = MAX_BYTES

    def __init__(self, mappings: Sequence[CsvMapping] | None = None, *,
                 explicit: bool = False) -> None:
        self.mappings: tuple[CsvMapping, ...] = tuple(
            BUILTIN_MAPPINGS if mappings is None else mappings)
        self.explicit = explicit

    def mapping_for(self, source: ImportSource) -> CsvMapping | None:
        """The first mapping ``source`` is for (judged from its head), or None."""
        complete = source.size <= len(source.head)
        decoded: dict[str, str | None] = {}
        for mapping in self.mappings:
            if mapping.encoding not in decoded:
                decoded[mapping.encoding] = decode_head_as(source.head, mapping.encoding,
                                                           complete=complete)
            text = decoded[mapping.encoding]
            if not text:
                continue
            delimiter = _delimiter(mapping.delimiter, _first_line(text, mapping.header_row))
            rows = head_rows(text, delimiter, mapping.header_row + 1)
            if len(rows) <= mapping.header_row:
                continue
            row = rows[mapping.header_row]
            if mapping.has_header:
                if mapping.matches(row):
                    return mapping
            elif self.explicit and all(isinstance(i, int) and i < len(row)
                                       for i in mapping.columns.values()):
                return mapping
        return None

    def sniff(self, source: ImportSource) -> float:
        try:
            found = self.mapping_for(source)
        except Exception:  # a sniffer never raises; the file is then not this format
            return 0.0
        if found is None:
            return 0.0
        # Below the dedicated CSV importers (0.7–0.95): an exact header is certain, but a
        # format-specific importer knows more about its own files.
        return 0.6

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        if source.size > self.max_bytes:
            raise TooLarge(f"the file is larger than {self.max_bytes // 2**20} MB",
                           path=source.name)
        mapping = self.mapping_for(source)
        if mapping is None:
            raise MalformedInput("the header row matches no column mapping",
                                 path=source.name)
        with source.open() as handle:
            opened = open_csv(source, mapping, handle)
            yield from _Rows(ctx, mapping, opened.columns).run(opened.rows)


class _Rows:
    def __init__(self, ctx: ParseContext, mapping: CsvMapping, columns: dict[str, int]) -> None:
        self.ctx = ctx
        self.mapping = mapping
        self.columns = columns
        self.skips: Counter[str] = Counter()
        self.warnings: list[str] = []

    def run(self, rows: Iterator[tuple[int, list[str]]]) -> Iterator[ParseItem]:
        for _count, (line, row) in paced(rows, self.ctx, limit=MAX_ROWS):
            if not any(cell.strip() for cell in row):
                continue
            parsed = self.mapping.parse_row(row, self.columns, self.ctx.home_zone)
            if isinstance(parsed, RowError):
                self.skips[parsed.reason] += 1
                if len(self.warnings) < MAX_WARNINGS:
                    self.warnings.append(f"line {line}: {parsed.message}")
                continue
            yield ParsedRecord(build_record(parsed, self.mapping))
        for text in self.warnings:
            yield ParseWarning(text)
        for reason, n in sorted(self.skips.items()):
            yield ParseSkip(reason, n)


__all__ = ["APP_PREFIX", "SLUG", "CsvMappedImporter", "OpenedCsv", "bom_codec",
           "build_record", "choose_codec", "decode_head_as", "head_rows", "open_csv",
           "sniff_delimiter", "source_for"]
