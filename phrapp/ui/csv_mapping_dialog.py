"""列の割り当て: read a CSV phrapp does not know through a column mapping.

The person picks the encoding, delimiter and header row, sees the first rows of the file
as they are, says which column holds which value (a combo per field), the date format,
the unit and the time zone, and sees **the first rows as phrapp will store them** (日時
with its offset, 最高/最低血圧, 脈拍, 体重 kg …), with each unreadable row's reason in
words. The preview is read on a worker thread (:func:`phrapp.services.csv_mappings.preview`)
a moment after each change. On OK the page imports the file through the normal preview →
取り込む path with :meth:`CsvMappingDialog.mapping`, saving it in the vault first when a
name is given (:attr:`CsvMappingDialog.save_name`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from phrapp.domain.csv_mapping import (
    DATE_FORMATS,
    FIELDS,
    CsvMapping,
    RowError,
    RowValues,
    normalise_cell,
)
from phrapp.domain.time import DEFAULT_ZONE
from phrapp.services.csv_mappings import MappingPreview, preview
from phrapp.ui.errors import details_of
from phrapp.ui.operations import Op, Progress
from phrapp.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import MIN_TARGET, button, primary_button

PREVIEW_ROWS = 20
DEBOUNCE_MS = 150
ZONES = ("Asia/Tokyo", "UTC", "Asia/Seoul", "Asia/Shanghai", "Asia/Bangkok", "Asia/Kolkata",
         "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
         "America/Los_Angeles", "Pacific/Honolulu", "Australia/Sydney")
#: Header words that suggest a field (normalised cells, substring match). Only a first
#: guess the person sees and can change before anything is read.
_GUESS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("time", ("時刻", "時間", "time")),
    ("date", ("日付", "日時", "測定日", "date", "day")),
    ("systolic", ("最高", "収縮", "上の血圧", "上", "sys")),
    ("diastolic", ("最低", "拡張", "下の血圧", "下", "dia")),
    ("pulse", ("脈", "pulse", "bpm", "heart")),
    ("body_fat", ("体脂肪", "fat")),
    ("weight", ("体重", "weight")),
    ("steps", ("歩数", "step")),
    ("glucose", ("血糖", "glucose")),
)


class CsvMappingDialog(QDialog):
    """The mapping dialog for one file (see the module docstring)."""

    def __init__(self, parent: QWidget | None, path: Path,
                 home_zone: str = DEFAULT_ZONE) -> None:
        super().__init__(parent)
        self.path = path
        self.home_zone = home_zone
        self.current: MappingPreview | None = None
        self.error: str = ""
        self._generation = 0
        self._guessed = False
        self._op: Op[Any] | None = None
        self._reading = False
        self.setWindowTitle(self.tr("Assign columns"))
        self.setMinimumSize(1040, 720)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Which column holds what in “{file}”?").format(
            file=path.name))
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        intro = QLabel(self.tr("Choose what each column holds. The table on the right shows "
                               "the first rows as phrapp will store them; nothing is stored "
                               "before you confirm the import."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # Left: the choices; right: the file as it is, then as it will be stored.
        body = QHBoxLayout()
        body.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self._build_file_box())
        left.addWidget(self._build_mapping_box())
        left.addStretch(1)
        body.addLayout(left, 2)
        right = QVBoxLayout()
        right.setSpacing(8)
        raw_label = QLabel(self.tr("The first rows of the file"))
        raw_label.setObjectName("cardHeading")
        right.addWidget(raw_label)
        self.raw_table = QTableWidget()
        self.raw_table.setAccessibleName(raw_label.text())
        self._table_setup(self.raw_table, 160)
        right.addWidget(self.raw_table, 2)
        preview_label = QLabel(self.tr("Preview: the first rows as they will be stored"))
        preview_label.setObjectName("cardHeading")
        right.addWidget(preview_label)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        self.preview_table = QTableWidget()
        self.preview_table.setAccessibleName(self.tr("Preview of the values to import"))
        self._table_setup(self.preview_table, 200)
        right.addWidget(self.preview_table, 3)
        body.addLayout(right, 3)
        layout.addLayout(body, 1)
        layout.addLayout(self._build_buttons())
        self._chain_tabs()
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        for box in (self.encoding_box, self.delimiter_box):
            box.currentIndexChanged.connect(lambda _i: self.schedule())
        self.header_row.valueChanged.connect(lambda _v: self.schedule())
        self.has_header.toggled.connect(lambda _c: self.schedule())
        for box in (self.date_format_box, self.unit_box, self.glucose_box, self.zone_box,
                    *self.field_boxes.values()):
            box.currentIndexChanged.connect(lambda _i: self.schedule())
        self.save_check.toggled.connect(self.name_edit.setEnabled)
        self.save_check.toggled.connect(lambda _c: self._update_ok())
        self.name_edit.textChanged.connect(lambda _t: self._update_ok())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._kind_changed()
        self.refresh()

    # -- building ----------------------------------------------------------------
    @staticmethod
    def _table_setup(table: QTableWidget, height: int) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(height)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)

    def _combo(self, items: list[tuple[str, Any]]) -> QComboBox:
        box = QComboBox()
        box.setMinimumHeight(MIN_TARGET)
        for text, data in items:
            box.addItem(text, data)
        return box

    def _build_file_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("The file"))
        form = QFormLayout(group)
        self.encoding_box = self._combo([
            (self.tr("Automatic"), "auto"), ("UTF-8", "utf-8"),
            ("Shift_JIS (CP932)", "cp932"), ("UTF-16", "utf-16")])
        form.addRow(self._label(self.tr("&Encoding"), self.encoding_box), self.encoding_box)
        self.delimiter_box = self._combo([
            (self.tr("Automatic"), "auto"), (self.tr("Comma (,)"), ","),
            (self.tr("Tab"), "\t"), (self.tr("Semicolon (;)"), ";")])
        form.addRow(self._label(self.tr("&Delimiter"), self.delimiter_box), self.delimiter_box)
        form2 = form
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 51)
        self.header_row.setMinimumHeight(MIN_TARGET)
        form2.addRow(self._label(self.tr("&Header row"), self.header_row), self.header_row)
        self.has_header = QCheckBox(self.tr("The file has a header row"))
        self.has_header.setChecked(True)
        self.has_header.setMinimumHeight(MIN_TARGET)
        form2.addRow("", self.has_header)
        return group

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # Alt+letter moves the focus (keyboard access)
        return label

    def _field_names(self) -> dict[str, str]:
        return {"date": self.tr("Date"), "time": self.tr("Time"),
                "systolic": self.tr("Systolic"), "diastolic": self.tr("Diastolic"),
                "pulse": self.tr("Pulse"), "weight": self.tr("Weight"),
                "body_fat": self.tr("Body fat %"), "steps": self.tr("Steps"),
                "glucose": self.tr("Blood glucose")}

    def _build_mapping_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("What the columns hold"))
        form = QFormLayout(group)
        self.kind_box = self._combo([
            (self.tr("Blood pressure"), "bp"), (self.tr("Weight"), "weight"),
            (self.tr("Steps"), "steps"), (self.tr("Blood glucose"), "glucose")])
        form.addRow(self._label(self.tr("&Records"), self.kind_box), self.kind_box)
        names = self._field_names()
        self.field_boxes: dict[str, QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        for name in ("date", "time", "systolic", "diastolic", "pulse", "weight", "body_fat",
                     "steps", "glucose"):
            box = self._combo([])
            box.setAccessibleName(names[name])
            label = self._label(names[name], box)
            self.field_boxes[name] = box
            self.field_labels[name] = label
            form.addRow(label, box)
        self.date_format_box = self._combo([(self._format_text(f), f) for f in DATE_FORMATS])
        form.addRow(self._label(self.tr("Date &format"), self.date_format_box),
                    self.date_format_box)
        self.zone_box = self._combo(
            [(self.tr("Home time zone ({zone})").format(zone=self.home_zone), None)]
            + [(z, z) for z in ZONES if z != self.home_zone])
        form.addRow(self._label(self.tr("Time &zone"), self.zone_box), self.zone_box)
        self.unit_box = self._combo([("kg", "kg"), (self.tr("lb (pounds)"), "lb")])
        self.unit_label = self._label(self.tr("&Unit"), self.unit_box)
        form.addRow(self.unit_label, self.unit_box)
        self.glucose_box = self._combo([(self.tr("Fasting"), "fasting"),
                                        (self.tr("Random (not fasting)"), "random")])
        self.glucose_label = self._label(self.tr("&Glucose measured"), self.glucose_box)
        form.addRow(self.glucose_label, self.glucose_box)
        return group

    def _format_text(self, fmt: str) -> str:
        if fmt == "auto":
            return self.tr("Automatic (year first, or ISO 8601)")
        if fmt == "DD/MM/YYYY":
            return self.tr("02/01/2024 (day/month/year)")
        if fmt == "MM/DD/YYYY":
            return self.tr("01/02/2024 (month/day/year)")
        return {"YYYY-MM-DD": "2024-01-02", "YYYY/MM/DD": "2024/01/02", "YYYY/M/D": "2024/1/2",
                "YYYY年M月D日": "2024年1月2日", "YYYYMMDD": "20240102",
                "ISO8601": "ISO 8601 (2024-01-02T07:30+09:00)"}[fmt]

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_check = QCheckBox(self.tr("&Save this assignment as"))
        self.save_check.setMinimumHeight(MIN_TARGET)
        row.addWidget(self.save_check)
        self.name_edit = QLineEdit(self.path.stem[:40])
        self.name_edit.setMinimumHeight(MIN_TARGET)
        self.name_edit.setMaxLength(80)
        self.name_edit.setAccessibleName(self.tr("Name of the saved assignment"))
        self.name_edit.setEnabled(False)
        row.addWidget(self.name_edit, 1)
        row.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = primary_button(self.tr("Continue to import"))
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        return row

    def _chain_tabs(self) -> None:
        chain: list[QWidget] = [self.encoding_box, self.delimiter_box, self.header_row,
                                self.has_header, self.raw_table, self.kind_box,
                                *self.field_boxes.values(), self.date_format_box,
                                self.zone_box, self.unit_box, self.glucose_box,
                                self.preview_table, self.save_check, self.name_edit,
                                self.cancel_button, self.ok_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state -------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def _kind_changed(self) -> None:
        required, optional = FIELDS[self.kind]
        for name, box in self.field_boxes.items():
            shown = name in required or name in optional
            box.setVisible(shown)
            self.field_labels[name].setVisible(shown)
        self.unit_box.setVisible(self.kind == "weight")
        self.unit_label.setVisible(self.kind == "weight")
        self.glucose_box.setVisible(self.kind == "glucose")
        self.glucose_label.setVisible(self.kind == "glucose")
        self._fill_field_boxes()
        self.schedule()

    def mapping(self) -> CsvMapping:
        """The mapping as chosen (keyed to the file's header row once it was read)."""
        required, optional = FIELDS[self.kind]
        columns: dict[str, int | str] = {}
        for name in required + optional:
            data = self.field_boxes[name].currentData()
            if isinstance(data, int) and data >= 0:
                columns[name] = data
        zone_data = self.zone_box.currentData()
        name = self.name_edit.text().strip() or self.path.stem or "csv"
        mapping = CsvMapping(
            name=name, kind=self.kind, columns=columns,
            encoding=str(self.encoding_box.currentData()),
            delimiter=str(self.delimiter_box.currentData()),
            header_row=self.header_row.value() - 1, has_header=self.has_header.isChecked(),
            date_format=str(self.date_format_box.currentData()),
            unit=str(self.unit_box.currentData()),
            zone=str(zone_data) if zone_data else None,
            glucose=str(self.glucose_box.currentData()))
        header = self.current.header if self.current is not None else None
        return mapping.with_header(header) if header is not None else mapping

    @property
    def save_name(self) -> str | None:
        """The name to save the mapping under, or None (not saved)."""
        text = self.name_edit.text().strip()
        return text if self.save_check.isChecked() and text else None

    # -- preview -----------------------------------------------------------------
    def schedule(self) -> None:
        """Read the preview again a moment after the last change."""
        if hasattr(self, "_timer"):
            # OK waits for the preview of what is chosen now (it keys the header row).
            self.ok_button.setEnabled(False)
            self._timer.start()

    def refresh(self) -> None:
        """Read the preview now (worker thread); the newest request wins."""
        self._generation += 1
        generation = self._generation
        mapping = self.mapping()
        path, zone_name = self.path, self.home_zone

        def work(_progress: Progress) -> MappingPreview:
            return preview(path, mapping, PREVIEW_ROWS, zone_name)

        def done(result: MappingPreview) -> None:
            if generation == self._generation:
                self._reading = False
                self._show(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._reading = False
                self._show_error(exc)

        def always() -> None:
            if generation == self._generation:
                self._reading = False

        self._reading = True
        self._op = Op(self, work).success(done).failure(failed).always(always)
        self._op.run_in_background()

    @property
    def busy(self) -> bool:
        """True while a preview is scheduled or being read (tests wait on it)."""
        return self._timer.isActive() or self._reading

    def _show_error(self, exc: BaseException) -> None:
        self.current = None
        self.error = self.tr("The file cannot be read with this encoding. Choose another "
                             "encoding.")
        self.status.setText(self.error)
        self.status.setToolTip(details_of(exc))
        self.raw_table.setRowCount(0)
        self.preview_table.setRowCount(0)
        self._update_ok()

    def _show(self, result: MappingPreview) -> None:
        old_width = self._width()
        self.current = result
        self.error = ""
        self._fill_raw(result)
        if self._width() != old_width or not self._guessed:
            self._fill_field_boxes()
            if not self._guessed and result.header:
                self._guess(result.header)
                self._guessed = True
                self.schedule()  # the guess changed the mapping: read again
        self._fill_preview(result)
        self._update_ok()

    def _width(self) -> int:
        if self.current is None:
            return 0
        return max((len(r) for r in self.current.raw), default=0)

    def _column_title(self, index: int) -> str:
        header = self.current.header if self.current is not None else None
        if header is not None and index < len(header) and header[index].strip():
            return self.tr("Column {n}: {name}").format(n=index + 1, name=header[index].strip())
        return self.tr("Column {n}").format(n=index + 1)

    def _fill_raw(self, result: MappingPreview) -> None:
        width = self._width()
        self.raw_table.setColumnCount(width)
        self.raw_table.setHorizontalHeaderLabels([self.tr("Column {n}").format(n=i + 1)
                                                  for i in range(width)])
        self.raw_table.setRowCount(len(result.raw))
        header_index = self.header_row.value() - 1 if self.has_header.isChecked() else -1
        for r, row in enumerate(result.raw):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if r == header_index:  # the header row stands out from the data
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.raw_table.setItem(r, c, item)
        self.raw_table.resizeColumnsToContents()

    def _fill_field_boxes(self) -> None:
        required, _optional = FIELDS[self.kind]
        width = self._width()
        for name, box in self.field_boxes.items():
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            if name == "time":
                box.addItem(self.tr("(in the date column)"), -1)
            elif name not in required:
                box.addItem(self.tr("(none)"), -1)
            else:
                box.addItem(self.tr("(choose a column)"), -1)
            for index in range(width):
                box.addItem(self._column_title(index), index)
            found = box.findData(chosen) if chosen is not None else -1
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

    def _guess(self, header: list[str]) -> None:
        """A first assignment from the header words (shown, never applied unseen)."""
        taken: set[int] = set()
        cells = [normalise_cell(c) for c in header]
        found: dict[str, int] = {}
        for name, words in _GUESS:
            for word in words:
                index = next((i for i, c in enumerate(cells)
                              if i not in taken and c and word in c), None)
                if index is not None:
                    found[name] = index
                    taken.add(index)
                    break
        for kind in ("bp", "weight", "steps", "glucose"):
            if all(f in found for f in FIELDS[kind][0]):
                self.kind_box.blockSignals(True)
                self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
                self.kind_box.blockSignals(False)
                self._kind_changed()
                break
        for name, index in found.items():
            box = self.field_boxes[name]
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(index), 0))
            box.blockSignals(False)

    def _headers(self) -> list[str]:
        names = self._field_names()
        if self.kind == "bp":
            return [self.tr("Line"), self.tr("Date and time"), names["systolic"] + "\n(mmHg)",
                    names["diastolic"] + "\n(mmHg)", names["pulse"], self.tr("Result")]
        if self.kind == "weight":
            return [self.tr("Line"), self.tr("Date and time"), names["weight"] + "\n(kg)",
                    names["body_fat"], self.tr("Result")]
        if self.kind == "steps":
            return [self.tr("Line"), names["date"], names["steps"], self.tr("Result")]
        return [self.tr("Line"), names["date"], names["glucose"] + "\n(mg/dL)",
                self.tr("Result")]

    def _fill_preview(self, result: MappingPreview) -> None:
        headers = self._headers()
        self.preview_table.setColumnCount(len(headers))
        self.preview_table.setHorizontalHeaderLabels(headers)
        self.preview_table.clearSpans()
        self.preview_table.setRowCount(len(result.rows))
        good = 0
        for r, (line, parsed) in enumerate(result.rows):
            if isinstance(parsed, RowError):
                # The reason in words across the value columns (they are empty anyway).
                cells = [str(line), self.row_error_text(parsed)]
                self.preview_table.setSpan(r, 1, 1, len(headers) - 1)
            else:
                good += 1
                cells = [str(line), *self._value_cells(parsed), self.tr("OK")]
            for c, text in enumerate(cells):
                self.preview_table.setItem(r, c, QTableWidgetItem(text))
        self.preview_table.resizeColumnsToContents()
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        if result.problems:
            self.status.setText(self.tr("Choose a column for each value marked “(choose a "
                                        "column)”."))
        elif not result.rows:
            self.status.setText(self.tr("No rows to show: check the header row."))
        else:
            self.status.setText(self.tr("{good} of the first {count} rows can be "
                                        "imported.").format(good=good,
                                                            count=len(result.rows)))
        self.status.setToolTip("")

    def _value_cells(self, parsed: RowValues) -> list[str]:
        v = parsed.values
        if parsed.kind == "bp":
            return [self.when_text(parsed), str(v["systolic"]), str(v["diastolic"]),
                    "" if v["pulse"] is None else str(v["pulse"])]
        if parsed.kind == "weight":
            fat = "" if v["body_fat"] is None else f"{v['body_fat']:.1f}"
            return [self.when_text(parsed), f"{v['kg']:.1f}", fat]
        if parsed.kind == "steps":
            return [parsed.date.isoformat(), f"{v['steps']:,}"]
        return [parsed.date.isoformat(), _number(v["glucose"])]

    def when_text(self, parsed: RowValues) -> str:
        """``2024-11-01 07:05 +09:00`` (the reading's own offset, CONTRACT §5)."""
        at = parsed.measured_at
        if at is None:
            return parsed.date.isoformat()
        if not parsed.time_known:
            return self.tr("{date} (time unknown)").format(date=parsed.date.isoformat())
        offset = at.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        seconds = f":{at.second:02d}" if at.second else ""
        return f"{at:%Y-%m-%d %H:%M}{seconds} {text}"

    def row_error_text(self, error: RowError) -> str:
        """A row error in words (no value quoted)."""
        field = self._field_names().get(error.field, error.field)
        if error.reason == "missing-field":
            return self.tr("Not imported: {field} is empty").format(field=field)
        if error.reason == "invalid-date":
            return self.tr("Not imported: the date or time cannot be read in the chosen "
                           "format")
        if error.reason == "invalid-zone":
            return self.tr("Not imported: unknown time zone")
        return self.tr("Not imported: {field} is not a number in the possible "
                       "range").format(field=field)

    def _update_ok(self) -> None:
        ready = self.current is not None and not self.current.problems and any(
            isinstance(p, RowValues) for _l, p in self.current.rows)
        if self.save_check.isChecked() and not self.name_edit.text().strip():
            ready = False
        if self.busy:  # a newer preview is on its way
            ready = False
        self.ok_button.setEnabled(ready)

    def preview_cells(self) -> list[list[str]]:
        """The preview table's text, row by row (tests and screen readers)."""
        out = []
        for r in range(self.preview_table.rowCount()):
            out.append([(self.preview_table.item(r, c).text()
                         if self.preview_table.item(r, c) is not None else "")
                        for c in range(self.preview_table.columnCount())])
        return out


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return re.sub(r"\.0$", "", text)


__all__ = ["CsvMappingDialog"]
