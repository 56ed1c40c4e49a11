"""健診: lab values between checkups on the item's history chart, never as columns.

The CDA fixture's HbA1c (免疫学的方法) and hand-entered HbA1c labs (その他) are one item;
the labs are a second, hollow series with their own legend and are listed in the
details with date, value, facility and source. A glucose in mmol/L is listed, not drawn.
検査値を追加… saves a lab like ``phrapp add lab`` (undoable).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.domain.codes.checkup_items import COMMON_LABS, item
from phrapp.domain.records import LabValue, Profile, Provenance, RecordKind, Sex
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.ui import formatting
from phrapp.ui.vault_window import Opened

CDA = Path(__file__).resolve().parents[1] / "fixtures" / "cda"
HBA1C_FILE = "3D046000001906202"
FPG_FILE = "3D010000001926101"


def _lab(profile: Profile, alias: str, value: float, day: dt.date, *, unit: str | None = None,
         facility: str | None = None) -> LabValue:
    definition = item(COMMON_LABS[alias])
    assert definition is not None
    return LabValue(profile_id=profile.id, provenance=Provenance.MANUAL, date=day,
                    code=definition.code, name=definition.name, value=value,
                    unit=unit or definition.ucum or definition.unit or "", facility=facility)


@pytest.fixture
def filled(session: Any) -> Any:
    """太郎 with the 2024-06-03 CDA exam, an HbA1c at a clinic and a glucose in mmol/L."""
    def fill() -> None:
        profiles = ProfileService(session)
        profiles.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
        taro = profiles.use("太郎")
        service = ImportService(session)
        service.commit(service.preview([CDA / "full_period4.xml"]))
        records = RecordService(session)
        records.add(_lab(taro, "hba1c", 6.1, dt.date(2024, 9, 10), facility="かかりつけ内科"))
        records.add(_lab(taro, "fpg", 6.2, dt.date(2024, 8, 1), unit="mmol/L"))

    off_gui(fill)
    return session


def _open_checkups(make_shell: Any, settings: Any, session: Any, qtbot: Any) -> tuple[Any, Any]:
    app = make_shell(settings, session.vault.paths.folder)
    service = ProfileService(session)
    profiles, active = off_gui(lambda: (service.list(), service.active()))
    app.attach(Opened(session, profiles, active))
    qtbot.waitUntil(lambda: app.main_window.isVisible())
    app.main_window.go("checkups")
    page = app.main_window.pages["checkups"]
    qtbot.waitUntil(lambda: page.has_loaded and not page.busy)
    return app, page


def test_labs_on_the_history_chart_and_in_the_details(qtbot: Any, filled: Any, settings: Any,
                                                      make_shell: Any) -> None:
    _app, page = _open_checkups(make_shell, settings, filled, qtbot)
    # Labs are never exams: one column for the one checkup (plus the item column).
    assert page.model.columnCount() == 2
    assert "2 lab values between checkups" in page.count_label.text()

    row = page.model.find_row(HBA1C_FILE)
    page.select(row, 1)
    chart = page.chart
    assert chart.point_count() == 2 and chart.lab_count() == 1
    xs, ys = chart.series()["lab"]
    assert list(ys) == [6.1]
    assert "Checkups" in chart.legend_text()
    assert "Lab tests (not checkups)" in chart.legend_text()
    assert any("かかりつけ内科" in t and "Lab test (not a checkup)" in t for t in chart.tips())
    details = page.details.text()
    assert "Lab values between checkups" in details
    assert formatting.format_date(dt.date(2024, 9, 10)) in details
    assert "6.1 %" in details and "かかりつけ内科" in details and "Entered by hand" in details

    # Same item (fasting glucose), another unit: listed, not drawn, never converted.
    page.select(page.model.find_row(FPG_FILE), 1)
    assert page.chart.lab_count() == 0
    assert "Lab tests (not checkups)" not in page.chart.legend_text()
    details = page.details.text()
    assert "6.2 mmol/L" in details and "never converts units" in details
    assert page.chart_note.isVisibleTo(page) and "(mmol/L)" in page.chart_note.text()

    # An item without labs: the chart as before.
    page.select(page.model.find_row("3F077000002327101"), 1)
    assert page.chart.lab_count() == 0 and "Lab values" not in page.details.text()
    assert not page.chart_note.isVisibleTo(page)
    assert page.self_check() == []


def test_add_a_lab_value_by_hand_with_undo(qtbot: Any, filled: Any, settings: Any,
                                           make_shell: Any) -> None:
    app, page = _open_checkups(make_shell, settings, filled, qtbot)
    page.select(page.model.find_row(HBA1C_FILE), 1)
    assert page.add_lab_button.isVisible()
    page.add_lab_button.click()
    dialog = page.lab_dialog
    assert dialog is not None
    # The selected row's item is preselected (any method of HbA1c -> the その他 code).
    assert dialog.definition.code == COMMON_LABS["hba1c"]
    assert dialog.unit_label.text() == "%"
    dialog.value_edit.setText("6,3")  # a typo: stays open, says what to type
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisibleTo(dialog)
    dialog.value_edit.setText("６.３")  # full-width digits, as an IME types them
    dialog.set_date(dt.date(2024, 12, 2))
    dialog.facility.setText("駅前クリニック")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.chart.lab_count() == 2 and not page.busy)
    assert page.model.columnCount() == 2  # still one exam

    def stored() -> list[Any]:
        taro = ProfileService(filled).active()
        return RecordService(filled).list(RecordKind.LABS, [taro])

    labs = off_gui(stored)
    new = [v for v in labs if v.facility == "駅前クリニック"]
    assert len(new) == 1
    assert (new[0].code, new[0].value, new[0].unit, new[0].date, new[0].provenance) == \
        (COMMON_LABS["hba1c"], 6.3, "%", dt.date(2024, 12, 2), Provenance.MANUAL)
    assert off_gui(lambda: RecordService(filled).list(
        RecordKind.CHECKUPS, [ProfileService(filled).active()])).__len__() == 1

    app.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: page.chart.lab_count() == 1 and not page.busy)
    assert len(off_gui(stored)) == 2
