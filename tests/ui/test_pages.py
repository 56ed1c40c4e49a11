"""The 体重 / 歩数 / ダッシュボード / 設定 pages, people and language switching."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.domain.records import BloodPressure, Provenance, RecordKind, Steps, Weight
from phrapp.domain.time import today_in
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.settings import FontSize, Language
from phrapp.ui.qt import QApplication, QDate, Qt, QTime
from phrapp.ui.vault_window import Opened

JST = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture
def shell(session: Any, settings: Any, make_shell: Any, qtbot: Any) -> Any:
    """The app showing ``session`` (as after an unlock)."""
    app = make_shell(settings, session.vault.paths.folder)
    service = ProfileService(session)
    profiles, active = off_gui(lambda: (service.list(), service.active()))
    app.attach(Opened(session, profiles, active))
    qtbot.waitUntil(lambda: app.main_window.isVisible())
    return app


def _today() -> dt.date:
    return today_in("Asia/Tokyo")


def _set_day(dialog: Any, day: dt.date) -> None:
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))


def test_weight_add_edit_undo(qtbot: Any, shell: Any) -> None:
    main = shell.main_window
    main.go("weight")
    page = main.pages["weight"]
    qtbot.waitUntil(lambda: page.has_loaded)
    page.open_add_dialog()
    dialog = page.dialog
    _set_day(dialog, _today())
    dialog.time_edit.setTime(QTime(0, 15))
    dialog.kg.setValue(72.4)
    dialog.fat.setValue(21.5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [page.model.cell_text(0, c) for c in (1, 2, 3)] == ["72.4", "21.5", "Entered by hand"]
    assert page.chart.series()["weight"][1].tolist() == [72.4]
    assert page.summary.cards[0].value.text() == "72.4 kg"

    page.table.selectRow(0)
    page.open_edit_dialog()
    edit = page.dialog
    assert edit.kg.value() == pytest.approx(72.4)
    edit.kg.setValue(71.9)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.cell_text(0, 1) == "71.9")
    assert page.chart.series()["weight"][1].tolist() == [71.9]
    shell.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.cell_text(0, 1) == "72.4")


def test_steps_add_replace_and_undo(qtbot: Any, shell: Any) -> None:
    main = shell.main_window
    main.go("steps")
    page = main.pages["steps"]
    qtbot.waitUntil(lambda: page.has_loaded)
    yesterday = _today() - dt.timedelta(days=1)
    for count in (9000, 4000):  # the second entry for the same day replaces the first
        page.open_add_dialog()
        _set_day(page.dialog, yesterday)
        page.dialog.steps.setValue(count)
        qtbot.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda c=count: page.model.rowCount() == 1
                        and page.model.cell_text(0, 1) == f"{c:,}")
    assert page.model.cell_text(0, 2) == "Not met"
    assert page.model.cell_text(0, 4) == "Yes"
    assert page.chart.series()["steps_unmet"][1].tolist() == [4000]
    assert page.chart.series()["steps_met"][1].tolist() == []
    assert page.summary.cards[2].value.text() == "0 of 1 days"
    shell.controller.undo_stack.undo()  # back to 9,000
    qtbot.waitUntil(lambda: page.model.cell_text(0, 1) == "9,000")
    assert page.model.cell_text(0, 2) == "Met"
    assert page.chart.series()["steps_met"][1].tolist() == [9000]
    shell.controller.undo_stack.undo()  # and the first entry itself
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.stack.currentWidget() is page.empty


def test_dialog_refuses_impossible_values_in_place(qtbot: Any, shell: Any) -> None:
    main = shell.main_window
    main.go("bp")
    page = main.pages["bp"]
    qtbot.waitUntil(lambda: page.has_loaded)
    page.open_add_dialog()
    dialog = page.dialog
    dialog.pulse.setValue(10)  # possible range 20–300 /min
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Pulse is outside the possible range."
    dialog.reject()
    assert page.model.rowCount() == 0


def test_dashboard_summarises_the_last_seven_days(qtbot: Any, shell: Any,
                                                   session: Any) -> None:
    profile = shell.controller.profile
    today = _today()

    def fill() -> None:
        service = RecordService(session)
        for sbp, dbp in ((130, 80), (140, 90)):
            service.add(BloodPressure(profile_id=profile.id, systolic=sbp, diastolic=dbp,
                                      measured_at=dt.datetime.combine(today, dt.time(0, 5),
                                                                      tzinfo=JST),
                                      provenance=Provenance.DEVICE))
        service.add(Weight(profile_id=profile.id, kg=60.0, measured_at=dt.datetime.combine(
            today, dt.time(0, 1), tzinfo=JST)))
        service.upsert_steps(Steps(profile_id=profile.id, date=today, steps=8500))

    off_gui(fill)
    shell.controller.changed(RecordKind.BP)
    page = shell.main_window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.weight_card.average.text() == "60.0 kg")
    assert page.heading.text() == "Overview for 本人"
    assert "Not enough days to judge (5 more days needed)" in page.bp_card.mark.text()
    assert page.steps_card.average.text() == "8,500 steps"
    assert "Target met" in page.steps_card.mark.text()
    assert page.steps_card.detail.text() == "7-day average; target 8,000 steps a day"
    assert "not a diagnosis" in page.disclaimer.text()
    page.steps_card.link.click()
    assert shell.main_window.current_key() == "steps"


def test_add_a_person_and_switch(qtbot: Any, shell: Any, session: Any) -> None:
    main = shell.main_window
    main.go("settings")
    settings_page = main.pages["settings"]
    settings_page.open_add_person()
    settings_page.dialog.name.setText("母")
    settings_page.dialog.ok.click()
    qtbot.waitUntil(lambda: main.profile_box.count() == 2)
    assert "母" in settings_page.people_label.text()
    profile = shell.controller.profile
    off_gui(lambda: RecordService(session).add(BloodPressure(
        profile_id=profile.id, systolic=121, diastolic=79,
        measured_at=dt.datetime.combine(_today(), dt.time(0, 2), tzinfo=JST))))
    main.go("bp")
    bp = main.pages["bp"]
    qtbot.waitUntil(lambda: bp.model.rowCount() == 1)
    main.profile_box.setCurrentIndex(main.profile_box.findText("母"))
    main.profile_box.activated.emit(main.profile_box.currentIndex())
    qtbot.waitUntil(lambda: shell.controller.profile.name == "母" and bp.has_loaded
                    and not bp.busy and bp.model.rowCount() == 0)
    assert bp.stack.currentWidget() is bp.empty
    main.profile_box.setCurrentIndex(main.profile_box.findText("本人"))
    main.profile_box.activated.emit(main.profile_box.currentIndex())
    qtbot.waitUntil(lambda: bp.model.rowCount() == 1)


def test_language_and_text_size_apply_at_once(qtbot: Any, shell: Any, settings: Any) -> None:
    main = shell.main_window
    main.go("settings")
    page = main.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("ja"))
    page.font_size.setCurrentIndex(page.font_size.findData("large"))
    page.save_button.click()
    qtbot.waitUntil(lambda: shell.main_window is not main)
    new = shell.main_window
    assert settings.language is Language.JA and settings.font_size is FontSize.LARGE
    assert [new.nav.item(i).text() for i in range(new.nav.count())] == [
        "ダッシュボード", "血圧", "体重", "歩数", "健診", "お薬", "取り込み", "書き出し", "設定"]
    assert new.current_key() == "settings"
    assert new.isVisible()
    assert QApplication.instance().font().pointSize() == FontSize.LARGE.points
    new.go("bp")
    bp = new.pages["bp"]
    qtbot.waitUntil(lambda: bp.has_loaded)
    assert bp.empty.add_button.text() == "手入力する"


def test_delete_key_on_the_table_deletes_the_selection(qtbot: Any, shell: Any,
                                                      session: Any) -> None:
    profile = shell.controller.profile
    off_gui(lambda: [RecordService(session).add(Weight(
        profile_id=profile.id, kg=kg, measured_at=dt.datetime.combine(
            _today() - dt.timedelta(days=i), dt.time(0, 3), tzinfo=JST)))
        for i, kg in enumerate((61.0, 62.0, 63.0))])
    main = shell.main_window
    main.activateWindow()
    main.go("weight")
    page = main.pages["weight"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(page.model.cell_text(i, 1) for i in range(2)) == ["62.0", "63.0"]
