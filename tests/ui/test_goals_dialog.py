"""目標: the goals dialog stores the user's goals, the dashboard shows progress with 参考
alerts only for goals the user set, and Ctrl+Z restores the previous goals. Also the
issue-7 acceptance with a fixture checkup *file*: the imported exam, health answers and
14 days of home BP give the expected classes and a なぜ? panel listing the inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_dashboard import JST, TODAY, _dashboard, _fill
from ui_support import off_gui

from phrapp.domain.goals import Goals
from phrapp.domain.records import (
    BloodPressure,
    HealthBackground,
    Provenance,
    Sex,
    Smoking,
    Steps,
)
from phrapp.services.goals import GoalService
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService

CDA = Path(__file__).resolve().parents[1] / "fixtures" / "cda"


def test_goals_dialog_sets_goals_dashboard_marks_reference_and_undo(
        qtbot: Any, session: Any, settings: Any, make_shell: Any) -> None:
    _fill(session, smoking=Smoking.NEVER)

    def steps() -> None:
        profile = ProfileService(session).active()
        for back in range(7):
            RecordService(session).add(Steps(profile_id=profile.id, steps=5500,
                                             date=TODAY - dt.timedelta(days=back)))

    off_gui(steps)
    shell, page = _dashboard(make_shell, settings, session, qtbot)
    assert "Your goal" not in page.bp_card.detail.text()  # no goal, no comparison
    assert "Below the target" in page.steps_card.mark.text()  # the age target (6,000 at 66)

    page.goals_button.click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.bp_box.isChecked() and not dialog.steps_box.isChecked()
    assert (dialog.sbp.value(), dialog.dbp.value()) == (125, 75)  # JSH2025 default
    assert dialog.steps.value() == 6000  # the age target as the suggestion
    dialog.bp_box.setChecked(True)
    dialog.steps_box.setChecked(True)
    dialog.steps.setValue(5000)
    dialog.weight_box.setChecked(False)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.payload is not None and page.payload.goals is not None
                    and page.payload.goals.bp is not None and not page.busy)
    assert "Your goal: below 125/75 mmHg — Reference: above your goal" in \
        page.bp_card.detail.text()  # morning 138/86
    assert "Target met" in page.steps_card.mark.text()  # 5,500 ≥ the user's 5,000
    assert "your goal 5,000 steps" in page.steps_card.detail.text()
    stored = off_gui(lambda: GoalService(session).get(ProfileService(session).active()))
    assert stored.steps is not None and stored.steps.daily == 5000

    shell.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: page.payload is not None and page.payload.goals is not None
                    and page.payload.goals.bp is None and not page.busy)
    assert "Your goal" not in page.bp_card.detail.text()
    assert off_gui(lambda: GoalService(session).get(
        ProfileService(session).active())) == Goals()


def test_fixture_checkup_file_background_and_home_bp(qtbot: Any, session: Any, settings: Any,
                                                     make_shell: Any) -> None:
    def work() -> None:
        service = ProfileService(session)
        service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
        profile = service.use("太郎")
        importer = ImportService(session)
        importer.commit(importer.preview([CDA / "full_period4.xml"], profile="太郎"))
        records = RecordService(session)
        records.add(HealthBackground(profile_id=profile.id, date=TODAY, smoking=Smoking.NEVER,
                                     on_bp_drugs=False, diabetes=False, ckd=False, pad=False,
                                     cad_or_stroke=False))
        for back in range(14):
            day = TODAY - dt.timedelta(days=back)
            for hour, sbp, dbp in ((7, 128, 82), (21, 122, 76)):
                records.add(BloodPressure(
                    profile_id=profile.id, systolic=sbp, diastolic=dbp,
                    measured_at=dt.datetime.combine(day, dt.time(hour), tzinfo=JST),
                    provenance=Provenance.DEVICE))

    off_gui(work)
    _shell, page = _dashboard(make_shell, settings, session, qtbot)
    assert page.payload is not None and page.payload.checkup is not None
    assert "High" in page.bp_card.mark.text()  # 128/82: 高値血圧 (home table)
    assert page.bp_card.average.text() == "128/82 mmHg"
    assert page.checkup_card.average.text()  # the exam date
    page.bp_card.why_button.click()
    text = page.dialog.body.text()
    assert "Morning average 128/82 mmHg over 14 days" in text
    assert "Evening average 122/76 mmHg over 14 days" in text
    assert "JSH2019" in text
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    page.risk_card.why_button.click()
    risk_text = page.dialog.body.text()
    assert "2022" in risk_text  # the Hisayama score's guideline year
    page.dialog.accept()


def test_settings_links_open_the_questions_and_goals(qtbot: Any, session: Any, settings: Any,
                                                     make_shell: Any) -> None:
    _fill(session, smoking=None)
    shell, page = _dashboard(make_shell, settings, session, qtbot)
    main = shell.main_window
    main.go("settings")
    settings_page = main.pages["settings"]
    settings_page.questions_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert main.current_key() == "dashboard"
    assert hasattr(page.dialog, "smoking")  # the health questions form
    page.dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    main.go("settings")
    settings_page.goals_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert hasattr(page.dialog, "bp_box")  # the goals dialog
    page.dialog.reject()
