"""Charts (data arrays, reference lines, range presets, downsampling) and the table model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyqtgraph as pg
import pytest

from phrapp.domain.records import BloodPressure, BpContext, Provenance, Steps, Weight
from phrapp.ui import formatting
from phrapp.ui.charts import BpChart, DateAxis, StepsChart, WeightChart
from phrapp.ui.models import Column, RecordTableModel
from phrapp.ui.qt import Qt
from phrapp.ui.summaries import MAX_POINTS

JST = dt.timezone(dt.timedelta(hours=9))
TODAY = dt.date(2026, 11, 23)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=JST)


def _bp(day: dt.date, hour: int, sbp: int, dbp: int,
        context: BpContext | None = None) -> BloodPressure:
    return BloodPressure(profile_id="p", measured_at=_at(day, hour), systolic=sbp,
                         diastolic=dbp, context=context, provenance=Provenance.DEVICE)


def test_bp_chart_lines_markers_and_reference_lines(qtbot: Any) -> None:
    chart = BpChart()
    qtbot.addWidget(chart)
    records = [_bp(TODAY, 7, 130, 85, BpContext.MORNING), _bp(TODAY, 14, 110, 70),
               _bp(TODAY, 21, 120, 75)]
    chart.set_data(records, TODAY)
    series = chart.series()
    assert series["systolic"][1].tolist() == [130, 110, 120]
    assert series["diastolic"][1].tolist() == [85, 70, 75]
    assert series["systolic_morning"][1].tolist() == [130]
    assert series["systolic_evening"][1].tolist() == [120]  # 21:00 untagged → evening
    assert series["diastolic_other"][1].tolist() == [70]  # 14:00 → other
    assert series["systolic_weekly"][1].tolist() == [120]
    assert series["systolic"][0][0] == pytest.approx(TODAY.toordinal() + 7 / 24)
    lines = sorted(i.value() for i in chart.plot.items if isinstance(i, pg.InfiniteLine))
    assert lines == [75, 85, 125, 135]
    legend = chart.legend_text()
    for words in ("Systolic", "Diastolic", "Morning", "Evening", "Home BP threshold 135/85",
                  "Target 125/75 (JSH2025)"):
        assert words in legend
    hover = chart.describe(records[0])
    assert "130/85 mmHg" in hover and "Device" in hover


def test_range_presets_end_today(qtbot: Any) -> None:
    chart = BpChart()
    qtbot.addWidget(chart)
    first = TODAY - dt.timedelta(days=700)
    chart.set_data([_bp(first, 7, 120, 80), _bp(TODAY, 7, 125, 82)], TODAY)
    chart.set_range("2w")
    x0, x1 = chart.visible_x()
    assert x1 == pytest.approx(TODAY.toordinal() + 1, abs=0.5)
    assert x1 - x0 == pytest.approx(14, abs=0.6)
    chart.set_range("1y")
    x0, x1 = chart.visible_x()
    assert x1 - x0 == pytest.approx(365, abs=8)
    chart.set_range("all")
    x0, _ = chart.visible_x()
    assert x0 <= first.toordinal()


def test_many_visible_points_are_drawn_as_bucket_means(qtbot: Any) -> None:
    chart = BpChart()
    qtbot.addWidget(chart)
    records = [_bp(TODAY - dt.timedelta(days=d), h, 120 + d % 7, 80, BpContext.MORNING)
               for d in range(1500) for h in (6, 7)]
    chart.set_data(records, TODAY)
    morning = next(m for m in chart._markers if m.xs is chart.series()["systolic_morning"][0])
    chart.set_range("all")
    assert len(morning.item.getData()[0]) <= MAX_POINTS
    chart.set_range("2w")
    assert len(morning.item.getData()[0]) == pytest.approx(28, abs=4)  # raw near the window
    assert len(chart.series()["systolic"][0]) == 3000  # the data itself is never thinned


def test_steps_bars_split_by_target_with_words(qtbot: Any) -> None:
    chart = StepsChart()
    qtbot.addWidget(chart)
    days = [Steps(profile_id="p", date=TODAY - dt.timedelta(days=i), steps=n)
            for i, n in enumerate((9000, 5000, 8000))]
    chart.set_data(days, TODAY, 8000)
    series = chart.series()
    assert sorted(series["steps_met"][1].tolist()) == [8000, 9000]
    assert series["steps_unmet"][1].tolist() == [5000]
    legend = chart.legend_text()
    assert "Target met" in legend and "Below target" in legend and "Target 8,000 steps" in legend
    assert "Below target" in chart.describe(days[1])
    assert "Target met" in chart.describe(days[0])


def test_weight_points_and_moving_average(qtbot: Any) -> None:
    chart = WeightChart()
    qtbot.addWidget(chart)
    weights = [Weight(profile_id="p", measured_at=_at(TODAY - dt.timedelta(days=i), 7),
                      kg=70.0 + i) for i in range(3)]
    chart.set_data(weights, TODAY)
    series = chart.series()
    assert sorted(series["weight"][1].tolist()) == [70.0, 71.0, 72.0]
    assert series["weight_7d"][1].tolist() == pytest.approx([72.0, 71.5, 71.0])


def test_date_axis_prints_local_dates() -> None:
    axis = DateAxis(orientation="bottom")
    start = float(dt.date(2026, 11, 1).toordinal())
    ticks = axis.tickValues(start, start + 14, 1400)[0][1]
    formatting.set_language("en")
    assert axis.tickStrings(ticks[:2], 1, 1) == ["1 Nov", "2 Nov"]
    formatting.set_language("ja")
    try:
        assert axis.tickStrings(ticks[:1], 1, 1) == ["11/1"]
        year_ticks = axis.tickValues(start - 3000, start, 600)[0][1]
        assert axis.tickStrings(year_ticks[:1], 1, 1)[0].endswith("年")
    finally:
        formatting.set_language("en")


def test_table_model_sorts_by_value_and_caches_rows(qtbot: Any) -> None:
    records = [_bp(TODAY, h, s, 80) for h, s in ((7, 140), (8, 99), (9, 120))]
    calls: list[str] = []

    def text(r: Any) -> str:
        calls.append(r.id)
        return str(r.systolic)

    model = RecordTableModel([
        Column(lambda: "When", lambda r: str(r.measured_at.hour), lambda r: r.measured_at),
        Column(lambda: "Sys", text, lambda r: r.systolic, numeric=True),
    ])
    model.set_records(records)
    assert model.rowCount() == 3 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sys"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.cell_text(i, 1) for i in range(3)] == ["99", "120", "140"]  # not "120" < "99"
    before = len(calls)
    model.data(model.index(0, 1))
    model.data(model.index(0, 0))
    assert len(calls) == before  # formatted once per row, then cached
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.cell_text(0, 0) == "9"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == records[2].id
    model.clear()
    assert model.rowCount() == 0
