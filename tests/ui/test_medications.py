"""お薬: import an お薬手帳 (JAHIS) file on the 取り込み page → 服用中 lists its drugs; a
hand-entered medicine with the same ingredient from another clinic raises the warning;
an allergy added by hand is undone; the empty state leads to 取り込み."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from test_checkups_import import _attach, _drop, _open
from ui_support import off_gui

from phrapp.domain.records import Sex
from phrapp.services.profiles import ProfileService
from phrapp.ui.medication_dialogs import code_system_for
from phrapp.ui.pages.import_page import PREVIEW, START
from phrapp.ui.pages.medications import ALLERGIES, CURRENT
from phrapp.ui.qt import QDate

JAHIS = Path(__file__).resolve().parents[1] / "fixtures" / "jahis"
TODAY = dt.date(2024, 4, 10)  # the fixture's 2024-04-01 dispensing (28日分) is current


@pytest.fixture
def hanako(session: Any) -> Any:
    """The active person has the identity of the JAHIS fixture's patient."""
    def add() -> None:
        service = ProfileService(session)
        service.add("髙橋 花子", sex=Sex.FEMALE, birth_date=dt.date(1970, 6, 15))
        service.use("髙橋 花子")

    off_gui(add)
    return session


def _column(table: Any, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_import_jahis_then_current_warning_and_allergy_undo(
        qtbot: Any, hanako: Any, settings: Any, make_shell: Any) -> None:
    shell = _attach(make_shell, settings, hanako, qtbot)
    shell.controller._today = lambda _zone: TODAY  # the app's clock injection
    main = shell.main_window
    page = _open(qtbot, main, "medications")
    assert page.stack.currentIndex() == 0  # empty state: what お薬手帳 is, two ways in
    assert "お薬手帳" in page.empty.heading.text()
    page.empty.import_button.click()
    importer = main.pages["import"]
    qtbot.waitUntil(lambda: main.current_key() == "import")
    qtbot.waitUntil(lambda: importer.has_loaded and not importer.busy)
    assert "お薬手帳" in importer.formats_text.text()

    _drop(importer, JAHIS / "full_cp932_crlf.txt")
    qtbot.waitUntil(lambda: importer.stack.currentIndex() == PREVIEW)
    assert importer.plan is not None
    assert importer.plan.files[0].added.get("medications", 0) >= 3
    importer.import_button.click()
    qtbot.waitUntil(lambda: importer.stack.currentIndex() == START
                    and bool(importer.history_rows))

    page = _open(qtbot, main, "medications")
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
    assert _column(page.current_table, 0) == ["アムロジピン錠５ｍｇ「架空」"]
    assert _column(page.current_table, 2) == ["架空総合病院 医師 太郎"]
    assert _column(page.current_table, 3) == ["架空調剤薬局 本町店"]
    assert page.warning.isHidden()  # one prescriber so far
    assert page.history_table.rowCount() >= 3
    assert page.tabs.tabText(CURRENT) == "Taking now (1)"
    allergies_before = page.allergy_table.rowCount()
    assert "ペニシリン系で発疹" in _column(page.allergy_table, 1)

    # Search the history.
    page.search.setText("ｸﾘﾆｯｸ")  # NFKC: finds 架空クリニック
    assert page.history_table.rowCount() == 1
    assert "アムロジピンＯＤ錠５ｍｇ「別」" in page.history_table.item(0, 2).text()
    page.search.clear()

    # A hand-entered medicine with the same ingredient (YJ 2171022…) from another clinic.
    page.add_button.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.name.setText("アムロジピン錠5mg「トーワ」")
    dialog.code.setText("2171022F1023")
    dialog.usage.setText("1日1回 朝食後")
    dialog.start.setDate(QDate(2024, 4, 5))
    dialog.prescriber.setText("さくら整形外科")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.current_table.rowCount() == 2)
    qtbot.waitUntil(lambda: not page.warning.isHidden())
    text = page.warning_text.text()
    assert "The same ingredient is prescribed by more than one clinic" in text
    assert "架空総合病院 医師 太郎" in text and "さくら整形外科" in text
    assert "アムロジピン錠５ｍｇ「架空」" in text and "doctor or pharmacist" in text
    assert page.warning_icon.text() == "⚠"
    assert all(name.startswith("⚠ ") for name in _column(page.current_table, 0))
    assert "Continuing" in _column(page.current_table, 4)

    # An allergy by hand, then undo.
    page.tabs.setCurrentIndex(ALLERGIES)
    page.allergy_add.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.save_button.click()  # empty text: refused in place
    assert dialog.isVisible() and dialog.error_label.text()
    dialog.text.setText("そばアレルギー")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.allergy_table.rowCount() == allergies_before + 1)
    assert "そばアレルギー" in _column(page.allergy_table, 1)
    page.undo_button.click()
    qtbot.waitUntil(lambda: page.allergy_table.rowCount() == allergies_before)
    assert "そばアレルギー" not in _column(page.allergy_table, 1)


def test_vaccination_edit_and_delete_with_undo(qtbot: Any, session: Any, settings: Any,
                                               make_shell: Any) -> None:
    shell = _attach(make_shell, settings, session, qtbot)
    main = shell.main_window
    page = _open(qtbot, main, "medications")
    page.tabs.setCurrentIndex(3)
    page.shot_add.click()  # the tab is hidden behind the empty state; the action works
    dialog = page.dialog
    assert dialog is not None
    dialog.vaccine.setText("インフルエンザHAワクチン")
    dialog.dose_number.setValue(1)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.shot_table.rowCount() == 1 and page.stack.currentIndex() == 1)
    page.shot_table.selectRow(0)
    page.shot_edit.click()
    dialog = page.dialog
    assert dialog is not None and dialog.vaccine.text() == "インフルエンザHAワクチン"
    dialog.place.setText("山田内科")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.shot_table.rowCount() == 1
                    and page.shot_table.item(0, 3).text() == "山田内科")
    page.shot_table.selectRow(0)
    page.shot_delete.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0)
    page.controller.undo_stack.undo()  # Ctrl+Z: the empty state hides the undo button
    qtbot.waitUntil(lambda: page.shot_table.rowCount() == 1)


def test_code_system_is_yj_only_for_yj_codes() -> None:
    assert code_system_for("2171022F1023") is not None
    assert code_system_for("123456789") is None
