"""手入力する: a paper checkup report typed in, field by field, grouped like the report.

Fields are the common items of the MHLW table: the 特定健診 required set (``tokutei``
"1") and the common labs, using the method-unknown (その他) codes of ``COMMON_LABS``
(a paper report rarely names the method). Each field shows the table's unit and format;
coded items (CD/CO) are choice lists from the table's own labels. The values go through
:func:`phrapp.domain.checkup_entry.build_checkup`, exactly as ``phrapp add checkup``
does, so a hand-entered exam is stored like an imported one.
"""

from __future__ import annotations

import datetime as dt

from phrapp.domain.checkup_entry import (
    GUIDANCE_LEVEL,
    METABOLIC_SYNDROME,
    EntryError,
    build_checkup,
    code_labels,
    read_value,
)
from phrapp.domain.codes.checkup_items import COMMON_LABS, ItemDef, item
from phrapp.domain.records import Checkup, Profile
from phrapp.domain.time import utc_now, zone
from phrapp.domain.validation import errors_of, validate
from phrapp.services.checkups import DOCTOR_JUDGEMENT, DOCTOR_NAME, display_unit
from phrapp.ui import formatting
from phrapp.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, primary_button
from phrapp.ui.words import item_label

RANDOM_TG = "3F015129902399901"  # 随時中性脂肪(トリグリセリド) その他 (not a CLI alias)
URINE_SUGAR = "1A020000000190111"  # 尿糖 試験紙法（目視法）: no その他 row exists
URINE_PROTEIN = "1A010000000190111"  # 尿蛋白 試験紙法（目視法）


def entry_groups() -> list[tuple[str, list[str]]]:
    """(group title, item codes) in report order."""
    c = COMMON_LABS
    return [
        (QCoreApplication.translate("CheckupEntry", "Body measurements"),
         [c["height"], c["weight"], c["bmi"], c["waist"]]),
        (QCoreApplication.translate("CheckupEntry", "Blood pressure"), [c["sbp"], c["dbp"]]),
        (QCoreApplication.translate("CheckupEntry", "Lipids"), [c["tg"], RANDOM_TG, c["hdl"], c["ldl"]]),
        (QCoreApplication.translate("CheckupEntry", "Liver"), [c["ast"], c["alt"], c["ggt"]]),
        (QCoreApplication.translate("CheckupEntry", "Blood glucose"), [c["fpg"], c["random_glucose"], c["hba1c"]]),
        (QCoreApplication.translate("CheckupEntry", "Kidneys"), [c["creatinine"], c["egfr"]]),
        (QCoreApplication.translate("CheckupEntry", "Urine"), [URINE_SUGAR, URINE_PROTEIN]),
        (QCoreApplication.translate("CheckupEntry", "Doctor's judgement"),
         [METABOLIC_SYNDROME, GUIDANCE_LEVEL, DOCTOR_JUDGEMENT, DOCTOR_NAME]),
    ]


def format_hint(definition: ItemDef) -> str:
    """The table's number format as a pattern people read: NNN.N -> 000.0."""
    return definition.format.replace("N", "0")


class ItemField(QWidget):
    """One item: the input (line, choice list or text), its unit, an error line below."""

    def __init__(self, definition: ItemDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.combo: QComboBox | None = None
        self.line: QLineEdit | None = None
        self.text: QPlainTextEdit | None = None
        labels = code_labels(definition)
        if definition.value_type in ("CD", "CO") and labels:
            self.combo = QComboBox()
            self.combo.addItem(self.tr("(not entered)"), "")
            for code, label in labels.items():
                self.combo.addItem(label, code)
            row.addWidget(self.combo, 1)
        elif definition.code == DOCTOR_JUDGEMENT:
            self.text = QPlainTextEdit()
            self.text.setPlaceholderText(self.tr("As written on the report"))
            self.text.setFixedHeight(88)
            row.addWidget(self.text, 1)
        else:
            self.line = QLineEdit()
            if definition.value_type == "PQ":
                self.line.setPlaceholderText(format_hint(definition))
                self.line.setToolTip(self.tr("Format: {pattern}").format(
                    pattern=format_hint(definition)))
                self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.line.setMaximumWidth(140)
            row.addWidget(self.line, 1)
        unit = display_unit(definition, definition.unit)
        self.unit_label = QLabel(unit or "")
        self.unit_label.setObjectName("muted")
        self.unit_label.setMinimumWidth(70)
        if definition.value_type == "PQ":
            row.addWidget(self.unit_label)
        layout.addLayout(row)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)

    def value(self) -> str:
        if self.combo is not None:
            return str(self.combo.currentData() or "")
        if self.text is not None:
            return self.text.toPlainText().strip()
        assert self.line is not None
        return self.line.text().strip()

    def set_value(self, text: str) -> None:
        """Fill the field (tests, and a code or a label for choice lists)."""
        if self.combo is not None:
            index = self.combo.findData(text)
            if index < 0:
                index = self.combo.findText(text)
            self.combo.setCurrentIndex(max(index, 0))
        elif self.text is not None:
            self.text.setPlainText(text)
        else:
            assert self.line is not None
            self.line.setText(text)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class CheckupEntryDialog(QDialog):
    """Exam date, facility, then the common items by group; 保存 / キャンセル."""

    def __init__(self, parent: QWidget | None, profile: Profile) -> None:
        super().__init__(parent)
        self.profile = profile
        self._result: Checkup | None = None
        self.setWindowTitle(self.tr("Enter a checkup by hand"))
        self.setMinimumSize(860, 620)
        outer = QVBoxLayout(self)
        outer.setSpacing(12)
        heading = QLabel(self.tr("Enter a checkup by hand"))
        heading.setObjectName("dialogTitle")
        outer.addWidget(heading)
        intro = QLabel(self.tr("Copy the values from your paper report. Leave empty what "
                               "your report does not show; you can save with only a few "
                               "values."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        outer.addWidget(intro)

        top = QFormLayout()
        top.setHorizontalSpacing(16)
        today = utc_now().astimezone(zone(profile.home_zone)).date()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd" if formatting.language() == "ja"
                                        else "dd MMM yyyy")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumWidth(240)
        self.facility = QLineEdit()
        self.facility.setMaximumWidth(520)
        self.facility.setPlaceholderText(self.tr("e.g. the name on the report's letterhead"))
        top.addRow(self.tr("Exam date"), self.date_edit)
        top.addRow(self.tr("Facility"), self.facility)
        outer.addLayout(top)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.fields: dict[str, ItemField] = {}
        for index, (title, codes) in enumerate(entry_groups()):
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(8)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            for code in codes:
                definition = item(code)
                assert definition is not None, code
                field = ItemField(definition)
                self.fields[code] = field
                label = QLabel(item_label(definition.name))
                label.setWordWrap(True)
                label.setMinimumWidth(120)
                form.addRow(label, field)
            if title == entry_groups()[-1][0]:
                grid.addWidget(box, index // 2, 0, 1, 2)  # the wide last group
            else:
                grid.addWidget(box, index // 2, index % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.error_label = QLabel("")
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        outer.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = primary_button(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    # -- values ------------------------------------------------------------------
    def exam_date(self) -> dt.date:
        value = self.date_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def set_exam_date(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def pairs(self) -> list[tuple[str, str]]:
        """(code, text) for every filled field, in form order."""
        return [(code, f.value()) for code, f in self.fields.items() if f.value()]

    def _message(self, error: EntryError, definition: ItemDef) -> str:
        if "choose one of" in error.reason:
            return self.tr("Choose one of the values in the list.")
        if "positive" in error.reason:
            return self.tr("Enter a number of 0 or more.")
        if "needs a number" in error.reason:
            return self.tr("Enter a number, as on the report (format {pattern}).").format(
                pattern=format_hint(definition))
        return self.tr("This value cannot be read.")

    def try_accept(self) -> None:
        """Check every field; show problems next to them; accept only a valid checkup."""
        self.error_label.setVisible(False)
        problems = 0
        for field in self.fields.values():
            field.show_error("")
            text = field.value()
            if not text:
                continue
            try:
                read_value(field.definition, text)
            except EntryError as exc:
                field.show_error(self._message(exc, field.definition))
                problems += 1
        pairs = self.pairs()
        if problems:
            self._general(self.tr("Please correct the marked values."))
            return
        if not pairs:
            self._general(self.tr("Enter at least one value from the report."))
            return
        try:
            checkup = build_checkup(self.profile, self.exam_date(), pairs,
                                    facility=self.facility.text().strip() or None)
        except EntryError as exc:
            field_for = self.fields.get(exc.code)
            if field_for is not None:
                field_for.show_error(self._message(exc, field_for.definition))
            self._general(self.tr("Please correct the marked values."))
            return
        if any(issue.code == "future" for issue in errors_of(validate(checkup))):
            self._general(self.tr("The exam date is in the future."))
            return
        if errors_of(validate(checkup)):
            self._general(self.tr("A value cannot be stored. Check the numbers."))
            return
        self._result = checkup
        self.accept()

    def _general(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def result_record(self) -> Checkup:
        assert self._result is not None
        return self._result
