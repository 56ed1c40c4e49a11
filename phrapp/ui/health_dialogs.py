"""健康状態の質問 (HealthBackground) and 受診しました (FollowUpVisit) dialogs.

Both build a record checked by the domain validation (see :class:`RecordDialog`); the
dashboard saves it through the undoable add path (:func:`phrapp.ui.changes.add_record`).
"""

from __future__ import annotations

import datetime as dt

from phrapp.domain.records import FollowUpVisit, HealthBackground, Profile, Smoking
from phrapp.ui.medication_dialogs import _date_edit
from phrapp.ui.qt import QComboBox, QLabel, QLineEdit, QWidget
from phrapp.ui.record_dialogs import RecordDialog, _pydate

#: The yes/no questions in form order (field name of HealthBackground).
QUESTIONS = ("on_bp_drugs", "on_glucose_drugs", "on_lipid_drugs", "diabetes", "ckd", "pad",
             "cad_or_stroke", "family_history_cad")


class BackgroundDialog(RecordDialog):
    """Smoking and yes/no/未回答 questions; saved as a new answer dated today."""

    def __init__(self, parent: QWidget | None, profile: Profile,
                 latest: HealthBackground | None, today: dt.date) -> None:
        super().__init__(parent, profile, None)
        self.today = today
        self.set_title(self.tr("Health questions"))
        intro = QLabel(self.tr(
            "Your answers are used for the 10-year risk and the checkup rules. "
            "Leave a question unanswered if you are not sure."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.form.addRow(intro)
        self.smoking = QComboBox()
        for text, value in ((self.tr("Not answered"), None),
                            (self.tr("I smoke"), Smoking.CURRENT.value),
                            (self.tr("I used to smoke"), Smoking.FORMER.value),
                            (self.tr("I have never smoked"), Smoking.NEVER.value)):
            self.smoking.addItem(text, value)
        if latest is not None and latest.smoking is not None:
            self.smoking.setCurrentIndex(self.smoking.findData(latest.smoking.value))
        self.form.addRow(self.tr("Smoking"), self.smoking)
        labels = {
            "on_bp_drugs": self.tr("Taking medicine for blood pressure"),
            "on_glucose_drugs": self.tr("Taking medicine for blood sugar"),
            "on_lipid_drugs": self.tr("Taking medicine for cholesterol"),
            "diabetes": self.tr("Told by a doctor that you have diabetes"),
            "ckd": self.tr("Told by a doctor that you have chronic kidney disease"),
            "pad": self.tr("Told by a doctor that you have peripheral artery disease"),
            "cad_or_stroke": self.tr("Have had a heart attack, angina or a stroke"),
            "family_history_cad": self.tr("A parent or sibling had early heart disease"),
        }
        self.answers: dict[str, QComboBox] = {}
        for name in QUESTIONS:
            combo = QComboBox()
            combo.addItem(self.tr("Not answered"), None)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
            value = getattr(latest, name) if latest is not None else None
            combo.setCurrentIndex(0 if value is None else (1 if value else 2))
            self.answers[name] = combo
            self.form.addRow(labels[name], combo)

    def build(self) -> HealthBackground:
        values = {name: combo.currentData() for name, combo in self.answers.items()}
        smoking = self.smoking.currentData()  # Qt hands a StrEnum back as its str
        return HealthBackground(profile_id=self.profile.id, date=self.today,
                                smoking=Smoking(smoking) if smoking else None, **values)


class VisitDialog(RecordDialog):
    """受診しました: the visit date and place for one 受診勧奨 item."""

    def __init__(self, parent: QWidget | None, profile: Profile, item_code: str,
                 item_name: str, today: dt.date) -> None:
        super().__init__(parent, profile, None)
        self.item_code = item_code
        self.set_title(self.tr("Record a doctor's visit"))
        item = QLabel(item_name)
        item.setWordWrap(True)
        self.form.addRow(self.tr("About"), item)
        self.date_edit = _date_edit(today, optional=False, today=today)
        self.form.addRow(self.tr("Date of the visit"), self.date_edit)
        self.facility = QLineEdit("")
        self.facility.setPlaceholderText(self.tr("optional, e.g. the clinic's name"))
        self.form.addRow(self.tr("Clinic or hospital"), self.facility)

    def build(self) -> FollowUpVisit:
        return FollowUpVisit(profile_id=self.profile.id, date=_pydate(self.date_edit.date()),
                             facility=self.facility.text().strip() or None,
                             item_code=self.item_code)
