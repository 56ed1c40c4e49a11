"""The BP, weight and steps charts (pyqtgraph; the only ui module that imports it).

x is the local day number (``summaries.day_x``) and the axis prints local dates, so a
reading taken at 07:00 in Tokyo sits on its own morning whatever the viewer's zone.
Markers are re-cut to the visible x range on every pan/zoom: at most
``summaries.MAX_POINTS`` are drawn raw, more become bucket means; lines use
pyqtgraph's own downsampling and clip-to-view. Colours always come with words
(legend, reference-line labels, hover text).
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from phrapp.domain.records import BloodPressure, Provenance, Record, Steps, Weight
from phrapp.domain.time import DEFAULT_ZONE, Slot, today_in
from phrapp.ui import formatting
from phrapp.ui.qt import (
    QApplication,
    QColor,
    QCoreApplication,
    QFont,
    QFontMetrics,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.summaries import (
    MAX_POINTS,
    bucket_means,
    day_x,
    moving_average,
    weekly_means,
    x_to_date,
)

pg.setConfigOptions(antialias=True, background="w", foreground="#3a3a3a")

RANGE_DAYS: dict[str, int | None] = {"2w": 14, "3m": 91, "1y": 365, "all": None}
DEFAULT_RANGE = "3m"

SYSTOLIC = "#b03a2e"
DIASTOLIC = "#2e6cb0"
HOME_LIMIT = "#c0661b"
TARGET = "#3c8d40"
WEIGHT = "#6a4c93"
STEPS_MET = "#3c8d40"
STEPS_UNMET = "#a9b4c2"
AVERAGE = "#222222"

HOME_THRESHOLD = (135, 85)  # 家庭血圧の高血圧基準 (JSH2019/2025)
HOME_TARGET = (125, 75)  # 家庭血圧の降圧目標 (JSH2025)


def provenance_word(provenance: Provenance) -> str:
    """手入力 / 機器 / 機器の値を修正 … (UX.md "hover shows … its source")."""
    return {
        Provenance.MANUAL: QCoreApplication.translate("Charts", "Entered by hand"),
        Provenance.DEVICE: QCoreApplication.translate("Charts", "Device"),
        Provenance.DEVICE_EDITED: QCoreApplication.translate("Charts", "Device value corrected"),
        Provenance.CHECKUP: QCoreApplication.translate("Charts", "Checkup"),
        Provenance.IMPORT: QCoreApplication.translate("Charts", "Imported"),
    }[provenance]


class DateAxis(pg.AxisItem):
    """Bottom axis printing local dates: days, weeks, months or years as the span needs."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not math.isfinite(minVal) or not math.isfinite(maxVal) or maxVal <= minVal:
            return []
        room = max(2, int(size / 90))  # a date label needs ~90 px
        first, last = x_to_date(minVal), x_to_date(maxVal)
        span = (last - first).days + 1
        unit, step = "year", max(1, math.ceil(span / 365 / room))
        for candidate, days_per_tick in (("day", 1), ("day", 2), ("day", 3), ("week", 7),
                                         ("week", 14), ("month", 30), ("month", 60),
                                         ("month", 91), ("month", 182)):
            if span / days_per_tick <= room:
                unit, step = candidate, days_per_tick
                break
        if unit == "day":
            ticks = [first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
        elif unit == "week":
            monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
            ticks = [monday + dt.timedelta(days=step * i) for i in range(span // step + 2)]
        elif unit == "month":
            ticks = _month_starts(first, last, max(1, round(step / 30)))
        else:
            ticks = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1)
                     if (y - first.year - 1) % step == 0]
        self._unit = "day" if unit == "week" else unit
        values = [float(d.toordinal()) for d in ticks if minVal <= d.toordinal() <= maxVal]
        return [(1.0, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        unit = getattr(self, "_unit", "day")
        out = []
        for value in values:
            day = x_to_date(value)
            if unit == "year":
                out.append(formatting.format_year(day))
            elif unit == "month":
                out.append(formatting.format_month(day))
            else:
                out.append(formatting.format_short_date(day))
        return out


def _month_starts(first: dt.date, last: dt.date, step: int) -> list[dt.date]:
    out = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        if (month - 1) % step == 0:
            out.append(dt.date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


@dataclass
class _Markers:
    """A scatter series re-cut to the visible range (raw, or bucket means when many)."""

    item: pg.ScatterPlotItem
    size: float
    xs: np.ndarray
    ys: np.ndarray
    index: np.ndarray  # record index per point, for the hover text


class TimeChart(QWidget):
    """A date-axis chart with range presets; subclasses add the series."""

    def __init__(self, parent: QWidget | None = None, *, y_label: str) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": DateAxis(orientation="bottom")})
        self.plot_widget.setMinimumHeight(260)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=False, y=True, alpha=0.18)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("left", y_label)
        tick_font = QFont(QApplication.font())
        tick_font.setPointSize(max(10, tick_font.pointSize() - 1))
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setStyle(tickFont=tick_font)
        self.plot.getAxis("bottom").setHeight(QFontMetrics(tick_font).height() + 16)
        # The legend is a Qt label above the plot: it never hides data, and it wraps.
        self.legend = QLabel("")
        self.legend.setObjectName("chartLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend: list[tuple[str, str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot_widget, 1)
        self._series: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._markers: list[_Markers] = []
        self._raw_lines: list[tuple[pg.PlotDataItem, str, float]] = []
        self._records: Sequence[Record] = ()
        self._range_key = DEFAULT_RANGE
        self._today = today_in(DEFAULT_ZONE)  # replaced by set_data
        self._x_span: tuple[float, float] | None = None
        self.plot.getViewBox().sigXRangeChanged.connect(lambda *_: self._refresh_visible())

    # -- data --------------------------------------------------------------------
    def series(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """The plotted data by name (full resolution), for tests and the smoke check."""
        return dict(self._series)

    def point_count(self) -> int:
        return sum(len(xs) for xs, _ in self._series.values())

    def clear_data(self) -> None:
        """Remove every series (on lock or before new data)."""
        self.plot.clear()
        self._legend.clear()
        self.legend.setText("")
        self._series.clear()
        self._markers.clear()
        self._raw_lines.clear()
        self._records = ()
        self._x_span = None

    def _line(self, name: str, xs: np.ndarray, ys: np.ndarray, *, color: str, width: float,
              label: str | None = None, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
              summary: bool = False) -> None:
        """A line; ``summary`` lines (averages) are drawn above the raw data and never fade."""
        item = pg.PlotDataItem(xs, ys, pen=pg.mkPen(color, width=width, style=style))
        self.plot.addItem(item)
        if summary:
            item.setZValue(10)
        else:
            self._raw_lines.append((item, color, width))
        if label:
            self.add_legend("━", color, label)
        # After addItem: before it the item has no ViewBox and pyqtgraph trips over it.
        item.setDownsampling(auto=True, method="mean")
        item.setClipToView(True)
        self._series[name] = (xs, ys)

    def _scatter(self, name: str, xs: np.ndarray, ys: np.ndarray, index: np.ndarray, *,
                 color: str, filled: bool, symbol: str = "o", size: float = 7,
                 label: str | None = None) -> None:
        brush = pg.mkBrush(color) if filled else pg.mkBrush("w")
        item = pg.ScatterPlotItem(symbol=symbol, size=size, pen=pg.mkPen(color, width=1.4),
                                  brush=brush, hoverable=True, tip=self._tip)
        self.plot.addItem(item)
        if label:
            self.add_legend("●" if filled else "○", color, label)
        self._markers.append(_Markers(item, size, xs, ys, index))
        self._series[name] = (xs, ys)

    def _reference(self, value: float, color: str, label: str | None) -> None:
        """A dashed horizontal line, its value at the right end, its meaning in the legend."""
        line = pg.InfiniteLine(
            pos=value, angle=0, pen=pg.mkPen(color, width=1.4, style=Qt.PenStyle.DashLine),
            label=formatting.format_int(value),
            labelOpts={"position": 0.985, "color": color, "anchors": [(1, 1), (1, 1)],
                       "fill": pg.mkBrush(255, 255, 255, 210)})
        self.plot.addItem(line, ignoreBounds=True)
        if label:
            self.add_legend("┅", color, label)

    def add_legend(self, glyph: str, color: str, text: str) -> None:
        """One legend entry: a coloured glyph and its words (never colour alone)."""
        self._legend.append((glyph, color, text))
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{c}; font-weight:700'>{g}</span>&nbsp;{html.escape(t)}"
            for g, c, t in self._legend))

    def legend_text(self) -> str:
        return "  ".join(t for _g, _c, t in self._legend)

    def _data_x_bounds(self) -> tuple[float, float] | None:
        xs = [s[0] for s in self._series.values() if len(s[0])]
        if not xs:
            return None
        return min(float(a.min()) for a in xs), max(float(a.max()) for a in xs)

    # -- range -------------------------------------------------------------------
    def set_range(self, key: str) -> None:
        """Show one of ``RANGE_DAYS`` ending today (``all``: every record)."""
        self._range_key = key
        days = RANGE_DAYS[key]
        end = self._today.toordinal() + 1.0
        if days is None:
            bounds = self._data_x_bounds()
            start = math.floor(bounds[0]) if bounds else end - 14
            end = max(end, math.ceil(bounds[1]) if bounds else end)
        else:
            start = end - days
        self.plot.setXRange(start, end, padding=0.01)
        self._refresh_visible()

    @property
    def range_key(self) -> str:
        return self._range_key

    def visible_x(self) -> tuple[float, float]:
        (x0, x1), _ = self.plot.getViewBox().viewRange()
        return float(x0), float(x1)

    def _refresh_visible(self) -> None:
        """Re-cut markers to the visible range and fit the y axis to what is shown."""
        x0, x1 = self.visible_x()
        margin = (x1 - x0) * 0.05
        # Long spans: smaller markers and fainter raw lines, so the averages stay readable.
        span = x1 - x0
        size = 7 if span <= 100 else (4 if span <= 400 else 3)
        alpha = 255 if span <= 100 else 70
        for item, color, width in self._raw_lines:
            faded = QColor(color)
            faded.setAlpha(alpha)
            item.setPen(pg.mkPen(faded, width=width))
        shown: list[np.ndarray] = []
        for markers in self._markers:
            mask = (markers.xs >= x0 - margin) & (markers.xs <= x1 + margin)
            xs, ys, index = markers.xs[mask], markers.ys[mask], markers.index[mask]
            if len(xs) > MAX_POINTS:
                xs, ys = bucket_means(xs, ys, MAX_POINTS)
                index = np.full(len(xs), -1)
            markers.item.setData(x=xs, y=ys, data=index, size=markers.size if span <= 100
                                 else min(markers.size, size))
            shown.append(ys)
        for name, (xs, ys) in self._series.items():
            if not any(m.xs is xs for m in self._markers):
                mask = (xs >= x0) & (xs <= x1)
                shown.append(ys[mask])
            del name
        values = np.concatenate(shown) if shown else np.array([])
        low, high = self._y_bounds(values)
        self.plot.setYRange(low, high, padding=0)

    def _y_bounds(self, visible: np.ndarray) -> tuple[float, float]:
        if not len(visible):
            return 0.0, 1.0
        lo, hi = float(visible.min()), float(visible.max())
        pad = max((hi - lo) * 0.1, 1.0)
        return lo - pad, hi + pad

    # -- hover -------------------------------------------------------------------
    def _tip(self, x: float, y: float, data: object) -> str:
        index = int(data) if isinstance(data, (int, np.integer)) else -1
        if 0 <= index < len(self._records):
            return self.describe(self._records[index])
        return self.tr("Average of several readings: {value}").format(value=f"{y:.0f}")

    def describe(self, record: Record) -> str:
        """The hover text for one record (overridden per kind)."""
        return ""


class BpChart(TimeChart):
    """Systolic and diastolic lines, morning ● / evening ○ markers, weekly means,
    dashed reference lines at the home threshold 135/85 and the JSH2025 target 125/75."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, y_label="mmHg")

    def set_data(self, records: Sequence[BloodPressure], today: dt.date) -> None:
        self.clear_data()
        self._today = today
        self._records = records
        if records:
            xs = np.array([day_x(r.measured_at) for r in records], dtype=float)
            sys_ = np.array([r.systolic for r in records], dtype=float)
            dia = np.array([r.diastolic for r in records], dtype=float)
            slots = np.array([r.slot.value for r in records])
            index = np.arange(len(records))
            self.add_legend("━", SYSTOLIC, self.tr("Systolic"))
            self.add_legend("━", DIASTOLIC, self.tr("Diastolic"))
            self._line("systolic", xs, sys_, color=SYSTOLIC, width=1.0)
            self._line("diastolic", xs, dia, color=DIASTOLIC, width=1.0)
            for slot, filled, symbol, glyph, label in (
                (Slot.MORNING, True, "o", "●", self.tr("Morning")),
                (Slot.EVENING, False, "o", "○", self.tr("Evening")),
                (Slot.OTHER, False, "d", "◇", self.tr("Other time")),
            ):
                mask = slots == slot.value
                if not mask.any():
                    continue
                self._scatter(f"systolic_{slot.value}", xs[mask], sys_[mask], index[mask],
                              color=SYSTOLIC, filled=filled, symbol=symbol)
                self._scatter(f"diastolic_{slot.value}", xs[mask], dia[mask], index[mask],
                              color=DIASTOLIC, filled=filled, symbol=symbol)
                self.add_legend(glyph, AVERAGE, label)
            wx, wsys = weekly_means(xs, sys_)
            _, wdia = weekly_means(xs, dia)
            self._line("systolic_weekly", wx, wsys, color=SYSTOLIC, width=3.0, summary=True)
            self._line("diastolic_weekly", wx, wdia, color=DIASTOLIC, width=3.0, summary=True)
            self.add_legend("▬", AVERAGE, self.tr("Thick lines: weekly mean"))
        self._reference(HOME_THRESHOLD[0], HOME_LIMIT,
                        self.tr("Home BP threshold {sys}/{dia}").format(
                            sys=HOME_THRESHOLD[0], dia=HOME_THRESHOLD[1]))
        self._reference(HOME_THRESHOLD[1], HOME_LIMIT, None)
        self._reference(HOME_TARGET[0], TARGET,
                        self.tr("Target {sys}/{dia} (JSH2025)").format(
                            sys=HOME_TARGET[0], dia=HOME_TARGET[1]))
        self._reference(HOME_TARGET[1], TARGET, None)
        self.set_range(self._range_key)

    def _y_bounds(self, visible: np.ndarray) -> tuple[float, float]:
        lo = min(float(visible.min()) if len(visible) else 70.0, HOME_TARGET[1] - 5)
        hi = max(float(visible.max()) if len(visible) else 140.0, HOME_THRESHOLD[0] + 5)
        return lo - 8, hi + 8

    def describe(self, record: Record) -> str:
        assert isinstance(record, BloodPressure)
        lines = [formatting.format_datetime(record.measured_at),
                 self.tr("{sys}/{dia} mmHg").format(sys=record.systolic, dia=record.diastolic)]
        if record.pulse is not None:
            lines.append(self.tr("Pulse {pulse} /min").format(pulse=record.pulse))
        lines.append(provenance_word(record.provenance))
        return "\n".join(lines)


class WeightChart(TimeChart):
    """Daily weight points and the 7-day moving average."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, y_label="kg")

    def set_data(self, records: Sequence[Weight], today: dt.date) -> None:
        self.clear_data()
        self._today = today
        self._records = records
        if records:
            xs = np.array([day_x(r.measured_at) for r in records], dtype=float)
            kg = np.array([r.kg for r in records], dtype=float)
            self._scatter("weight", xs, kg, np.arange(len(records)), color=WEIGHT, filled=True,
                          size=6, label=self.tr("Weight"))
            mx, my = moving_average(xs, kg)
            self._line("weight_7d", mx, my, color=AVERAGE, width=2.5,
                       label=self.tr("7-day average"), summary=True)
        self.set_range(self._range_key)

    def describe(self, record: Record) -> str:
        assert isinstance(record, Weight)
        lines = [formatting.format_datetime(record.measured_at),
                 self.tr("{kg} kg").format(kg=formatting.format_kg(record.kg))]
        if record.body_fat_percent is not None:
            lines.append(self.tr("Body fat {pct} %").format(pct=f"{record.body_fat_percent:.1f}"))
        lines.append(provenance_word(record.provenance))
        return "\n".join(lines)


class StepsChart(TimeChart):
    """Daily bars coloured (and labelled) by whether the target was met, weekly means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, y_label="")
        self.plot.setLabel("left", self.tr("steps"))
        self._target = 8000
        self._bars: list[tuple[pg.BarGraphItem, np.ndarray, np.ndarray]] = []

    def clear_data(self) -> None:
        super().clear_data()
        self._bars = []

    def set_data(self, records: Sequence[Steps], today: dt.date, target: int) -> None:
        """``records``: the primary record of each day."""
        self.clear_data()
        self._today = today
        self._target = target
        self._records = records
        if records:
            xs = np.array([day_x(r.date) + 0.5 for r in records], dtype=float)
            steps = np.array([r.steps for r in records], dtype=float)
            met = steps >= target
            for name, mask, color, label in (
                ("steps_met", met, STEPS_MET, self.tr("Target met")),
                ("steps_unmet", ~met, STEPS_UNMET, self.tr("Below target")),
            ):
                bars = pg.BarGraphItem(x=xs[mask], height=steps[mask], width=0.8,
                                       brush=pg.mkBrush(color), pen=pg.mkPen(None))
                self.plot.addItem(bars)
                self.add_legend("■", color, label)
                self._bars.append((bars, xs[mask], steps[mask]))
                self._series[name] = (xs[mask], steps[mask])
            # Invisible markers on the bar tops carry the hover text.
            self._scatter("steps_hover", xs, steps, np.arange(len(records)), color="#00000000",
                          filled=False, size=12)
            self._markers[-1].item.setPen(pg.mkPen(None))
            self._markers[-1].item.setBrush(pg.mkBrush(0, 0, 0, 0))
            wx, wy = weekly_means(xs, steps)
            self._line("steps_weekly", wx, wy, color=AVERAGE, width=2.5,
                       label=self.tr("Weekly average"), summary=True)
        self._reference(target, TARGET, self.tr("Target {steps} steps").format(
            steps=formatting.format_int(target)))
        self.set_range(self._range_key)

    def _y_bounds(self, visible: np.ndarray) -> tuple[float, float]:
        hi = max(float(visible.max()) if len(visible) else 0.0, float(self._target))
        return 0.0, hi * 1.12

    def describe(self, record: Record) -> str:
        assert isinstance(record, Steps)
        met = record.steps >= self._target
        return "\n".join([
            formatting.format_date(record.date),
            self.tr("{steps} steps").format(steps=formatting.format_int(record.steps)),
            self.tr("Target met") if met else self.tr("Below target"),
        ])


ChartFactory = Callable[[QWidget | None], TimeChart]


# -- checkup item history -------------------------------------------------------------

GUIDANCE_BAND = (240, 160, 40, 55)  # RGBA fills behind the points
REFERRAL_BAND = (200, 60, 50, 50)
CHECKUP_POINT = "#2f5d8a"
LAB_POINT = "#7a4fa0"  # lab values between checkups: hollow purple diamonds
OPEN_END = 1e6  # an open-ended band (≥ 140) runs this far; the y range never shows it


@dataclass(frozen=True)
class Band:
    """A shaded y band (e.g. 保健指導判定値 ≤ y < 受診勧奨判定値) and its legend words."""

    low: float
    high: float
    fill: tuple[int, int, int, int]
    color: str  # legend glyph colour
    label: str


class CheckupItemChart(TimeChart):
    """One checkup item across exams: one point per exam, threshold bands shaded.

    Lab values measured between checkups (same item, same unit) are a second series:
    hollow diamonds, not joined to the exams' line, with their own legend entry, so a
    clinic's HbA1c never passes for a checkup result.

    The range buttons of the vitals pages do not apply: the x range always spans the
    exams shown (at least four months, so one exam is not drawn on the frame)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, y_label="")
        self.plot.setMouseEnabled(x=False, y=False)
        self._tips: list[str] = []
        self._edges: list[float] = []
        self._bands: list[pg.LinearRegionItem] = []

    def clear_data(self) -> None:
        super().clear_data()
        self._tips = []
        self._edges = []
        self._bands = []
        self.plot.getAxis("left").setTicks(None)

    def set_data(self, points: Sequence[tuple[dt.date, float, str]], bands: Sequence[Band], *,
                 unit: str, y_ticks: list[tuple[float, str]] | None = None,
                 labs: Sequence[tuple[dt.date, float, str]] = (),
                 checkup_label: str | None = None, lab_label: str | None = None) -> None:
        """``points``: (exam date, value, hover text), oldest first; ``labs`` the same for
        lab values between checkups (already in ``unit``: the chart converts nothing)."""
        self.clear_data()
        self.plot.setLabel("left", unit)
        for band in bands:
            region = pg.LinearRegionItem(values=(band.low, band.high),
                                         orientation="horizontal", movable=False,
                                         brush=pg.mkBrush(*band.fill), pen=pg.mkPen(None))
            region.setZValue(-10)
            self.plot.addItem(region, ignoreBounds=True)
            self._bands.append(region)
            self.add_legend("■", band.color, band.label)
            self._edges.extend(e for e in (band.low, band.high) if abs(e) < OPEN_END / 2)
        if y_ticks is not None:
            self.plot.getAxis("left").setTicks([y_ticks])
        if points:
            xs = np.array([day_x(d) + 0.5 for d, _y, _t in points], dtype=float)
            ys = np.array([y for _d, y, _t in points], dtype=float)
            self._tips = [t for _d, _y, t in points]
            if len(points) > 1:
                self._line("value_line", xs, ys, color=CHECKUP_POINT, width=1.6)
            self._scatter("value", xs, ys, np.arange(len(points)), color=CHECKUP_POINT,
                          filled=True, size=10)
            self.add_legend("●", CHECKUP_POINT,
                            checkup_label or self.tr("Your value at each exam"))
        if labs:
            xs = np.array([day_x(d) + 0.5 for d, _y, _t in labs], dtype=float)
            ys = np.array([y for _d, y, _t in labs], dtype=float)
            first = len(self._tips)  # hover indexes continue after the exams'
            self._tips.extend(t for _d, _y, t in labs)
            self._scatter("lab", xs, ys, np.arange(first, first + len(labs)),
                          color=LAB_POINT, filled=False, symbol="d", size=11)
            self.add_legend("◇", LAB_POINT, lab_label or self.tr("Lab tests (not checkups)"))
        if points or labs:
            self._today = max([d for d, _y, _t in points] + [d for d, _y, _t in labs])
        self.set_range("all")

    def set_range(self, key: str) -> None:
        bounds = self._data_x_bounds()
        if bounds is None:
            end = self._today.toordinal() + 1.0
            start = end - 365
        else:
            start, end = bounds
            pad = max(60.0, (end - start) * 0.12)
            start, end = start - pad, end + pad
        self._range_key = key
        self.plot.setXRange(start, end, padding=0)
        self._refresh_visible()

    def _refresh_visible(self) -> None:
        """Few points: always every point at full size; y fits the points and the bands."""
        shown = []
        for markers in self._markers:
            markers.item.setData(x=markers.xs, y=markers.ys, data=markers.index,
                                 size=markers.size)
            shown.append(markers.ys)
        values = np.concatenate(shown) if shown else np.array([])
        low, high = self._y_bounds(values)
        self.plot.setYRange(low, high, padding=0)

    def _y_bounds(self, visible: np.ndarray) -> tuple[float, float]:
        values = [float(v) for v in visible] + self._edges
        if not values:
            return 0.0, 1.0
        lo, hi = min(values), max(values)
        pad = max((hi - lo) * 0.15, 1.0)
        return max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad

    def _tip(self, x: float, y: float, data: object) -> str:
        index = int(data) if isinstance(data, (int, np.integer)) else -1
        return self._tips[index] if 0 <= index < len(self._tips) else ""

    def band_count(self) -> int:
        return len(self._bands)

    def lab_count(self) -> int:
        """Lab values drawn (the second series)."""
        series = self._series.get("lab")
        return 0 if series is None else len(series[0])

    def tips(self) -> list[str]:
        """Every point's hover text, exams first (tests)."""
        return list(self._tips)
