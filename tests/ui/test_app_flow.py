"""The acceptance path: create a vault → add a BP reading → see it in the table and the
chart → auto-lock hides it → unlock shows it again → delete, then undo restores it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.domain.records import BloodPressure, RecordKind
from phrapp.domain.time import today_in
from phrapp.services.records import RecordService
from phrapp.storage.database import DatabaseError
from phrapp.ui.qt import QDate, Qt, QTime


def _create_vault(qtbot: Any, shell: Any, passphrase: str, tmp_path: Path) -> None:
    window = shell.vault_window
    assert window.mode == "create"
    window.new_passphrase.setText(passphrase)
    window.confirm_passphrase.setText(passphrase)
    assert not window.create_button.isEnabled()  # the loss warning is not yet confirmed
    window.understand.setChecked(True)
    assert window.create_button.isEnabled()
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.recovery_dialog is not None
                    and window.recovery_dialog.isVisible(), timeout=20_000)
    dialog = window.recovery_dialog
    key = dialog.key_label.text()
    assert len(key.replace("-", "").replace(" ", "")) >= 26
    saved = dialog.save_to(tmp_path / "my-key")
    assert saved.name == "my-key.txt" and key in saved.read_text(encoding="utf-8")
    assert not dialog.continue_button.isEnabled()
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.main_window.isVisible())


def _add_bp(qtbot: Any, page: Any, systolic: int, diastolic: int, pulse: int) -> None:
    # The empty state offers "Enter by hand"; with records the page header has "Add record".
    button = page.empty.add_button if page.add_button.isHidden() else page.add_button
    assert not button.isHidden()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    today = today_in("Asia/Tokyo")
    dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
    dialog.time_edit.setTime(QTime(0, 30))  # 00:30 today: never in the future
    dialog.systolic.setValue(systolic)
    dialog.diastolic.setValue(diastolic)
    dialog.pulse.setValue(pulse)
    dialog.context.setCurrentIndex(dialog.context.findText("Morning"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_create_add_autolock_unlock_delete_undo(qtbot: Any, tmp_path: Path, settings: Any,
                                                clock: Any, make_shell: Any,
                                                passphrase: str) -> None:
    shell = make_shell(settings, tmp_path / "vault", clock=clock)
    shell.start()
    _create_vault(qtbot, shell, passphrase, tmp_path)
    main = shell.main_window
    session = shell.controller.session
    assert shell.controller.profile.name == "Me"

    main.go("bp")
    page = main.pages["bp"]
    qtbot.waitUntil(lambda: page.has_loaded)
    assert page.stack.currentWidget() is page.empty  # an explained empty state, not a table
    assert not page.empty.import_button.isHidden()  # the 取り込み page is registered
    assert page.add_button.isHidden()  # one primary action: the empty state's

    _add_bp(qtbot, page, 128, 82, 66)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.stack.currentIndex() == 1
    assert not page.add_button.isHidden()
    assert page.model.cell_text(0, 1) == "Morning"
    assert page.model.cell_text(0, 2) == "128"
    assert page.model.cell_text(0, 3) == "82"
    assert page.model.cell_text(0, 4) == "66"
    series = page.chart.series()
    assert series["systolic"][1].tolist() == [128.0]
    assert series["diastolic"][1].tolist() == [82.0]
    assert series["systolic_morning"][1].tolist() == [128.0]
    assert page.summary.cards[0].value.text() == "128/82 mmHg"
    assert page.summary.cards[2].value.text() == "1 readings"
    stored = off_gui(lambda: RecordService(session).list(
        RecordKind.BP, [shell.controller.profile]))
    assert [(r.systolic, r.diastolic, r.pulse) for r in stored] == [(128, 82, 66)]
    assert "128" not in main.windowTitle() and "128" not in shell.vault_window.windowTitle()

    # Auto-lock: the fake clock passes the idle time; the timer's check fires.
    clock.advance(settings.auto_lock_minutes * 60 - 5)
    shell.idle.check()
    assert shell.controller.is_unlocked
    clock.advance(10)
    shell.idle.check()
    assert not shell.controller.is_unlocked
    assert page.model.rowCount() == 0
    assert page.chart.point_count() == 0
    assert page.summary.cards[0].value.text() == "—"
    assert shell.vault_window.isVisible() and not main.isVisible()
    assert shell.vault_window.mode == "unlock"
    qtbot.waitUntil(lambda: not session.vault.is_open)
    with pytest.raises(DatabaseError):  # the old connection is gone (T7)
        off_gui(lambda: session.db.query("SELECT 1"))

    # A wrong passphrase says so in one sentence; the right one shows the data again.
    window = shell.vault_window
    window.passphrase.setText("not the passphrase at all")
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not correct" in window.unlock_error.text(), timeout=20_000)
    assert not main.isVisible()
    window.passphrase.setText(passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.isVisible() and page.model.rowCount() == 1, timeout=20_000)
    assert window.passphrase.text() == ""
    assert page.model.cell_text(0, 2) == "128"
    assert page.chart.series()["systolic"][1].tolist() == [128.0]
    record_id = page.model.record_at(0).id

    # Delete, then undo restores the same reading.
    page.table.selectRow(0)
    assert page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.undo_button.isEnabled()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    restored = page.model.record_at(0)
    assert isinstance(restored, BloodPressure)
    assert (restored.id, restored.systolic, restored.diastolic, restored.pulse) == \
        (record_id, 128, 82, 66)
    shell.controller.undo_stack.redo()  # redo deletes it again
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_lock_on_demand_and_idle_reset_by_input(qtbot: Any, session: Any, settings: Any,
                                                clock: Any, make_shell: Any,
                                                passphrase: str) -> None:
    folder = session.vault.paths.folder
    off_gui(session.close)
    shell = make_shell(settings, folder, clock=clock)
    shell.start()
    window = shell.vault_window
    assert window.mode == "unlock"
    window.passphrase.setText(passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.main_window.isVisible(), timeout=20_000)
    assert shell.controller.profile.name == "本人"

    # Input counts as activity: no lock after 4 + 4 minutes with a key press between.
    clock.advance(4 * 60)
    qtbot.keyClick(shell.main_window.nav, Qt.Key.Key_Down)
    clock.advance(4 * 60)
    shell.idle.check()
    assert shell.controller.is_unlocked

    shell.main_window.lock_requested.emit()  # the Lock button and Ctrl+L
    assert not shell.controller.is_unlocked
    assert window.isVisible() and window.passphrase.text() == ""
    qtbot.waitUntil(lambda: not shell.controller.session and not any(
        p.busy for p in shell.main_window.pages.values()))


def test_settings_change_the_autolock_time(qtbot: Any, session: Any, settings: Any,
                                           clock: Any, make_shell: Any, passphrase: str) -> None:
    folder = session.vault.paths.folder
    off_gui(session.close)
    shell = make_shell(settings, folder, clock=clock)
    shell.start()
    shell.vault_window.passphrase.setText(passphrase)
    shell.vault_window.unlock()
    qtbot.waitUntil(lambda: shell.main_window.isVisible(), timeout=20_000)
    main = shell.main_window
    main.go("settings")
    page = main.pages["settings"]
    page.auto_lock.setValue(1)
    page.steps_target.setValue(10_000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Saved.")
    assert settings.auto_lock_minutes == 1 and settings.steps_target == 10_000
    assert shell.idle.minutes == 1
    clock.advance(61)
    shell.idle.check()
    assert not shell.controller.is_unlocked


def test_unlock_with_the_recovery_key(qtbot: Any, tmp_path: Path, settings: Any,
                                      make_shell: Any, passphrase: str) -> None:
    from phrapp.services.session import Session

    def create() -> str:
        s, recovery = Session.create(tmp_path / "vault", passphrase)
        s.close()
        return recovery

    recovery = off_gui(create)
    shell = make_shell(settings, tmp_path / "vault")
    shell.start()
    window = shell.vault_window
    window.recovery_toggle.setChecked(True)
    window.passphrase.setText(recovery)
    window.unlock()
    qtbot.waitUntil(lambda: shell.main_window.isVisible(), timeout=20_000)
    assert shell.controller.profile is None  # a vault without people yet
    main = shell.main_window
    assert main.profile_box.count() == 0
    main.go("bp")
    main.pages["bp"].open_add_dialog()  # nobody to add it for: nothing opens
    assert main.pages["bp"].dialog is None
    main.go("settings")
    page = main.pages["settings"]
    page.open_add_person()
    page.dialog.name.setText("本人")
    page.dialog.ok.click()
    qtbot.waitUntil(lambda: main.profile_box.count() == 1)
    assert shell.controller.profile.name == "本人"
    assert main.profile_box.currentText() == "本人"
