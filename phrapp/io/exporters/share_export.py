"""The encrypted share package exporter (``--format share``; security.md T12).

The inner exporters (the caller passes them: FHIR, CSV, CDA, JAHIS) write into a
:class:`MemorySink`, so no plaintext file ever touches the disk; their files are sealed
by :func:`phrapp.io.share_package.seal` into one ``<profile>_share.phrapp`` written
through the real sink.

The one-time passphrase must reach the user exactly once. ``emit`` can only return
counts, so the exporter keeps it in :attr:`ShareExporter.last_passphrase`, and
:meth:`ShareExporter.export` (what the CLI and GUI call) returns it in
``ExportResult.extra["passphrase"]`` and clears the attribute.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
from collections.abc import Iterator, Sequence
from typing import BinaryIO, ClassVar

from phrapp.domain.records import RecordKind
from phrapp.io import share_package
from phrapp.io.exporters.base import (
    ExportData,
    Exporter,
    ExportRequest,
    ExportResult,
    Progress,
    Sink,
    safe_file_name,
)


class MemorySink(Sink):
    """Collects files in memory: ``files[prefix/name] = bytes`` once a stream closes cleanly.

    A stream whose ``with`` block raises is dropped, as ``FolderSink`` drops its temp file.
    """

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.files: dict[str, bytes] = {}

    def with_prefix(self, prefix: str) -> MemorySink:
        """A view that stores into the same ``files`` under another folder name."""
        view = MemorySink(prefix)
        view.files = self.files
        return view

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        name = safe_file_name(name)
        key = f"{self.prefix}/{name}" if self.prefix else name
        if key in self.files:
            raise ValueError(f"export file name {key!r} used twice")
        buffer = io.BytesIO()
        yield buffer
        self.files[key] = buffer.getvalue()


class ShareExporter(Exporter):
    """``share``: the chosen exports, zipped with a manifest and encrypted (T12).

    ``inner``: the exporters whose output goes into the package, each under a folder
    named by its slug (``fhir/…``, ``csv/bp.csv``). ``passphrase``: a fixed passphrase
    (tests); by default each export generates a fresh one-time passphrase.
    """

    slug: ClassVar[str] = "share"
    kinds: ClassVar[tuple[RecordKind, ...]] = tuple(RecordKind)
    plaintext: ClassVar[bool] = False
    single_file: ClassVar[bool] = True
    suffix: ClassVar[str] = share_package.SUFFIX

    def __init__(self, inner: Sequence[Exporter], *, passphrase: str | None = None) -> None:
        if not inner:
            raise ValueError("a share package needs at least one inner exporter")
        slugs = [exporter.slug for exporter in inner]
        if len(set(slugs)) != len(slugs) or self.slug in slugs:
            raise ValueError("inner exporters must have distinct slugs (and not 'share')")
        self.inner = tuple(inner)
        self._fixed_passphrase = passphrase
        #: The passphrase of the last package ``emit`` sealed (see the module doc).
        self.last_passphrase: str | None = None

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        """Run each inner exporter into memory, seal, write ``<profile>_share.phrapp``."""
        memory = MemorySink()
        counts: dict[str, int] = {}
        steps = len(self.inner) + 1
        for done, exporter in enumerate(self.inner):
            kinds = tuple(kind for kind in request.kinds if kind in exporter.kinds)
            if not kinds:
                continue
            inner_request = dataclasses.replace(request, kinds=kinds)
            inner_counts = exporter.emit(inner_request, data, memory.with_prefix(exporter.slug))
            # The same records go into several formats: count each record once.
            for kind, n in inner_counts.items():
                counts[kind] = max(counts.get(kind, 0), n)
            if progress is not None:
                progress(done + 1, steps)
        passphrase = self._fixed_passphrase or share_package.generate_passphrase()
        sealed = share_package.seal(memory.files, passphrase, note=request.note)
        memory.files.clear()  # drop the plaintext copies as soon as they are sealed
        with sink.open(f"{data.profile.name}_share{self.suffix}") as handle:
            handle.write(sealed)
        self.last_passphrase = passphrase
        if progress is not None:
            progress(steps, steps)
        return counts

    def export(self, request: ExportRequest, data: ExportData,
               progress: Progress | None = None) -> ExportResult:
        """As :meth:`Exporter.export`, plus ``extra["passphrase"]`` (shown once)."""
        self.last_passphrase = None
        result = super().export(request, data, progress)
        if self.last_passphrase is not None:
            result.extra["passphrase"] = self.last_passphrase
        self.last_passphrase = None
        return result


__all__ = ["MemorySink", "ShareExporter"]


#: What a share package holds (CLI and app alike): FHIR for the clinic's system, the
#: checkup CDA and お薬手帳 JAHIS files, CSV for a spreadsheet.
SHARE_FORMATS: tuple[str, ...] = ("fhir", "cda", "jahis", "csv")


def share_inner() -> list[Exporter]:
    """Fresh inner exporters for a share package, in :data:`SHARE_FORMATS` order."""
    from phrapp.io.exporters.base import default_registry

    formats = default_registry().exporters
    return [formats[slug] for slug in SHARE_FORMATS]


def default_share_exporter(*, passphrase: str | None = None) -> ShareExporter:
    """The share package phrapp writes; ``passphrase`` fixes it (tests), else one-time."""
    return ShareExporter(share_inner(), passphrase=passphrase)
