"""ダッシュボード: the latest values and 7-day averages of BP, weight and steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phrapp.domain.records import BloodPressure, Profile, RecordKind, Steps, Weight
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.ui import formatting
from phrapp.ui.controller import AppController
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.pages.vitals import slot_word
from phrapp.ui.qt import QFrame, QGridLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget
from phrapp.ui.summaries import (
    BpSummary,
    StepsSummary,
    WeightSummary,
    bp_summary,
    steps_summary,
    weight_summary,
)
from phrapp.ui.widgets import button


@dataclass(frozen=True)
class DashboardPayload:
    """The three summaries the dashboard shows."""

    bp: BpSummary
    weight: WeightSummary
    steps: StepsSummary
    today: dt.date


class DashboardCard(QFrame):
    """One kind at a glance: heading, 7-day average (large), latest, a link to its page."""

    def __init__(self, heading: str, link_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        self.heading = QLabel(heading)
        self.heading.setObjectName("cardHeading")
        self.average_title = QLabel(self.tr("7-day average"))
        self.average_title.setObjectName("cardTitle")
        self.average = QLabel("—")
        self.average.setObjectName("cardValue")
        self.latest = QLabel("")
        self.latest.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("cardCaption")
        self.detail.setWordWrap(True)
        self.link = button(link_text)
        for widget in (self.heading, self.average_title, self.average, self.latest, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.link)
        layout.addLayout(row)

    def clear(self) -> None:
        self.average.setText("—")
        self.latest.setText("")
        self.detail.setText("")


class DashboardPage(Page):
    """A calm overview with a short disclaimer (information, not diagnosis)."""

    key = "dashboard"
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS)

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        controller.settings_changed.connect(self.invalidate)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(14)
        self.heading = QLabel(self.tr("Overview"))
        self.heading.setObjectName("pageTitle")
        outer.addWidget(self.heading)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("muted")
        outer.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.bp_card = DashboardCard(self.tr("Blood pressure"), self.tr("Open blood pressure"))
        self.weight_card = DashboardCard(self.tr("Weight"), self.tr("Open weight"))
        self.steps_card = DashboardCard(self.tr("Steps"), self.tr("Open steps"))
        for column, (card, key) in enumerate(((self.bp_card, "bp"), (self.weight_card, "weight"),
                                              (self.steps_card, "steps"))):
            card.link.clicked.connect(lambda _c=False, k=key: self.nav.go(k))
            grid.addWidget(card, 0, column)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.disclaimer = QLabel(self.tr(
            "This page summarises your records; it is not a diagnosis. "
            "If a value worries you, please ask your doctor."))
        self.disclaimer.setObjectName("muted")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.disclaimer)

    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> DashboardPayload:
        service = RecordService(session)
        bps = [r for r in service.list(RecordKind.BP, [profile]) if isinstance(r, BloodPressure)]
        weights = [r for r in service.list(RecordKind.WEIGHT, [profile])
                   if isinstance(r, Weight)]
        steps = [r for r in service.list(RecordKind.STEPS, [profile]) if isinstance(r, Steps)]
        primary_ids = service.primary_steps(steps)
        target = self.controller.settings.steps_target
        return DashboardPayload(
            bp_summary(bps, today), weight_summary(weights, today),
            steps_summary([s for s in steps if s.id in primary_ids], today, target), today)

    def apply(self, payload: DashboardPayload) -> None:
        profile = self.controller.profile
        name = profile.name if profile else ""
        self.heading.setText(self.tr("Overview for {name}").format(name=name))
        self.subtitle.setText(self.tr("Today: {date}").format(
            date=formatting.format_date(payload.today)))
        none_7d = self.tr("No records in the last 7 days")

        bp, card = payload.bp, self.bp_card
        card.clear()
        if bp.avg_systolic is not None and bp.avg_diastolic is not None:
            card.average.setText(self.tr("{sys}/{dia} mmHg").format(
                sys=round(bp.avg_systolic), dia=round(bp.avg_diastolic)))
            card.detail.setText(self.tr("{count} readings in 7 days").format(count=bp.count_7d))
        else:
            card.detail.setText(none_7d)
        if bp.latest is not None:
            card.latest.setText(self.tr("Latest: {sys}/{dia} mmHg ({when}, {slot})").format(
                sys=bp.latest.systolic, dia=bp.latest.diastolic,
                when=formatting.format_datetime(bp.latest.measured_at),
                slot=slot_word(bp.latest.slot)))

        weight, card = payload.weight, self.weight_card
        card.clear()
        if weight.avg_kg is not None:
            card.average.setText(self.tr("{kg} kg").format(kg=formatting.format_kg(weight.avg_kg)))
            card.detail.setText(self.tr("{count} weighings in 7 days").format(
                count=weight.count_7d))
        else:
            card.detail.setText(none_7d)
        if weight.latest is not None:
            card.latest.setText(self.tr("Latest: {kg} kg ({when})").format(
                kg=formatting.format_kg(weight.latest.kg),
                when=formatting.format_datetime(weight.latest.measured_at)))

        steps, card = payload.steps, self.steps_card
        card.clear()
        if steps.avg_steps is not None:
            card.average.setText(self.tr("{steps} steps").format(
                steps=formatting.format_int(steps.avg_steps)))
            card.detail.setText(self.tr("Target of {target} steps met on {met} of {days} days")
                                .format(target=formatting.format_int(steps.target),
                                        met=steps.met_7d, days=steps.days_7d))
        else:
            card.detail.setText(none_7d)
        if steps.latest is not None:
            card.latest.setText(self.tr("Latest: {steps} steps ({date})").format(
                steps=formatting.format_int(steps.latest.steps),
                date=formatting.format_date(steps.latest.date)))

    def clear(self) -> None:
        self.heading.setText(self.tr("Overview"))
        self.subtitle.setText("")
        for card in (self.bp_card, self.weight_card, self.steps_card):
            card.clear()

    def self_check(self) -> list[str]:
        return [f"dashboard: {name} card is empty"
                for name, card in (("bp", self.bp_card), ("weight", self.weight_card),
                                   ("steps", self.steps_card))
                if card.average.text() == "—"]
