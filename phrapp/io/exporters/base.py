"""The exporter protocol every output format implements.

An exporter turns an :class:`ExportData` (one profile's records of the requested kinds
and period, plus stored original documents) into named files. It never opens files
itself: it asks a :class:`Sink` for a binary stream per file name, so the same exporter
writes into a folder (``FolderSink``: temp file -> fsync -> replace, never a partial
file) or into the zip inside an encrypted share package (no plaintext on disk).

Formats that write health data in plain text set ``plaintext = True``: the CLI then
requires ``--plaintext`` and the GUI asks for confirmation (CONTRACT §3), and the
export is written to the audit log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, ClassVar

from phrapp.domain.records import Profile, Record, RecordKind
from phrapp.storage.atomic import TMP_MARK, fsync_dir

#: ``progress(done, total)``; ``total`` may be 0 when unknown.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    profile: Profile
    out: Path
    kinds: tuple[RecordKind, ...]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    regenerate: bool = False
    note: str = ""  # notes for the doctor (PDF) / recipient note (share)


@dataclass(frozen=True, slots=True)
class ExportData:
    """The records to export, by kind, oldest first, and a reader for stored originals.

    ``document(document_id)`` returns the stored original bytes of an imported document
    (e.g. a checkup's CDA file) or None. ``primary_steps`` holds the ids of the steps
    records that are primary for their day (CONTRACT §5).
    """

    profile: Profile
    records: dict[RecordKind, list[Record]]
    document: Callable[[str], bytes | None] = field(default=lambda _id: None)
    primary_steps: frozenset[str] = frozenset()
    generated_at: dt.datetime = field(
        default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))

    def of(self, kind: RecordKind) -> list[Record]:
        return self.records.get(kind, [])


class Sink(ABC):
    """Where an exporter's files go. ``open(name)`` yields a binary stream for one file."""

    @abstractmethod
    def open(self, name: str) -> contextlib.AbstractContextManager[BinaryIO]:
        """A writable binary stream; the file exists only once the context exits cleanly."""


_SAFE_NAME = re.compile(r"[^0-9A-Za-z._-]+")


def safe_file_name(name: str) -> str:
    """A portable flat file name (ASCII, no separators, no leading dot)."""
    name = unicodedata.normalize("NFKC", name)
    name = _SAFE_NAME.sub("_", name).strip("._") or "export"
    return name[:120]


class FolderSink(Sink):
    """Writes files into ``folder`` atomically (temp file, fsync, replace, fsync dir)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[Path] = []

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        name = safe_file_name(name)
        if any(path.name == name for path in self.written):
            raise ValueError(f"export file name {name!r} used twice")
        target = self.folder / name
        tmp = target.with_name(f"{name}{TMP_MARK}{secrets.token_hex(4)}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        self.written.append(target)

    def discard(self) -> None:
        """Remove every file this sink wrote (an export that failed half way)."""
        for path in self.written:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        self.written.clear()


@dataclass(slots=True)
class ExportResult:
    files: list[Path]
    counts: dict[str, int]
    extra: dict[str, str] = field(default_factory=dict)  # e.g. a share passphrase


class Exporter(ABC):
    """One output format. Subclasses implement :meth:`emit`; :meth:`export` places files.

    ``single_file`` formats (fhir, pdf, share) always produce exactly one file; the
    others produce one or more (one CDA per exam, one CSV per kind) and ``--out`` is a
    file only when exactly one results (CONTRACT §3).
    """

    slug: ClassVar[str]
    kinds: ClassVar[tuple[RecordKind, ...]]
    plaintext: ClassVar[bool] = True
    single_file: ClassVar[bool] = False
    suffix: ClassVar[str] = ""  # e.g. ".json" for the single file's default name

    @abstractmethod
    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        """Write the format's files into ``sink``; return counts by record kind."""

    def export(self, request: ExportRequest, data: ExportData,
               progress: Progress | None = None) -> ExportResult:
        """Write to ``request.out`` (a file or a flat folder, CONTRACT §3)."""
        out = request.out
        as_folder = out.is_dir()
        staging_parent = out if as_folder else out.parent
        staging_parent.mkdir(parents=True, exist_ok=True)
        # Stage beside the target (same filesystem, so the final move is a rename).
        staging = staging_parent / f".phrapp-export{TMP_MARK}{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        sink = FolderSink(staging)
        try:
            counts = self.emit(request, data, sink, progress)
            files = self._place(sink.written, out, as_folder)
        except BaseException:
            sink.discard()
            raise
        finally:
            with contextlib.suppress(OSError):
                for leftover in staging.iterdir():
                    leftover.unlink()
                staging.rmdir()
        return ExportResult(files=files, counts=counts)

    def _place(self, written: list[Path], out: Path, as_folder: bool) -> list[Path]:
        if not written:  # nothing to export: create nothing either
            return []
        if not as_folder and len(written) == 1:
            os.replace(written[0], out)
            fsync_dir(out.parent)
            return [out]
        if not as_folder:
            if out.exists():
                raise FileExistsError(f"{out} exists and is not a folder")
            out.mkdir(mode=0o700)
        placed = []
        for path in written:
            target = out / path.name
            os.replace(path, target)
            placed.append(target)
        fsync_dir(out)
        return placed


@dataclass(slots=True)
class ExporterRegistry:
    exporters: dict[str, Exporter] = field(default_factory=dict)

    def register(self, exporter: Exporter) -> None:
        if exporter.slug in self.exporters:
            raise ValueError(f"exporter {exporter.slug!r} registered twice")
        self.exporters[exporter.slug] = exporter

    def get(self, slug: str) -> Exporter | None:
        return self.exporters.get(slug)


def default_registry() -> ExporterRegistry:
    """The built-in headless exporters, plain formats first.

    The PDF writer lives in ``phrapp/ui/report/`` (it needs Qt); the share package wraps
    other exporters, so callers build it (see ``phrapp.cli.commands_export``).
    """
    from phrapp.io.exporters.cda_export import CdaExporter
    from phrapp.io.exporters.csv_export import CsvExporter
    from phrapp.io.exporters.fhir import FhirExporter
    from phrapp.io.exporters.jahis_export import JahisExporter

    registry = ExporterRegistry()
    for exporter in (CdaExporter(), JahisExporter(), FhirExporter(), CsvExporter()):
        registry.register(exporter)
    return registry
