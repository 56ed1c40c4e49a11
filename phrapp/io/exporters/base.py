"""The exporter protocol every output format implements.

An exporter turns an :class:`ExportData` (one profile's records of the requested kinds
and period, plus stored original documents) into files under ``request.out``. It
writes atomically (temp file -> fsync -> replace) and never leaves a partial file.
Formats that write health data in plain text set ``plaintext = True``: the CLI then
requires ``--plaintext`` and the GUI asks for confirmation (CONTRACT §3), and the
export is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from phrapp.domain.records import Profile, Record, RecordKind


@dataclass(frozen=True, slots=True)
class ExportRequest:
    profile: Profile
    out: Path
    kinds: tuple[RecordKind, ...]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    regenerate: bool = False


@dataclass(frozen=True, slots=True)
class ExportData:
    """The records to export, by kind, oldest first, and a reader for stored originals."""

    profile: Profile
    records: dict[RecordKind, list[Record]]
    document: Callable[[str], bytes | None] = field(default=lambda _id: None)


@dataclass(frozen=True, slots=True)
class ExportResult:
    files: list[Path]
    counts: dict[str, int]
    extra: dict[str, str] = field(default_factory=dict)  # e.g. a share passphrase


class Exporter(ABC):
    slug: ClassVar[str]
    kinds: ClassVar[tuple[RecordKind, ...]]
    plaintext: ClassVar[bool] = True

    @abstractmethod
    def export(self, request: ExportRequest, data: ExportData,
               progress: Callable[[int], None] | None = None) -> ExportResult:
        """Write the export; return what was written."""


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
    """The built-in exporters (each format issue adds its module here)."""
    return ExporterRegistry()
