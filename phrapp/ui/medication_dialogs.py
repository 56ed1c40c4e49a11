"""Small dialogs of the お薬 page: a hand-entered medicine, an allergy or adverse
reaction, a vaccination. Each builds a record and checks it with the domain validation
before it closes (see :class:`RecordDialog`); the page saves it with undo."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
)
from phrapp.ui import formatting
from phrapp.ui.qt import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from phrapp.ui.record_dialogs import RecordDialog, _pydate, _qdate

YJ_PATTERN = re.compile(r"^\d{4}[0-9A-Z]{3}[0-9A-Z]{5}$")
UNKNOWN_DATE = dt.date(1900, 1, 1)  # the minimum of an optional date field = "not entered"


def code_system_for(code: str) -> DrugCodeSystem | None:
    """A 12-character 薬価基準収載医薬品コード is a YJ code; anything else is unnamed."""
    return DrugCodeSystem.YJ if YJ_PATTERN.match(code) else None


def _date_edit(day: dt.date | None, *, optional: bool, today: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd" if formatting.language() == "ja" else "dd MMM yyyy")
    edit.setMinimumDate(_qdate(UNKNOWN_DATE))
    if optional:
        edit.setSpecialValueText("—")
    edit.setDate(_qdate(day) if day is not None else
                 (_qdate(UNKNOWN_DATE) if optional else _qdate(today)))
    return edit


def _optional_date(edit: QDateEdit) -> dt.date | None:
    day = _pydate(edit.date())
    return None if day == UNKNOWN_DATE else day


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class MedicineDialog(RecordDialog):
    """手入力: one medicine with name, optional code, dose, usage, start/end, prescriber."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: MedicationRecord | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Enter a medicine by hand") if record is None
                       else self.tr("Edit a medicine"))
        drug = record.drugs[0] if record is not None and record.drugs else None
        today = self._now_local().date()
        self.name = QLineEdit(drug.name if drug else "")
        self.name.setPlaceholderText(self.tr("e.g. アムロジピン錠5mg"))
        self.code = QLineEdit(drug.code or "" if drug else "")
        self.code.setPlaceholderText(self.tr("optional, e.g. the YJ code on the label"))
        self.dose = QDoubleSpinBox()
        self.dose.setRange(0.0, 10_000.0)
        self.dose.setDecimals(2)
        self.dose.setSpecialValueText(self.tr("not entered"))
        self.dose.setValue(drug.dose or 0.0 if drug else 0.0)
        self.unit = QLineEdit(drug.unit or "" if drug else "")
        self.unit.setPlaceholderText(self.tr("e.g. 錠"))
        self.unit.setMaximumWidth(120)
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.dose, 1)
        dose_row.addWidget(self.unit)
        self.usage = QLineEdit(drug.usage or "" if drug else "")
        self.usage.setPlaceholderText(self.tr("e.g. 1日1回 朝食後"))
        start = (drug.start if drug and drug.start else None) or \
            (record.dispensed_on if record else today)
        self.start = _date_edit(start, optional=False, today=today)
        self.start.setMaximumDate(_qdate(today))
        self.end = _date_edit(drug.end if drug else None, optional=True, today=today)
        self.prescriber = QLineEdit(record.prescriber_institution or "" if record else "")
        self.prescriber.setPlaceholderText(self.tr("clinic or hospital"))
        self.note = QLineEdit(record.note or "" if record else "")
        self.form.addRow(self.tr("Medicine"), self.name)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Dose"), dose_row)
        self.form.addRow(self.tr("How to take it"), self.usage)
        self.form.addRow(self.tr("Started on"), self.start)
        self.form.addRow(self.tr("Ends on"), self.end)
        hint = QLabel(self.tr("Leave the end empty while you are still taking it."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.form.addRow(self.tr("Prescribed by"), self.prescriber)
        self.form.addRow(self.tr("Note"), self.note)

    def field_names(self) -> dict[str, str]:
        return {"drugs.name": self.tr("Medicine"), "dispensed_on": self.tr("Started on"),
                "drugs.end": self.tr("Ends on")}

    def try_accept(self) -> None:
        end = _optional_date(self.end)
        if end is not None and end < _pydate(self.start.date()):
            self.error_label.setText(self.tr("The end is before the start."))
            self.error_label.setVisible(True)
            return
        if not self.name.text().strip():
            self.error_label.setText(self.tr("Enter the name of the medicine."))
            self.error_label.setVisible(True)
            return
        super().try_accept()

    def build(self) -> MedicationRecord:
        start = _pydate(self.start.date())
        code = (self.code.text().strip().upper() or None)
        dose = self.dose.value()
        drug = Drug(name=self.name.text().strip(), code=code,
                    code_system=code_system_for(code) if code else None,
                    dose=dose if dose > 0 else None, unit=_text(self.unit),
                    usage=_text(self.usage), start=start, end=_optional_date(self.end))
        values = dict(dispensed_on=start, prescriber_institution=_text(self.prescriber),
                      drugs=(drug,), note=_text(self.note))
        if isinstance(self.original, MedicationRecord):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return MedicationRecord(profile_id=self.profile.id, provenance=Provenance.MANUAL,
                                origin=MedicationOrigin.MANUAL, **values)  # type: ignore[arg-type]


class AllergyDialog(RecordDialog):
    """アレルギー・副作用歴: kind, what happened, when it was noted (optional)."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: Allergy | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Add an allergy or adverse reaction") if record is None
                       else self.tr("Edit an allergy or adverse reaction"))
        today = self._now_local().date()
        self.kind = QComboBox()
        for kind in AllergyKind:
            self.kind.addItem(allergy_kind_word(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(
            record.kind.value if record else AllergyKind.ALLERGY.value))
        self.text = QLineEdit(record.text if record else "")
        self.text.setPlaceholderText(self.tr("e.g. ペニシリン系で発疹"))
        self.recorded = _date_edit(record.recorded_on if record else today, optional=True,
                                   today=today)
        self.recorded.setMaximumDate(_qdate(today))
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("What happened"), self.text)
        self.form.addRow(self.tr("Noted on"), self.recorded)

    def field_names(self) -> dict[str, str]:
        return {"text": self.tr("What happened"), "recorded_on": self.tr("Noted on")}

    def try_accept(self) -> None:
        if not self.text.text().strip():
            self.error_label.setText(self.tr("Describe the allergy or reaction."))
            self.error_label.setVisible(True)
            return
        super().try_accept()

    def build(self) -> Allergy:
        values = dict(kind=AllergyKind(self.kind.currentData()),
                      text=self.text.text().strip(), recorded_on=_optional_date(self.recorded))
        if isinstance(self.original, Allergy):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return Allergy(profile_id=self.profile.id, **values)  # type: ignore[arg-type]


class ImmunizationDialog(RecordDialog):
    """予防接種: date, vaccine, dose number, place, lot."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 record: Immunization | None = None) -> None:
        super().__init__(parent, profile, record)
        self.set_title(self.tr("Add a vaccination") if record is None
                       else self.tr("Edit a vaccination"))
        today = self._now_local().date()
        self.date_edit = _date_edit(record.date if record else today, optional=False,
                                    today=today)
        self.date_edit.setMaximumDate(_qdate(today))
        self.vaccine = QLineEdit(record.vaccine if record else "")
        self.vaccine.setPlaceholderText(self.tr("e.g. インフルエンザHAワクチン"))
        self.dose_number = QSpinBox()
        self.dose_number.setRange(0, 20)
        self.dose_number.setSpecialValueText(self.tr("not entered"))
        self.dose_number.setValue(record.dose_number or 0 if record else 0)
        self.place = QLineEdit(record.place or "" if record else "")
        self.lot = QLineEdit(record.lot or "" if record else "")
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Vaccine"), self.vaccine)
        self.form.addRow(self.tr("Dose number"), self.dose_number)
        self.form.addRow(self.tr("Where"), self.place)
        self.form.addRow(self.tr("Lot number"), self.lot)

    def field_names(self) -> dict[str, str]:
        return {"vaccine": self.tr("Vaccine"), "date": self.tr("Date"),
                "dose_number": self.tr("Dose number")}

    def try_accept(self) -> None:
        if not self.vaccine.text().strip():
            self.error_label.setText(self.tr("Enter the name of the vaccine."))
            self.error_label.setVisible(True)
            return
        super().try_accept()

    def build(self) -> Immunization:
        values = dict(date=_pydate(self.date_edit.date()), vaccine=self.vaccine.text().strip(),
                      dose_number=self.dose_number.value() or None, place=_text(self.place),
                      lot=_text(self.lot))
        if isinstance(self.original, Immunization):
            return dataclasses.replace(self.original, **values)  # type: ignore[arg-type]
        return Immunization(profile_id=self.profile.id, **values)  # type: ignore[arg-type]


def allergy_kind_word(kind: AllergyKind) -> str:
    from phrapp.ui.qt import QCoreApplication

    words = {
        AllergyKind.ALLERGY: QCoreApplication.translate("Medications", "Allergy"),
        AllergyKind.ADVERSE_REACTION: QCoreApplication.translate("Medications",
                                                                 "Adverse reaction"),
        AllergyKind.HISTORY: QCoreApplication.translate("Medications", "Medical history"),
        AllergyKind.OTHER: QCoreApplication.translate("Medications", "Other"),
    }
    return words[kind]


__all__ = ["AllergyDialog", "ImmunizationDialog", "MedicineDialog",
           "allergy_kind_word", "code_system_for"]
