"""書き出し: choose person, format, kinds, period (and a note) → 書き出す… → the
confirmation that says exactly what leaves → the destination → progress with cancel →
the result (the share package's one-time passphrase shown once); the export history.

Order matters for consent (PHR guideline R16, security.md T12): the counts are read in
the background (``ExportService.plan``), the confirmation is shown, and only after the
person confirms is a destination asked for and anything written. The service records
every export in the audit log; the history below lists those entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phrapp.domain.records import Profile, RecordKind
from phrapp.domain.time import zone
from phrapp.io.exporters.base import Exporter, ExportRequest, ExportResult
from phrapp.services.export_service import ExportHistoryEntry, ExportPlan, ExportService
from phrapp.services.session import Session
from phrapp.ui import formatting
from phrapp.ui.controller import AppController
from phrapp.ui.errors import details_of, user_message
from phrapp.ui.export_dialogs import (
    ConfirmExportDialog,
    ExportChoice,
    ExportDoneDialog,
    default_file_name,
    format_explanation,
    format_name,
    with_suffix,
)
from phrapp.ui.export_formats import FORMATS, FormatInfo, build_exporter, format_info
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.import_page import Banner
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import plain_scroll, primary_button
from phrapp.ui.words import kind_word

NOTE_MAX = 2000  # characters: a note, not a letter (it is printed on the PDF)


class ExportCancelled(Exception):
    """Raised inside the exporter's progress callback when the person cancels; the
    exporter then removes everything it staged (nothing is left half written)."""


@dataclass(frozen=True)
class Cancelled:
    """The worker's answer when the export was cancelled."""


@dataclass(frozen=True)
class Job:
    """One confirmed export, carried from the confirmation to the worker."""

    choice: ExportChoice
    plan: ExportPlan
    exporter: Exporter


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class ExportPage(Page):
    """書き出し (see the module docstring)."""

    key = "export"

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        self.dialog: QDialog | None = None
        self.history: list[ExportHistoryEntry] = []
        self._running = False
        self._job: Job | None = None
        self._picked_profile: str | None = None  # None: follow the active person
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.heading = QLabel(self.tr("Export"))
        self.heading.setObjectName("pageTitle")
        outer.addWidget(self.heading)
        # Outside the scrolling form, so the outcome of 書き出す is seen wherever the form
        # is scrolled to.
        self.banner = Banner()
        outer.addWidget(self.banner)
        inner = QWidget()
        outer.addWidget(plain_scroll(inner), 1)
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(14)

        intro = QLabel(self.tr(
            "Write your records to a file for a portal, another app or your doctor. "
            "Nothing leaves phrapp before you have checked and confirmed what will be "
            "written."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        body.addWidget(intro)
        body.addWidget(self._build_person())
        body.addWidget(self._build_formats())
        body.addWidget(self._build_kinds())
        body.addWidget(self._build_period())
        body.addWidget(self._build_options())

        body.addWidget(self._build_history())
        body.addStretch(1)

        # The one primary action stays in view below the scrolling form (and comes last
        # in the tab order, after the choices it acts on).
        row = QHBoxLayout()
        self.export_button = primary_button(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Shows what will be exported before anything "
                                              "is written"))
        self.export_button.clicked.connect(self.start_export)
        row.addStretch(1)
        row.addWidget(self.export_button)
        outer.addLayout(row)
        QWidget.setTabOrder(self.note, self.export_button)
        QWidget.setTabOrder(self.export_button, self.history_table)

        controller.profiles_changed.connect(self._fill_profiles)
        controller.profile_changed.connect(self._fill_profiles)
        controller.unlocked.connect(self._fill_profiles)
        # The form follows the chosen format once the page is first shown: knowing what a
        # format carries imports its exporter, which start-up (the unlock window) need not.
        self._format_known = False
        for box in self.kind_boxes.values():
            box.setVisible(False)
        self.options_box.setVisible(False)

    # -- building ----------------------------------------------------------------
    def _build_person(self) -> QGroupBox:
        box = QGroupBox(self.tr("Person"))
        layout = QHBoxLayout(box)
        self.profile_box = QComboBox()
        self.profile_box.setMinimumWidth(220)
        self.profile_box.setAccessibleName(self.tr("Person"))
        self.profile_box.activated.connect(self._profile_picked)
        layout.addWidget(self.profile_box)
        layout.addStretch(1)
        return box

    def _build_formats(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(8)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.format_notes: dict[str, QLabel] = {}
        for row, slug in enumerate(FORMATS):
            radio = QRadioButton(format_name(slug))
            radio.setProperty("format", slug)
            self.format_group.addButton(radio, row)
            self.format_buttons[slug] = radio
            note = QLabel(format_explanation(slug))
            note.setObjectName("muted")
            note.setWordWrap(True)
            note.setContentsMargins(30, 0, 0, 6)
            self.format_notes[slug] = note
            grid.addWidget(radio, row * 2, 0)
            grid.addWidget(note, row * 2 + 1, 0)
        # The mandatory export (guideline R1) is the first and the default.
        self.format_buttons[FORMATS[0]].setChecked(True)
        self.format_group.buttonToggled.connect(
            lambda _b, on: on and self._format_known and self._format_changed())
        return box

    def _build_kinds(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to include"))
        layout = QGridLayout(box)
        self.kind_boxes: dict[RecordKind, QCheckBox] = {}
        for index, kind in enumerate(k for k in RecordKind if k is not RecordKind.VISITS):
            check = QCheckBox(kind_word(kind.value))
            check.setChecked(True)
            self.kind_boxes[kind] = check
            layout.addWidget(check, index // 3, index % 3)
        self.kinds_hint = QLabel(self.tr("Only the kinds of record this format can carry "
                                         "are shown."))
        self.kinds_hint.setObjectName("muted")
        self.kinds_hint.setWordWrap(True)
        layout.addWidget(self.kinds_hint, 4, 0, 1, 3)
        return box

    def _build_period(self) -> QGroupBox:
        box = QGroupBox(self.tr("Period"))
        layout = QVBoxLayout(box)
        self.all_period = QRadioButton(self.tr("All records"))
        self.some_period = QRadioButton(self.tr("Only records from … to …"))
        self.all_period.setChecked(True)
        period_group = QButtonGroup(box)
        period_group.addButton(self.all_period)
        period_group.addButton(self.some_period)
        layout.addWidget(self.all_period)
        layout.addWidget(self.some_period)
        row = QHBoxLayout()
        row.setContentsMargins(30, 0, 0, 0)
        today = self.controller.today()
        self.from_edit = QDateEdit(_qdate(today - dt.timedelta(days=365)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit, name in ((self.from_edit, self.tr("From")), (self.to_edit, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.from_label = QLabel(self.tr("From"))
        self.to_label = QLabel(self.tr("to"))
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.some_period.toggled.connect(self._period_changed)
        self._period_changed(False)
        return box

    def _build_options(self) -> QGroupBox:
        box = QGroupBox(self.tr("Options"))
        self.options_box = box
        layout = QVBoxLayout(box)
        self.regenerate = QCheckBox(self.tr(
            "Generate every checkup file anew (instead of the original files as they were "
            "imported)"))
        layout.addWidget(self.regenerate)
        self.note_label = QLabel("")
        layout.addWidget(self.note_label)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.note.setMaximumHeight(100)
        layout.addWidget(self.note)
        self.note_hint = QLabel("")
        self.note_hint.setObjectName("muted")
        self.note_hint.setWordWrap(True)
        layout.addWidget(self.note_hint)
        return box

    def _build_history(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Earlier exports"))
        title.setObjectName("cardHeading")
        layout.addWidget(title)
        self.history_empty = QLabel(self.tr("No exports yet."))
        self.history_empty.setObjectName("muted")
        layout.addWidget(self.history_empty)
        self.history_table = QTableWidget(0, 5)
        self.history_table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Format"), self.tr("What"), self.tr("Records"),
            self.tr("Encrypted")])
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setAlternatingRowColors(True)
        self.history_table.setMinimumHeight(180)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history_table)
        return holder

    # -- state of the form -------------------------------------------------------
    def current_format(self) -> str:
        checked = self.format_group.checkedButton()
        return str(checked.property("format")) if checked is not None else FORMATS[0]

    def set_format(self, slug: str) -> None:
        self.format_buttons[slug].setChecked(True)

    def info(self) -> FormatInfo:
        return format_info(self.current_format())

    def visible_kinds(self) -> list[RecordKind]:
        return [kind for kind, box in self.kind_boxes.items() if not box.isHidden()]

    def chosen_kinds(self) -> list[RecordKind]:
        return [kind for kind in self.visible_kinds() if self.kind_boxes[kind].isChecked()]

    def _format_changed(self) -> None:
        info = self.info()
        for kind, box in self.kind_boxes.items():
            box.setVisible(kind in info.kinds)
        self.regenerate.setVisible(info.slug == "cda")
        self.note_label.setVisible(info.has_note)
        self.note.setVisible(info.has_note)
        self.note_hint.setVisible(info.has_note)
        if info.slug == "pdf":
            self.note_label.setText(self.tr("Notes for the doctor"))
            self.note_hint.setText(self.tr("Printed on the first page, e.g. what you want "
                                           "to ask or what changed since the last visit."))
        elif info.slug == "share":
            self.note_label.setText(self.tr("Note for the recipient"))
            self.note_hint.setText(self.tr("Travels inside the encrypted file, e.g. who it "
                                           "is for and why."))
        self.options_box.setVisible(info.slug == "cda" or info.has_note)
        self.export_button.setText(self.tr("Export…"))

    def _period_changed(self, limited: bool) -> None:
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setEnabled(limited)

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.some_period.isChecked():
            return None, None
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def set_period(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from is None and date_to is None:
            self.all_period.setChecked(True)
            return
        self.some_period.setChecked(True)
        if date_from is not None:
            self.from_edit.setDate(_qdate(date_from))
        if date_to is not None:
            self.to_edit.setDate(_qdate(date_to))

    def _fill_profiles(self) -> None:
        box = self.profile_box
        box.blockSignals(True)
        box.clear()
        for profile in self.controller.profiles:
            box.addItem(profile.name, profile.name)
        wanted = self._picked_profile
        if wanted is None or box.findData(wanted) < 0:
            self._picked_profile = None
            wanted = self.controller.profile.name if self.controller.profile else None
        if wanted is not None:
            box.setCurrentIndex(max(box.findData(wanted), 0))
        box.blockSignals(False)

    def _profile_picked(self, index: int) -> None:
        name = self.profile_box.itemData(index)
        self._picked_profile = str(name) if name else None

    def selected_profile(self) -> Profile | None:
        name = self.profile_box.currentData()
        for profile in self.controller.profiles:
            if profile.name == name:
                return profile
        return self.controller.profile

    # -- loading (the history) ---------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> Any:
        return ExportService(session).history(profile)  # the person shown

    def apply(self, payload: Any) -> None:
        if not self._format_known:
            self._format_known = True
            self._format_changed()
        self.history = list(payload)
        self._fill_profiles()
        self._show_history()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self._job = None
        self.history = []
        self.history_table.setRowCount(0)
        self.history_empty.setVisible(True)
        self.profile_box.clear()
        self._picked_profile = None
        self.note.clear()  # a note for the doctor may be health information
        self.banner.hide_message()

    def _when(self, text: str) -> str:
        try:
            instant = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=dt.UTC)
        home = self.controller.profile.home_zone if self.controller.profile else None
        try:
            local = instant.astimezone(zone(home)) if home else instant.astimezone()
        except ValueError:
            local = instant.astimezone()
        return formatting.format_datetime(local)

    def _show_history(self) -> None:
        table = self.history_table
        table.setRowCount(len(self.history))
        for row, entry in enumerate(self.history):
            kinds = ", ".join(kind_word(k) for k in entry.kinds)
            cells = [self._when(entry.at), format_name(entry.format), kinds, str(entry.count),
                     self.tr("Yes (encrypted)") if entry.encrypted
                     else self.tr("No (not encrypted)")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the kinds column may be cut off
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        self.history_empty.setVisible(not self.history)
        table.setVisible(bool(self.history))

    def history_texts(self) -> list[list[str]]:
        """The history table as text (for tests and the smoke run)."""
        table = self.history_table
        return [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]

    # -- exporting ---------------------------------------------------------------
    def start_export(self) -> None:
        """書き出す…: count what would leave (in the background), then confirm."""
        if self._running or self.dialog is not None or not self.controller.is_unlocked:
            return
        profile = self.selected_profile()
        if profile is None:
            return
        info = self.info()
        kinds = self.chosen_kinds()
        if not kinds:
            self.banner.show_message(self.tr("Choose at least one kind of record to export."),
                                     error=True)
            return
        date_from, date_to = self.period()
        if date_from is not None and date_to is not None and date_from > date_to:
            self.banner.show_message(self.tr("The start of the period is after its end. "
                                             "Correct the dates and try again."), error=True)
            return
        note = self.note.toPlainText().strip()[:NOTE_MAX] if info.has_note else ""
        choice = ExportChoice(format=info.slug, note=note, has_note=info.has_note,
                              regenerate=info.slug == "cda" and self.regenerate.isChecked())
        exporter = build_exporter(info.slug, steps_target=self.controller.settings.steps_target)
        self.banner.hide_message()
        self._set_running(True)

        def work(session: Session, _progress: Progress) -> ExportPlan:
            return ExportService(session).plan(exporter, profile, kinds, date_from, date_to)

        def failed(exc: BaseException) -> None:
            self._set_running(False)
            self.banner.show_message(user_message(exc), error=True, details=details_of(exc))

        self.controller.op(self, work) \
            .success(lambda plan: self._confirm(Job(choice, plan, exporter))) \
            .failure(failed).run_in_background()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.export_button.setEnabled(not running)

    def _confirm(self, job: Job) -> None:
        dialog = ConfirmExportDialog(self, job.plan, job.choice)
        self.dialog = dialog
        self._job = job

        def finished(result: int) -> None:
            self.dialog = None
            if result != QDialog.DialogCode.Accepted:
                self._job = None
                self._set_running(False)
                self.banner.show_message(self.tr("Cancelled. Nothing was exported."))

        dialog.accepted.connect(lambda: self._choose_destination(job))
        dialog.finished.connect(finished)
        dialog.open()

    def _choose_destination(self, job: Job) -> None:
        """Only after the confirmation: where to write (a file or a folder)."""
        info = format_info(job.choice.format)
        folder = _default_folder()
        if info.single_file:
            name = default_file_name(info.slug, info.suffix, self.controller.today())
            pattern = f"{format_name(info.slug)} (*{info.suffix})"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the export as"), str(folder / name), pattern)
            target = with_suffix(Path(chosen), info.suffix) if chosen else None
        else:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the folder for the exported files"), str(folder))
            target = Path(chosen) if chosen else None
        if target is None:
            self._job = None
            self._set_running(False)
            self.banner.show_message(self.tr("Cancelled. Nothing was exported."))
            return
        self.run_export(job, target)

    def run_export(self, job: Job, target: Path) -> None:
        """Write the confirmed export to ``target`` with progress and 中止 (cancel)."""
        if not self.controller.is_unlocked:
            return
        plan = job.plan
        request = ExportRequest(profile=plan.profile, out=target, kinds=plan.kinds,
                                date_from=plan.date_from, date_to=plan.date_to,
                                regenerate=job.choice.regenerate, note=job.choice.note)
        exporter = job.exporter
        label = format_name(plan.format)

        def work(session: Session, progress: Progress) -> ExportResult | Cancelled:
            def report(done: int, total: int) -> None:
                if progress.cancelled:
                    raise ExportCancelled
                progress.update(done, total, label)

            try:
                return ExportService(session).export(exporter, request, report)
            except ExportCancelled:
                return Cancelled()

        self.controller.op(self, work) \
            .with_progress(self.tr("Exporting…"), cancellable=True) \
            .success(lambda result: self._exported(job, result)) \
            .failure(self._failed) \
            .always(lambda: self._set_running(False)) \
            .run_in_background()

    def _exported(self, job: Job, result: ExportResult | Cancelled) -> None:
        self._job = None
        if isinstance(result, Cancelled):
            self.banner.show_message(self.tr("The export was cancelled. Nothing was "
                                             "written."))
            return
        count = sum(result.counts.values())
        if not result.files:
            self.banner.show_message(self.tr("There was nothing to export. No file was "
                                             "written."))
        else:
            self.banner.show_message(self.tr("Exported {count} records to {files} file(s) "
                                             "in {folder}.").format(
                count=count, files=len(result.files), folder=str(result.files[0].parent)))
            dialog = ExportDoneDialog(self, result, job.choice.format)
            self.dialog = dialog
            dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            dialog.open()
        result.extra.pop("passphrase", None)  # the dialog holds the only copy
        self.invalidate()  # the history gained an entry

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.banner.show_message(self.tr("The export failed and nothing was written. {why}")
                                 .format(why=user_message(exc)), error=True,
                                 details=details_of(exc))

    def self_check(self) -> list[str]:
        problems = []
        if self.profile_box.count() == 0:
            problems.append("export: no person to choose")
        return problems
