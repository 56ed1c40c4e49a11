"""ダッシュボード: the first page after unlock (issue 7).

Cards: 家庭血圧 (JSH2019 class over 14 days), 体重, 歩数, 最新の健診, 10年リスク (久山町
スコア), 服用中のお薬 and リマインダー (受診勧奨 items of the latest checkup without a
follow-up visit recorded after it). Every card says its class in words + a glyph shape +
a colour and has a 「なぜ?」 button: inputs, period, rule, guideline and year, and what
is missing (UX.md). Everything is computed in one background Op (RiskService,
MedicationService, RecordService for the checkup, the answers and the visits).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Any

from phrapp.domain.goals import Goals, suggested_loss_percent
from phrapp.domain.records import (
    Checkup,
    FollowUpVisit,
    HealthBackground,
    Profile,
    RecordKind,
    Smoking,
)
from phrapp.domain.risk import hisayama, home_bp, tokutei
from phrapp.domain.risk import steps as steps_rules
from phrapp.domain.risk.common import Guideline
from phrapp.services.goals import GoalService, GoalStatus
from phrapp.services.medications import Duplicate, MedicationService
from phrapp.services.records import RecordService
from phrapp.services.risk import RiskService, latest_checkup
from phrapp.services.session import Session
from phrapp.services.trends import TrendService, window
from phrapp.ui import changes, formatting, words
from phrapp.ui.controller import AppController
from phrapp.ui.goals_dialog import GoalsDialog, save_goals
from phrapp.ui.health_dialogs import BackgroundDialog, VisitDialog
from phrapp.ui.operations import Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.palette import GREY, GUIDANCE_COLOR, NORMAL_COLOR, REFERRAL_COLOR, bp_style
from phrapp.ui.qt import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, plain_scroll, primary_button

MIN_OCCASIONS = 5  # home_bp: each of morning and evening needs ≥ 5 occasions


@dataclass(frozen=True)
class Reminder:
    """A 受診勧奨 item of the latest checkup with no visit recorded after it."""

    code: str
    name: str
    value: Any
    unit: str | None
    threshold: Any
    comparator: str
    last_visit: dt.date | None  # an earlier visit for the same item (before the exam)


@dataclass(frozen=True)
class DashboardPayload:
    """What the dashboard shows, computed off the GUI thread."""

    today: dt.date
    risk: dict[str, Any]
    morning_days: int
    evening_days: int
    checkup: Checkup | None
    background: HealthBackground | None
    medicines: int
    duplicates: list[Duplicate] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    visited: list[tuple[str, dt.date]] = field(default_factory=list)  # (name, date)
    goals: GoalStatus | None = None


def mark_html(glyph: str, color: str, word: str) -> str:
    """Word + glyph shape + colour (never colour alone)."""
    return (f'<span style="color:{color}; font-size:large">{glyph}</span> '
            f'<b>{html.escape(word)}</b>')


class DashboardCard(QFrame):
    """Heading, a class mark (glyph + word), a large value, details, なぜ? and actions."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(4)
        self.heading = QLabel(heading)
        self.heading.setObjectName("cardHeading")
        self.mark = QLabel("")
        self.mark.setTextFormat(Qt.TextFormat.RichText)
        self.mark.setWordWrap(True)
        self.average = QLabel("—")
        self.average.setObjectName("cardValue")
        self.average.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("cardCaption")
        self.detail.setWordWrap(True)
        for widget in (self.heading, self.mark, self.average, self.detail):
            layout.addWidget(widget)
        self.extra = QVBoxLayout()
        self.extra.setSpacing(6)
        layout.addLayout(self.extra)
        layout.addStretch(1)
        self.actions = QHBoxLayout()
        self.why_button = button(self.tr("Why?"))
        self.why_button.setToolTip(self.tr("Which values, period, rule and guideline were used"))
        self.actions.addWidget(self.why_button)
        self.actions.addStretch(1)
        layout.addLayout(self.actions)
        self.why_title = heading
        self.why_html = ""

    def add_action(self, widget: QWidget) -> None:
        self.actions.addWidget(widget)

    def clear(self) -> None:
        self.mark.setText("")
        self.average.setText("—")
        self.detail.setText("")
        self.why_html = ""
        self.why_button.setEnabled(False)


class WhyDialog(QDialog):
    """なぜ?: inputs, period, rule, guideline and year, what is missing."""

    def __init__(self, parent: QWidget | None, title: str, body: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why? {card}").format(card=title))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Why? {card}").format(card=title))
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        self.body = QLabel(body)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addStretch(1)
        close = primary_button(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)


class DashboardPage(Page):
    """A calm overview with a short disclaimer (information, not diagnosis)."""

    key = "dashboard"
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.CHECKUPS,
             RecordKind.BACKGROUND, RecordKind.VISITS, RecordKind.MEDICATIONS)

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        controller.settings_changed.connect(self.invalidate)
        self.payload: DashboardPayload | None = None
        self._pending: str | None = None  # an action asked for before the data was loaded
        self.dialog: QDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 8)
        outer.setSpacing(6)
        self.heading = QLabel(self.tr("Overview"))
        self.heading.setObjectName("pageTitle")
        outer.addWidget(self.heading)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("muted")
        outer.addWidget(self.subtitle)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setSpacing(12)
        self.bp_card = DashboardCard(self.tr("Home blood pressure"))
        self.weight_card = DashboardCard(self.tr("Weight"))
        self.steps_card = DashboardCard(self.tr("Steps"))
        self.checkup_card = DashboardCard(self.tr("Latest checkup"))
        self.risk_card = DashboardCard(self.tr("10-year risk"))
        self.meds_card = DashboardCard(self.tr("Medicines taken now"))
        self.reminder_card = DashboardCard(self.tr("Reminders"))
        self.cards = (self.bp_card, self.weight_card, self.steps_card, self.checkup_card,
                      self.risk_card, self.meds_card, self.reminder_card)
        links = ((self.bp_card, "bp", self.tr("Open blood pressure")),
                 (self.weight_card, "weight", self.tr("Open weight")),
                 (self.steps_card, "steps", self.tr("Open steps")),
                 (self.checkup_card, "checkups", self.tr("Open checkups")),
                 (self.meds_card, "medications", self.tr("Open medicines")))
        for card, key, text in links:
            if nav.has_page(key):
                link = button(text)
                link.clicked.connect(lambda _c=False, k=key: self.nav.go(k))
                card.add_action(link)
                card.link = link  # type: ignore[attr-defined]
        self.goals_button = button(self.tr("Goals…"))
        self.goals_button.clicked.connect(self.open_goals_dialog)
        self.weight_card.add_action(self.goals_button)
        self.background_button = button(self.tr("Health questions…"))
        self.background_button.clicked.connect(self.open_background_dialog)
        self.risk_card.add_action(self.background_button)
        for card in self.cards:
            card.why_button.clicked.connect(lambda _c=False, c=card: self.open_why(c))
        self.reminder_buttons: dict[str, Any] = {}
        for index, card in enumerate(self.cards[:6]):
            grid.addWidget(card, index // 3, index % 3)
        grid.addWidget(self.reminder_card, 2, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        outer.addWidget(plain_scroll(body), 1)
        self.disclaimer = QLabel(self.tr(
            "This page summarises your records; it is not a diagnosis. "
            "If a value worries you, please ask your doctor."))
        self.disclaimer.setObjectName("muted")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.disclaimer)
        self.clear()

    # -- worker thread -------------------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> DashboardPayload:
        risk = RiskService(session).evaluate(profile, today)
        start, _ = window(today, home_bp.WINDOW_DAYS)
        ev = home_bp.evaluate(TrendService(session).bp_readings(profile, start, today), today)
        records = RecordService(session)
        checkup = latest_checkup([c for c in records.list(RecordKind.CHECKUPS, [profile],
                                                          None, today)
                                  if isinstance(c, Checkup)], today)
        backgrounds = sorted((b for b in records.list(RecordKind.BACKGROUND, [profile], None,
                                                      today)
                              if isinstance(b, HealthBackground)),
                             key=lambda b: (b.date, b.created_at))
        visits = [v for v in records.list(RecordKind.VISITS, [profile])
                  if isinstance(v, FollowUpVisit)]
        overview = MedicationService(session).overview(profile, today)
        goals = GoalService(session).status(profile, today)
        reminders: list[Reminder] = []
        visited: list[tuple[str, dt.date]] = []
        flags = risk.get("referral_flags") or []
        if checkup is not None:
            for flag in flags:
                if flag["kind"] != "受診勧奨":
                    continue
                same = [v.date for v in visits if v.item_code == flag["code"]]
                after = [d for d in same if d > checkup.date]
                if after:
                    visited.append((flag["name"], max(after)))
                    continue
                reminders.append(Reminder(flag["code"], flag["name"], flag["value"],
                                          flag["unit"], flag["threshold"],
                                          flag["comparator"], max(same, default=None)))
        return DashboardPayload(
            today=today, risk=risk, morning_days=ev.morning.days, evening_days=ev.evening.days,
            checkup=checkup, background=backgrounds[-1] if backgrounds else None,
            medicines=len(overview.current), duplicates=list(overview.duplicates),
            reminders=reminders, visited=visited, goals=goals)

    # -- GUI thread ----------------------------------------------------------------
    def apply(self, payload: DashboardPayload) -> None:
        self.payload = payload
        profile = self.controller.profile
        name = profile.name if profile else ""
        self.heading.setText(self.tr("Overview for {name}").format(name=name))
        self.subtitle.setText(self.tr("Today: {date}").format(
            date=formatting.format_date(payload.today)))
        for card in self.cards:
            card.clear()
            card.why_button.setEnabled(True)
        self._apply_bp(payload)
        self._apply_weight(payload)
        self._apply_steps(payload)
        self._apply_checkup(payload)
        self._apply_risk(payload)
        self._apply_meds(payload)
        self._apply_reminders(payload)
        if self._pending is not None:
            action, self._pending = self._pending, None
            self._run_action(action)

    def _why(self, *, inputs: list[str], period: str, rule: str,
             guideline: Guideline | str | None, missing: list[str]) -> str:
        def section(title: str, lines: list[str]) -> str:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            return f"<p><b>{html.escape(title)}</b></p><ul>{items}</ul>"

        if isinstance(guideline, Guideline):
            cite = f"{guideline.name} — {guideline.version}"
            if guideline.reference_only:
                cite += " " + self.tr("(reference: not every source confirms this)")
        else:
            cite = guideline or self.tr("(none)")
        return "".join((
            section(self.tr("Values used"), inputs or [self.tr("(none)")]),
            section(self.tr("Period"), [period]),
            section(self.tr("Rule"), [rule]),
            section(self.tr("Guideline and year"), [cite]),
            section(self.tr("What is missing"), missing or [self.tr("Nothing")]),
        ))

    def _na(self, card: DashboardCard) -> None:
        card.mark.setText(mark_html("–", GREY, self.tr("Not applicable under 18")))
        card.why_html = self._why(inputs=[], period="—", rule=self.tr(
            "Adult rules are not applied under 18."), guideline=None, missing=[])

    def _apply_bp(self, p: DashboardPayload) -> None:
        card, bp = self.bp_card, p.risk["home_bp"]
        if "not_applicable" in bp:
            self._na(card)
            return
        start = p.today - dt.timedelta(days=bp["window_days"] - 1)
        period = self.tr("{start} – {end} ({days} days)").format(
            start=formatting.format_date(start), end=formatting.format_date(p.today),
            days=bp["window_days"])
        inputs: list[str] = []
        lines: list[str] = []
        for key, slot_word, days in (("morning", self.tr("Morning"), p.morning_days),
                                     ("evening", self.tr("Evening"), p.evening_days)):
            slot = bp[key]
            if slot is not None:
                text = self.tr("{slot} average {sys}/{dia} mmHg ({days} days)").format(
                    slot=slot_word, sys=round(slot["sbp"]), dia=round(slot["dbp"]),
                    days=slot["days"])
                inputs.append(self.tr("{slot} average {sys}/{dia} mmHg over {days} days")
                              .format(slot=slot_word, sys=slot["sbp"], dia=slot["dbp"],
                                      days=slot["days"]))
            else:
                text = self.tr("{slot}: {days} of {need} days").format(
                    slot=slot_word, days=days, need=MIN_OCCASIONS)
                inputs.append(text)
            lines.append(text)
        card.detail.setText("\n".join(lines))
        missing: list[str] = []
        category = bp["category"]
        if category is None:
            short = max(MIN_OCCASIONS - p.morning_days, MIN_OCCASIONS - p.evening_days, 1)
            card.mark.setText(mark_html("?", GREY, self.tr(
                "Not enough days to judge ({n} more days needed)").format(n=short)))
            card.average.setText("—")
            for key, word, days in (("morning", self.tr("Morning"), p.morning_days),
                                    ("evening", self.tr("Evening"), p.evening_days)):
                if key in bp["missing"]:
                    missing.append(self.tr("{slot} readings on {n} more days").format(
                        slot=word, n=MIN_OCCASIONS - days))
        else:
            glyph, color = bp_style(category)
            card.mark.setText(mark_html(glyph, color, words.bp_class_word(category)))
            morning = bp["morning"]
            card.average.setText(self.tr("{sys}/{dia} mmHg").format(
                sys=round(morning["sbp"]), dia=round(morning["dbp"])))
            if bp["hypertension"]:
                lines.append(self.tr("By the guideline's standard this is in the range of "
                                     "high blood pressure. Please talk to your doctor."))
                card.detail.setText("\n".join(lines))
        goal_line = self._bp_goal_line(p)
        if goal_line:
            lines.append(goal_line)
            card.detail.setText("\n".join(lines))
            inputs.append(goal_line)
        card.why_html = self._why(
            inputs=inputs, period=period,
            rule=self.tr("Morning and evening are averaged separately, each needs at least "
                         "5 days; the higher class of the two is shown. High blood pressure "
                         "at home: 135/85 mmHg or more."),
            guideline=home_bp.GUIDELINE, missing=missing)

    def _bp_goal_line(self, p: DashboardPayload) -> str | None:
        """Your own home-BP goal (参考): only when you set one."""
        status = p.goals.bp if p.goals else None
        if status is None:
            return None
        goal = self.tr("Your goal: below {sys}/{dia} mmHg").format(sys=status.goal.sbp,
                                                                  dia=status.goal.dbp)
        if status.off_track is None:
            return goal + " — " + self.tr("not enough readings to compare")
        if status.off_track:
            return goal + " — " + self.tr("Reference: above your goal")
        return goal + " — " + self.tr("met")


    def _apply_weight(self, p: DashboardPayload) -> None:
        card, w = self.weight_card, p.risk["weight"]
        avg, slope = w["avg_7d"], w["slope_kg_per_week"]
        missing: list[str] = []
        if avg is not None:
            card.average.setText(self.tr("{kg} kg").format(kg=formatting.format_kg(avg)))
            card.mark.setText(mark_html("●", GREY, self.tr("7-day average")))
        else:
            card.mark.setText(mark_html("?", GREY, self.tr("No records in the last 7 days")))
            missing.append(self.tr("Weight in the last 7 days"))
        if slope is not None:
            arrow = "↗" if slope > 0.05 else ("↘" if slope < -0.05 else "→")
            card.detail.setText(self.tr("Trend: {arrow} {slope} kg per week (4 weeks)").format(
                arrow=arrow, slope=f"{slope:+.2f}"))
        else:
            missing.append(self.tr("Enough weighings in the last 4 weeks for a trend"))
        card.why_html = self._why(
            inputs=[self.tr("7-day average: {v}").format(v=avg if avg is not None else "—"),
                    self.tr("Trend: {v} kg per week").format(
                        v=slope if slope is not None else "—")],
            period=self.tr("Average: the last 7 days; trend: the last 28 days"),
            rule=self.tr("The average of daily means; the trend is a straight line fitted "
                         "to the daily means (least squares)."),
            guideline=self.tr("phrapp's own summary (no guideline class)"), missing=missing)
        self._apply_weight_goal(p, card)

    def _apply_weight_goal(self, p: DashboardPayload, card: DashboardCard) -> None:
        status = p.goals.weight if p.goals else None
        if status is None:
            return
        goal = status.goal
        if goal.mode.value == "lose":
            line = self.tr("Goal: {target} kg by {end} (plan for today {planned} kg)").format(
                target=formatting.format_kg(goal.target_kg),
                end=formatting.format_date(goal.end),
                planned=formatting.format_kg(status.planned_kg))
            if status.done_percent is not None:
                line += "\n" + self.tr("Progress: {pct} % of the planned loss").format(
                    pct=round(status.done_percent))
        else:
            line = self.tr("Goal: keep {kg} kg").format(kg=formatting.format_kg(goal.start_kg))
        if status.off_track:
            line += "\n" + (self.tr("Reference: above your plan") if goal.mode.value == "lose"
                            else self.tr("Reference: outside the range you set"))
        text = card.detail.text()
        card.detail.setText(f"{text}\n{line}" if text else line)
        title = self.tr("Your goal")
        card.why_html += (f"<p><b>{html.escape(title)}</b></p>"
                          f"<p>{html.escape(line).replace(chr(10), '<br>')}</p><p>"
                          + html.escape(self.tr(
                              "Default pace: 3 % in 3–6 months (Japan Society for the Study "
                              "of Obesity, guideline 2022). The comparison is for reference."))
                          + "</p>")

    def _apply_steps(self, p: DashboardPayload) -> None:
        card, s = self.steps_card, p.risk["steps"]
        if "not_applicable" in s:
            self._na(card)
            return
        avg, target = s["avg_7d"], s["target"]
        user_goal = bool(p.goals and p.goals.steps_user_set and p.goals.steps)
        if user_goal and p.goals is not None and p.goals.steps is not None:
            target = p.goals.steps.goal
        missing: list[str] = []
        if avg is not None:
            card.average.setText(self.tr("{steps} steps").format(
                steps=formatting.format_int(avg)))
            if target is not None and avg >= target:
                card.mark.setText(mark_html("●", NORMAL_COLOR, self.tr("Target met")))
            elif target is not None:
                card.mark.setText(mark_html("▲", GUIDANCE_COLOR, self.tr(
                    "Reference: below your goal") if user_goal else self.tr("Below the target")))
        else:
            card.mark.setText(mark_html("?", GREY, self.tr("No records in the last 7 days")))
            missing.append(self.tr("Step counts in the last 7 days"))
        if target is not None and user_goal:
            card.detail.setText(self.tr("7-day average; your goal {target} steps a day").format(
                target=formatting.format_int(target)))
        elif target is not None:
            card.detail.setText(self.tr("7-day average; target {target} steps a day").format(
                target=formatting.format_int(target)))
        else:
            missing.append(self.tr("Birth date (the target depends on age)"))
        card.why_html = self._why(
            inputs=[self.tr("7-day average: {v} steps").format(
                v=formatting.format_int(avg) if avg is not None else "—"),
                    self.tr("Target: {v} steps").format(
                        v=formatting.format_int(target) if target is not None else "—")],
            period=self.tr("The last 7 days (days with a record)"),
            rule=self.tr("Target by age: 20–64 years 8,000 steps, 65 and over 6,000 steps."),
            guideline=steps_rules.GUIDELINE, missing=missing)

    def _level_word(self, level: str | None) -> str:
        return {
            tokutei.INTENSIVE: self.tr("Intensive support"),
            tokutei.MOTIVATIONAL: self.tr("Motivational support"),
            tokutei.INFORMATION: self.tr("Information only (no support needed)"),
            tokutei.NOT_ELIGIBLE: self.tr("Not eligible (age or medicines)"),
        }.get(level or "", self.tr("Could not be judged"))

    def _apply_checkup(self, p: DashboardPayload) -> None:
        card = self.checkup_card
        if p.checkup is None:
            card.mark.setText(mark_html("?", GREY, self.tr("No checkup recorded yet")))
            card.why_html = self._why(inputs=[], period="—", rule="—", guideline=None,
                                      missing=[self.tr("A checkup result")])
            return
        flags = p.risk["referral_flags"] or []
        referral = [f for f in flags if f["kind"] == "受診勧奨"]
        guidance = [f for f in flags if f["kind"] == "保健指導"]
        card.average.setText(formatting.format_date(p.checkup.date))
        if referral:
            card.mark.setText(mark_html("◆", REFERRAL_COLOR, self.tr(
                "{n} item(s) at the referral threshold").format(n=len(referral))))
        elif guidance:
            card.mark.setText(mark_html("▲", GUIDANCE_COLOR, self.tr(
                "{n} item(s) at the guidance threshold").format(n=len(guidance))))
        else:
            card.mark.setText(mark_html("●", NORMAL_COLOR, self.tr("All items in range")))
        level = p.risk["tokutei_level"]
        level_text = "—" if "not_applicable" in level else self._level_word(level["level"])
        card.detail.setText(self.tr(
            "Referral: {r} · Guidance: {g}\nSpecific health guidance: {level}").format(
                r=len(referral), g=len(guidance), level=level_text))
        inputs = [self.tr("{name}: {value} {unit} ({kind}, threshold {cmp} {limit})").format(
            name=words.item_label(f["name"]), value=f["value"], unit=f["unit"] or "",
            kind=self.tr("referral") if f["kind"] == "受診勧奨" else self.tr("guidance"),
            cmp=f["comparator"], limit=f["threshold"]) for f in flags]
        missing = [] if "not_applicable" in level else [str(m) for m in level["missing"]]
        if "not_applicable" not in level and level.get("disagreement"):
            inputs.append(str(level["disagreement"]))
        card.why_html = self._why(
            inputs=inputs or [self.tr("Every item is below the guidance threshold")],
            period=self.tr("The checkup of {date}").format(
                date=formatting.format_date(p.checkup.date)),
            rule=self.tr("Each item is compared with the guidance and referral thresholds; "
                         "the support level as in the checkup file, else computed."),
            guideline=tokutei.GUIDELINE,
            missing=missing)

    def _missing_word(self, key: str) -> str:
        return {
            "smoking": self.tr("the smoking answer"),
            "sex": self.tr("sex"),
            "birth_date": self.tr("the birth date"),
            "sbp": self.tr("the checkup's systolic blood pressure"),
            "igt": self.tr("the checkup's fasting glucose"),
            "ldl": self.tr("the checkup's LDL cholesterol"),
            "hdl": self.tr("the checkup's HDL cholesterol"),
        }.get(key, key)

    def _apply_risk(self, p: DashboardPayload) -> None:
        card, h = self.risk_card, p.risk["hisayama"]
        if "not_applicable" in h:
            self._na(card)
            return
        missing = [self._missing_word(m) for m in h["missing"]]
        route = h["route"]
        if route == "scored" and h["points"] is not None:
            category = h["category"]
            glyph, color = {hisayama.LOW: ("●", NORMAL_COLOR),
                            hisayama.MIDDLE: ("▲", GUIDANCE_COLOR)}.get(
                                category, ("◆", REFERRAL_COLOR))
            word = {hisayama.LOW: self.tr("Low risk"), hisayama.MIDDLE: self.tr("Medium risk"),
                    hisayama.HIGH: self.tr("High risk")}.get(category, category)
            card.mark.setText(mark_html(glyph, color, word))
            risk = h["risk_percent"]
            card.average.setText(self.tr("{risk} %").format(
                risk=risk if isinstance(risk, str) else f"{risk:.1f}"))
            card.detail.setText(self.tr("Chance of heart disease or stroke within 10 years "
                                        "({points} points)").format(points=h["points"]))
        elif route == "scored":
            reason = self.tr("Cannot be calculated without {missing}").format(
                missing=self.tr(", ").join(missing))
            card.mark.setText(mark_html("?", GREY, reason))
            card.detail.setText(self.tr("Answer the health questions to calculate it."))
        elif route == "high-risk-condition":
            card.mark.setText(mark_html("◆", REFERRAL_COLOR, self.tr("High risk")))
            card.detail.setText(self.tr("Diabetes, chronic kidney disease or peripheral artery "
                                        "disease count as high risk without a score."))
        elif route == "secondary-prevention":
            card.mark.setText(mark_html("◆", REFERRAL_COLOR, self.tr("Not scored")))
            card.detail.setText(self.tr("After a heart attack or stroke the score is not used; "
                                        "please follow your doctor's advice."))
        else:
            card.mark.setText(mark_html("–", GREY, self.tr("Not scored")))
            card.detail.setText(self.tr("The score is for ages 40–79 without familial "
                                        "hypercholesterolaemia."))
        bg = p.background
        inputs = [self.tr("Points: {v}").format(v=h["points"] if h["points"] is not None
                                                 else "—")]
        if p.checkup is not None:
            inputs.append(self.tr("Checkup of {date}: blood pressure, fasting glucose, LDL and "
                                  "HDL cholesterol").format(
                                      date=formatting.format_date(p.checkup.date)))
        if bg is not None:
            inputs.append(self.tr("Health questions answered on {date}; smoking: {smoking}")
                          .format(date=formatting.format_date(bg.date),
                                  smoking=self._smoking_word(bg.smoking)))
        card.why_html = self._why(
            inputs=inputs,
            period=self.tr("The latest checkup and the latest answers"),
            rule=self.tr("Points for sex, systolic BP, glucose, LDL, HDL and smoking; the "
                         "10-year risk is read for the age. Low <2 %, medium 2–<10 %, "
                         "high ≥10 %."),
            guideline=hisayama.GUIDELINE, missing=missing)

    def _smoking_word(self, smoking: Smoking | None) -> str:
        return {Smoking.CURRENT: self.tr("smokes"), Smoking.FORMER: self.tr("used to smoke"),
                Smoking.NEVER: self.tr("never smoked")}.get(
                    smoking, self.tr("not answered")) if smoking else self.tr("not answered")

    def _apply_meds(self, p: DashboardPayload) -> None:
        card = self.meds_card
        card.average.setText(self.tr("{n} medicine(s)").format(n=p.medicines))
        if p.duplicates:
            names = " / ".join(" · ".join(d.drug_names) for d in p.duplicates)
            card.mark.setText(mark_html("⚠", REFERRAL_COLOR, self.tr(
                "Same ingredient from more than one clinic")))
            card.detail.setText(self.tr("{names}: please show your medication record to your "
                                        "doctor or pharmacist.").format(names=names))
        else:
            card.mark.setText(mark_html("●", NORMAL_COLOR, self.tr("No duplicate ingredient")))
        card.why_html = self._why(
            inputs=[self.tr("{n} medicine(s) with supply left today").format(n=p.medicines)]
            + [self.tr("{ingredient}: {drugs} ({clinics})").format(
                ingredient=d.ingredient, drugs=", ".join(d.drug_names),
                clinics=", ".join(d.prescribers)) for d in p.duplicates],
            period=self.tr("Dispensed medicines whose supply covers {date}").format(
                date=formatting.format_date(p.today)),
            rule=self.tr("Two current medicines with the same ingredient (YJ code) from "
                         "different clinics are shown as a warning."),
            guideline=self.tr("phrapp's own check (no guideline)"),
            missing=[])

    def _apply_reminders(self, p: DashboardPayload) -> None:
        card = self.reminder_card
        while card.extra.count():
            item = card.extra.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.reminder_buttons = {}
        if p.checkup is None:
            card.mark.setText(mark_html("–", GREY, self.tr("No checkup recorded yet")))
        elif p.reminders:
            card.mark.setText(mark_html("◆", REFERRAL_COLOR, self.tr(
                "The checkup recommends seeing a doctor about {n} item(s)").format(
                    n=len(p.reminders))))
        else:
            card.mark.setText(mark_html("●", NORMAL_COLOR, self.tr("No open reminders")))
        card.average.setText("")
        card.average.setVisible(False)
        for r in p.reminders:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = self.tr("{name}: {value} {unit} (referral threshold {cmp} {limit})").format(
                name=words.item_label(r.name), value=r.value, unit=r.unit or "",
                cmp=r.comparator, limit=r.threshold)
            if r.last_visit is not None:
                text += " " + self.tr("— last visit about it: {date}").format(
                    date=formatting.format_date(r.last_visit))
            label = QLabel(text)
            label.setWordWrap(True)
            line.addWidget(label, 1)
            visit = button(self.tr("I saw a doctor"))
            visit.clicked.connect(lambda _c=False, rem=r: self.open_visit_dialog(rem))
            line.addWidget(visit)
            self.reminder_buttons[r.code] = visit
            card.extra.addWidget(row)
        card.detail.setVisible(bool(p.visited))
        if p.visited:
            card.detail.setText("\n".join(self.tr("{name}: visit recorded on {date}").format(
                name=words.item_label(n), date=formatting.format_date(d)) for n, d in p.visited))
        card.why_html = self._why(
            inputs=[self.tr("{name}: {value} {unit}").format(
                name=words.item_label(r.name), value=r.value, unit=r.unit or "")
                for r in p.reminders]
            + [self.tr("{name}: visit recorded on {date}").format(
                name=words.item_label(n), date=formatting.format_date(d)) for n, d in p.visited],
            period=self.tr("Visits recorded after the checkup of {date}").format(
                date=formatting.format_date(p.checkup.date)) if p.checkup else "—",
            rule=self.tr("An item at the referral threshold stays here until you record a "
                         "doctor's visit after the checkup date."),
            guideline=tokutei.GUIDELINE,
            missing=[])

    # -- actions -------------------------------------------------------------------
    def open_why(self, card: DashboardCard) -> None:
        if not card.why_html:
            return
        dialog = WhyDialog(self, card.why_title, card.why_html)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def open_background_dialog(self) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None:
            return
        latest = self.payload.background if self.payload else None
        dialog = BackgroundDialog(self, profile, latest, self.controller.today())
        self._open_record_dialog(dialog, profile)

    def request(self, action: str) -> None:
        """Open the ``background`` questions or the ``goals`` dialog (from 設定)."""
        if self.payload is None or self.busy:
            self._pending = action
            return
        self._run_action(action)

    def _run_action(self, action: str) -> None:
        if action == "background":
            self.open_background_dialog()
        elif action == "goals":
            self.open_goals_dialog()

    def open_goals_dialog(self) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None or self.payload is None:
            return
        status = self.payload.goals
        risk = self.payload.risk
        weight = risk.get("weight") or {}
        bmi = (risk.get("bmi") or {}).get("value")
        steps = risk.get("steps") or {}
        dialog = GoalsDialog(self, status.goals if status else Goals(),
                             today=self.controller.today(), current_kg=weight.get("avg_7d"),
                             default_steps=steps.get("target"),
                             suggested_percent=suggested_loss_percent(bmi))
        self.dialog = dialog

        def accepted() -> None:
            save_goals(self.controller, self, profile, dialog.result_goals())

        def finished(_result: int) -> None:
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def open_visit_dialog(self, reminder: Reminder) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None:
            return
        dialog = VisitDialog(self, profile, reminder.code, words.item_label(reminder.name),
                             self.controller.today())
        self._open_record_dialog(dialog, profile)

    def _open_record_dialog(self, dialog: BackgroundDialog | VisitDialog,
                            profile: Profile) -> None:
        self.dialog = dialog

        def accepted() -> None:
            changes.add_record(self.controller, self, dialog.result_record(), profile)

        def finished(_result: int) -> None:
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def clear(self) -> None:
        self.payload = None
        self.heading.setText(self.tr("Overview"))
        self.subtitle.setText("")
        for card in self.cards:
            card.clear()
        for b in self.reminder_buttons.values():
            b.setEnabled(False)
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def self_check(self) -> list[str]:
        if self.payload is None:
            return ["dashboard: nothing loaded"]
        return [f"dashboard: {name} card is empty"
                for name, card in (("bp", self.bp_card), ("weight", self.weight_card),
                                   ("steps", self.steps_card), ("checkup", self.checkup_card),
                                   ("risk", self.risk_card))
                if card.average.text() == "—"]
