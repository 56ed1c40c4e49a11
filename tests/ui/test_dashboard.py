"""ダッシュボード: a hand-entered checkup, the health questions and 14 days of home BP
give the home-BP class in words and a なぜ? panel naming the inputs and JSH2019; without
the smoking answer the 10-year risk says why it cannot be computed; answering the
questions computes it; 受診しました removes the reminder (and Ctrl+Z brings it back)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_checkups_import import _attach
from ui_support import off_gui

from phrapp.domain.checkup_entry import build_checkup
from phrapp.domain.records import (
    BloodPressure,
    HealthBackground,
    Provenance,
    Sex,
    Smoking,
)
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.ui.health_dialogs import QUESTIONS

TODAY = dt.date(2026, 11, 23)
EXAM = dt.date(2026, 6, 10)
JST = dt.timezone(dt.timedelta(hours=9))
PAIRS = [("height", "168.5"), ("weight", "74.6"), ("waist", "89.0"), ("bmi", "26.3"),
         ("sbp", "142"), ("dbp", "88"), ("tg", "162"), ("hdl", "44"), ("ldl", "146"),
         ("fpg", "109"), ("hba1c", "5.9")]
LDL = "3F077000002399901"


def _fill(session: Any, *, smoking: Smoking | None) -> None:
    def work() -> None:
        service = ProfileService(session)
        service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
        service.use("太郎")
        profile = service.active()
        assert profile is not None
        records = RecordService(session)
        records.add(build_checkup(profile, EXAM, PAIRS, facility="健診センター"))
        records.add(HealthBackground(profile_id=profile.id, date=TODAY - dt.timedelta(days=3),
                                     smoking=smoking, on_bp_drugs=False, diabetes=False,
                                     ckd=False, pad=False, cad_or_stroke=False))
        for back in range(14):
            day = TODAY - dt.timedelta(days=back)
            for hour, sbp, dbp in ((7, 138, 86), (21, 130, 80)):
                records.add(BloodPressure(
                    profile_id=profile.id, systolic=sbp, diastolic=dbp,
                    measured_at=dt.datetime.combine(day, dt.time(hour, 0), tzinfo=JST),
                    provenance=Provenance.DEVICE))

    off_gui(work)


def _dashboard(make_shell: Any, settings: Any, session: Any, qtbot: Any) -> Any:
    shell = _attach(make_shell, settings, session, qtbot)
    shell.controller._today = lambda _zone: TODAY
    page = shell.main_window.pages["dashboard"]
    page.invalidate()
    qtbot.waitUntil(lambda: page.payload is not None and page.payload.today == TODAY
                    and not page.busy)
    return shell, page


def test_home_bp_class_why_panel_and_reminder(qtbot: Any, session: Any, settings: Any,
                                             make_shell: Any) -> None:
    _fill(session, smoking=Smoking.NEVER)
    shell, page = _dashboard(make_shell, settings, session, qtbot)
    assert shell.main_window.current_key() == "dashboard"
    card = page.bp_card
    assert "High blood pressure (grade I)" in card.mark.text()  # morning 138/86
    assert "◆" not in card.mark.text() and "▲" in card.mark.text()  # a shape, not colour only
    assert card.average.text() == "138/86 mmHg"
    assert "Morning average 138/86 mmHg (14 days)" in card.detail.text()
    assert "Evening average 130/80 mmHg (14 days)" in card.detail.text()
    card.why_button.click()
    why = page.dialog
    assert why is not None and why.isVisible()
    text = why.body.text()
    for expected in ("Morning average 138/86 mmHg over 14 days",
                     "Evening average 130/80 mmHg over 14 days", "JSH2019", "(14 days)",
                     "135/85"):
        assert expected in text
    why.accept()
    qtbot.waitUntil(lambda: page.dialog is None)

    assert "risk" in page.risk_card.mark.text()
    assert page.risk_card.average.text().endswith("%")
    assert "Referral: 2 · Guidance: 4" in page.checkup_card.detail.text()  # SBP 142, LDL 146
    assert "2 item(s) at the referral threshold" in page.checkup_card.mark.text()

    # 受診しました: the LDL reminder goes away; undo brings it back.
    assert LDL in page.reminder_buttons and len(page.reminder_buttons) == 2
    page.reminder_buttons[LDL].click()
    dialog = page.dialog
    assert dialog is not None
    dialog.facility.setText("山田内科")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: LDL not in page.reminder_buttons and not page.busy)
    assert len(page.reminder_buttons) == 1
    assert "about 1 item(s)" in page.reminder_card.mark.text()
    assert "visit recorded on" in page.reminder_card.detail.text()
    shell.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: LDL in page.reminder_buttons and not page.busy)


def test_missing_smoking_says_why_and_the_questions_fix_it(
        qtbot: Any, session: Any, settings: Any, make_shell: Any) -> None:
    _fill(session, smoking=None)
    _shell, page = _dashboard(make_shell, settings, session, qtbot)
    assert "Cannot be calculated without the smoking answer" in page.risk_card.mark.text()
    assert page.risk_card.average.text() == "—"
    page.risk_card.why_button.click()
    assert "the smoking answer" in page.dialog.body.text()
    assert "2022" in page.dialog.body.text()
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)

    page.background_button.click()
    form = page.dialog
    assert form is not None
    assert form.smoking.currentData() is None  # prefilled from the latest answers
    assert form.answers["diabetes"].currentData() is False
    assert set(form.answers) == set(QUESTIONS)
    form.smoking.setCurrentIndex(form.smoking.findData(Smoking.FORMER.value))
    form.save_button.click()
    qtbot.waitUntil(lambda: page.risk_card.average.text().endswith("%") and not page.busy)
    assert page.payload is not None and page.payload.background is not None
    assert page.payload.background.smoking is Smoking.FORMER
    assert page.payload.background.date == TODAY


@pytest.mark.parametrize("lang", ["ja"])
def test_japanese_words(qtbot: Any, session: Any, settings: Any, make_shell: Any,
                        lang: str) -> None:
    from phrapp.settings import Language

    settings.language = Language(lang)
    _fill(session, smoking=None)
    _shell, page = _dashboard(make_shell, settings, session, qtbot)
    assert "高血圧 (I度)" in page.bp_card.mark.text()
    assert "喫煙の回答がないため計算できません" in page.risk_card.mark.text()
    assert page.bp_card.why_button.text() == "なぜ?"
