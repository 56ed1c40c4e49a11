"""Saved column mappings for "any CSV" and the mapping dialog's preview.

Mappings are kept **inside the vault** (the ``meta`` table, one JSON list under
:data:`META_KEY`): a header row and a mapping name can say what someone measures, so
they never go to the plaintext settings file. :func:`preview` reads only the first bytes
of a file (it runs on a worker thread; the file may be large) and answers with the raw
rows and the first rows *as parsed values*, each a value or a row error, exactly as the
``csv-mapped`` importer will read them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from phrapp.domain.csv_mapping import (
    BUILTIN_MAPPINGS,
    CsvMapping,
    MappingError,
    RowError,
    RowValues,
)
from phrapp.domain.time import DEFAULT_ZONE
from phrapp.errors import EncodingRefused
from phrapp.io.importers.csv_mapped import (
    CsvMappedImporter,
    bom_codec,
    decode_head_as,
    head_rows,
    sniff_delimiter,
)
from phrapp.services.session import Session

log = logging.getLogger(__name__)

META_KEY = "csv_mappings"
PREVIEW_BYTES = 256 * 1024
RAW_ROWS = 30
MAX_SAVED = 200


@dataclass(frozen=True, slots=True)
class MappingPreview:
    """What the mapping dialog shows for one file under one mapping."""

    encoding: str  # the codec used: utf-8-sig | utf-16 | utf-8 | cp932
    delimiter: str
    raw: list[list[str]]  # the first rows as they are in the file (header included)
    header: list[str] | None  # the header row's cells (None: no header)
    #: (line number, parsed values or the row's error) for the first data rows; empty
    #: while the mapping still lacks a required column.
    rows: list[tuple[int, RowValues | RowError]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # CsvMapping.problems()


def preview(path: Path, mapping: CsvMapping, n: int = 20,
            home_zone: str = DEFAULT_ZONE) -> MappingPreview:
    """Read the start of ``path`` through ``mapping`` (worker thread; no vault access).

    Raises :class:`EncodingRefused` when the start of the file is not text in the
    chosen encoding (UTF-16 without a BOM included).
    """
    with open(path, "rb") as handle:
        head = handle.read(PREVIEW_BYTES + 1)
    complete = len(head) <= PREVIEW_BYTES
    head = head[:PREVIEW_BYTES]
    text = decode_head_as(head, mapping.encoding, complete=complete)
    if text is None:
        raise EncodingRefused("the file is not text in the chosen encoding", path=path.name)
    codec = bom_codec(head) or _codec_of(head, mapping.encoding)
    lines = text.splitlines()
    skip = mapping.header_row
    first = lines[skip] if skip < len(lines) else ""
    delimiter = sniff_delimiter(first) if mapping.delimiter == "auto" else mapping.delimiter
    raw = head_rows(text, delimiter, skip + n + 1 + RAW_ROWS)
    body = raw[skip:]
    header = body[0] if mapping.has_header and body else None
    data = body[1:] if mapping.has_header else body
    problems = mapping.problems()
    result = MappingPreview(codec, delimiter, raw[: max(RAW_ROWS, skip + n + 1)], header,
                            problems=problems)
    if problems:
        return result
    try:
        columns = mapping.resolve(header)
    except MappingError:
        return MappingPreview(codec, delimiter, result.raw, header,
                              problems=["columns"])
    width = max((len(r) for r in data[:n]), default=0)
    if any(i >= width for i in columns.values()) and data:
        return MappingPreview(codec, delimiter, result.raw, header, problems=["columns"])
    first_line = skip + (2 if mapping.has_header else 1)
    for offset, row in enumerate(data[:n]):
        if not any(c.strip() for c in row):
            continue
        result.rows.append((first_line + offset, mapping.parse_row(row, columns, home_zone)))
    return result


def _codec_of(head: bytes, encoding: str) -> str:
    if encoding in ("utf-8", "cp932"):
        return encoding
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A cut multi-byte character at the very end still counts as UTF-8.
        if exc.start < len(head) - 3:
            return "cp932"
    return "utf-8"


class CsvMappingService:
    """Save, list and delete the vault's column mappings (JSON in ``meta``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.meta = session.repos.meta

    def saved(self) -> list[CsvMapping]:
        """The saved mappings, in saving order; unreadable entries are left out (logged
        without content)."""
        text = self.meta.get(META_KEY)
        if not text:
            return []
        try:
            data = json.loads(text)
        except ValueError:
            log.warning("saved column mappings are not JSON; ignored")
            return []
        out: list[CsvMapping] = []
        for entry in data if isinstance(data, list) else []:
            try:
                out.append(CsvMapping.from_json(entry))
            except MappingError:
                log.warning("a saved column mapping is unusable; ignored")
        return out

    def all(self) -> list[CsvMapping]:
        """Saved mappings first (the person's choice wins), then the built-in ones."""
        return [*self.saved(), *BUILTIN_MAPPINGS]

    def importer(self, *, extra: Sequence[CsvMapping] = (),
                 explicit: bool = False) -> CsvMappedImporter:
        """A ``csv-mapped`` importer knowing ``extra`` first, then :meth:`all`."""
        return CsvMappedImporter([*extra, *self.all()], explicit=explicit)

    def save(self, mapping: CsvMapping) -> None:
        """Add ``mapping``, replacing a saved one of the same name (names are unique)."""
        mapping.check()
        if mapping.name.startswith("builtin:"):
            raise MappingError("names starting with builtin: are reserved")
        kept = [m for m in self.saved() if m.name != mapping.name]
        if len(kept) >= MAX_SAVED:
            raise MappingError(f"at most {MAX_SAVED} column mappings can be saved")
        self._write([*kept, mapping])

    def delete(self, name: str) -> bool:
        """Remove the saved mapping ``name``; False when there was none."""
        saved = self.saved()
        kept = [m for m in saved if m.name != name]
        if len(kept) == len(saved):
            return False
        self._write(kept)
        return True

    def _write(self, mappings: list[CsvMapping]) -> None:
        text = json.dumps([m.to_json() for m in mappings], ensure_ascii=False,
                          sort_keys=True)
        with self.session.db.transaction():
            if mappings:
                self.meta.set(META_KEY, text)
            else:
                self.meta.delete(META_KEY)


__all__ = ["META_KEY", "CsvMappingService", "MappingPreview", "preview"]
