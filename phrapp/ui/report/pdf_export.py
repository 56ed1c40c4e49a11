"""``phrapp export --format pdf``: the doctor's 1–2 page PDF as an :class:`Exporter`.

The PDF is rendered in memory (QPdfWriter on a QBuffer) and written through the sink,
so it lands atomically like every other export and never leaves a temp file. The CLI
has no Qt application: :func:`ensure_app` starts an offscreen one lazily (CONTRACT §1).
"""

from __future__ import annotations

import os
from typing import ClassVar

from phrapp.domain.records import RecordKind
from phrapp.io.exporters.base import ExportData, Exporter, ExportRequest, Progress, Sink
from phrapp.ui.qt import QApplication, QCoreApplication
from phrapp.ui.report import fonts
from phrapp.ui.report.model import build_model
from phrapp.ui.report.pdf_report import render_pdf

_app: QApplication | None = None


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new offscreen QApplication (headless CLI).

    Painting text needs a GUI application; the offscreen platform needs no display. A
    QApplication (not only a QGuiApplication) so that widgets created later in the same
    process — the GUI after an export, or a test run — still work.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(["phrapp"])
    return _app


class PdfExporter(Exporter):
    """One PDF for the doctor. ``steps_target``: the user's setting (None: by age)."""

    slug: ClassVar[str] = "pdf"
    kinds: ClassVar[tuple[RecordKind, ...]] = (
        RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.CHECKUPS,
        RecordKind.MEDICATIONS, RecordKind.ALLERGIES, RecordKind.IMMUNIZATIONS,
    )
    plaintext: ClassVar[bool] = True  # health data readable by anyone holding the file
    single_file: ClassVar[bool] = True
    suffix: ClassVar[str] = ".pdf"

    def __init__(self, steps_target: int | None = None) -> None:
        self.steps_target = steps_target

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        ensure_app()
        if progress is not None:
            progress(0, 2)
        model = build_model(request, data, steps_target=self.steps_target)
        pdf = render_pdf(model, fonts.report_family())
        if progress is not None:
            progress(1, 2)
        with sink.open(file_name(data)) as stream:
            stream.write(pdf)
        if progress is not None:
            progress(2, 2)
        return {str(kind): len(records) for kind, records in data.records.items() if records}


def file_name(data: ExportData) -> str:
    """``phrapp-report-YYYY-MM-DD.pdf`` (no name: file names travel in e-mail subjects)."""
    return f"phrapp-report-{data.generated_at.date().isoformat()}.pdf"
