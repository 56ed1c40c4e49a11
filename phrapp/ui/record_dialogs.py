"""Add / edit dialogs for BP, weight and steps.

Each dialog builds a record from its fields and checks it with the domain validation
(pure, no database) before it closes, so a typo is fixed in place; the page then
saves it through :mod:`phrapp.ui.changes`. Dialogs open window-modal and never block.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from phrapp.domain.records import BloodPressure, BpContext, Profile, Record, Steps, Weight
from phrapp.domain.time import utc_now, zone
from phrapp.domain.validation import errors_of, validate
from phrapp.ui import formatting
from phrapp.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTime,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, primary_button


def _local_instant(day: dt.date, time: dt.time, home_zone: str) -> dt.datetime:
    """Wall time in the home zone, pinned to that moment's fixed offset (as the CLI does)."""
    value = dt.datetime.combine(day, time).replace(tzinfo=zone(home_zone))
    offset = value.utcoffset()
    assert offset is not None
    return value.replace(tzinfo=dt.timezone(offset))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class RecordDialog(QDialog):
    """Form, inline error line, 保存 / キャンセル. Subclasses add fields and build records."""

    def __init__(self, parent: QWidget | None, profile: Profile, record: Record | None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.original = record
        self._result: Record | None = None
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.heading = QLabel("")
        self.heading.setObjectName("dialogTitle")
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(16)
        layout.addLayout(self.form)
        self.error_label = QLabel("")
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = primary_button(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.heading.setText(title)

    # -- shared fields -----------------------------------------------------------
    def _now_local(self) -> dt.datetime:
        return utc_now().astimezone(zone(self.profile.home_zone))

    def _add_date_time(self, when: dt.datetime | None) -> None:
        when = when or self._now_local()
        self.date_edit = QDateEdit(_qdate(when.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd" if formatting.language() == "ja"
                                        else "dd MMM yyyy")
        self.date_edit.setMaximumDate(_qdate(self._now_local().date() + dt.timedelta(days=1)))
        self.time_edit = QTimeEdit(QTime(when.hour, when.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Time"), self.time_edit)

    def _instant(self) -> dt.datetime:
        day = _pydate(self.date_edit.date())
        qtime = self.time_edit.time()
        time = dt.time(qtime.hour(), qtime.minute())
        old = getattr(self.original, "measured_at", None)
        if isinstance(old, dt.datetime) and old.date() == day and \
                (old.hour, old.minute) == (time.hour, time.minute):
            return old  # unchanged: keep the recorded offset and seconds
        return _local_instant(day, time, self.profile.home_zone)

    # -- result ------------------------------------------------------------------
    def build(self) -> Record:
        raise NotImplementedError

    def field_names(self) -> dict[str, str]:
        return {}

    def try_accept(self) -> None:
        """Build and check the record; accept only when it is valid."""
        record = self.build()
        errors = errors_of(validate(record))
        if errors:
            names = self.field_names()
            parts = []
            for issue in errors:
                name = names.get(issue.field, issue.field)
                if "future" in issue.message:
                    parts.append(self.tr("{field} is in the future.").format(field=name))
                else:
                    parts.append(self.tr("{field} is outside the possible range.").format(
                        field=name))
            self.error_label.setText(" ".join(parts))
            self.error_label.setVisible(True)
            return
        self._result = record
        self.accept()

    def result_record(self) -> Record:
        assert self._result is not None
        return self._result


class BpDialog(RecordDialog):
    """Blood pressure: date, time, 最高/最低血圧, 脈拍, 朝/晩, 不整脈, メモ."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: BloodPressure | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Add a blood pressure reading") if record is None
                       else self.tr("Edit a blood pressure reading"))
        self._add_date_time(record.measured_at if record else None)
        self.systolic = QSpinBox()
        self.systolic.setRange(40, 300)
        self.systolic.setValue(record.systolic if record else 120)
        self.systolic.setSuffix(" mmHg")
        self.diastolic = QSpinBox()
        self.diastolic.setRange(20, 200)
        self.diastolic.setValue(record.diastolic if record else 80)
        self.diastolic.setSuffix(" mmHg")
        self.pulse = QSpinBox()
        self.pulse.setRange(0, 300)
        self.pulse.setSpecialValueText(self.tr("not entered"))
        self.pulse.setValue(record.pulse or 0 if record else 0)
        self.pulse.setSuffix(self.tr(" /min"))
        self.context = QComboBox()
        for text, value in ((self.tr("From the time"), ""), (self.tr("Morning"), "morning"),
                            (self.tr("Evening"), "evening"), (self.tr("Other"), "other")):
            self.context.addItem(text, value)  # plain text data: Qt drops the enum type
        if record is not None and record.context is not None:
            self.context.setCurrentIndex(self.context.findData(record.context.value))
        self.irregular = QCheckBox(self.tr("The monitor showed an irregular heartbeat"))
        self.irregular.setChecked(bool(record and record.irregular_heartbeat))
        self.note = QLineEdit(record.note or "" if record else "")
        self.form.addRow(self.tr("Systolic"), self.systolic)
        self.form.addRow(self.tr("Diastolic"), self.diastolic)
        self.form.addRow(self.tr("Pulse"), self.pulse)
        self.form.addRow(self.tr("Morning / evening"), self.context)
        self.form.addRow("", self.irregular)
        self.form.addRow(self.tr("Note"), self.note)

    def field_names(self) -> dict[str, str]:
        return {"systolic": self.tr("Systolic"), "diastolic": self.tr("Diastolic"),
                "pulse": self.tr("Pulse"), "measured_at": self.tr("Date and time")}

    def build(self) -> BloodPressure:
        values = dict(
            measured_at=self._instant(),
            systolic=self.systolic.value(),
            diastolic=self.diastolic.value(),
            pulse=self.pulse.value() or None,
            context=BpContext(self.context.currentData()) if self.context.currentData() else None,
            irregular_heartbeat=self.irregular.isChecked(),
            note=self.note.text().strip() or None,
        )
        if isinstance(self.original, BloodPressure):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return BloodPressure(profile_id=self.profile.id, **values)  # type: ignore[arg-type]


class WeightDialog(RecordDialog):
    """Weight: date, time, kg (one decimal), body fat % (optional)."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: Weight | None = None, *, last_kg: float | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Add a weight") if record is None else self.tr("Edit a weight"))
        self._add_date_time(record.measured_at if record else None)
        self.kg = QDoubleSpinBox()
        self.kg.setRange(0.5, 400.0)
        self.kg.setDecimals(1)
        self.kg.setSingleStep(0.1)
        self.kg.setValue(record.kg if record else (last_kg or 60.0))
        self.kg.setSuffix(" kg")
        self.fat = QDoubleSpinBox()
        self.fat.setRange(0.0, 80.0)
        self.fat.setDecimals(1)
        self.fat.setSpecialValueText(self.tr("not entered"))
        self.fat.setValue(record.body_fat_percent or 0.0 if record else 0.0)
        self.fat.setSuffix(" %")
        self.form.addRow(self.tr("Weight"), self.kg)
        self.form.addRow(self.tr("Body fat %"), self.fat)

    def field_names(self) -> dict[str, str]:
        return {"kg": self.tr("Weight"), "body_fat_percent": self.tr("Body fat %"),
                "measured_at": self.tr("Date and time")}

    def build(self) -> Weight:
        fat = self.fat.value()
        values = dict(measured_at=self._instant(), kg=round(self.kg.value(), 1),
                      body_fat_percent=round(fat, 1) if fat > 0 else None)
        if isinstance(self.original, Weight):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return Weight(profile_id=self.profile.id, **values)  # type: ignore[arg-type]


class StepsDialog(RecordDialog):
    """Steps of one day (one hand-entered count per day; entering it again replaces it)."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: Steps | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Add steps") if record is None else self.tr("Edit steps"))
        day = record.date if record else self._now_local().date()
        self.date_edit = QDateEdit(_qdate(day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd" if formatting.language() == "ja"
                                        else "dd MMM yyyy")
        self.date_edit.setMaximumDate(_qdate(self._now_local().date()))
        self.date_edit.setEnabled(record is None)  # the day identifies the record
        self.steps = QSpinBox()
        self.steps.setRange(0, 150_000)
        self.steps.setSingleStep(100)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setValue(record.steps if record else 0)
        self.steps.setSuffix(self.tr(" steps"))
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Steps"), self.steps)
        if record is None:
            hint = QLabel(self.tr("If you already entered steps for this day, "
                                  "the new count replaces them (you can undo)."))
            hint.setWordWrap(True)
            hint.setObjectName("muted")
            self.form.addRow("", hint)

    def field_names(self) -> dict[str, str]:
        return {"steps": self.tr("Steps"), "date": self.tr("Date")}

    def build(self) -> Steps:
        values = dict(date=_pydate(self.date_edit.date()), steps=self.steps.value())
        if isinstance(self.original, Steps):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return Steps(profile_id=self.profile.id, **values)  # type: ignore[arg-type]
