"""書き出し: the confirmation names the person, the kinds with their counts and warns
before a plain format; only then is a destination asked for; the files are written and
the history shows the export; a share package's passphrase is shown once and opens the
package; cancelling at the confirmation writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from test_checkups_import import _attach, _open
from ui_support import off_gui

from phrapp.domain.records import BloodPressure, Provenance, Sex
from phrapp.io.share_package import open_package
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.ui.export_dialogs import ConfirmExportDialog, ExportDoneDialog
from phrapp.ui.qt import QFileDialog, QLineEdit

CDA = Path(__file__).resolve().parents[1] / "fixtures" / "cda" / "full_period4.xml"
JST = dt.timezone(dt.timedelta(hours=9))


@pytest.fixture
def filled(session: Any) -> Any:
    """太郎 (the CDA examinee) with the fixture checkup and three home BP readings."""
    def work() -> None:
        service = ProfileService(session)
        service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
        service.use("太郎")
        profile = service.active()
        assert profile is not None
        importer = ImportService(session)
        importer.commit(importer.preview([CDA]))
        records = RecordService(session)
        for day, sbp in ((1, 132), (2, 128), (3, 141)):
            records.add(BloodPressure(
                profile_id=profile.id, systolic=sbp, diastolic=82,
                measured_at=dt.datetime(2024, 12, day, 7, 0, tzinfo=JST),
                provenance=Provenance.DEVICE))

    off_gui(work)
    return session


def _page(qtbot: Any, make_shell: Any, settings: Any, session: Any) -> Any:
    shell = _attach(make_shell, settings, session, qtbot)
    page = _open(qtbot, shell.main_window, "export")
    assert page.profile_box.currentText() == "太郎"  # the active person by default
    return page


def _confirmation(qtbot: Any, page: Any) -> ConfirmExportDialog:
    page.export_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ConfirmExportDialog))
    return page.dialog  # type: ignore[no-any-return]


def _no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a destination was asked for before the confirmation")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", refuse)


def test_csv_confirm_write_and_history(qtbot: Any, filled: Any, settings: Any,
                                       make_shell: Any, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, make_shell, settings, filled)
    assert page.history_empty.isVisible() and page.history_texts() == []
    page.set_format("csv")
    assert page.kind_boxes[next(iter(page.kind_boxes))].isVisible()
    assert {k.value for k in page.visible_kinds()} >= {"bp", "checkups"}
    assert page.options_box.isHidden()  # no note, no regenerate for CSV

    _no_dialogs(monkeypatch)
    dialog = _confirmation(qtbot, page)
    text = dialog.text.text()
    assert "Person: 太郎" in text
    assert "Format: CSV for spreadsheets" in text
    assert "Period: All records" in text
    assert "Blood pressure: 3" in text and "Checkup results: 1" in text
    assert "In total: 4 records" in text
    assert "not encrypted" in dialog.warning_text.text()
    assert dialog.ok_button.text() == "Export without encryption…"
    assert dialog.cancel_button.isDefault()  # Enter never sends data by accident

    out = tmp_path / "exports"
    out.mkdir()
    asked: list[str] = []

    def folder(_parent: Any, title: str, _start: str = "") -> str:
        asked.append(title)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ExportDoneDialog), timeout=20_000)
    assert asked
    done = page.dialog
    assert done.passphrase is None  # a plain format has no passphrase
    written = sorted(p.name for p in out.iterdir())
    assert "bp.csv" in written and any("checkup" in name for name in written)
    assert all(not name.startswith(".") for name in written)  # no staging left behind
    assert "Exported 4 records" in page.banner.message.text()
    done.close_button.click()

    qtbot.waitUntil(lambda: bool(page.history_texts()))
    when, fmt, kinds, count, encrypted = page.history_texts()[0]
    assert fmt == "CSV for spreadsheets"
    assert "Blood pressure" in kinds and "Checkup results" in kinds
    assert count == "4" and encrypted == "No (not encrypted)"
    assert when


def test_share_passphrase_shown_once_and_opens(qtbot: Any, filled: Any, settings: Any,
                                               make_shell: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, make_shell, settings, filled)
    page.set_format("share")
    assert page.note.isVisible() and page.note_label.text() == "Note for the recipient"
    page.note.setPlainText("山田クリニック 田中先生へ")
    page.set_period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))

    _no_dialogs(monkeypatch)
    dialog = _confirmation(qtbot, page)
    text = dialog.text.text()
    assert "Format: Encrypted share file" in text
    assert "Note for the recipient: 山田クリニック 田中先生へ" in text
    assert "Blood pressure: 3" in text and "Checkup results: 1" in text
    assert "encrypted" in dialog.warning_text.text()
    assert "not encrypted" not in dialog.warning_text.text()

    target = tmp_path / "for-clinic"  # typed without the extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ExportDoneDialog), timeout=20_000)
    done = page.dialog
    assert done.passphrase is not None and done.passphrase.isReadOnly()
    passphrase = done.passphrase.text()
    assert len(passphrase) >= 24
    package = tmp_path / "for-clinic.phrapp"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [package.name]
    opened = open_package(package.read_bytes(), passphrase)
    assert any(name.startswith("fhir/") for name in opened.members)
    assert any(name.startswith("csv/") for name in opened.members)

    done.copy_button.click()
    assert "Copied" in done.status.text()
    done.close_button.click()
    # Shown once: no widget of the page keeps the passphrase afterwards.
    assert done.passphrase.text() == ""
    assert all(passphrase not in edit.text() for edit in page.findChildren(QLineEdit))
    qtbot.waitUntil(lambda: bool(page.history_texts()))
    assert page.history_texts()[0][4] == "Yes (encrypted)"


def test_cancel_at_the_confirmation_writes_nothing(qtbot: Any, filled: Any, settings: Any,
                                                   make_shell: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, make_shell, settings, filled)
    page.set_format("fhir")
    before = sorted(tmp_path.rglob("*"))
    _no_dialogs(monkeypatch)
    dialog = _confirmation(qtbot, page)
    dialog.cancel_button.click()
    assert page.dialog is None
    assert page.banner.message.text() == "Cancelled. Nothing was exported."
    assert page.export_button.isEnabled()
    assert sorted(tmp_path.rglob("*")) == before
    assert page.history_texts() == []


def test_nothing_chosen_is_refused_in_words(qtbot: Any, filled: Any, settings: Any,
                                            make_shell: Any) -> None:
    page = _page(qtbot, make_shell, settings, filled)
    page.set_format("jahis")
    assert [k.value for k in page.visible_kinds()] == ["medications", "allergies"]
    for kind in page.visible_kinds():
        page.kind_boxes[kind].setChecked(False)
    page.export_button.click()
    assert page.dialog is None
    assert "at least one kind" in page.banner.message.text()
    page.set_format("cda")
    assert page.regenerate.isVisible()
    page.set_period(dt.date(2025, 1, 2), dt.date(2025, 1, 1))
    page.export_button.click()
    assert "after its end" in page.banner.message.text()


def test_cancel_during_the_export_leaves_nothing(qtbot: Any, filled: Any, settings: Any,
                                                 make_shell: Any, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from phrapp.ui.operations import Progress

    page = _page(qtbot, make_shell, settings, filled)
    page.set_format("csv")
    dialog = _confirmation(qtbot, page)
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    # As if 中止 was pressed at once: the first progress report stops the exporter.
    monkeypatch.setattr(Progress, "cancelled", property(lambda _self: True))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "cancelled" in page.banner.message.text(), timeout=20_000)
    assert page.banner.message.text() == "The export was cancelled. Nothing was written."
    assert list(out.iterdir()) == []  # not even the staging folder
    assert page.export_button.isEnabled()
    page.invalidate()
    qtbot.waitUntil(lambda: page.has_loaded and not page.busy)
    assert page.history_texts() == []  # a cancelled export is not in the history
