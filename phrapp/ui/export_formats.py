"""The export formats the 書き出し page offers, and the exporter behind each.

The same choices as ``phrapp export --format`` (``phrapp.cli.commands_export``): the four
headless exporters of :func:`phrapp.io.exporters.base.default_registry`, the PDF for the
doctor (``phrapp.ui.report``), and the encrypted share package
(:func:`phrapp.io.exporters.share_export.default_share_exporter`). Kept free of widgets so the page, its tests and the CLI agree on what each
format carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from phrapp.domain.records import RecordKind
from phrapp.io.exporters.base import Exporter, default_registry

#: The page's order: what most people need first (the mandatory checkup export).
FORMATS = ("cda", "jahis", "fhir", "csv", "pdf", "share")


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """What the page needs to know about a format before building its exporter."""

    slug: str
    kinds: tuple[RecordKind, ...]  # the kinds the format can carry, in a stable order
    plaintext: bool  # True: anyone holding the file can read it
    single_file: bool  # True: the destination is a file, else a folder
    suffix: str  # the single file's extension (".json", ".pdf", ".phrapp")
    has_note: bool  # a note travels with the export (PDF: for the doctor; share: recipient)


def _headless() -> dict[str, Exporter]:
    return dict(default_registry().exporters)


def _ordered(kinds: set[RecordKind]) -> tuple[RecordKind, ...]:
    return tuple(kind for kind in RecordKind if kind in kinds)


def format_info(slug: str) -> FormatInfo:
    """The facts about ``slug`` (one of :data:`FORMATS`)."""
    if slug == "pdf":
        from phrapp.ui.report.pdf_export import PdfExporter

        return FormatInfo("pdf", _ordered(set(PdfExporter.kinds)), True, True, ".pdf", True)
    if slug == "share":
        from phrapp.io.exporters.share_export import ShareExporter, share_inner

        # Only what one of the inner formats writes: ShareExporter.kinds is every kind.
        carried = {kind for exporter in share_inner() for kind in exporter.kinds}
        return FormatInfo("share", _ordered(carried), False, True, ShareExporter.suffix, True)
    exporter = _headless().get(slug)
    if exporter is None:
        raise ValueError(f"unknown export format {slug!r}")
    return FormatInfo(slug, _ordered(set(exporter.kinds)), exporter.plaintext,
                      exporter.single_file, exporter.suffix, False)


def build_exporter(slug: str, *, steps_target: int | None = None,
                   share_passphrase: str | None = None) -> Exporter:
    """A fresh exporter for ``slug``; ``share_passphrase`` fixes the package's passphrase
    (tests only: by default every package gets a new one-time passphrase)."""
    if slug == "pdf":
        from phrapp.ui.report.pdf_export import PdfExporter

        return PdfExporter(steps_target=steps_target)
    if slug == "share":
        from phrapp.io.exporters.share_export import default_share_exporter

        return default_share_exporter(passphrase=share_passphrase)
    exporter = _headless().get(slug)
    if exporter is None:
        raise ValueError(f"unknown export format {slug!r}")
    return exporter


__all__ = ["FORMATS", "FormatInfo", "build_exporter", "format_info"]
