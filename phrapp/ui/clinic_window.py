"""The clinic's read-only viewer (``phrapp --clinic FILE``): a file a patient brought,
opened without any vault.

:func:`phrapp.clinic.open_file` runs on the worker thread; for a share package the
passphrase is asked for first, in a dialog (never on the command line), and handed to
the worker. The report stays in memory: nothing is written unless the doctor presses
「FHIR/CSV を保存…」 and chooses a folder (and only for a valid file), so the viewer
leaves no plaintext copy behind. Closing the window or opening another file drops the
report. The window title never shows a name or a value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from phrapp.clinic import ClinicReport, open_file, write_outputs
from phrapp.errors import MissingSecret
from phrapp.ui import formatting
from phrapp.ui.errors import user_message
from phrapp.ui.operations import Op, Progress
from phrapp.ui.qt import (
    QAbstractItemView,
    QCloseEvent,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, plain_scroll, primary_button
from phrapp.ui.words import kind_word

WINDOW_TITLE = "phrapp"
HEAD_BYTES = 4096


# -- the share passphrase --------------------------------------------------------------


class SharePassphraseDialog(QDialog):
    """Asks for the one-time passphrase the patient told the clinic separately."""

    def __init__(self, parent: QWidget | None, file_name: str, retry: bool = False,
                 message: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase of the share file"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        text = QLabel(message or self.tr(
            "“{file}” is an encrypted share file. Enter the passphrase the patient told "
            "you (by phone or in person).").format(file=file_name))
        text.setWordWrap(True)
        layout.addWidget(text)
        if retry:
            wrong = QLabel(self.tr("The file did not open with this passphrase: either the "
                                   "passphrase is not correct or the file is damaged. Check "
                                   "the passphrase and try again."))
            wrong.setObjectName("errorMessage")
            wrong.setWordWrap(True)
            layout.addWidget(wrong)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        layout.addWidget(self.field)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.ok_button = primary_button(self.tr("Open"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.field.setFocus()


def ask_share_passphrase(parent: QWidget | None, file_name: str, retry: bool = False
                         ) -> str | None:
    """The passphrase, or None when the doctor cancels (tests replace this function)."""
    dialog = SharePassphraseDialog(parent, file_name, retry)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text().strip() or None
    finally:
        dialog.field.clear()
        dialog.deleteLater()


def is_share_package(path: Path) -> bool:
    """A quick look at the first bytes (a few KB: fine on the GUI thread)."""
    from phrapp.io.share_package import looks_like_package

    try:
        with open(path, "rb") as handle:
            return looks_like_package(handle.read(HEAD_BYTES))
    except OSError:
        return False  # open_file reports the read error in words


# -- words -----------------------------------------------------------------------------


def _date_text(text: str | None) -> str:
    if not text:
        return "–"
    try:
        return formatting.format_date(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _instant_text(text: str | None) -> str:
    if not text:
        return "–"
    try:
        return formatting.format_datetime(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


# -- the window ------------------------------------------------------------------------


class ClinicWindow(QMainWindow):
    """One file a patient brought, read-only (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)  # never a name or a value in the title
        self.resize(1100, 820)
        self.report: ClinicReport | None = None
        self.path: Path | None = None
        self._busy = False
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(12)

        top = QHBoxLayout()
        self.heading = QLabel(self.tr("File from a patient"))
        self.heading.setObjectName("pageTitle")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.open_button = button(self.tr("Open a file…"))
        self.open_button.clicked.connect(self.choose_file)
        self.save_button = primary_button(self.tr("Save FHIR/CSV…"))
        self.save_button.setToolTip(self.tr("Write FHIR and CSV files for your own system "
                                            "into a folder you choose"))
        self.save_button.clicked.connect(self.save_outputs)
        self.save_button.setEnabled(False)
        top.addWidget(self.open_button)
        top.addWidget(self.save_button)
        root.addLayout(top)

        self.file_label = QLabel(self.tr("No file is open."))
        self.file_label.setWordWrap(True)
        root.addWidget(self.file_label)
        self.state = QLabel("")
        self.state.setObjectName("cardHeading")
        self.state.setWordWrap(True)
        root.addWidget(self.state)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("muted")
        root.addWidget(self.message)

        inner = QWidget()
        root.addWidget(plain_scroll(inner), 1)
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(12)

        self.errors_box = QGroupBox(self.tr("Problems found in the file"))
        errors_layout = QVBoxLayout(self.errors_box)
        self.errors = self._table([self.tr("Where"), self.tr("Problem")])
        errors_layout.addWidget(self.errors)
        body.addWidget(self.errors_box)

        self.summary_box = QGroupBox(self.tr("Summary"))
        grid = QGridLayout(self.summary_box)
        grid.setHorizontalSpacing(16)
        self.values: dict[str, QLabel] = {}
        rows = [("patient", self.tr("Patient")), ("birth", self.tr("Born / sex")),
                ("period", self.tr("Period covered")), ("counts", self.tr("Contents")),
                ("bp", self.tr("Latest blood pressure")), ("weight", self.tr("Latest weight")),
                ("steps", self.tr("Latest steps")), ("home_bp", self.tr("Home BP (last 14 "
                                                                         "days)"))]
        for row, (key, title) in enumerate(rows):
            caption = QLabel(title)
            caption.setObjectName("muted")
            value = QLabel("–")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        body.addWidget(self.summary_box)

        self.medications_box = QGroupBox(self.tr("Medicines"))
        layout = QVBoxLayout(self.medications_box)
        self.medications = self._table([self.tr("Medicine"), self.tr("Code"),
                                        self.tr("Status")])
        layout.addWidget(self.medications)
        body.addWidget(self.medications_box)

        self.immunizations_box = QGroupBox(self.tr("Vaccinations"))
        layout = QVBoxLayout(self.immunizations_box)
        self.immunizations = self._table([self.tr("Date"), self.tr("Vaccine"),
                                          self.tr("Lot")])
        layout.addWidget(self.immunizations)
        body.addWidget(self.immunizations_box)

        self.checkups_box = QGroupBox(self.tr("Checkups"))
        layout = QVBoxLayout(self.checkups_box)
        self.checkups = self._table([self.tr("Date"), self.tr("Flagged items")])
        layout.addWidget(self.checkups)
        body.addWidget(self.checkups_box)

        self.warnings = QPlainTextEdit()
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(90)
        body.addWidget(self.warnings)
        body.addStretch(1)
        self.setCentralWidget(central)
        self._show(None)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(90)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        # Tall enough for the rows (up to ten), so the page scrolls rather than each table.
        shown = min(len(rows), 10)
        table.setFixedHeight(table.horizontalHeader().height() + 4 + shown * 36
                             + (0 if shown else 30))

    @staticmethod
    def table_texts(table: QTableWidget) -> list[list[str]]:
        """A table as text (for tests)."""
        return [[table.item(r, c).text() if table.item(r, c) else ""
                 for c in range(table.columnCount())] for r in range(table.rowCount())]

    # -- opening -----------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a file from a patient"), str(Path.home()),
            self.tr("Health files (*.phrapp *.json *.xml *.zip *.txt *.dat);;All files (*)"))
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path, *, refused: ClinicReport | None = None) -> None:
        """Open ``path`` in the background; a share package asks for its passphrase first.

        ``refused``: the report of the previous try, whose passphrase did not open the
        package; the question then says so, and cancelling it shows that report.
        """
        if self._busy:
            return
        passphrase: str | None = None
        if is_share_package(path):
            passphrase = ask_share_passphrase(self, path.name, refused is not None)
            if passphrase is None:
                if refused is not None:
                    self._show(refused)  # the error, in words, with its path
                else:
                    self.message.setText(self.tr("Not opened: no passphrase was entered."))
                return
        self._show(None)  # the previous file's report is dropped before the next opens
        self.path = path
        self.file_label.setText(self.tr("File: {name}").format(name=path.name))
        self.state.setText(self.tr("Opening and checking the file…"))
        self._busy = True
        self.open_button.setEnabled(False)
        secret = passphrase

        def provider() -> str:
            if secret is None:  # cannot happen: only share packages ask
                raise MissingSecret("no passphrase for the share package")
            return secret

        def work(_progress: Progress) -> ClinicReport:
            return open_file(path, provider)

        def done(report: ClinicReport) -> None:
            if report.kind == "share" and _not_opened(report):
                # After always() has lowered the busy flag: ask again.
                QTimer.singleShot(0, lambda: self.open_path(path, refused=report))
                return
            self._show(report)

        def failed(exc: BaseException) -> None:
            self._show(None)
            self.state.setText(self.tr("The file could not be opened."))
            self.message.setText(user_message(exc))

        def always() -> None:
            self._busy = False
            self.open_button.setEnabled(True)

        Op(self, work).success(done).failure(failed).always(always) \
            .with_progress(self.tr("Opening {name}…").format(name=path.name)) \
            .run_in_background()

    # -- showing -----------------------------------------------------------------
    def _show(self, report: ClinicReport | None) -> None:
        self.report = report
        valid = report is not None and report.valid
        self.save_button.setEnabled(valid)
        for box in (self.summary_box, self.medications_box, self.immunizations_box,
                    self.checkups_box):
            box.setVisible(report is not None)
        if report is None:
            self.state.setText("")
            self.message.setText("")
            self.errors_box.setVisible(False)
            for table in (self.errors, self.medications, self.immunizations, self.checkups):
                table.setRowCount(0)
            for label in self.values.values():
                label.setText("–")
            self.warnings.clear()
            self.warnings.setVisible(False)
            if self.path is None:
                self.file_label.setText(self.tr("No file is open."))
            return
        data = report.to_json()
        kind = _kind_text(report.kind)
        if report.valid:
            self.state.setText("✔ " + self.tr("Valid: {kind}").format(kind=kind))
            self.state.setObjectName("cardHeading")
            self.message.setText(self.tr("The file passed the checks. Nothing has been saved "
                                         "on this computer."))
        else:
            self.state.setText("✖ " + self.tr("Not valid: {kind}").format(kind=kind))
            self.state.setObjectName("errorMessage")
            self.message.setText(self.tr("The file did not pass the checks; the problems are "
                                         "listed below. Ask the patient for a new copy. The "
                                         "summary shows what could be read."))
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self._fill(self.errors, [[e.get("path") or "–", e.get("message") or ""]
                                 for e in data["errors"]])
        self.errors_box.setVisible(bool(data["errors"]))
        self._summary(data)
        self._fill(self.medications, [[m.get("name") or "–", m.get("code") or "–",
                                       _status_text(m.get("status"))]
                                      for m in data["medications"]])
        self._fill(self.immunizations, [[_date_text(i.get("date")), i.get("vaccine") or "–",
                                         i.get("lot") or "–"] for i in data["immunizations"]])
        self._fill(self.checkups, [[_date_text(c.get("date")), str(c.get("flags", 0))]
                                   for c in data["checkups"]])
        self.warnings.setPlainText("\n".join(report.warnings))
        self.warnings.setVisible(bool(report.warnings))

    def _summary(self, data: dict[str, Any]) -> None:
        patient = data["patient"]
        names = [n for n in (patient.get("name"), patient.get("name_kana")) if n]
        self.values["patient"].setText(" / ".join(names) or self.tr("(no name in the file)"))
        sex = {"male": self.tr("male"), "female": self.tr("female")}.get(
            patient.get("sex") or "", patient.get("sex") or "–")
        self.values["birth"].setText(f"{_date_text(patient.get('birth_date'))} / {sex}")
        period = data["period"]
        self.values["period"].setText(
            self.tr("{start} to {end}").format(start=_date_text(period.get("from")),
                                               end=_date_text(period.get("to")))
            if period.get("from") else "–")
        self.values["counts"].setText(", ".join(
            self.tr("{kind}: {count}").format(kind=kind_word(k), count=n)
            for k, n in sorted(data["counts"].items())) or "–")
        latest = data["latest"]
        bp, weight, steps = latest.get("bp"), latest.get("weight"), latest.get("steps")
        self.values["bp"].setText(self.tr("{sbp}/{dbp} mmHg ({when})").format(
            sbp=bp["systolic"], dbp=bp["diastolic"], when=_instant_text(bp["measured_at"]))
            if bp else "–")
        self.values["weight"].setText(self.tr("{kg} kg ({when})").format(
            kg=formatting.format_kg(float(weight["kg"])),
            when=_instant_text(weight["measured_at"])) if weight else "–")
        self.values["steps"].setText(self.tr("{steps} steps ({when})").format(
            steps=formatting.format_int(float(steps["steps"])), when=_date_text(steps["date"]))
            if steps else "–")
        self.values["home_bp"].setText(self._home_bp(data["home_bp"]))

    def _home_bp(self, home: dict[str, Any]) -> str:
        parts = []
        for slot, word in (("morning", self.tr("Morning")), ("evening", self.tr("Evening"))):
            average = home.get(slot)
            if average:
                parts.append(self.tr("{slot}: {sbp}/{dbp} mmHg over {days} days").format(
                    slot=word, sbp=_number(average["sbp"]), dbp=_number(average["dbp"]),
                    days=average["days"]))
            else:
                parts.append(self.tr("{slot}: not enough readings").format(slot=word))
        if home.get("category"):
            parts.append(self.tr("Class: {category}").format(category=home["category"]))
        return "\n".join(parts)

    # -- saving ------------------------------------------------------------------
    def save_outputs(self) -> None:
        """FHIR/CSV を保存…: only for a valid file, into a folder the doctor chooses."""
        report = self.report
        if report is None or not report.valid or self._busy:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the FHIR and CSV files"), str(Path.home()))
        if not folder:
            return
        self._busy = True
        self.save_button.setEnabled(False)

        def done(files: list[Path]) -> None:
            self.message.setText(self.tr("Saved {count} file(s) in {folder}: {names}").format(
                count=len(files), folder=folder, names=", ".join(p.name for p in files)))

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("Nothing was saved. {why}").format(
                why=user_message(exc)))

        def always() -> None:
            self._busy = False
            self.save_button.setEnabled(self.report is not None and self.report.valid)

        Op(self, lambda _p: write_outputs(report, Path(folder))) \
            .with_progress(self.tr("Saving…")) \
            .success(done).failure(failed).always(always).run_in_background()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Drop the report (the only copy of the patient's data) with the window.
        self._show(None)
        super().closeEvent(event)


def _not_opened(report: ClinicReport) -> bool:
    """The package did not decrypt: a wrong passphrase (or a damaged file; AES-GCM cannot
    tell the two apart), so asking again is the useful next step."""
    return any(str(e.get("message", "")).startswith(("wrong-passphrase", "integrity"))
               for e in report.errors)


def _kind_text(kind: str | None) -> str:
    from phrapp.ui.qt import QCoreApplication

    words = {
        "phrapp-fhir": QCoreApplication.translate("ClinicWords", "FHIR file from phrapp"),
        "jp-core": QCoreApplication.translate("ClinicWords", "FHIR file (JP Core)"),
        "jp-clins": QCoreApplication.translate("ClinicWords", "FHIR file (JP-CLINS)"),
        "echeckup": QCoreApplication.translate("ClinicWords", "checkup report (FHIR eCheckup)"),
        "tokutei-cda": QCoreApplication.translate("ClinicWords",
                                                  "specific health checkup (特定健診 XML)"),
        "jahis-tc": QCoreApplication.translate("ClinicWords", "medication record (JAHIS)"),
        "share": QCoreApplication.translate("ClinicWords", "encrypted share file from phrapp"),
    }
    return words.get(kind or "", QCoreApplication.translate("ClinicWords", "unknown format"))


def _status_text(status: str | None) -> str:
    from phrapp.ui.qt import QCoreApplication

    return {
        "active": QCoreApplication.translate("ClinicWords", "taking"),
        "completed": QCoreApplication.translate("ClinicWords", "finished"),
        "stopped": QCoreApplication.translate("ClinicWords", "stopped"),
        "intended": QCoreApplication.translate("ClinicWords", "planned"),
    }.get(status or "", status or "–")


def run_clinic_viewer(path: Path | None) -> int:
    """``phrapp --clinic FILE``: the viewer window without a vault; returns the exit code."""
    from phrapp.settings import Settings
    from phrapp.ui import i18n, operations, style
    from phrapp.ui.app import _exec, application

    app = application()
    settings = Settings.load()
    i18n.install(i18n.resolve_language(settings.language))
    style.apply(app, settings.font_size)
    window = ClinicWindow()
    window.show()
    if path is not None:
        window.open_path(Path(path).expanduser())
    try:
        return _exec(app)
    finally:
        operations.wait_idle()
        window.report = None
        window.deleteLater()


__all__ = ["ClinicWindow", "SharePassphraseDialog", "ask_share_passphrase",
           "is_share_package", "run_clinic_viewer"]
