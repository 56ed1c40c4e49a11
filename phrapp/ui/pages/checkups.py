"""健診: the checkup results side by side, like the paper report.

Exams are columns (newest first), items rows grouped as the report groups them. The
top rows say what the file concluded for the whole exam: メタボ判定, 保健指導レベル and
the doctor's judgement (full text, wrapped). Every value carries a word, a glyph and a
colour against the 保健指導 / 受診勧奨 判定値 (参考 where the threshold is not
confirmed); selecting a cell opens its "なぜ?" details and the item's history chart.

Lab values measured between checkups (``labs``) are never columns: the history chart
draws those of the same item (any method, same unit) as a second, hollow series, and
the details list them with their facility and source. 検査値を追加… adds one by hand.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from phrapp.domain.codes.checkup_items import decimals, item
from phrapp.domain.records import ItemStatus, Profile, Provenance, RecordKind
from phrapp.domain.risk.thresholds import row as threshold_row
from phrapp.services.checkups import (
    DOCTOR_JUDGEMENT,
    Bands,
    Cell,
    CheckupService,
    CheckupTable,
    ExamColumn,
    ItemHistory,
    ItemRow,
    LabPoint,
)
from phrapp.services.session import Session
from phrapp.ui import changes, formatting
from phrapp.ui.charts import (
    GUIDANCE_BAND,
    OPEN_END,
    REFERRAL_BAND,
    Band,
    CheckupItemChart,
    provenance_word,
)
from phrapp.ui.checkup_dialog import CheckupEntryDialog
from phrapp.ui.controller import AppController
from phrapp.ui.lab_dialog import LabDialog
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.palette import GUIDANCE_COLOR, REFERRAL_COLOR
from phrapp.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QScrollArea,
    QSize,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import EmptyState, button, primary_button
from phrapp.ui.words import (
    Mark,
    file_flag_word,
    flag_sentence,
    format_word,
    group_label,
    guidance_level_mark,
    item_label,
    judgement_mark,
    metabolic_mark,
    status_word,
)

Index = QModelIndex | QPersistentModelIndex
MARK_ROLE = int(Qt.ItemDataRole.UserRole) + 1
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2

GROUP_BACKGROUND = "#eef1f5"
MUTED = "#52606d"
TEXT = "#1f2933"
METABOLIC, GUIDANCE, DOCTOR, GROUP, ITEM = "metabolic", "guidance", "doctor", "group", "item"


@dataclass(frozen=True)
class GridRow:
    """One table row: a header row of the exam, a group heading or an item."""

    kind: str
    title: str
    item: ItemRow | None = None


def value_text(cell: Cell) -> str:
    """A cell's value with its unit: "142 mmHg", "≥ 500 mg/dL", "±", "Not done"."""
    if cell.status is not ItemStatus.MEASURED:
        return status_word(cell.status.value)
    text = cell.value_display
    if cell.comparator in (">=", "<="):
        text = f"{'≥' if cell.comparator == '>=' else '≤'} {text}"
    if cell.unit and isinstance(cell.value, float | int):
        text = f"{text} {cell.unit}"
    return text


def lab_value_text(point: LabPoint) -> str:
    """A lab value with its own stored unit: "6.0 %", "6.2 mmol/L".

    The table's decimals, as a report prints them, unless they would hide digits (a
    value in another unit than the table's, e.g. a glucose in mmol/L)."""
    definition = item(point.code)
    places = decimals(definition) if definition is not None else None
    if places is not None and round(point.value, places) == point.value:
        text = f"{point.value:.{places}f}"
    else:
        text = f"{point.value:g}"
    return f"{text} {point.unit}" if point.unit else text


def lab_source_text(point: LabPoint) -> str:
    """Where a lab value came from, in words: 手入力 / 取り込み, device, app."""
    parts = [provenance_word(Provenance(point.provenance))]
    if point.source_app:
        parts.append(format_word(point.source_app))
    if point.device:
        parts.append(point.device)
    if point.imported:
        parts.append(QCoreApplication.translate("CheckupsPage", "from an imported file"))
    return " · ".join(parts)


def limit_text(limit: Any, unit: str | None) -> str:
    return f"{limit.text} {unit}" if unit else limit.text


def _mark_html(mark: Mark) -> str:
    return (f"<p><span style='color:{mark.color}; font-weight:700'>"
            f"{html.escape(mark.glyph)} {html.escape(mark.word)}</span></p>")


def _facts_html(facts: list[tuple[str, str]]) -> str:
    return "<table cellspacing='0' cellpadding='2'>" + "".join(
        f"<tr><td style='color:{MUTED}; padding-right:10px'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>" for k, v in facts) + "</table>"


class CheckupGridModel(QAbstractTableModel):
    """Rows: the exam's header rows, then groups and items; columns: item, exams."""

    def __init__(self) -> None:
        super().__init__()
        self.table: CheckupTable | None = None
        self._rows: list[GridRow] = []

    def set_table(self, table: CheckupTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = []
        if table is not None and table.exams:
            self._rows = [GridRow(METABOLIC, self.tr("Metabolic syndrome")),
                          GridRow(GUIDANCE, self.tr("Health guidance level")),
                          GridRow(DOCTOR, self.tr("Doctor's judgement"))]
            group: tuple[int | None, str | None] | None = None
            for row in table.rows:
                if (row.group_no, row.group_name) != group:
                    group = (row.group_no, row.group_name)
                    self._rows.append(GridRow(GROUP, group_label(row.group_no,
                                                                 row.group_name)))
                self._rows.append(GridRow(ITEM, item_label(row.name), row))
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(None)

    # -- lookups -----------------------------------------------------------------
    def grid_row(self, row: int) -> GridRow:
        return self._rows[row]

    def exam(self, column: int) -> ExamColumn | None:
        if self.table is None or not 1 <= column <= len(self.table.exams):
            return None
        return self.table.exams[column - 1]

    def cell(self, row: int, column: int) -> Cell | None:
        exam = self.exam(column)
        grid = self._rows[row] if 0 <= row < len(self._rows) else None
        if exam is None or grid is None or grid.item is None or self.table is None:
            return None
        return self.table.cell(grid.item.key, exam.id)

    def find_row(self, code: str) -> int:
        """The row showing item ``code`` (any of its method variants), or -1."""
        return next((i for i, r in enumerate(self._rows)
                     if r.item is not None and code in r.item.codes), -1)

    def row_of_kind(self, kind: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.kind == kind), -1)

    def mark(self, row: int, column: int) -> Mark | None:
        grid = self._rows[row]
        exam = self.exam(column)
        if exam is None:
            return None
        if grid.kind == METABOLIC:
            return metabolic_mark(exam.metabolic_syndrome)
        if grid.kind == GUIDANCE:
            return guidance_level_mark(exam.guidance_level)
        cell = self.cell(row, column)
        return judgement_mark(cell.judgement) if cell is not None and cell.measured else None

    def text(self, row: int, column: int) -> str:
        grid = self._rows[row]
        if column == 0:
            return grid.title
        exam = self.exam(column)
        if exam is None or grid.kind == GROUP:
            return ""
        if grid.kind == DOCTOR:
            if not exam.doctor_judgement:
                return "—"
            if exam.doctor_name:
                return exam.doctor_judgement + "\n" + self.tr("Doctor: {name}").format(
                    name=exam.doctor_name)
            return exam.doctor_judgement
        if grid.kind in (METABOLIC, GUIDANCE):
            return "" if self.mark(row, column) is not None else "—"
        cell = self.cell(row, column)
        return value_text(cell) if cell is not None else ""

    def cell_text(self, row: int, column: int) -> str:
        """What a cell says in words: the value and its mark (tests, accessibility)."""
        mark = self.mark(row, column) if column else None
        parts = [self.text(row, column), mark.word if mark else ""]
        return " · ".join(p for p in parts if p)

    def header_text(self, column: int) -> str:
        return str(self.headerData(column, Qt.Orientation.Horizontal))

    # -- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        if parent.isValid() or self.table is None or not self._rows:
            return 0
        return 1 + len(self.table.exams)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        grid = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == MARK_ROLE:
            return self.mark(row, column) if column else None
        if role == KIND_ROLE:
            return grid.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and (grid.kind == GROUP or
                                                 (column == 0 and grid.kind != ITEM)):
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if grid.kind == GROUP:
                return QBrush(QColor(GROUP_BACKGROUND))
            mark = self.mark(row, column) if column else None
            if mark is not None and mark.tint:
                return QBrush(QColor(mark.tint))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            cell = self.cell(row, column) if column else None
            if cell is not None and not cell.measured:
                return QBrush(QColor(MUTED))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignTop if grid.kind == DOCTOR else \
                Qt.AlignmentFlag.AlignVCenter
            return int(Qt.AlignmentFlag.AlignLeft | vertical)
        return None

    def _tooltip(self, row: int, column: int) -> str | None:
        cell = self.cell(row, column)
        if cell is None or cell.judgement is None or not cell.measured:
            return None
        threshold = cell.judgement.threshold
        text = flag_sentence(cell.judgement, limit_text(threshold, cell.unit)
                             if threshold else "")
        if cell.judgement.reference_only:
            text += "\n" + self.tr("Reference only: this threshold is not confirmed.")
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Item")
            exam = self.exam(section)
            if exam is None:
                return None
            where = exam.institution_name or (self.tr("Entered by hand")
                                              if exam.provenance == "manual" else "")
            return formatting.format_date(exam.date) + ("\n" + where if where else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MarkDelegate(QStyledItemDelegate):
    """Paints a value on the left and its mark (glyph + word, in colour) on the right."""

    PAD = 10
    GAP = 14

    def _mark_text(self, mark: Mark) -> str:
        return f"{mark.glyph} {mark.word}"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        mark = index.data(MARK_ROLE)
        if not isinstance(mark, Mark):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(self.PAD, 0, -self.PAD, 0)
        painter.save()
        painter.setFont(opt.font)
        plain = opt.palette.highlightedText().color() if selected else QColor(TEXT)
        marked = plain if selected else QColor(mark.color)
        center = Qt.AlignmentFlag.AlignVCenter
        if text:
            painter.setPen(plain)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | center), text)
            painter.setPen(marked)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | center),
                             self._mark_text(mark))
        else:
            painter.setPen(marked)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | center),
                             self._mark_text(mark))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        mark = index.data(MARK_ROLE)
        base = super().sizeHint(option, index)
        if not isinstance(mark, Mark):
            return base
        metrics = QFontMetrics(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = metrics.horizontalAdvance(self._mark_text(mark)) + 2 * self.PAD
        if text:
            width += metrics.horizontalAdvance(text) + self.GAP
        return QSize(width, base.height())


class CheckupsPage(Page):
    """健診結果: the grid, the なぜ? details of a selected cell, and the item's history."""

    key = "checkups"
    kinds = (RecordKind.CHECKUPS, RecordKind.LABS)  # labs join the items' histories

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        self.dialog: CheckupEntryDialog | None = None
        self.lab_dialog: LabDialog | None = None
        self._selected_row_key: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        header = QHBoxLayout()
        self.heading = QLabel(self.tr("Checkup results"))
        self.heading.setObjectName("pageTitle")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.import_button = button(self.tr("Import from a file"))
        self.import_button.clicked.connect(lambda: self.nav.go("import"))
        self.import_button.setVisible(False)
        header.addWidget(self.import_button)
        self.add_lab_button = button(self.tr("Add a lab value…"))
        self.add_lab_button.setToolTip(self.tr("A blood test done between checkups, e.g. "
                                               "HbA1c at your clinic"))
        self.add_lab_button.clicked.connect(self.open_lab_dialog)
        self.add_lab_button.setVisible(False)
        header.addWidget(self.add_lab_button)
        self.add_button = primary_button(self.tr("Enter by hand"))
        self.add_button.clicked.connect(self.open_entry_dialog)
        self.add_button.setVisible(False)  # the empty state has its own primary
        header.addWidget(self.add_button)
        outer.addLayout(header)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.empty = EmptyState(
            self.tr("No checkup results yet"),
            self.tr("Your yearly checkups (特定健診) appear here side by side, each value "
                    "marked against the guideline's thresholds. Import the result file "
                    "from マイナポータル or your health insurer, or type in a paper "
                    "report."),
            can_import=nav.has_page("import"))
        self.empty.add_requested.connect(self.open_entry_dialog)
        self.empty.import_requested.connect(lambda: self.nav.go("import"))
        self.stack.addWidget(self.empty)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        self.model = CheckupGridModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(MarkDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self._fit_doctor_row())
        self.table.setMinimumHeight(200)
        self.table.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_details(current))

        self.details = QLabel("")
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setContentsMargins(14, 12, 14, 12)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setWidget(self.details)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_box = QFrame()
        details_box.setObjectName("card")
        details_box.setMinimumWidth(280)
        box_layout = QVBoxLayout(details_box)
        box_layout.setContentsMargins(1, 8, 1, 1)
        box_layout.setSpacing(0)
        self.why_title = QLabel(self.tr("Why? Details of the selected value"))
        self.why_title.setObjectName("muted")
        self.why_title.setContentsMargins(14, 0, 14, 0)
        self.why_title.setWordWrap(True)
        box_layout.addWidget(self.why_title)
        box_layout.addWidget(details_scroll, 1)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        top.addWidget(self.table)
        top.addWidget(details_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 0)
        top.setSizes([700, 300])

        chart_box = QFrame()
        chart_box.setObjectName("card")
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(12, 8, 12, 8)
        chart_layout.setSpacing(2)
        self.chart_title = QLabel("")
        self.chart_title.setObjectName("cardHeading")
        chart_layout.addWidget(self.chart_title)
        self.chart_note = QLabel("")  # lab values not drawn (another unit), in words
        self.chart_note.setObjectName("muted")
        self.chart_note.setWordWrap(True)
        self.chart_note.setVisible(False)
        chart_layout.addWidget(self.chart_note)
        self.chart = CheckupItemChart()
        self.chart.plot_widget.setMinimumHeight(150)
        chart_box.setMaximumHeight(330)
        chart_layout.addWidget(self.chart, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(chart_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([440, 250])
        body.addWidget(self.splitter, 1)

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
        self.delete_button = button(self.tr("Delete this exam"))
        self.delete_button.setToolTip(self.tr("Delete the exam of the selected column "
                                              "(you can undo)"))
        self.delete_button.clicked.connect(self.delete_selected_exam)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.delete_button)
        body.addLayout(actions)
        self.stack.addWidget(content)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> CheckupTable:
        return CheckupService(session).table(profile)

    def apply(self, payload: CheckupTable) -> None:
        keep = self._selected_row_key
        self.model.set_table(payload)
        has = bool(payload.exams)
        self.stack.setCurrentIndex(1 if has else 0)
        self.add_button.setVisible(has)
        self.add_lab_button.setVisible(has)
        self.import_button.setVisible(has and self.nav.has_page("import"))
        count = self.tr("{count} exams").format(count=len(payload.exams))
        if payload.labs:
            count += " · " + self.tr("{count} lab values between checkups").format(
                count=len(payload.labs))
        self.count_label.setText(count)
        if has:
            self._fit_columns()
            self._select_initial(keep)
        else:
            self.chart.clear_data()
            self.chart_title.setText("")
            self.chart_note.setVisible(False)
            self.details.setText("")
        self._update_buttons()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.lab_dialog is not None:
            self.lab_dialog.reject()
            self.lab_dialog = None
        self.model.clear()
        self.chart.clear_data()
        self.chart_title.setText("")
        self.chart_note.setText("")
        self.chart_note.setVisible(False)
        self.details.setText("")
        self.count_label.setText("")
        self.stack.setCurrentIndex(0)
        self.add_button.setVisible(False)
        self.add_lab_button.setVisible(False)
        self.import_button.setVisible(False)
        self._selected_row_key = None

    def self_check(self) -> list[str]:
        problems = []
        table = self.model.table
        if table is None or not table.exams:
            problems.append("checkups: no exam is shown")
        elif self.model.columnCount() != len(table.exams) + 1:
            problems.append("checkups: not every exam has a column")
        if self.model.rowCount() == 0:
            problems.append("checkups: the table is empty")
        if self.chart.point_count() == 0:
            problems.append("checkups: the item chart has no data")
        if self.stack.currentIndex() != 1:
            problems.append("checkups: the empty state is shown")
        if not self.details.text():
            problems.append("checkups: the details panel is empty")
        return problems

    # -- layout ------------------------------------------------------------------
    def _fit_columns(self) -> None:
        delegate = self.table.itemDelegate()
        option = QStyleOptionViewItem()
        option.font = self.table.font()
        metrics = QFontMetrics(self.table.font())
        doctor = self.model.row_of_kind(DOCTOR)
        for column in range(self.model.columnCount()):
            widest = metrics.horizontalAdvance(
                max(self.model.header_text(column).split("\n"), key=len)) + 28
            for row in range(self.model.rowCount()):
                if row == doctor or self.model.grid_row(row).kind == GROUP:
                    continue
                hint = delegate.sizeHint(option, self.model.index(row, column))
                widest = max(widest, hint.width() + 8)
            low, high = (140, 220) if column == 0 else (180, 320)
            self.table.setColumnWidth(column, max(low, min(widest, high)))
        for row in range(self.model.rowCount()):
            if self.model.grid_row(row).kind == GROUP:
                self.table.setSpan(row, 0, 1, self.model.columnCount())
                self.table.setRowHeight(row, 32)
        self._fit_doctor_row()

    def _fit_doctor_row(self) -> None:
        row = self.model.row_of_kind(DOCTOR)
        if row >= 0:
            self.table.resizeRowToContents(row)
            self.table.setRowHeight(row, max(self.table.rowHeight(row) + 8, 38))

    def _select_initial(self, keep: str | None) -> None:
        """Select the remembered item, else the newest exam's first flagged value."""
        target = -1
        if keep is not None:
            target = next((i for i in range(self.model.rowCount())
                           if (g := self.model.grid_row(i)).item is not None
                           and g.item.key == keep), -1)
        if target < 0:
            for i in range(self.model.rowCount()):
                mark = self.model.mark(i, 1) if self.model.grid_row(i).kind == ITEM else None
                if mark is not None and mark.level in ("guidance", "referral"):
                    target = i
                    break
        if target < 0:
            target = next((i for i in range(self.model.rowCount())
                           if self.model.grid_row(i).kind == ITEM), 0)
        self.select(target, 1)
        if keep is None:
            self.table.scrollToTop()  # the exam's own conclusions first

    def select(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_details(index)

    # -- details and chart -------------------------------------------------------
    def _show_details(self, index: QModelIndex) -> None:
        self._update_buttons()
        if not index.isValid():
            return
        row, column = index.row(), max(index.column(), 1)
        grid = self.model.grid_row(row)
        exam = self.model.exam(column)
        if exam is None:
            return
        if grid.kind == ITEM and grid.item is not None:
            self._selected_row_key = grid.item.key
            history = self.model.table.item_history(grid.item.key) \
                if self.model.table is not None else None
            self.details.setText(self._item_details(grid.item, self.model.cell(row, column),
                                                    exam) + self._labs_html(history))
            self._show_history(grid.item, history)
        else:
            self.details.setText(self._exam_details(grid.kind, exam))

    def _h(self, text: str) -> str:
        return html.escape(text)

    def _item_details(self, row: ItemRow, cell: Cell | None, exam: ExamColumn) -> str:
        h = self._h
        parts = [f"<p style='font-size:large'><b>{h(item_label(row.name))}</b></p>",
                 f"<p>{h(formatting.format_date(exam.date))}</p>"]
        if cell is None:
            none = self.tr("This exam has no value for this item.")
            parts.append(f"<p>{h(none)}</p>")
            return "".join(parts)
        parts.append(f"<p style='font-size:large'><b>{h(value_text(cell))}</b></p>")
        mark = judgement_mark(cell.judgement) if cell.measured else None
        if mark is not None and cell.judgement is not None:
            threshold = cell.judgement.threshold
            sentence = flag_sentence(cell.judgement,
                                     limit_text(threshold, cell.unit) if threshold else "")
            parts.append(_mark_html(mark) + f"<p>{h(sentence)}</p>")
        elif cell.measured and cell.judgement is not None:
            parts.append(f"<p>{h(flag_sentence(cell.judgement, ''))}</p>")
        elif cell.measured:
            none = self.tr("phrapp has no threshold for this item. "
                           "See the comment on your report.")
            parts.append(f"<p>{h(none)}</p>")
        bands = self.model.table.bands(row.key) if self.model.table else None
        if bands is not None:
            lines = []
            if bands.guidance is not None:
                lines.append(self.tr("Guidance threshold: {limit}").format(
                    limit=limit_text(bands.guidance, bands.unit)))
            if bands.referral is not None:
                lines.append(self.tr("Referral threshold: {limit}").format(
                    limit=limit_text(bands.referral, bands.unit)))
            parts.append("<p>" + "<br>".join(h(x) for x in lines) + "</p>")
            source = self.tr("Source: {source}").format(source=bands.citation)
            parts.append(f"<p style='color:{MUTED}'>{h(source)}</p>")
            if bands.reference_only and row.judgement_key is not None:
                note = self.tr("Reference only (参考): this threshold could not be confirmed "
                               "in the current guideline ({note}).").format(
                                   note=threshold_row(row.judgement_key).status_note)
                parts.append(f"<p style='color:{MUTED}'>{h(note)}</p>")
        facts = [(self.tr("Item code"), cell.code)]
        if cell.method:
            facts.append((self.tr("Method"), cell.method))
        if cell.value_text is not None:
            facts.append((self.tr("Value as written"), cell.value_text))
        flag = file_flag_word(cell.file_flag)
        if flag:
            facts.append((self.tr("The report's own mark"), flag))
        if not cell.measured:
            facts.append((self.tr("Status"), status_word(cell.status.value)))
        parts.append(_facts_html(facts))
        return "".join(parts)

    def _exam_details(self, kind: str, exam: ExamColumn) -> str:
        h = self._h
        where = f" · {h(exam.institution_name)}" if exam.institution_name else ""
        when = f"<p>{h(formatting.format_date(exam.date))}{where}</p>"
        not_stated = self.tr("Not stated in this exam.")
        missing = f"<p>{h(not_stated)}</p>"
        if kind == METABOLIC:
            mark = metabolic_mark(exam.metabolic_syndrome)
            title = self.tr("Metabolic syndrome")
            about = self.tr("As judged by the checkup centre from waist, blood pressure, "
                            "lipids and blood glucose.")
            code = "9N501000000000011"
            body = _mark_html(mark) if mark else missing
        elif kind == GUIDANCE:
            mark = guidance_level_mark(exam.guidance_level)
            title = self.tr("Health guidance level")
            about = self.tr("The specific health guidance (特定保健指導) your insurer "
                            "offers after this exam.")
            code = "9N506000000000011"
            body = _mark_html(mark) if mark else missing
        else:
            title = self.tr("Doctor's judgement")
            text = exam.doctor_judgement or not_stated
            body = "<p>" + h(text).replace("\n", "<br>") + "</p>"
            about = self.tr("Doctor: {name}").format(name=exam.doctor_name) \
                if exam.doctor_name else ""
            code = DOCTOR_JUDGEMENT
        parts = [f"<p style='font-size:large'><b>{h(title)}</b></p>", when, body]
        if about:
            parts.append(f"<p>{h(about)}</p>")
        parts.append(_facts_html([(self.tr("Item code"), code)]))
        return "".join(parts)

    def _labs_html(self, history: ItemHistory | None) -> str:
        """The lab values between checkups of this item: date, value, facility, source."""
        if history is None or not (history.labs or history.other_unit):
            return ""
        h = self._h
        title = self.tr("Lab values between checkups")
        parts = [f"<p style='margin-top:12px'><b>{h(title)}</b></p>"]

        def rows(points: tuple[LabPoint, ...]) -> str:
            return "<table cellspacing='0' cellpadding='2'>" + "".join(
                f"<tr><td style='padding-right:10px'>{h(formatting.format_date(p.date))}</td>"
                f"<td style='padding-right:10px'><b>{h(lab_value_text(p))}</b></td>"
                f"<td style='color:{MUTED}'>{h(self._lab_where(p))}</td></tr>"
                for p in reversed(points)) + "</table>"  # newest first, as the columns

        if history.labs:
            parts.append(rows(history.labs))
        if history.other_unit:
            note = self._other_unit_note(history)
            parts.append(f"<p style='color:{MUTED}'>{h(note)}</p>")
            parts.append(rows(history.other_unit))
        return "".join(parts)

    def _other_unit_note(self, history: ItemHistory) -> str:
        units = ", ".join(sorted({p.unit or "—" for p in history.other_unit}))
        return self.tr("{count} value(s) in another unit ({units}) are not drawn: the "
                       "chart shows {unit}, and phrapp never converts units.").format(
                           count=len(history.other_unit), units=units,
                           unit=history.unit or "—")

    def _lab_where(self, point: LabPoint) -> str:
        where = point.facility or self.tr("facility not recorded")
        return f"{where} · {lab_source_text(point)}"

    def _show_history(self, row: ItemRow, history: ItemHistory | None = None) -> None:
        table = self.model.table
        if table is None:
            return
        cells = table.history(row.key)
        bands = table.bands(row.key)
        unit = row.unit or ""
        self.chart_title.setText(self.tr("History: {item}").format(item=item_label(row.name)))
        points = []
        for cell in cells:
            if cell.number is None:
                continue
            mark = judgement_mark(cell.judgement)
            tip = f"{formatting.format_date(cell.date)}\n{value_text(cell)}"
            if mark is not None:
                tip += f"\n{mark.glyph} {mark.word}"
            points.append((cell.date, cell.number, tip))
        ticks = None
        if bands is not None and bands.value_kind == "urine-grade":
            ticks = [(float(i), g) for i, g in enumerate(("－", "±", "＋", "＋＋", "＋＋＋"))]
            unit = ""
        labs = []
        if history is not None and ticks is None:  # a lab is a number, never a urine grade
            for point in history.labs:
                tip = "\n".join([formatting.format_date(point.date), lab_value_text(point),
                                 self.tr("Lab test (not a checkup)"), self._lab_where(point)])
                labs.append((point.date, point.value, tip))
        other = history is not None and bool(history.other_unit)
        self.chart_note.setText(self._other_unit_note(history) if history and other else "")
        self.chart_note.setVisible(other)
        self.chart.set_data(points, self._bands(bands), unit=unit, y_ticks=ticks, labs=labs,
                            checkup_label=self.tr("Checkups") if labs else None,
                            lab_label=self.tr("Lab tests (not checkups)"))

    def _bands(self, bands: Bands | None) -> list[Band]:
        if bands is None:
            return []
        out = []
        g = float(bands.guidance.value) if bands.guidance is not None else None
        r = float(bands.referral.value) if bands.referral is not None else None
        higher = bands.direction == "higher-is-worse"
        unit = bands.unit if bands.value_kind == "numeric" else None
        if g is not None:
            far = r if r is not None else (OPEN_END if higher else -OPEN_END)
            out.append(Band(min(g, far), max(g, far), GUIDANCE_BAND, GUIDANCE_COLOR,
                            self.tr("Guidance threshold {limit}").format(
                                limit=limit_text(bands.guidance, unit))))
        if r is not None:
            far = OPEN_END if higher else -OPEN_END
            out.append(Band(min(r, far), max(r, far), REFERRAL_BAND, REFERRAL_COLOR,
                            self.tr("Referral threshold {limit}").format(
                                limit=limit_text(bands.referral, unit))))
        return out

    # -- actions -----------------------------------------------------------------
    def selected_exam(self) -> ExamColumn | None:
        index = self.table.currentIndex()
        return self.model.exam(index.column()) if index.isValid() else None

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected_exam() is not None)

    def open_entry_dialog(self) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None:
            return
        dialog = CheckupEntryDialog(self, profile)
        self.dialog = dialog

        def accepted() -> None:
            changes.add_record(self.controller, self, dialog.result_record(), profile)

        def finished(_result: int) -> None:
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def open_lab_dialog(self) -> None:
        """検査値を追加…: the selected row's item preselected when it is a common lab."""
        profile = self.controller.profile
        if profile is None or self.lab_dialog is not None:
            return
        row = self.model.table.row(self._selected_row_key) \
            if self.model.table is not None and self._selected_row_key else None
        dialog = LabDialog(self, profile, code=row.code if row is not None else None)
        self.lab_dialog = dialog

        def accepted() -> None:
            changes.add_record(self.controller, self, dialog.result_record(), profile)

        def finished(_result: int) -> None:
            self.lab_dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def delete_selected_exam(self) -> None:
        exam = self.selected_exam()
        if exam is None:
            return
        changes.delete_records(self.controller, self, RecordKind.CHECKUPS, [exam.id])
