"""Lay out and draw the doctor's pages (UX.md "The doctor's view") with QPainter.

Page 1 answers "who, which period, from where" and the things a doctor with five
minutes needs: home BP (morning / evening averages, class, days), a 4-week BP chart,
weight and steps, current medicines, allergies, the latest checkup's key values and
the patient's notes. Page 2 holds details and longer charts. Blocks flow top to bottom;
a block that does not fit moves to the next page, and one that fits on neither page
is left out with a line saying so, so the report is always 1–2 pages.

Everything is drawn in points (1/72 in) through :class:`Canvas`, which converts to the
device's resolution: the same code paints the PDF (QPdfWriter, vector) and preview
images (QImage). Every class and flag has a word and a glyph as well as a colour
(UX principle 2), and a missing section says so in words, never blank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from phrapp.domain.records import AllergyKind, Sex
from phrapp.domain.risk import home_bp
from phrapp.domain.risk.home_bp import Occasion, SlotAverage
from phrapp.domain.time import Slot
from phrapp.ui import formatting, words
from phrapp.ui.palette import GREY, GUIDANCE_COLOR, REFERRAL_COLOR, bp_style
from phrapp.ui.qt import (
    QBuffer,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QIODevice,
    QLineF,
    QMarginsF,
    QObject,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPointF,
    QRectF,
    Qt,
)
from phrapp.ui.report.model import CheckupSummary, KeyValue, ReportModel

PAGE_W: Final = 595.28  # A4 in points
PAGE_H: Final = 841.89
MARGIN: Final = 34.0
FOOTER_H: Final = 30.0
GAP: Final = 7.0
MAX_PAGES: Final = 2
PDF_DPI: Final = 720  # 1 device unit = 0.1 pt: fine enough for text and lines

TEXT: Final = "#1f2933"
MUTED: Final = "#52606d"
RULE: Final = "#c5ccd3"
PANEL: Final = "#f3f5f7"
MORNING: Final = "#1f5fa8"
EVENING: Final = "#8a3ffc"
REFERENCE: Final = "#b03a2e"
TARGET: Final = "#3c8d40"
FLAG_STYLE: Final = {"受診勧奨": ("◆", REFERRAL_COLOR), "保健指導": ("▲", GUIDANCE_COLOR)}

_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_WRAP = int(Qt.TextFlag.TextWordWrap)


# --------------------------------------------------------------------------- canvas


class Canvas:
    """A painter in points: ``k`` device units per point, fonts by point size."""

    def __init__(self, painter: QPainter, family: str) -> None:
        self.p = painter
        self.family = family
        device = painter.device()
        self.k = device.logicalDpiY() / 72.0
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False) -> QFont:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.family)
            font.setPointSizeF(size)
            font.setBold(bold)
            # Layout must not depend on hinting at the device size (PDF vs preview).
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[key] = font
        return font

    def _metrics(self, size: float, bold: bool) -> QFontMetricsF:
        return QFontMetricsF(self.font(size, bold), self.p.device())

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def width(self, text: str, size: float = 9, bold: bool = False) -> float:
        return self._metrics(size, bold).horizontalAdvance(text) / self.k

    def height(self, text: str, w: float, size: float = 9, bold: bool = False) -> float:
        """Height of ``text`` wrapped to ``w`` points."""
        if not text:
            return 0.0
        box = self._metrics(size, bold).boundingRect(
            QRectF(0, 0, w * self.k, 1e7), _LEFT_TOP | _WRAP, text)
        return box.height() / self.k

    def line_height(self, size: float = 9) -> float:
        return self._metrics(size, False).height() / self.k

    def elide(self, text: str, w: float, size: float = 9, bold: bool = False) -> str:
        return self._metrics(size, bold).elidedText(text, Qt.TextElideMode.ElideRight,
                                                    w * self.k)

    def text(self, x: float, y: float, w: float, text: str, *, size: float = 9,
             bold: bool = False, color: str = TEXT, align: str = "left",
             wrap: bool = True) -> float:
        """Draw ``text`` with its top-left at (x, y) in a ``w``-wide box; returns the height."""
        h = self.height(text, w, size, bold) if wrap else self.line_height(size)
        flags = {"left": int(Qt.AlignmentFlag.AlignLeft),
                 "right": int(Qt.AlignmentFlag.AlignRight),
                 "center": int(Qt.AlignmentFlag.AlignHCenter)}[align]
        flags |= int(Qt.AlignmentFlag.AlignTop) | (_WRAP if wrap else 0)
        self.p.setFont(self.font(size, bold))
        self.p.setPen(QColor(color))
        self.p.drawText(self.r(x, y, w, h + 2), flags, text)
        return h

    def pen(self, color: str, width: float = 0.6, dash: bool = False,
            dot: bool = False) -> QPen:
        pen = QPen(QColor(color))
        pen.setWidthF(width * self.k)
        if dash:
            pen.setDashPattern([5.0, 3.0])
        elif dot:
            pen.setDashPattern([1.0, 2.5])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = RULE,
             width: float = 0.6, dash: bool = False, dot: bool = False) -> None:
        self.p.setPen(self.pen(color, width, dash, dot))
        self.p.drawLine(QLineF(x1 * self.k, y1 * self.k, x2 * self.k, y2 * self.k))

    def rect(self, x: float, y: float, w: float, h: float, *, fill: str | None = None,
             stroke: str | None = None, width: float = 0.6, radius: float = 0.0) -> None:
        self.p.setPen(self.pen(stroke, width) if stroke else Qt.PenStyle.NoPen)
        self.p.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        if radius:
            self.p.drawRoundedRect(self.r(x, y, w, h), radius * self.k, radius * self.k)
        else:
            self.p.drawRect(self.r(x, y, w, h))
        self.p.setBrush(Qt.BrushStyle.NoBrush)

    def polyline(self, points: Sequence[tuple[float, float]], pen: QPen) -> None:
        if len(points) < 2:
            return
        path = QPainterPath(QPointF(points[0][0] * self.k, points[0][1] * self.k))
        for x, y in points[1:]:
            path.lineTo(x * self.k, y * self.k)
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)

    def marker(self, x: float, y: float, radius: float, color: str, filled: bool) -> None:
        self.p.setPen(self.pen(color, 0.8))
        self.p.setBrush(QColor(color) if filled else QColor("white"))
        self.p.drawEllipse(QPointF(x * self.k, y * self.k), radius * self.k, radius * self.k)
        self.p.setBrush(Qt.BrushStyle.NoBrush)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Block:
    """A piece of a page: its height for a width, and how to draw it at (x, y)."""

    name: str
    height: Callable[[Canvas, float], float]
    draw: Callable[[Canvas, float, float, float], None]
    details: bool = False  # page-2 material: starts on page 2


@dataclass(frozen=True)
class Placed:
    block: Block
    y: float


def layout(canvas: Canvas, blocks: Sequence[Block]) -> tuple[list[list[Placed]], list[Block]]:
    """Flow blocks onto at most :data:`MAX_PAGES` pages; returns pages and left-out blocks."""
    width = PAGE_W - 2 * MARGIN
    bottom = PAGE_H - MARGIN - FOOTER_H
    pages: list[list[Placed]] = [[]]
    y = MARGIN
    omitted: list[Block] = []
    for block in blocks:
        h = block.height(canvas, width)
        if block.details and len(pages) == 1 and pages[0]:
            pages.append([])  # details start on page 2 (UX: "Page 2: details")
            y = MARGIN
        if y + h > bottom and pages[-1]:
            if len(pages) >= MAX_PAGES:
                omitted.append(block)
                continue
            pages.append([])
            y = MARGIN
        if y + h > bottom:
            omitted.append(block)
            continue
        pages[-1].append(Placed(block, y))
        y += h + GAP
    return pages, omitted


# --------------------------------------------------------------------------- report


class PdfReport(QObject):
    """The doctor's report for one :class:`ReportModel` (words via ``self.tr``)."""

    def __init__(self, model: ReportModel) -> None:
        super().__init__()
        self.m = model

    # -- words ------------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        return formatting.format_date(day)

    def short(self, day: dt.date) -> str:
        return formatting.format_short_date(day)



    def source_word(self, label: str) -> str:
        return {
            "@manual": self.tr("entered by hand"), "@checkup": self.tr("checkup file"),
            "@import": self.tr("imported file"), "jahis-tc": self.tr("medication record (JAHIS)"),
            "apple-health": "Apple Health", "omron-connect": "OMRON connect",
        }.get(label, label)

    def key_label(self, key: str) -> str:
        return {
            "bp": self.tr("Blood pressure"), "bmi": "BMI", "waist": self.tr("Waist"),
            "hba1c": "HbA1c", "fpg": self.tr("Fasting glucose"),
            "random_glucose": self.tr("Non-fasting glucose"),
            "tg_fasting": self.tr("Triglycerides (fasting)"),
            "tg_random": self.tr("Triglycerides (non-fasting)"),
            "hdl": self.tr("HDL cholesterol"), "ldl": self.tr("LDL cholesterol"),
            "non_hdl": self.tr("Non-HDL cholesterol"), "ast": "AST", "alt": "ALT",
            "ggt": "γ-GT", "creatinine": self.tr("Creatinine"), "egfr": "eGFR",
            "uric_acid": self.tr("Uric acid"), "hb": self.tr("Haemoglobin"),
            "urine_protein": self.tr("Urine protein"), "urine_sugar": self.tr("Urine glucose"),
        }.get(key, key)

    def flag_word(self, flag: str) -> str:
        return {"受診勧奨": self.tr("Referral"), "保健指導": self.tr("Guidance")}.get(flag, flag)

    def sex_word(self) -> str:
        sex = self.m.profile.sex
        if sex is Sex.MALE:
            return self.tr("Male")
        if sex is Sex.FEMALE:
            return self.tr("Female")
        return self.tr("Sex not recorded")

    # -- blocks -----------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        out = [self._header(), self._home_bp(), self._bp_chart(), self._weight_steps(),
               self._medicines(), self._allergies(), self._checkup(), self._notes()]
        details = [self._long_bp_chart(), self._weight_chart(), self._steps_chart(),
                   self._checkup_compare(), self._immunizations()]
        return out + [b for b in details if b is not None]

    def _heading(self, c: Canvas, x: float, y: float, w: float, title: str,
                 aside: str = "") -> float:
        c.rect(x, y + 1, 3, 11, fill=MORNING)
        c.text(x + 7, y, w - 7, title, size=10.5, bold=True, wrap=False)
        if aside:
            tw = c.width(title, 10.5, True)
            c.text(x + 14 + tw, y + 2, w - 14 - tw, c.elide(aside, w - 14 - tw, 8),
                   size=8, color=MUTED, wrap=False)
        return 16.0

    def title(self) -> str:
        """The document title (PDF metadata and the page heading)."""
        return self.tr("Health record summary for the doctor")

    def _header(self) -> Block:
        m = self.m
        title = self.title()
        generated = self.tr("Made on {date} {time}").format(
            date=self.date(m.generated.date()), time=formatting.format_time(m.generated))
        birth = (self.tr("born {date} (age {age})").format(date=self.date(m.profile.birth_date),
                                                           age=m.age)
                 if m.profile.birth_date is not None else self.tr("birth date not recorded"))
        who = f"{m.profile.name}　{self.sex_word()}　{birth}"
        period = self.tr("Period: {start} – {end}").format(
            start=self.date(m.period_from) if m.period_from else "—", end=self.date(m.period_to))
        parts = []
        for line in m.sources:
            labels = "、".join(self.source_word(label) for label, _n in line.sources[:4])
            if len(line.sources) > 4:
                labels += self.tr(" and {n} more").format(n=len(line.sources) - 4)
            parts.append(self.tr("{kind} ({count}): {sources}").format(
                kind=words.kind_word(line.kind.value), count=line.count, sources=labels))
        sources = self.tr("Data sources: {list}").format(
            list=" / ".join(parts) if parts else self.tr("no records in this period"))

        def height(c: Canvas, w: float) -> float:
            return 22 + 16 + 13 + c.height(sources, w, 7.5) + 6

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            c.text(x, y, w * 0.65, title, size=15, bold=True, wrap=False)
            c.text(x + w * 0.55, y + 4, w * 0.45, generated, size=8, color=MUTED,
                   align="right", wrap=False)
            y += 22
            c.text(x, y, w, who, size=11, bold=True, wrap=False)
            y += 16
            c.text(x, y, w, period, size=9, wrap=False)
            y += 13
            y += c.text(x, y, w, sources, size=7.5, color=MUTED)
            c.line(x, y + 4, x + w, y + 4, color=TEXT, width=0.8)
        return Block("header", height, draw)

    def _slot_text(self, avg: SlotAverage) -> tuple[str, str]:
        if avg.sbp is not None and avg.dbp is not None:
            return (self.tr("{sys}/{dia} mmHg").format(sys=round(avg.sbp), dia=round(avg.dbp)),
                    self.tr("{days} days in the last 14").format(days=avg.days))
        return (self.tr("Not enough days"),
                self.tr("{days} of {need} days needed ({more} more)").format(
                    days=avg.days, need=home_bp.MIN_OCCASIONS, more=avg.needed))

    def _home_bp(self) -> Block:
        ev = self.m.home_bp
        aside = self.tr("{start} – {end}; per day the mean of the first two readings").format(
            start=self.date(ev.window_start), end=self.date(ev.as_of))
        if ev.category is not None:
            glyph, color = bp_style(ev.category)
            verdict = f"{glyph} {words.bp_class_word(ev.category)}"
            basis = self.tr("JSH2019 home BP class ({name}), the higher of morning and "
                            "evening.").format(name=ev.category)
        else:
            glyph, color = "?", GREY
            more = max(ev.morning.needed, ev.evening.needed)
            verdict = self.tr("? Not enough days to judge ({n} more days)").format(n=more)
            basis = self.tr("Each of morning and evening needs at least 5 days.")
        if ev.hypertension:
            basis += self.tr(" By the guideline's standard (home 135/85 mmHg or more) this "
                             "is in the range of high blood pressure.")
        elif ev.hypertension is False:
            basis += self.tr(" Below the home threshold of 135/85 mmHg.")
        no_data = self.m.bp_readings == 0

        def box_h(c: Canvas, w: float) -> float:
            return max(50.0, 22 + c.height(basis, w * 0.42 - 16, 7) + 4)

        def height(c: Canvas, w: float) -> float:
            if no_data:
                return 16 + 18
            return 16 + box_h(c, w)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Home blood pressure (last 14 days)"), aside)
            if no_data:
                c.text(x, y, w, self.tr("No records of home blood pressure."), size=9.5)
                return
            col = (w - 2 * 8) * 0.29  # the verdict box gets the rest: its words wrap
            bh = box_h(c, w)
            for i, (word, avg, slot_color) in enumerate(
                    ((self.tr("Morning average"), ev.morning, MORNING),
                     (self.tr("Evening average"), ev.evening, EVENING))):
                bx = x + i * (col + 8)
                c.rect(bx, y, col, bh, fill=PANEL, radius=3)
                c.text(bx + 8, y + 5, col - 16, ("● " if i == 0 else "○ ") + word, size=8.5,
                       color=slot_color, wrap=False)
                main, sub = self._slot_text(avg)
                c.text(bx + 8, y + 17, col - 16, main, size=14, bold=True, wrap=False)
                c.text(bx + 8, y + 38, col - 16, sub, size=8, color=MUTED, wrap=False)
            bx = x + 2 * (col + 8)
            col = x + w - bx
            c.rect(bx, y, col, bh, stroke=color, width=1.0, radius=3)
            c.text(bx + 8, y + 5, col - 16, c.elide(verdict, col - 16, 10.5, True), size=10.5,
                   bold=True, color=color, wrap=False)
            c.text(bx + 8, y + 20, col - 16, basis, size=7, color=MUTED)
        return Block("home-bp", height, draw)

    def _bp_chart(self) -> Block:
        m = self.m
        has = any(m.chart[s] for s in (Slot.MORNING, Slot.EVENING))

        def height(c: Canvas, w: float) -> float:
            return 16 + (128 if has else 18)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Blood pressure, last 4 weeks"),
                               self.tr("{start} – {end}").format(start=self.date(m.chart_start),
                                                                 end=self.date(m.as_of)))
            if not has:
                c.text(x, y, w, self.tr("No morning or evening readings in these 4 weeks."),
                       size=9.5)
                return
            self._draw_bp_chart(c, x, y, w, 128, m.chart, m.chart_start, m.as_of, 2.1)
        return Block("bp-chart", height, draw)

    def _draw_legend(self, c: Canvas, x: float, y: float, items: list[tuple[str, str, str]]) -> None:
        """``(kind, colour, word)`` items: kind is filled / open / dash / bar / bar-open."""
        for kind, color, word in items:
            if kind in ("filled", "open"):
                c.marker(x + 4, y + 5, 2.4, color, kind == "filled")
            elif kind in ("bar", "bar-open"):
                c.rect(x + 1, y + 1.5, 7, 7, fill=color if kind == "bar" else None,
                       stroke=color)
            else:
                c.line(x, y + 5, x + 12, y + 5, color=color, width=1.0, dash=kind == "dash",
                       dot=kind == "dot")
            tw = c.width(word, 7.5)
            c.text(x + 15, y, tw + 4, word, size=7.5, color=MUTED, wrap=False)
            x += 15 + tw + 12

    def _draw_bp_chart(self, c: Canvas, x: float, y: float, w: float, h: float,
                       series: dict[Slot, tuple[Occasion, ...]], start: dt.date,
                       end: dt.date, radius: float) -> None:
        self._draw_legend(c, x + 28, y, [
            ("filled", MORNING, self.tr("Morning (upper: systolic, lower: diastolic)")),
            ("open", EVENING, self.tr("Evening")),
            ("dash", REFERENCE, self.tr("Home threshold 135/85")),
            ("dot", TARGET, self.tr("Target 125/75")),
        ])
        top, left, right, bottom = y + 14, x + 28, x + w - 30, y + h - 14
        values = [float(v) for occ in series.values() for o in occ for v in (o.sbp, o.dbp)]
        lo = min([60.0] + [v - 5 for v in values])
        hi = max([160.0] + [v + 5 for v in values])
        lo, hi = 20 * int(lo // 20), 20 * (int(hi // 20) + (0 if hi % 20 == 0 else 1))
        n_days = (end - start).days + 1

        def ypos(v: float) -> float:
            return bottom - (v - lo) / (hi - lo) * (bottom - top)

        def xpos(day: dt.date, slot: Slot) -> float:
            offset = 0.35 if slot is Slot.MORNING else 0.65
            return left + ((day - start).days + offset) / n_days * (right - left)

        c.rect(left, top, right - left, bottom - top, stroke=RULE)
        for v in range(lo, hi + 1, 20):
            c.line(left, ypos(v), right, ypos(v), color="#e4e7eb", width=0.4)
            c.text(x, ypos(v) - 4.5, 24, str(v), size=7, color=MUTED, align="right", wrap=False)
        step = 7 if n_days <= 35 else 14
        for i in range(0, n_days, step):
            day = start + dt.timedelta(days=i)
            gx = left + i / n_days * (right - left)
            c.line(gx, top, gx, bottom, color="#e4e7eb", width=0.4)
            c.text(gx - 20, bottom + 2, 40, self.short(day), size=7, color=MUTED,
                   align="center", wrap=False)
        c.text(right - 40, bottom + 2, 40, self.short(end), size=7, color=MUTED,
               align="right", wrap=False)
        for value, color, dot in ((135, REFERENCE, False), (85, REFERENCE, False),
                                  (125, TARGET, True), (75, TARGET, True)):
            if lo < value < hi:
                c.line(left, ypos(value), right, ypos(value), color=color, width=0.8,
                       dash=not dot, dot=dot)
                c.text(right + 3, ypos(value) - 4.5, 28, str(value), size=7, color=color,
                       wrap=False)
        c.text(x, top - 12, 30, "mmHg", size=6.5, color=MUTED, wrap=False)
        for slot, color in ((Slot.MORNING, MORNING), (Slot.EVENING, EVENING)):
            occ = series.get(slot, ())
            for attr in ("sbp", "dbp"):
                segments: list[list[tuple[float, float]]] = []
                previous: dt.date | None = None
                for o in occ:
                    point = (xpos(o.date, slot), ypos(float(getattr(o, attr))))
                    if previous is None or (o.date - previous).days > 2:
                        segments.append([])  # a gap of more than 2 days breaks the line
                    segments[-1].append(point)
                    previous = o.date
                pen = c.pen(color, 0.9, dash=slot is Slot.EVENING)
                for segment in segments:
                    c.polyline(segment, pen)
                for o in occ:
                    c.marker(xpos(o.date, slot), ypos(float(getattr(o, attr))), radius, color,
                             slot is Slot.MORNING)

    def _weight_steps(self) -> Block:
        m = self.m
        wt, st = m.weight, m.steps
        w_lines: list[str] = []
        if wt.latest is not None:
            w_lines.append(self.tr("Latest: {kg} kg ({date})").format(
                kg=formatting.format_kg(wt.latest.kg), date=self.date(wt.latest.measured_at.date())))
            w_lines.append(self.tr("7-day average: {kg}").format(
                kg=self.tr("{kg} kg").format(kg=formatting.format_kg(float(wt.avg_7d)))
                if wt.avg_7d is not None else self.tr("no records in the last 7 days")))
            w_lines.append(self.tr("Trend (4 weeks): {slope}").format(
                slope=self.tr("{v} kg per week").format(v=f"{float(wt.slope_per_week):+.2f}")
                if wt.slope_per_week is not None else self.tr("not enough records")))
        else:
            w_lines.append(self.tr("No records"))
        s_lines: list[str] = []
        if st.avg_7d is not None:
            s_lines.append(self.tr("7-day average: {n} steps").format(
                n=formatting.format_int(float(st.avg_7d))))
            if st.target is not None:
                met = st.avg_7d >= st.target
                s_lines.append(self.tr("Target {target} steps: {verdict}").format(
                    target=formatting.format_int(st.target),
                    verdict=self.tr("● met") if met else self.tr("▲ not met")))
                s_lines.append(self.tr("Reached on {met} of {days} days {source}").format(
                    met=st.days_met_7d, days=st.days_with_data_7d,
                    source=self.tr("(target from the user's settings)")
                    if st.target_from_settings
                    else self.tr("(target: Health Japan 21, by age)")))
            else:
                s_lines.append(self.tr("No step target for this age"))
        else:
            s_lines.append(self.tr("No records in the last 7 days"))

        def height(c: Canvas, w: float) -> float:
            return 16 + 12 * max(len(w_lines), len(s_lines)) + 4

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            half = (w - 12) / 2
            for i, (title, lines) in enumerate(((self.tr("Weight"), w_lines),
                                                (self.tr("Steps (main source per day)"),
                                                 s_lines))):
                bx = x + i * (half + 12)
                yy = y + self._heading(c, bx, y, half, title)
                for line in lines:
                    c.text(bx + 7, yy, half - 7, c.elide(line, half - 7, 9), size=9, wrap=False)
                    yy += 12
        return Block("weight-steps", height, draw)

    def _medicines(self) -> Block:
        m = self.m
        max_lines = 10
        lines = list(m.medicines[:max_lines])
        rest = len(m.medicines) - len(lines)
        aside = self.tr("as of {date}, from the dispensing records").format(date=self.date(m.as_of))
        warnings = [self.tr("⚠ The same ingredient (YJ {code}) is current from {n} "
                            "prescribers: {names}").format(
            code=d.ingredient, n=len(d.prescribers),
            names="、".join(p or self.tr("unknown") for p in d.prescribers))
            for d in m.duplicates]
        row_h = 23.5

        def height(c: Canvas, w: float) -> float:
            if not lines:
                return 16 + 14
            return 16 + 13 + row_h * len(lines) + (12 if rest else 0) + 12 * len(warnings)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Current medicines"), aside)
            if not lines:
                text = (self.tr("No medicine current on this date (medication records: {n}).")
                        .format(n=m.medication_records) if m.medication_records
                        else self.tr("No records of medicines."))
                c.text(x + 7, y, w - 7, text, size=9.5)
                return
            cols = (x + 7, x + 7 + w * 0.42, x + 7 + w * 0.68)
            widths = (w * 0.42 - 6, w * 0.26 - 6, w * 0.32 - 13)
            for cx, cw, word in zip(cols, widths, (self.tr("Medicine"), self.tr("Directions"),
                                                   self.tr("Prescribed by")), strict=True):
                c.text(cx, y, cw, word, size=7.5, color=MUTED, wrap=False)
            y += 11
            c.line(x + 7, y, x + w, y)
            y += 2
            for line in lines:
                drug, record = line.drug, line.record
                dose = ""
                if drug.dose is not None:
                    dose = f"{drug.dose:g}{drug.unit or ''}"
                directions = "　".join(p for p in (drug.usage, dose) if p) or "—"
                who = " ".join(p for p in (record.prescriber_institution, record.doctor) if p) \
                    or self.tr("unknown")
                supply = self.tr("dispensed {date}").format(date=self.short(record.dispensed_on))
                if drug.quantity is not None and drug.quantity_unit:
                    supply += f"・{drug.quantity:g}{drug.quantity_unit}"
                c.text(cols[0], y, widths[0], c.elide(drug.name, widths[0], 9), size=9,
                       wrap=False)
                c.text(cols[0], y + 12, widths[0], supply, size=7, color=MUTED, wrap=False)
                c.text(cols[1], y, widths[1], c.elide(directions, widths[1], 8.5), size=8.5,
                       wrap=False)
                c.text(cols[2], y, widths[2], c.elide(who, widths[2], 8.5), size=8.5, wrap=False)
                y += row_h
                c.line(x + 7, y - 2, x + w, y - 2, color="#e4e7eb", width=0.4)
            if rest:
                c.text(x + 7, y, w, self.tr("… and {n} more").format(n=rest), size=8,
                       color=MUTED, wrap=False)
                y += 12
            for warning in warnings:
                c.text(x + 7, y, w - 7, c.elide(warning, w - 7, 8.5, True), size=8.5, bold=True,
                       color=REFERENCE, wrap=False)
                y += 12
        return Block("medicines", height, draw)

    def _allergies(self) -> Block:
        items = self.m.allergies[:6]
        rest = len(self.m.allergies) - len(items)
        kinds = {AllergyKind.ALLERGY: self.tr("allergy"),
                 AllergyKind.ADVERSE_REACTION: self.tr("adverse reaction"),
                 AllergyKind.HISTORY: self.tr("history"), AllergyKind.OTHER: self.tr("other")}
        texts = []
        for a in items:
            when = self.tr(", noted {date}").format(date=self.date(a.recorded_on)) \
                if a.recorded_on else ""
            texts.append(f"・{a.text}（{kinds.get(a.kind, str(a.kind))}{when}）")
        if rest:
            texts.append(self.tr("… and {n} more").format(n=rest))
        if not texts:
            texts = [self.tr("No records (this does not mean there are none).")]

        def height(c: Canvas, w: float) -> float:
            return 16 + sum(c.height(t, w - 7, 9) for t in texts)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Allergies and adverse reactions"))
            for t in texts:
                y += c.text(x + 7, y, w - 7, t, size=9, color=TEXT if items else MUTED)
        return Block("allergies", height, draw)

    def _value_mark(self, v: KeyValue) -> tuple[str, str]:
        """The mark beside a value: judgement word + glyph, or the file's H/L."""
        parts: list[str] = []
        color = TEXT
        if v.flag in FLAG_STYLE:
            glyph, color = FLAG_STYLE[v.flag]
            parts.append(f"{glyph}{self.flag_word(v.flag)}")
            if v.reference_only:
                parts[-1] += self.tr(" (ref.)")
        if v.file_flag:
            parts.append(v.file_flag)
        return " ".join(parts), color

    def _checkup(self) -> Block:
        ck = self.m.checkup
        aside = ""
        if ck is not None:
            aside = self.date(ck.date) + (f"　{ck.institution}" if ck.institution else "")
        legend = self.tr("◆ at or above the referral threshold (受診勧奨判定値)　▲ at or above "
                         "the guidance threshold (保健指導判定値)　H/L: the checkup's own flag")
        row_h = 12.0

        def rows(summary: CheckupSummary) -> int:
            return (len(summary.values) + 1) // 2

        def height(c: Canvas, w: float) -> float:
            if ck is None:
                return 16 + 14
            if not ck.values:
                return 16 + 14
            return 16 + rows(ck) * row_h + 4 + c.height(legend, w - 7, 7)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Latest checkup: key values"), aside)
            if ck is None:
                c.text(x + 7, y, w - 7, self.tr("No checkup results recorded."), size=9.5,
                       color=MUTED)
                return
            if not ck.values:
                c.text(x + 7, y, w - 7, self.tr("The checkup has none of the key values."),
                       size=9.5, color=MUTED)
                return
            half = (w - 7 - 14) / 2
            n = rows(ck)
            for i, v in enumerate(ck.values):
                cx = x + 7 + (i // n) * (half + 14)
                cy = y + (i % n) * row_h
                label = self.key_label(v.key) + (self.tr(" (calc.)") if v.computed else "")
                mark, color = self._value_mark(v)
                c.text(cx, cy, half * 0.42, c.elide(label, half * 0.42, 8.5), size=8.5,
                       wrap=False)
                value = f"{v.value} {v.unit}".strip()
                c.text(cx + half * 0.42, cy, half * 0.33, c.elide(value, half * 0.33, 8.5, True),
                       size=8.5, bold=bool(mark), wrap=False)
                c.text(cx + half * 0.75, cy, half * 0.25, c.elide(mark, half * 0.25, 7.5),
                       size=7.5, color=color, wrap=False)
                c.line(cx, cy + row_h - 1.5, cx + half, cy + row_h - 1.5, color="#eef0f2",
                       width=0.4)
            y += n * row_h + 4
            c.text(x + 7, y, w - 7, legend, size=7, color=MUTED)
        return Block("checkup", height, draw)

    def _notes(self) -> Block:
        note = self.m.note
        if len(note) > 1200:  # a box, not a letter: the rest would push page 2 off
            note = note[:1200] + "…"

        def height(c: Canvas, w: float) -> float:
            inner = c.height(note, w - 16, 9.5) if note else 24
            return 16 + max(inner, 24) + 10

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Notes for the doctor"))
            h = height(c, w) - 16
            c.rect(x, y, w, h, stroke=TEXT, width=0.8, radius=3)
            if note:
                c.text(x + 8, y + 6, w - 16, note, size=9.5)
            else:
                c.text(x + 8, y + 6, w - 16, self.tr("(nothing written — space for notes)"),
                       size=8, color=MUTED)
        return Block("notes", height, draw)

    # -- page 2 -----------------------------------------------------------------------

    def _long_bp_chart(self) -> Block | None:
        m = self.m
        if not any(m.long_chart[s] for s in (Slot.MORNING, Slot.EVENING)):
            return None

        def height(c: Canvas, w: float) -> float:
            return 16 + 150

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Blood pressure, last 12 weeks"),
                               self.tr("{start} – {end}").format(start=self.date(m.long_start),
                                                                 end=self.date(m.as_of)))
            self._draw_bp_chart(c, x, y, w, 150, m.long_chart, m.long_start, m.as_of, 1.2)
        return Block("bp-long", height, draw, details=True)

    def _weight_chart(self) -> Block | None:
        m = self.m
        daily = m.weight.daily
        if not daily:
            return None

        def height(c: Canvas, w: float) -> float:
            return 16 + 112

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Weight, last 12 weeks"),
                               self.tr("{start} – {end}").format(start=self.date(m.long_start),
                                                                 end=self.date(m.as_of)))
            self._draw_legend(c, x + 28, y, [("filled", GREY, self.tr("daily mean")),
                                             ("line", MORNING, self.tr("7-day average"))])
            top, left, right, bottom = y + 14, x + 28, x + w - 30, y + 112 - 14
            values = [float(v) for _d, v in daily] + [float(v) for _d, v in m.weight.moving]
            lo, hi = int(min(values)) - 1, int(max(values)) + 2
            span = max(hi - lo, 1)
            step = 1 if span <= 6 else (2 if span <= 12 else 5)
            start, n_days = m.long_start, (m.as_of - m.long_start).days + 1

            def pos(day: dt.date, v: Decimal) -> tuple[float, float]:
                return (left + ((day - start).days + 0.5) / n_days * (right - left),
                        bottom - (float(v) - lo) / span * (bottom - top))
            c.rect(left, top, right - left, bottom - top, stroke=RULE)
            for v in range(lo, hi + 1, step):
                yy = bottom - (v - lo) / span * (bottom - top)
                c.line(left, yy, right, yy, color="#e4e7eb", width=0.4)
                c.text(x, yy - 4.5, 24, str(v), size=7, color=MUTED, align="right", wrap=False)
            c.text(x, top - 12, 30, "kg", size=6.5, color=MUTED, wrap=False)
            self._x_ticks(c, left, right, bottom, start, n_days, 14)
            for day, v in daily:
                px, py = pos(day, v)
                c.marker(px, py, 1.3, GREY, True)
            c.polyline([pos(d, v) for d, v in m.weight.moving], c.pen(MORNING, 1.2))
        return Block("weight-chart", height, draw, details=True)

    def _x_ticks(self, c: Canvas, left: float, right: float, bottom: float, start: dt.date,
                 n_days: int, step: int) -> None:
        for i in range(0, n_days, step):
            gx = left + i / n_days * (right - left)
            c.line(gx, bottom, gx, bottom + 2, color=MUTED, width=0.4)
            c.text(gx - 20, bottom + 2, 40, self.short(start + dt.timedelta(days=i)), size=7,
                   color=MUTED, align="center", wrap=False)

    def _steps_chart(self) -> Block | None:
        st = self.m.steps
        if not any(d.steps is not None for d in st.days):
            return None

        def height(c: Canvas, w: float) -> float:
            return 16 + 100

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            m = self.m
            y += self._heading(c, x, y, w, self.tr("Steps, last 4 weeks"),
                               self.tr("{start} – {end}").format(start=self.date(m.chart_start),
                                                                 end=self.date(m.as_of)))
            legend = [("bar", TARGET, self.tr("target reached")),
                      ("bar-open", GREY, self.tr("below target"))]
            if st.target is not None:
                legend.append(("dash", REFERENCE, self.tr("target {n} steps").format(
                    n=formatting.format_int(st.target))))
            self._draw_legend(c, x + 34, y, legend)
            top, left, right, bottom = y + 14, x + 34, x + w - 30, y + 100 - 14
            peak = max([d.steps or 0 for d in st.days] + [int((st.target or 0) * 1.2), 1000])
            hi = 2000 * (peak // 2000 + 1)
            n_days = len(st.days)
            slot = (right - left) / n_days
            c.rect(left, top, right - left, bottom - top, stroke=RULE)
            for v in range(0, hi + 1, 4000 if hi > 12000 else 2000):
                yy = bottom - v / hi * (bottom - top)
                c.line(left, yy, right, yy, color="#e4e7eb", width=0.4)
                c.text(x, yy - 4.5, 30, formatting.format_int(v), size=7, color=MUTED,
                       align="right", wrap=False)
            for i, d in enumerate(st.days):
                if d.steps is None:
                    continue
                bh = d.steps / hi * (bottom - top)
                reached = st.target is not None and d.met
                c.rect(left + i * slot + slot * 0.15, bottom - bh, slot * 0.7, bh,
                       fill=TARGET if reached else None, stroke=TARGET if reached else GREY)
            if st.target is not None:
                ty = bottom - st.target / hi * (bottom - top)
                c.line(left, ty, right, ty, color=REFERENCE, width=0.8, dash=True)
            self._x_ticks(c, left, right, bottom, m.chart_start, n_days, 7)
        return Block("steps-chart", height, draw, details=True)

    def _checkup_compare(self) -> Block | None:
        ck = self.m.checkup
        if ck is None or ck.previous_date is None or not ck.values:
            return None
        row_h = 12.0

        def height(c: Canvas, w: float) -> float:
            return 16 + 13 + row_h * len(ck.values)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            assert ck is not None and ck.previous_date is not None
            y += self._heading(c, x, y, w, self.tr("Checkup: latest and previous"))
            cols = (x + 7, x + 7 + w * 0.30, x + 7 + w * 0.52, x + 7 + w * 0.74)
            heads = (self.tr("Item"), self.date(ck.date), self.tr("Mark"),
                     self.date(ck.previous_date))
            for cx, word in zip(cols, heads, strict=True):
                c.text(cx, y, w * 0.24, word, size=7.5, color=MUTED, wrap=False)
            y += 11
            c.line(x + 7, y, x + w, y)
            y += 2
            for v in ck.values:
                mark, color = self._value_mark(v)
                c.text(cols[0], y, w * 0.28, self.key_label(v.key), size=8.5, wrap=False)
                c.text(cols[1], y, w * 0.21, f"{v.value} {v.unit}".strip(), size=8.5,
                       wrap=False)
                c.text(cols[2], y, w * 0.21, mark, size=7.5, color=color, wrap=False)
                c.text(cols[3], y, w * 0.24, f"{v.previous} {v.unit}".strip()
                       if v.previous else "—", size=8.5, color=MUTED, wrap=False)
                y += row_h
        return Block("checkup-compare", height, draw, details=True)

    def _immunizations(self) -> Block | None:
        items = self.m.immunizations
        if not items:
            return None

        def height(c: Canvas, w: float) -> float:
            return 16 + 12 * len(items)

        def draw(c: Canvas, x: float, y: float, w: float) -> None:
            y += self._heading(c, x, y, w, self.tr("Vaccinations (latest)"))
            for i in items:
                dose = self.tr(" (dose {n})").format(n=i.dose_number) if i.dose_number else ""
                place = f"　{i.place}" if i.place else ""
                c.text(x + 7, y, w - 7, f"{self.date(i.date)}　{i.vaccine}{dose}{place}",
                       size=8.5, wrap=False)
                y += 12
        return Block("immunizations", height, draw, details=True)

    # -- pages ------------------------------------------------------------------------

    def footer(self, c: Canvas, page: int, pages: int, omitted: Sequence[Block]) -> None:
        y = PAGE_H - MARGIN - FOOTER_H + 6
        w = PAGE_W - 2 * MARGIN
        if omitted and page == pages:
            c.text(MARGIN, y - 12, w, self.tr("Left out for space: {n} section(s).").format(
                n=len(omitted)), size=7, color=MUTED, wrap=False)
        c.line(MARGIN, y, PAGE_W - MARGIN, y)
        disclaimer = self.tr("This is a summary of what the person recorded, not a diagnosis. "
                             "Classes apply the guidelines' thresholds for reference; please "
                             "judge clinically.")
        h = c.text(MARGIN, y + 3, w - 50, disclaimer, size=7, color=MUTED)
        c.text(PAGE_W - MARGIN - 50, y + 3, 50, f"{page} / {pages}", size=8.5, bold=True,
               align="right", wrap=False)
        c.text(MARGIN, y + 4 + h, w - 50, self.tr("Made with phrapp · {name}").format(
            name=self.m.profile.name), size=6.5, color=MUTED, wrap=False)

    def paint(self, painter: QPainter, family: str,
              new_page: Callable[[], None] | None = None) -> int:
        """Paint every page; ``new_page`` starts the next one (None: paint page 1 only).
        Returns the number of pages."""
        c = Canvas(painter, family)
        pages, omitted = layout(c, self.blocks())
        for index, placed in enumerate(pages):
            if index and new_page is not None:
                new_page()
            elif index:
                break
            for item in placed:
                item.block.draw(c, MARGIN, item.y, PAGE_W - 2 * MARGIN)
            self.footer(c, index + 1, len(pages), omitted)
        return len(pages)

    def page_count(self, painter: QPainter, family: str) -> int:
        pages, _omitted = layout(Canvas(painter, family), self.blocks())
        return len(pages)


# --------------------------------------------------------------------------- outputs


def render_pdf(model: ReportModel, family: str) -> bytes:
    """The report as PDF bytes (A4 portrait, vector, the font embedded by Qt)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    report = PdfReport(model)
    writer.setTitle(report.title())
    writer.setCreator("phrapp")
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        report.paint(painter, family, writer.newPage)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def render_images(model: ReportModel, family: str, dpi: int = 120) -> list[QImage]:
    """The same pages painted into images (previews, screenshots, tests)."""
    report = PdfReport(model)
    dots_per_metre = round(dpi / 0.0254)

    def blank() -> QImage:
        image = QImage(round(PAGE_W / 72 * dpi), round(PAGE_H / 72 * dpi),
                       QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("white"))
        return image

    probe = blank()
    painter = QPainter(probe)
    count = report.page_count(painter, family)
    painter.end()
    images: list[QImage] = []
    for page in range(count):
        image = blank()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        c = Canvas(painter, family)
        pages, omitted = layout(c, report.blocks())
        for item in pages[page]:
            item.block.draw(c, MARGIN, item.y, PAGE_W - 2 * MARGIN)
        report.footer(c, page + 1, len(pages), omitted)
        painter.end()
        images.append(image)
    return images
