"""The 書き出し dialogs: the confirmation that says exactly what leaves, and the result
(files written; for a share package the one-time passphrase, shown once).

Consent comes first (PHR guideline R16, security.md T12): nothing is written and no
destination is even asked for until the person has read the confirmation. A plain
format's confirm button says 「暗号化しないで書き出す」, so leaving the vault unencrypted
is always an explicit choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from phrapp.io.exporters.base import ExportResult
from phrapp.services.export_service import ExportPlan
from phrapp.ui import formatting
from phrapp.ui.qt import (
    QCoreApplication,
    QDialog,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.vault_window import copy_secret
from phrapp.ui.widgets import button, primary_button
from phrapp.ui.words import kind_word


def format_name(slug: str) -> str:
    """The format as the page names it (plain words first, the standard in brackets)."""
    return {
        "cda": QCoreApplication.translate("ExportFormats", "Checkup results (特定健診 XML)"),
        "jahis": QCoreApplication.translate("ExportFormats",
                                            "Medication record (お薬手帳 JAHIS)"),
        "fhir": QCoreApplication.translate("ExportFormats", "FHIR for clinic systems"),
        "csv": QCoreApplication.translate("ExportFormats", "CSV for spreadsheets"),
        "pdf": QCoreApplication.translate("ExportFormats", "PDF for the doctor"),
        "share": QCoreApplication.translate("ExportFormats", "Encrypted share file"),
    }.get(slug, slug)


def format_explanation(slug: str) -> str:
    """One plain line: who the format is for."""
    return {
        "cda": QCoreApplication.translate(
            "ExportFormats", "For health apps and portals that work with マイナポータル: one "
            "XML file per checkup, in the national format."),
        "jahis": QCoreApplication.translate(
            "ExportFormats", "For お薬手帳 apps: your medicines and allergies in the JAHIS "
            "format."),
        "fhir": QCoreApplication.translate(
            "ExportFormats", "For the computer systems of clinics and hospitals: one FHIR "
            "file."),
        "csv": QCoreApplication.translate(
            "ExportFormats", "For Excel and other spreadsheets: one CSV file per kind of "
            "record."),
        "pdf": QCoreApplication.translate(
            "ExportFormats", "One or two pages a doctor can read in a minute, with your "
            "notes for the doctor."),
        "share": QCoreApplication.translate(
            "ExportFormats", "For giving to a clinic: one encrypted file; you tell the "
            "clinic its passphrase separately."),
    }.get(slug, "")


def period_text(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """"All records", or the inclusive period in words."""
    if date_from is None and date_to is None:
        return QCoreApplication.translate("ExportFormats", "All records")
    if date_to is None:
        assert date_from is not None
        return QCoreApplication.translate("ExportFormats", "From {start}").format(
            start=formatting.format_date(date_from))
    if date_from is None:
        return QCoreApplication.translate("ExportFormats", "Until {end}").format(
            end=formatting.format_date(date_to))
    return QCoreApplication.translate("ExportFormats", "{start} to {end}").format(
        start=formatting.format_date(date_from), end=formatting.format_date(date_to))


@dataclass(frozen=True)
class ExportChoice:
    """What the person chose on the page (before the counts are known)."""

    format: str
    note: str
    has_note: bool
    regenerate: bool


class ConfirmExportDialog(QDialog):
    """Says exactly what will leave: person, period, kinds with counts, format, note."""

    def __init__(self, parent: QWidget | None, plan: ExportPlan, choice: ExportChoice) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Check what will be exported"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        heading = QLabel(self.tr("This will leave phrapp:"))
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        lines = [
            self.tr("Person: {name}").format(name=plan.profile.name),
            self.tr("Format: {format}").format(format=format_name(plan.format)),
            self.tr("Period: {period}").format(period=period_text(plan.date_from,
                                                                  plan.date_to)),
            self.tr("Records:"),
        ]
        for kind in plan.kinds:
            lines.append("  • " + self.tr("{kind}: {count}").format(
                kind=kind_word(kind.value), count=plan.counts.get(kind.value, 0)))
        lines.append(self.tr("In total: {count} records").format(count=plan.total))
        if choice.has_note:
            label = (self.tr("Notes for the doctor") if plan.format == "pdf"
                     else self.tr("Note for the recipient"))
            none = self.tr("(none)")
            lines.append(f"{label}: {choice.note.strip() or none}")
        if choice.regenerate:
            lines.append(self.tr("Checkup files are generated anew (stored original files "
                                 "are not used)."))
        self.text = QLabel("\n".join(lines))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)

        self.warning = QFrame()
        self.warning.setObjectName("warningStrip" if plan.plaintext else "banner")
        strip = QHBoxLayout(self.warning)
        strip.setContentsMargins(12, 10, 12, 10)
        icon = QLabel("!" if plan.plaintext else "🔒")
        icon.setObjectName("warningIcon" if plan.plaintext else "")
        strip.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        if plan.plaintext:
            message = self.tr(
                "This format is not encrypted: anyone who gets the file can read these "
                "health records. Keep it safe and do not send it by ordinary e-mail. To "
                "give your records to a clinic, the encrypted share file is safer.")
        else:
            message = self.tr(
                "The file is encrypted. You will get a one-time passphrase to tell the "
                "recipient separately, by phone or in person.")
        self.warning_text = QLabel(message)
        self.warning_text.setWordWrap(True)
        strip.addWidget(self.warning_text, 1)
        layout.addWidget(self.warning)

        if plan.total == 0:
            self.empty_text = QLabel(self.tr(
                "There is nothing to export for this person, period and kinds."))
            self.empty_text.setObjectName("errorMessage")
            self.empty_text.setWordWrap(True)
            layout.addWidget(self.empty_text)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = primary_button(
            self.tr("Export without encryption…") if plan.plaintext
            else self.tr("Create the encrypted file…"))
        self.ok_button.clicked.connect(self.accept)
        self.ok_button.setEnabled(plan.total > 0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        # Escape or Enter on the default button must never send health data by accident.
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()


class ExportDoneDialog(QDialog):
    """The files written; for a share package the one-time passphrase, shown this once."""

    def __init__(self, parent: QWidget | None, result: ExportResult, fmt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export finished"))
        self.setFixedWidth(620)  # a fixed width lets the wrapped text get its full height
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        heading = QLabel(self.tr("The export is finished"))
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        folder = result.files[0].parent if result.files else None
        files_text = self.tr("{count} file(s) written in {folder}:").format(
            count=len(result.files), folder=str(folder) if folder else "")
        self.files_label = QLabel(files_text)
        self.files_label.setWordWrap(True)
        layout.addWidget(self.files_label)
        self.files = QPlainTextEdit("\n".join(path.name for path in result.files))
        self.files.setReadOnly(True)
        self.files.setMaximumHeight(110)
        layout.addWidget(self.files)

        self.passphrase: QLineEdit | None = None
        self.copy_button = None
        self._secret = result.extra.get("passphrase", "") if fmt == "share" else ""
        if self._secret:
            intro = QLabel(self.tr(
                "The one-time passphrase of this file is below. It is shown only now and "
                "is not stored anywhere. Tell it to the clinic separately, by phone or in "
                "person — never in the same e-mail or envelope as the file."))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            row = QHBoxLayout()
            self.passphrase = QLineEdit(self._secret)
            self.passphrase.setReadOnly(True)
            self.passphrase.setObjectName("recoveryKey")
            mono = QFont("monospace")
            mono.setStyleHint(QFont.StyleHint.Monospace)
            mono.setPointSizeF(self.font().pointSizeF() * 1.2)
            self.passphrase.setFont(mono)
            self.passphrase.setAccessibleName(self.tr("One-time passphrase"))
            row.addWidget(self.passphrase, 1)
            self.copy_button = button(self.tr("Copy"))
            self.copy_button.clicked.connect(self.copy)
            row.addWidget(self.copy_button)
            layout.addLayout(row)
            self.status = QLabel("")
            self.status.setObjectName("muted")
            self.status.setWordWrap(True)
            layout.addWidget(self.status)

        done_row = QHBoxLayout()
        done_row.addStretch(1)
        self.close_button = primary_button(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        done_row.addWidget(self.close_button)
        layout.addLayout(done_row)
        self.finished.connect(lambda _r: self._forget())

    def copy(self) -> None:
        """Copy the passphrase (marked secret for clipboard managers, cleared later)."""
        if self._secret:
            copy_secret(self._secret)
            self.status.setText(self.tr("Copied. The clipboard is cleared again in a "
                                        "minute."))

    def _forget(self) -> None:
        # Shown once: once the dialog closes, no widget keeps the passphrase.
        self._secret = ""
        if self.passphrase is not None:
            self.passphrase.clear()


def default_file_name(fmt: str, suffix: str, today: dt.date) -> str:
    """``phrapp-share-2026-11-23.phrapp``: no name in it (file names travel in e-mails)."""
    stem = {"pdf": "phrapp-report", "fhir": "phrapp-fhir", "share": "phrapp-share"}.get(
        fmt, f"phrapp-{fmt}")
    return f"{stem}-{today.isoformat()}{suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """Add the format's extension when the person typed a name without it."""
    return path if path.suffix.lower() == suffix.lower() else path.with_name(path.name + suffix)


__all__ = ["ConfirmExportDialog", "ExportChoice", "ExportDoneDialog", "default_file_name",
           "format_explanation", "format_name", "period_text", "with_suffix"]
