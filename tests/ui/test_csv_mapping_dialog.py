"""列の割り当て: an unknown CP932 CSV with separate date and time columns → the mapping
dialog previews parsed values → the import lands in the BP chart; the mapping is saved
in the vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.services.csv_mappings import CsvMappingService
from phrapp.services.profiles import ProfileService
from phrapp.ui.csv_mapping_dialog import CsvMappingDialog
from phrapp.ui.pages.import_page import PREVIEW, START
from phrapp.ui.vault_window import Opened

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "csv_mapped"


@pytest.fixture
def shell(session: Any, settings: Any, make_shell: Any, qtbot: Any) -> Any:
    app = make_shell(settings, session.vault.paths.folder)
    service = ProfileService(session)
    profiles, active = off_gui(lambda: (service.list(), service.active()))
    app.attach(Opened(session, profiles, active))
    qtbot.waitUntil(lambda: app.main_window.isVisible())
    return app


def _open(qtbot: Any, main: Any, key: str) -> Any:
    main.go(key)
    page = main.pages[key]
    qtbot.waitUntil(lambda: page.has_loaded and not page.busy)
    return page


def _refused_with_offer(qtbot: Any, page: Any, path: Path) -> None:
    page.import_paths([path])
    qtbot.waitUntil(lambda: page.stack.currentIndex() == START and page.banner.isVisible()
                    and not page.busy)


def _settled(qtbot: Any, dialog: CsvMappingDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy and dialog.current is not None, timeout=10_000)


def test_cp932_separate_date_time_preview_then_import_lands_in_the_bp_chart(
        qtbot: Any, shell: Any, session: Any) -> None:
    main = shell.main_window
    page = _open(qtbot, main, "import")
    _refused_with_offer(qtbot, page, FIX / "bp_cp932_dialog.csv")
    assert page.map_button.isVisibleTo(page)
    assert "“bp_cp932_dialog.csv”" in page.banner.message.text()
    page.map_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CsvMappingDialog)
    _settled(qtbot, dialog)

    # The raw rows, decoded as CP932 (automatic), memo characters intact.
    assert dialog.current is not None and dialog.current.encoding == "cp932"
    assert dialog.raw_table.item(1, 5).text() == "髙橋医院①～"
    # The header words gave a first assignment the person can see and change.
    assert dialog.kind == "bp"
    assert {n: dialog.field_boxes[n].currentData()
            for n in ("date", "time", "systolic", "diastolic", "pulse")} == \
        {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}
    # The preview shows parsed values, with each unreadable row's reason in words.
    assert dialog.preview_cells() == [
        ["2", "2024-11-01 07:05 +09:00", "128", "82", "66", "OK"],
        ["3", "2024-11-01 21:30 +09:00", "135", "88", "72", "OK"],
        ["4", "Not imported: Diastolic is empty", "", "", "", ""],
        ["5", "2024-11-02 07:10 +09:00", "122", "79", "61", "OK"],
        ["6", "Not imported: the date or time cannot be read in the chosen format",
         "", "", "", ""],
    ]
    assert dialog.status.text() == "3 of the first 5 rows can be imported."

    # Another zone changes the offsets shown (and stored).
    dialog.zone_box.setCurrentIndex(dialog.zone_box.findData("UTC"))
    qtbot.waitUntil(lambda: not dialog.busy
                    and dialog.preview_cells()[0][1] == "2024-11-01 07:05 +00:00")
    dialog.zone_box.setCurrentIndex(0)  # back to the home zone
    qtbot.waitUntil(lambda: not dialog.busy
                    and dialog.preview_cells()[0][1] == "2024-11-01 07:05 +09:00")

    dialog.save_check.setChecked(True)
    dialog.name_edit.setText("血圧手帳")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()

    qtbot.waitUntil(lambda: page.stack.currentIndex() == PREVIEW, timeout=10_000)
    assert page.plan is not None
    fp = page.plan.files[0]
    assert fp.format == "csv-mapped"
    assert dict(fp.added) == {"bp": 3}
    assert dict(fp.skipped) == {"invalid-date": 1, "missing-field": 1}
    page.import_button.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == START and bool(page.history_rows))
    assert page.banner.message.text().startswith("Imported: Blood pressure: 3.")

    saved = off_gui(lambda: CsvMappingService(session).saved())
    assert [m.name for m in saved] == ["血圧手帳"]
    assert saved[0].header[:3] == ("日付", "時間", "上の血圧")

    bp = _open(qtbot, main, "bp")
    qtbot.waitUntil(lambda: len(bp.chart.series()["systolic"][1]) == 3)
    series = bp.chart.series()
    assert series["systolic"][1].tolist() == [128, 135, 122]
    assert series["diastolic"][1].tolist() == [82, 88, 79]
    assert series["systolic_morning"][1].tolist() == [128, 122]
    assert series["systolic_evening"][1].tolist() == [135]


def test_dialog_choices_change_the_preview(qtbot: Any, shell: Any) -> None:
    page = _open(qtbot, shell.main_window, "import")
    _refused_with_offer(qtbot, page, FIX / "bp_cp932_dialog.csv")
    page.map_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CsvMappingDialog)
    _settled(qtbot, dialog)

    # Unassigning a required column: no preview rows, OK disabled, the reason said.
    dialog.field_boxes["systolic"].setCurrentIndex(0)
    qtbot.waitUntil(lambda: not dialog.busy and not dialog.preview_cells())
    assert not dialog.ok_button.isEnabled()
    assert "(choose a column)" in dialog.status.text()
    dialog.field_boxes["systolic"].setCurrentIndex(
        dialog.field_boxes["systolic"].findData(2))
    qtbot.waitUntil(lambda: not dialog.busy and len(dialog.preview_cells()) == 5)

    # A wrong encoding: one sentence, nothing to import.
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData("utf-16"))
    qtbot.waitUntil(lambda: not dialog.busy and dialog.current is None)
    assert "encoding" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()

    # Keyboard: every choice has a label that moves the focus to it.
    assert dialog.field_boxes["date"] is dialog.field_labels["date"].buddy()
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_refused_files_without_an_offer(qtbot: Any, shell: Any) -> None:
    page = _open(qtbot, shell.main_window, "import")
    # UTF-16 without a BOM is not text phrapp reads: refused, no mapping offered.
    _refused_with_offer(qtbot, page, FIX / "bp_utf16_nobom.csv")
    assert not page.map_button.isVisibleTo(page)
    # A header no mapping knows: the offer appears.
    _refused_with_offer(qtbot, page, FIX / "no_match.csv")
    assert page.map_button.isVisibleTo(page)
