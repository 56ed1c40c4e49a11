"""目標の設定: weight (減量 / 維持), daily steps and home blood pressure.

Each goal has a check box: unchecked means "no goal" (and so no 参考 alert). Defaults
come from the guidelines named beside them (phrapp.domain.goals). Saving goes through
:func:`save_goals`, which the undo stack can revert (Ctrl+Z).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from phrapp.domain.goals import (
    HOME_TARGET_DBP,
    HOME_TARGET_SBP,
    BpGoal,
    Goals,
    StepsGoal,
    WeightGoal,
    WeightMode,
)
from phrapp.domain.records import Profile, RecordKind
from phrapp.services.goals import GoalService
from phrapp.services.session import Session
from phrapp.ui.changes import RecordChange
from phrapp.ui.controller import AppController
from phrapp.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, primary_button

NOTE_WIDTH = 360  # px: the width a wrapped note may take in one column


class GoalsDialog(QDialog):
    """Three optional goals; ``result_goals()`` after accept."""

    def __init__(self, parent: QWidget | None, goals: Goals, *, today: dt.date,
                 current_kg: float | None, default_steps: int | None,
                 suggested_percent: float) -> None:
        super().__init__(parent)
        self.today = today
        self._result: Goals | None = None
        self.setWindowTitle(self.tr("Goals"))
        layout = QVBoxLayout(self)
        # Fixed to the layout's own size: with word-wrapped notes the default constraint
        # under-estimates the height and squeezes the weight rows together.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Goals"))
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        intro = QLabel(self.tr(
            "Set only the goals you want. The dashboard compares your records with them "
            "and marks a difference as 'reference' — it is not a medical judgement."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        intro.setMaximumWidth(NOTE_WIDTH * 2)  # wrapped labels otherwise ask for one long line
        layout.addWidget(intro)

        # -- weight ------------------------------------------------------------------
        self.weight_box = QGroupBox(self.tr("Weight goal"))
        self.weight_box.setCheckable(True)
        box = QVBoxLayout(self.weight_box)
        form = QFormLayout()
        box.addLayout(form)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Lose weight"), WeightMode.LOSE.value)
        self.mode.addItem(self.tr("Keep my weight"), WeightMode.MAINTAIN.value)
        form.addRow(self.tr("Mode"), self.mode)
        self.start_kg = QDoubleSpinBox()
        self.start_kg.setRange(20.0, 300.0)
        self.start_kg.setDecimals(1)
        self.start_kg.setSuffix(" kg")
        form.addRow(self.tr("Starting weight"), self.start_kg)
        self.percent = QDoubleSpinBox()
        self.percent.setRange(0.5, 20.0)
        self.percent.setDecimals(1)
        self.percent.setSuffix(" %")
        self.months = QSpinBox()
        self.months.setRange(3, 12)
        self.months.setSuffix(self.tr(" months"))
        pace = QHBoxLayout()
        pace.addWidget(self.percent)
        pace.addWidget(QLabel(self.tr("over")))
        pace.addWidget(self.months)
        pace.addStretch(1)
        form.addRow(self.tr("Lose"), pace)
        self.band = QDoubleSpinBox()
        self.band.setRange(0.0, 20.0)
        self.band.setDecimals(1)
        self.band.setSuffix(" kg")
        self.band.setSpecialValueText(self.tr("No alert"))
        form.addRow(self.tr("Tell me when it changes by more than"), self.band)
        self.weight_form = form
        weight_note = QLabel(self.tr(
            "Suggested: lose 3 % in 3–6 months (5–10 % when BMI is 35 or more). "
            "Japan Society for the Study of Obesity guideline 2022."))
        weight_note.setWordWrap(True)
        weight_note.setObjectName("muted")
        weight_note.setMaximumWidth(NOTE_WIDTH * 2)
        # Below the form, not a spanning form row: a word-wrapped label in a QFormLayout
        # gets too little height and overlaps the row above.
        box.addWidget(weight_note)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        layout.addWidget(self.weight_box)

        # -- steps -------------------------------------------------------------------
        self.steps_box = QGroupBox(self.tr("Daily steps goal"))
        self.steps_box.setCheckable(True)
        box = QVBoxLayout(self.steps_box)
        form = QFormLayout()
        box.addLayout(form)
        self.steps = QSpinBox()
        self.steps.setRange(500, 50_000)
        self.steps.setSingleStep(500)
        self.steps.setGroupSeparatorShown(True)
        form.addRow(self.tr("Steps a day"), self.steps)
        steps_note = QLabel(self.tr(
            "Without a goal of your own the target for your age is used: 8,000 steps "
            "(20–64 years), 6,000 steps (65 and over). Health Japan 21 (third term)."))
        steps_note.setWordWrap(True)
        steps_note.setObjectName("muted")
        steps_note.setMaximumWidth(NOTE_WIDTH)
        box.addWidget(steps_note)
        # Steps and home BP side by side: the dialog must fit a 768-pixel-high screen.
        pair = QHBoxLayout()
        pair.addWidget(self.steps_box, 1)
        layout.addLayout(pair)

        # -- home BP -----------------------------------------------------------------
        self.bp_box = QGroupBox(self.tr("Home blood pressure goal"))
        self.bp_box.setCheckable(True)
        box = QVBoxLayout(self.bp_box)
        form = QFormLayout()
        box.addLayout(form)
        row = QHBoxLayout()
        self.sbp = QSpinBox()
        self.sbp.setRange(90, 180)
        self.dbp = QSpinBox()
        self.dbp.setRange(50, 110)
        row.addWidget(self.sbp)
        row.addWidget(QLabel("/"))
        row.addWidget(self.dbp)
        row.addWidget(QLabel(self.tr("mmHg (below)")))
        row.addStretch(1)
        form.addRow(self.tr("Morning and evening averages"), row)
        bp_note = QLabel(self.tr(
            "JSH2025: below 125/75 mmHg at home for every adult. Use the target your "
            "doctor gave you if it differs."))
        bp_note.setWordWrap(True)
        bp_note.setObjectName("muted")
        bp_note.setMaximumWidth(NOTE_WIDTH)
        box.addWidget(bp_note)
        pair.addWidget(self.bp_box, 1)

        self.error_label = QLabel("")
        self.error_label.setObjectName("errorText")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = primary_button(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_accept)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._load(goals, current_kg, default_steps, suggested_percent)

    def _load(self, goals: Goals, current_kg: float | None, default_steps: int | None,
              suggested_percent: float) -> None:
        w = goals.weight
        self.weight_box.setChecked(w is not None)
        self.mode.setCurrentIndex(self.mode.findData((w.mode if w else WeightMode.LOSE).value))
        self.start_kg.setValue(w.start_kg if w else (current_kg or 60.0))
        self.percent.setValue(w.percent if w else suggested_percent)
        self.months.setValue(w.months if w else 6)
        self.band.setValue((w.band_kg or 0.0) if w else 0.0)
        self._start = w.start if w else self.today
        self.steps_box.setChecked(goals.steps is not None)
        self.steps.setValue(goals.steps.daily if goals.steps else (default_steps or 8000))
        self.bp_box.setChecked(goals.bp is not None)
        self.sbp.setValue(goals.bp.sbp if goals.bp else HOME_TARGET_SBP)
        self.dbp.setValue(goals.bp.dbp if goals.bp else HOME_TARGET_DBP)
        self._mode_changed()

    def _mode_changed(self) -> None:
        # Only the rows of the chosen mode are shown: the pace for 減量, the band for 維持.
        lose = self.mode.currentData() == WeightMode.LOSE.value
        self.weight_form.setRowVisible(2, lose)
        self.weight_form.setRowVisible(3, not lose)

    def build(self) -> Goals:
        weight = None
        if self.weight_box.isChecked():
            mode = WeightMode(self.mode.currentData())
            weight = WeightGoal(mode=mode, start=self._start, start_kg=self.start_kg.value(),
                                percent=self.percent.value(), months=self.months.value(),
                                band_kg=(self.band.value() or None)
                                if mode is WeightMode.MAINTAIN else None)
        steps = StepsGoal(self.steps.value()) if self.steps_box.isChecked() else None
        bp = BpGoal(self.sbp.value(), self.dbp.value()) if self.bp_box.isChecked() else None
        return Goals(weight=weight, steps=steps, bp=bp)

    def try_accept(self) -> None:
        try:
            self._result = self.build()
        except ValueError:
            self.error_label.setText(self.tr(
                "A value is outside the possible range (the lower blood pressure must be "
                "below the upper one)."))
            self.error_label.setVisible(True)
            return
        self.accept()

    def result_goals(self) -> Goals:
        assert self._result is not None
        return self._result


def save_goals(controller: AppController, parent: QWidget | None, profile: Profile,
               goals: Goals) -> None:
    """Store ``goals`` in the background; push an undo command restoring the previous ones."""
    state: dict[str, Any] = {}

    def first(s: Session) -> Goals:
        state["previous"] = GoalService(s).set(profile, goals)
        return state["previous"]  # type: ignore[no-any-return]

    def undo(s: Session) -> None:
        GoalService(s).set(profile, state["previous"])

    def redo(s: Session) -> None:
        GoalService(s).set(profile, goals)

    def done(_previous: Goals) -> None:
        text = QCoreApplication.translate("Changes", "Change goals")
        # Goals are shown on the dashboard, which refreshes on weight/steps/BP changes.
        controller.undo_stack.push(RecordChange(controller, RecordKind.WEIGHT, text, undo,
                                                redo))

    controller.run_change(parent, RecordKind.WEIGHT, first, done)
