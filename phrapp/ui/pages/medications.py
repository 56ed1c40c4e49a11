"""お薬: the medication record (お薬手帳) of the active person.

A warning strip on top when the same ingredient is current from more than one clinic
(words + ⚠ + colour, and 「医師・薬剤師にご相談ください」); then tabs: 服用中 (what is
current today: pharmacy, prescriber, supply end), 履歴 (every dispensing, OTC purchase
and hand-entered medicine, newest first, with search), アレルギー・副作用歴 and 予防接種
(add / edit / delete with undo). The primary action enters a medicine by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from phrapp.domain.records import (
    Allergy,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Record,
    RecordKind,
)
from phrapp.services.medications import (
    CurrentDrug,
    MedicationOverview,
    MedicationService,
    dose_text,
    prescriber_of,
    supply_text,
)
from phrapp.services.session import Session
from phrapp.ui import changes, formatting
from phrapp.ui.controller import AppController
from phrapp.ui.medication_dialogs import (
    AllergyDialog,
    ImmunizationDialog,
    MedicineDialog,
    allergy_kind_word,
)
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import EmptyState, button, primary_button

WARNING_COLOR = "#9a4a00"
WARNING_TINT = "#fff3df"
CURRENT, HISTORY, ALLERGIES, VACCINATIONS = range(4)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]],
          tint: Callable[[int], bool] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if tint is not None and tint(r):
                item.setBackground(QBrush(QColor(WARNING_TINT)))
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _selected_row(table: QTableWidget) -> int:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


class MedicationsPage(Page):
    """服用中 · 履歴 · アレルギー・副作用歴 · 予防接種, with the duplicate-ingredient warning."""

    key = "medications"

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        self.kinds = (RecordKind.MEDICATIONS, RecordKind.ALLERGIES, RecordKind.IMMUNIZATIONS)
        self.dialog: QDialog | None = None
        self.overview: MedicationOverview | None = None
        self.history_shown: list[MedicationRecord] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        header = QHBoxLayout()
        self.heading = QLabel(self.tr("Medicines"))
        self.heading.setObjectName("pageTitle")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.add_button = primary_button(self.tr("Enter a medicine by hand"))
        self.add_button.clicked.connect(self.open_medicine_dialog)
        self.add_button.setVisible(False)
        header.addWidget(self.add_button)
        outer.addLayout(header)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.empty = EmptyState(
            self.tr("Your medication record (お薬手帳)"),
            self.tr("Keep the medicines you take in one place: what the pharmacy gave you, "
                    "medicines you buy yourself, allergies and vaccinations. Import the "
                    "お薬手帳 file or QR code from your pharmacy app, or enter a medicine "
                    "by hand. phrapp then shows what you take now and warns when two "
                    "clinics prescribe the same ingredient."),
            can_import=nav.has_page("import"))
        self.empty.add_requested.connect(self.open_medicine_dialog)
        self.empty.import_requested.connect(lambda: self.nav.go("import"))
        self.stack.addWidget(self.empty)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        self.warning = QFrame()
        self.warning.setObjectName("warningStrip")
        strip = QHBoxLayout(self.warning)
        strip.setContentsMargins(14, 10, 14, 10)
        strip.setSpacing(12)
        self.warning_icon = QLabel("⚠")
        self.warning_icon.setObjectName("warningIcon")
        strip.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.warning_text = QLabel("")
        self.warning_text.setWordWrap(True)
        self.warning_text.setTextFormat(Qt.TextFormat.RichText)
        strip.addWidget(self.warning_text, 1)
        self.warning.setVisible(False)
        body.addWidget(self.warning)
        self.unchecked_label = QLabel("")
        self.unchecked_label.setObjectName("muted")
        self.unchecked_label.setWordWrap(True)
        self.unchecked_label.setVisible(False)
        body.addWidget(self.unchecked_label)

        self.tabs = QTabWidget()
        body.addWidget(self.tabs, 1)
        # 服用中
        self.current_table = _table([self.tr("Medicine"), self.tr("Dose and usage"),
                                     self.tr("Prescribed by"), self.tr("Pharmacy"),
                                     self.tr("Supply until")])
        current = QWidget()
        box = QVBoxLayout(current)
        box.setContentsMargins(8, 10, 8, 8)
        self.current_note = QLabel("")
        self.current_note.setObjectName("muted")
        self.current_note.setWordWrap(True)
        box.addWidget(self.current_note)
        box.addWidget(self.current_table, 1)
        self.tabs.addTab(current, "")
        # 履歴
        history = QWidget()
        box = QVBoxLayout(history)
        box.setContentsMargins(8, 10, 8, 8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by medicine, pharmacy or clinic"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show_history())
        box.addWidget(self.search)
        self.history_table = _table([self.tr("Date"), self.tr("Kind"), self.tr("Medicines"),
                                     self.tr("Prescribed by"), self.tr("Pharmacy")])
        self.history_table.doubleClicked.connect(lambda _i: self.edit_history())
        box.addWidget(self.history_table, 1)
        self.history_edit = button(self.tr("Edit…"))
        self.history_edit.setToolTip(self.tr("Only medicines entered by hand can be edited"))
        self.history_edit.clicked.connect(self.edit_history)
        self.history_delete = button(self.tr("Delete"))
        self.history_delete.clicked.connect(self.delete_history)
        box.addLayout(self._row(self.history_edit, self.history_delete))
        self.tabs.addTab(history, "")
        # アレルギー・副作用歴
        allergies = QWidget()
        box = QVBoxLayout(allergies)
        box.setContentsMargins(8, 10, 8, 8)
        self.allergy_table = _table([self.tr("Kind"), self.tr("What happened"),
                                     self.tr("Noted on")])
        self.allergy_table.doubleClicked.connect(lambda _i: self.edit_allergy())
        box.addWidget(self.allergy_table, 1)
        self.allergy_add = button(self.tr("Add…"))
        self.allergy_add.clicked.connect(lambda: self._open(AllergyDialog, None))
        self.allergy_edit = button(self.tr("Edit…"))
        self.allergy_edit.clicked.connect(self.edit_allergy)
        self.allergy_delete = button(self.tr("Delete"))
        self.allergy_delete.clicked.connect(self.delete_allergy)
        box.addLayout(self._row(self.allergy_add, self.allergy_edit, self.allergy_delete))
        self.tabs.addTab(allergies, "")
        # 予防接種
        shots = QWidget()
        box = QVBoxLayout(shots)
        box.setContentsMargins(8, 10, 8, 8)
        self.shot_table = _table([self.tr("Date"), self.tr("Vaccine"), self.tr("Dose number"),
                                  self.tr("Where"), self.tr("Lot number")])
        self.shot_table.doubleClicked.connect(lambda _i: self.edit_shot())
        box.addWidget(self.shot_table, 1)
        self.shot_add = button(self.tr("Add…"))
        self.shot_add.clicked.connect(lambda: self._open(ImmunizationDialog, None))
        self.shot_edit = button(self.tr("Edit…"))
        self.shot_edit.clicked.connect(self.edit_shot)
        self.shot_delete = button(self.tr("Delete"))
        self.shot_delete.clicked.connect(self.delete_shot)
        box.addLayout(self._row(self.shot_add, self.shot_edit, self.shot_delete))
        self.tabs.addTab(shots, "")

        actions = QHBoxLayout()
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        self.undo_button = button(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.controller.undo_stack.undo)
        self.undo_button.setEnabled(self.controller.undo_stack.canUndo())
        self.controller.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        actions.addWidget(self.undo_button)
        body.addLayout(actions)
        self.stack.addWidget(content)
        # The smoke run's lock check looks at ``model`` (emptied on lock).
        self.model = self.history_table.model()
        for table in (self.history_table, self.allergy_table, self.shot_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._set_tab_titles(None)
        self._update_buttons()

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for widget in widgets:
            row.addWidget(widget)
        return row

    # -- loading -----------------------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> MedicationOverview:
        return MedicationService(session).overview(profile, today)

    def apply(self, payload: MedicationOverview) -> None:
        self.overview = payload
        empty = payload.is_empty
        self.stack.setCurrentIndex(0 if empty else 1)
        self.add_button.setVisible(not empty)
        self._show_warning(payload)
        self._show_current(payload)
        self._show_history()
        _fill(self.allergy_table, [
            [allergy_kind_word(a.kind), a.text,
             formatting.format_date(a.recorded_on) if a.recorded_on else "—"]
            for a in payload.allergies])
        _fill(self.shot_table, [
            [formatting.format_date(i.date), i.vaccine,
             str(i.dose_number) if i.dose_number else "—", i.place or "", i.lot or ""]
            for i in payload.immunizations])
        self._set_tab_titles(payload)
        self.count_label.setText(self.tr("As of {date}").format(
            date=formatting.format_date(payload.day)))
        self._update_buttons()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.overview = None
        self.history_shown = []
        for table in (self.current_table, self.history_table, self.allergy_table,
                      self.shot_table):
            table.setRowCount(0)
        self.search.clear()
        self.warning_text.setText("")
        self.warning.setVisible(False)
        self.unchecked_label.setVisible(False)
        self.current_note.setText("")
        self.count_label.setText("")
        self._set_tab_titles(None)
        self.stack.setCurrentIndex(0)
        self.add_button.setVisible(False)

    def self_check(self) -> list[str]:
        problems = []
        if self.stack.currentIndex() != 1:
            problems.append("medications: the empty state is shown")
        if self.current_table.rowCount() == 0:
            problems.append("medications: nothing is current")
        if self.history_table.rowCount() == 0:
            problems.append("medications: the history is empty")
        if self.allergy_table.rowCount() == 0 or self.shot_table.rowCount() == 0:
            problems.append("medications: allergies or vaccinations are missing")
        if self.warning.isHidden() or not self.warning_text.text():
            problems.append("medications: the duplicate-ingredient warning is not shown")
        return problems

    # -- showing -----------------------------------------------------------------
    def _set_tab_titles(self, payload: MedicationOverview | None) -> None:
        def n(items: Sequence[Any] | None) -> str:
            return f" ({len(items)})" if items else ""

        self.tabs.setTabText(CURRENT, self.tr("Taking now") + n(payload and payload.current))
        self.tabs.setTabText(HISTORY, self.tr("History") + n(payload and payload.history))
        self.tabs.setTabText(ALLERGIES, self.tr("Allergies and adverse reactions")
                             + n(payload and payload.allergies))
        self.tabs.setTabText(VACCINATIONS, self.tr("Vaccinations")
                             + n(payload and payload.immunizations))

    def _show_warning(self, payload: MedicationOverview) -> None:
        if payload.duplicates:
            lines = [f"<b style='color:{WARNING_COLOR}'>"
                     + self._h(self.tr("The same ingredient is prescribed by more than one "
                                       "clinic")) + "</b>"]
            for dup in payload.duplicates:
                who = "、".join(p or self.tr("unknown prescriber") for p in dup.prescribers)
                lines.append(self._h(self.tr("{medicines} (from {prescribers})").format(
                    medicines="、".join(dup.drug_names), prescribers=who)))
            lines.append(self._h(self.tr("Please talk to your doctor or pharmacist before "
                                         "you change anything.")))
            self.warning_text.setText("<br>".join(lines))
            self.warning.setVisible(True)
        else:
            self.warning_text.setText("")
            self.warning.setVisible(False)
        if payload.unchecked:
            self.unchecked_label.setText(self.tr(
                "ⓘ {count} of the medicines you take now have no YJ code, so phrapp cannot "
                "check them for the same ingredient: {names}.").format(
                    count=len(payload.unchecked),
                    names="、".join(c.drug.name for c in payload.unchecked)))
            self.unchecked_label.setVisible(True)
        else:
            self.unchecked_label.setVisible(False)

    @staticmethod
    def _h(text: str) -> str:
        import html

        return html.escape(text)

    def _show_current(self, payload: MedicationOverview) -> None:
        duplicated = {id(line.line) for dup in self._duplicate_lines(payload)
                      for line in dup}
        rows = []
        for line in payload.current:
            name = line.drug.name
            if id(line.line) in duplicated:
                name = "⚠ " + name + "\n" + self.tr("Same ingredient as another clinic")
            rows.append([name, self._dose_usage(line), line.prescriber or "—",
                         line.pharmacy or "—", self._supply_end(line)])
        _fill(self.current_table, rows,
              tint=lambda r: id(payload.current[r].line) in duplicated)
        self.current_note.setText(
            self.tr("Medicines whose supply covers {date}. A dispensing counts from its "
                    "day for the number of days supplied.").format(
                        date=formatting.format_date(payload.day)) if payload.current else
            self.tr("No medicine is current on {date}.").format(
                date=formatting.format_date(payload.day)))

    def _duplicate_lines(self, payload: MedicationOverview) -> list[list[CurrentDrug]]:
        out = []
        names = {d.ingredient for d in payload.duplicates}
        from phrapp.domain.medication_current import yj_ingredient

        for ingredient in names:
            out.append([c for c in payload.current if yj_ingredient(c.drug) == ingredient])
        return out

    def _dose_usage(self, line: CurrentDrug) -> str:
        return " · ".join(p for p in (dose_text(line.drug), line.drug.usage or "",
                                      supply_text(line.drug)) if p)

    def _supply_end(self, line: CurrentDrug) -> str:
        if line.supply_end is None:
            return self.tr("Continuing")
        return formatting.format_date(line.supply_end)

    def _origin_word(self, record: MedicationRecord) -> str:
        return {MedicationOrigin.DISPENSING: self.tr("Dispensing"),
                MedicationOrigin.OTC: self.tr("Bought yourself"),
                MedicationOrigin.MANUAL: self.tr("Entered by hand")}[record.origin]

    def _show_history(self) -> None:
        if self.overview is None:
            self.history_shown = []
            self.history_table.setRowCount(0)
            return
        self.history_shown = self.overview.search(self.search.text())
        _fill(self.history_table, [
            [formatting.format_date(r.dispensed_on), self._origin_word(r),
             "\n".join(d.name for d in r.drugs), prescriber_of(r) or "—", r.pharmacy or "—"]
            for r in self.history_shown])
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self._selected_history()
        self.history_edit.setEnabled(record is not None and self._editable(record))
        self.history_delete.setEnabled(record is not None)
        self.allergy_edit.setEnabled(self._selected_allergy() is not None)
        self.allergy_delete.setEnabled(self._selected_allergy() is not None)
        self.shot_edit.setEnabled(self._selected_shot() is not None)
        self.shot_delete.setEnabled(self._selected_shot() is not None)

    @staticmethod
    def _editable(record: MedicationRecord) -> bool:
        return record.origin is MedicationOrigin.MANUAL and len(record.drugs) == 1

    # -- selection ---------------------------------------------------------------
    def _selected_history(self) -> MedicationRecord | None:
        row = _selected_row(self.history_table)
        return self.history_shown[row] if 0 <= row < len(self.history_shown) else None

    def _selected_allergy(self) -> Allergy | None:
        row = _selected_row(self.allergy_table)
        items = self.overview.allergies if self.overview else []
        return items[row] if 0 <= row < len(items) else None

    def _selected_shot(self) -> Immunization | None:
        row = _selected_row(self.shot_table)
        items = self.overview.immunizations if self.overview else []
        return items[row] if 0 <= row < len(items) else None

    # -- actions -----------------------------------------------------------------
    def open_medicine_dialog(self) -> None:
        self._open(MedicineDialog, None)

    def edit_history(self) -> None:
        record = self._selected_history()
        if record is not None and self._editable(record):
            self._open(MedicineDialog, record)

    def delete_history(self) -> None:
        record = self._selected_history()
        if record is not None:
            changes.delete_records(self.controller, self, RecordKind.MEDICATIONS, [record.id])

    def edit_allergy(self) -> None:
        record = self._selected_allergy()
        if record is not None:
            self._open(AllergyDialog, record)

    def delete_allergy(self) -> None:
        record = self._selected_allergy()
        if record is not None:
            changes.delete_records(self.controller, self, RecordKind.ALLERGIES, [record.id])

    def edit_shot(self) -> None:
        record = self._selected_shot()
        if record is not None:
            self._open(ImmunizationDialog, record)

    def delete_shot(self) -> None:
        record = self._selected_shot()
        if record is not None:
            changes.delete_records(self.controller, self, RecordKind.IMMUNIZATIONS,
                                   [record.id])

    def _open(self, factory: Callable[..., Any], record: Record | None) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None:
            return
        dialog = factory(self, profile, record)
        self.dialog = dialog

        def accepted() -> None:
            new = dialog.result_record()
            if record is None:
                changes.add_record(self.controller, self, new, profile)
            else:
                changes.edit_record(self.controller, self, record, new)

        def finished(_result: int) -> None:
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()
