"""The importer protocol every format implements.

An importer is a plugin with two steps:

``sniff(source) -> float``
    Confidence 0.0–1.0 that ``source`` is this format, judged **by content** (the
    first bytes in ``source.head``), never by the file name alone. Cheap, never raises.

``parse(source, ctx) -> Iterator[ParseItem]``
    Streams what the file holds: :class:`PersonInfo` for every identity-bearing person
    (CDA examinee, JAHIS patient, FHIR Patient), :class:`ParsedRecord` for each record
    (domain records with ``profile_id=""``: the import service assigns profiles),
    :class:`ParsedDocument` for originals kept for verbatim re-export,
    :class:`ParseWarning` and :class:`ParseSkip` for what the user should know.
    It reads through ``source.open()`` in bounded chunks (memory stays bounded for
    multi-GB files), calls ``ctx.progress`` now and then, stops when ``ctx.cancelled()``
    is true, and treats the file as hostile: malformed input raises
    :class:`phrapp.errors.MalformedInput`, dangerous input
    :class:`phrapp.errors.HostileInput`, oversize input :class:`phrapp.errors.TooLarge`,
    a bad encoding :class:`phrapp.errors.EncodingRefused`. It never writes to disk.

The import service (``phrapp.services.import_service``) then does people matching,
deduplication by natural key, the preview, the one-transaction commit and undo.
"""

from __future__ import annotations

import hashlib
import io
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, ClassVar, TypeVar

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import Record, RecordKind
from phrapp.errors import TooLarge

T = TypeVar("T")

HEAD_BYTES = 64 * 1024
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # specs/security.md T3: cap before parsing


@dataclass(frozen=True, slots=True)
class ImportSource:
    """One input file. ``head`` holds its first bytes for sniffing."""

    path: Path
    name: str
    size: int
    head: bytes

    @classmethod
    def from_path(cls, path: Path) -> ImportSource:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
        return cls(path=path, name=path.name, size=path.stat().st_size, head=head)

    def open(self) -> BinaryIO:
        return open(self.path, "rb")

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.open() as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class MemorySource(ImportSource):
    """An input held in memory (a member of a decrypted share package): never on disk."""

    data: bytes = b""

    @classmethod
    def of(cls, name: str, data: bytes) -> MemorySource:
        return cls(path=Path(name), name=name, size=len(data), head=data[:HEAD_BYTES],
                   data=data)

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data)

    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _no_progress(done: int) -> None:
    return None


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class ParseContext:
    """What a parser may know about the target: the home zone for offset-less times."""

    home_zone: str
    progress: Callable[[int], None] = _no_progress
    cancelled: Callable[[], bool] = _never


#: The most rows a row-based file may hold (CSV formats): a cap, not a buffer size.
MAX_ROWS = 1_000_000
#: Rows between progress reports and cancel checks (a check per row costs ~5 % on 1M rows).
PACE = 1000


def paced(items: Iterable[T], ctx: ParseContext, *, limit: int = MAX_ROWS
          ) -> Iterator[tuple[int, T]]:
    """``(count, item)`` from 1, with the row cap, progress and cancel every :data:`PACE`.

    Stops quietly when cancelled (the import service then refuses the partial parse);
    raises :class:`TooLarge` past ``limit``.
    """
    for count, item in enumerate(items, start=1):
        if count > limit:
            raise TooLarge(f"more than {limit} rows")
        if count % PACE == 0 or count == 1:
            if ctx.cancelled():
                return
            if count > 1:
                ctx.progress(count)
        yield count, item


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    """A record from the file. ``person`` is a :class:`PersonInfo` ref (None: no identity).

    ``version`` orders re-sent copies of the same reading (e.g. the exchange protocol's
    ``update_time``): a newer version replaces the stored record, an older one is skipped.
    """

    record: Record
    person: str | None = None
    version: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """An original document kept encrypted for verbatim re-export (e.g. a CDA file)."""

    id: str
    format: str
    name: str
    content: bytes
    person: str | None = None


@dataclass(frozen=True, slots=True)
class ParseWarning:
    text: str


@dataclass(frozen=True, slots=True)
class ParseSkip:
    """Input deliberately not imported, counted by ``reason`` (a slug)."""

    reason: str
    count: int = 1


ParseItem = PersonInfo | ParsedRecord | ParsedDocument | ParseWarning | ParseSkip


class Importer(ABC):
    """Base class for importers; see the module docstring for the contract."""

    slug: ClassVar[str]
    kinds: ClassVar[tuple[RecordKind, ...]]
    #: Files above this size are refused before parsing (streaming formats raise it).
    max_bytes: ClassVar[int] = DEFAULT_MAX_BYTES

    @abstractmethod
    def sniff(self, source: ImportSource) -> float:
        """Confidence that ``source`` is this format (0.0–1.0), from its content."""

    @abstractmethod
    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        """Stream the file's persons, records, documents, warnings and skips."""

    def read_capped(self, source: ImportSource) -> bytes:
        """The whole file for formats parsed in one piece, refused above ``max_bytes``.

        Checked twice: the size on disk first (cheap), then what was actually read (a
        file that grew, or a source whose size was not known).
        """
        if source.size > self.max_bytes:
            raise TooLarge(f"the file is larger than {self.max_bytes // 2**20} MB",
                           path=source.name)
        with source.open() as handle:
            data = handle.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise TooLarge(f"the file is larger than {self.max_bytes // 2**20} MB",
                           path=source.name)
        return data


@dataclass(slots=True)
class ImporterRegistry:
    """The importers a service may use; tests build their own with fakes."""

    importers: list[Importer] = field(default_factory=list)

    def register(self, importer: Importer) -> None:
        if any(i.slug == importer.slug for i in self.importers):
            raise ValueError(f"importer {importer.slug!r} registered twice")
        self.importers.append(importer)

    def detect(self, source: ImportSource, threshold: float = 0.5) -> Importer | None:
        """The importer with the highest confidence ≥ ``threshold``, or None."""
        best: tuple[float, Importer] | None = None
        for importer in self.importers:
            try:
                confidence = importer.sniff(source)
            except Exception:  # a sniffer must not take the import down
                confidence = 0.0
            if confidence >= threshold and (best is None or confidence > best[0]):
                best = (confidence, importer)
        return best[1] if best else None

    def by_slug(self, slug: str) -> Importer | None:
        return next((i for i in self.importers if i.slug == slug), None)


def default_registry() -> ImporterRegistry:
    """The built-in importers (each format issue adds its module here)."""
    from phrapp.io.importers.apple_health import AppleHealthImporter
    from phrapp.io.importers.csv_mapped import CsvMappedImporter
    from phrapp.io.importers.fhir import FhirImporter
    from phrapp.io.importers.jahis_qr import JahisQrImporter
    from phrapp.io.importers.jahis_tc import JahisTcImporter
    from phrapp.io.importers.kokan_csv import KokanCsvImporter
    from phrapp.io.importers.omron_csv import OmronCsvImporter
    from phrapp.io.importers.phrapp_csv import PhrappCsvImporter
    from phrapp.io.importers.phrapp_share import PhrappShareImporter
    from phrapp.io.importers.tanita_json import TanitaJsonImporter
    from phrapp.io.importers.tokutei_cda import TokuteiCdaImporter

    registry = ImporterRegistry()
    registry.register(TokuteiCdaImporter())
    registry.register(JahisTcImporter())
    registry.register(JahisQrImporter())
    registry.register(KokanCsvImporter())
    registry.register(OmronCsvImporter())
    registry.register(TanitaJsonImporter())
    registry.register(PhrappCsvImporter())
    registry.register(AppleHealthImporter())
    registry.register(FhirImporter())
    registry.register(PhrappShareImporter())
    registry.register(CsvMappedImporter())  # last: only headers a mapping knows
    return registry


__all__ = [
    "ImportSource",
    "Importer",
    "ImporterRegistry",
    "ParseContext",
    "ParseItem",
    "ParseSkip",
    "ParseWarning",
    "ParsedDocument",
    "ParsedRecord",
    "PersonInfo",
    "default_registry",
]
