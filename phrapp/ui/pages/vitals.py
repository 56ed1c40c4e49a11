"""The 血圧, 体重 and 歩数 pages: what each loads, shows and lets you enter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from phrapp.domain.records import BloodPressure, Profile, Record, RecordKind, Steps, Weight
from phrapp.domain.time import Slot
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.ui import formatting
from phrapp.ui.charts import BpChart, StepsChart, TimeChart, WeightChart, provenance_word
from phrapp.ui.controller import AppController
from phrapp.ui.models import Column
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import DataPage
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import QCoreApplication, QDialog
from phrapp.ui.record_dialogs import BpDialog, StepsDialog, WeightDialog
from phrapp.ui.summaries import (
    BpSummary,
    StepsSummary,
    WeightSummary,
    bp_summary,
    steps_summary,
    weight_summary,
)


def slot_word(slot: Slot) -> str:
    """朝 / 晩 / その他."""
    return {
        Slot.MORNING: QCoreApplication.translate("Vitals", "Morning"),
        Slot.EVENING: QCoreApplication.translate("Vitals", "Evening"),
        Slot.OTHER: QCoreApplication.translate("Vitals", "Other"),
    }[slot]


def source_text(record: Record) -> str:
    """The device or app a record came from, for a tooltip."""
    source = record.source
    if source.app:
        return source.app
    if source.device is not None:
        return " ".join(p for p in (source.device.maker, source.device.model) if p)
    return ""


def window_caption(today: dt.date) -> str:
    start = today - dt.timedelta(days=6)
    return QCoreApplication.translate("Vitals", "{start} – {end}").format(
        start=formatting.format_short_date(start), end=formatting.format_short_date(today))


# -- 血圧 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BpPayload:
    """What the 血圧 page loaded (worker thread) for its GUI update."""

    records: list[BloodPressure]
    summary: BpSummary
    today: dt.date


class BpPage(DataPage):
    """血圧: latest, 7-day average and count; the BP chart; every reading."""

    key = "bp"
    kind = RecordKind.BP

    def page_title(self) -> str:
        return self.tr("Blood pressure")

    def empty_texts(self) -> tuple[str, str]:
        return (self.tr("No blood pressure readings yet"),
                self.tr("Record your home blood pressure in the morning and evening. "
                        "The chart and the 7-day average appear here."))

    def summary_titles(self) -> list[str]:
        return [self.tr("Latest reading"), self.tr("7-day average"),
                self.tr("Readings in 7 days")]

    def columns(self) -> list[Column]:
        def bp(r: Record) -> BloodPressure:
            assert isinstance(r, BloodPressure)
            return r

        return [
            Column(lambda: self.tr("Date and time"),
                   lambda r: formatting.format_datetime(bp(r).measured_at),
                   lambda r: bp(r).measured_at),
            Column(lambda: self.tr("Morning / evening"), lambda r: slot_word(bp(r).slot),
                   lambda r: bp(r).slot.value),
            Column(lambda: self.tr("Systolic (mmHg)"), lambda r: str(bp(r).systolic),
                   lambda r: bp(r).systolic, numeric=True),
            Column(lambda: self.tr("Diastolic (mmHg)"), lambda r: str(bp(r).diastolic),
                   lambda r: bp(r).diastolic, numeric=True),
            Column(lambda: self.tr("Pulse (/min)"),
                   lambda r: "" if bp(r).pulse is None else str(bp(r).pulse),
                   lambda r: bp(r).pulse, numeric=True),
            Column(lambda: self.tr("Irregular pulse"),
                   lambda r: self.tr("Yes") if bp(r).irregular_heartbeat else "",
                   lambda r: bp(r).irregular_heartbeat),
            Column(lambda: self.tr("Source"), lambda r: provenance_word(r.provenance),
                   lambda r: r.provenance.value, tooltip=source_text),
            Column(lambda: self.tr("Note"), lambda r: bp(r).note or "",
                   lambda r: bp(r).note or ""),
        ]

    def make_chart(self) -> TimeChart:
        return BpChart()

    def make_dialog(self, profile: Profile, record: Record | None) -> QDialog:
        assert record is None or isinstance(record, BloodPressure)
        return BpDialog(self, profile, record)

    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> BpPayload:
        records = RecordService(session).list(RecordKind.BP, [profile])
        bps = [r for r in records if isinstance(r, BloodPressure)]
        return BpPayload(bps, bp_summary(bps, today), today)

    def show_summary(self, payload: BpPayload) -> None:
        s = payload.summary
        latest, average, count = self.summary.cards
        if s.latest is not None:
            latest.set(self.tr("{sys}/{dia} mmHg").format(sys=s.latest.systolic,
                                                          dia=s.latest.diastolic),
                       f"{formatting.format_datetime(s.latest.measured_at)} · "
                       f"{slot_word(s.latest.slot)}")
        if s.avg_systolic is not None and s.avg_diastolic is not None:
            average.set(self.tr("{sys}/{dia} mmHg").format(sys=round(s.avg_systolic),
                                                           dia=round(s.avg_diastolic)),
                        window_caption(payload.today))
        else:
            average.set("—", self.tr("No readings in the last 7 days"))
        count.set(self.tr("{count} readings").format(count=s.count_7d),
                  self.tr("{total} readings in all").format(total=s.total))

    def show_chart(self, payload: BpPayload) -> None:
        assert isinstance(self.chart, BpChart)
        self.chart.set_data(payload.records, payload.today)


# -- 体重 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightPayload:
    """What the 体重 page loaded."""

    records: list[Weight]
    summary: WeightSummary
    today: dt.date


class WeightPage(DataPage):
    """体重: latest and 7-day average; daily points and the moving average."""

    key = "weight"
    kind = RecordKind.WEIGHT

    def page_title(self) -> str:
        return self.tr("Weight")

    def empty_texts(self) -> tuple[str, str]:
        return (self.tr("No weight records yet"),
                self.tr("Weigh yourself at the same time of day, e.g. after getting up. "
                        "Daily points and a 7-day average appear here."))

    def summary_titles(self) -> list[str]:
        return [self.tr("Latest weight"), self.tr("7-day average"),
                self.tr("Weighings in 7 days")]

    def columns(self) -> list[Column]:
        def w(r: Record) -> Weight:
            assert isinstance(r, Weight)
            return r

        return [
            Column(lambda: self.tr("Date and time"),
                   lambda r: formatting.format_datetime(w(r).measured_at),
                   lambda r: w(r).measured_at),
            Column(lambda: self.tr("Weight (kg)"), lambda r: formatting.format_kg(w(r).kg),
                   lambda r: w(r).kg, numeric=True),
            Column(lambda: self.tr("Body fat (%)"),
                   lambda r: "" if w(r).body_fat_percent is None
                   else f"{w(r).body_fat_percent:.1f}",
                   lambda r: w(r).body_fat_percent, numeric=True),
            Column(lambda: self.tr("Source"), lambda r: provenance_word(r.provenance),
                   lambda r: r.provenance.value, tooltip=source_text),
        ]

    def make_chart(self) -> TimeChart:
        return WeightChart()

    def make_dialog(self, profile: Profile, record: Record | None) -> QDialog:
        assert record is None or isinstance(record, Weight)
        latest = self.model.records()
        last = max(latest, key=lambda r: r.measured_at) if latest else None  # type: ignore[attr-defined]
        return WeightDialog(self, profile, record,
                            last_kg=last.kg if isinstance(last, Weight) else None)

    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> WeightPayload:
        records = RecordService(session).list(RecordKind.WEIGHT, [profile])
        weights = [r for r in records if isinstance(r, Weight)]
        return WeightPayload(weights, weight_summary(weights, today), today)

    def show_summary(self, payload: WeightPayload) -> None:
        s = payload.summary
        latest, average, count = self.summary.cards
        if s.latest is not None:
            latest.set(self.tr("{kg} kg").format(kg=formatting.format_kg(s.latest.kg)),
                       formatting.format_datetime(s.latest.measured_at))
        if s.avg_kg is not None:
            average.set(self.tr("{kg} kg").format(kg=formatting.format_kg(s.avg_kg)),
                        window_caption(payload.today))
        else:
            average.set("—", self.tr("No weighings in the last 7 days"))
        count.set(self.tr("{count} times").format(count=s.count_7d),
                  self.tr("{total} weighings in all").format(total=s.total))

    def show_chart(self, payload: WeightPayload) -> None:
        assert isinstance(self.chart, WeightChart)
        self.chart.set_data(payload.records, payload.today)


# -- 歩数 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepsPayload:
    """What the 歩数 page loaded: every record for the table, the primary ones for the chart."""

    records: list[Steps]  # every source (the table)
    primary: list[Steps]  # one per day (chart, summary)
    primary_ids: frozenset[str]
    summary: StepsSummary
    today: dt.date


class StepsPage(DataPage):
    """歩数: latest day, 7-day average, days on target; bars by target met."""

    key = "steps"
    kind = RecordKind.STEPS

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        self._primary_ids: frozenset[str] = frozenset()
        super().__init__(controller, nav)
        controller.settings_changed.connect(self.invalidate)

    def page_title(self) -> str:
        return self.tr("Steps")

    def empty_texts(self) -> tuple[str, str]:
        return (self.tr("No step counts yet"),
                self.tr("Enter the steps of a day from your pedometer or phone. "
                        "Daily bars show whether you reached your target."))

    def summary_titles(self) -> list[str]:
        return [self.tr("Latest day"), self.tr("7-day average"),
                self.tr("Days on target (7 days)")]

    def _target(self) -> int:
        return self.controller.settings.steps_target

    def columns(self) -> list[Column]:
        def s(r: Record) -> Steps:
            assert isinstance(r, Steps)
            return r

        return [
            Column(lambda: self.tr("Date"), lambda r: formatting.format_date(s(r).date),
                   lambda r: s(r).date),
            Column(lambda: self.tr("Steps"), lambda r: formatting.format_int(s(r).steps),
                   lambda r: s(r).steps, numeric=True),
            Column(lambda: self.tr("Target"),
                   lambda r: self.tr("Met") if s(r).steps >= self._target()
                   else self.tr("Not met"),
                   lambda r: s(r).steps >= self._target()),
            Column(lambda: self.tr("Source"), lambda r: provenance_word(r.provenance),
                   lambda r: r.provenance.value, tooltip=source_text),
            Column(lambda: self.tr("Used for the day"),
                   lambda r: self.tr("Yes") if r.id in self._primary_ids else "",
                   lambda r: r.id in self._primary_ids),
        ]

    def make_chart(self) -> TimeChart:
        return StepsChart()

    def make_dialog(self, profile: Profile, record: Record | None) -> QDialog:
        assert record is None or isinstance(record, Steps)
        return StepsDialog(self, profile, record)

    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> StepsPayload:
        service = RecordService(session)
        records = [r for r in service.list(RecordKind.STEPS, [profile]) if isinstance(r, Steps)]
        ids = frozenset(service.primary_steps(records))
        primary = [r for r in records if r.id in ids]
        target = self._target()  # a plain value; settings are not Qt objects
        return StepsPayload(records, primary, ids, steps_summary(primary, today, target), today)

    def table_records(self, payload: StepsPayload) -> Sequence[Record]:
        self._primary_ids = payload.primary_ids
        return payload.records

    def show_summary(self, payload: StepsPayload) -> None:
        s = payload.summary
        latest, average, met = self.summary.cards
        if s.latest is not None:
            latest.set(self.tr("{steps} steps").format(steps=formatting.format_int(s.latest.steps)),
                       formatting.format_date(s.latest.date))
        if s.avg_steps is not None:
            average.set(self.tr("{steps} steps").format(steps=formatting.format_int(s.avg_steps)),
                        window_caption(payload.today))
        else:
            average.set("—", self.tr("No step counts in the last 7 days"))
        met.set(self.tr("{met} of {days} days").format(met=s.met_7d, days=s.days_7d),
                self.tr("Target: {steps} steps").format(steps=formatting.format_int(s.target)))

    def show_chart(self, payload: StepsPayload) -> None:
        assert isinstance(self.chart, StepsChart)
        self.chart.set_data(payload.primary, payload.today, payload.summary.target)
