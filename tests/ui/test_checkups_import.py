"""取り込み and 健診: drop a CDA → preview → import → the exam's column; the person
question for a two-examinee archive; undo from the history; hand entry equals the CLI."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.domain.records import RecordKind, Sex
from phrapp.domain.serialize import to_json
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.ui import formatting
from phrapp.ui.operations import Op
from phrapp.ui.pages.import_page import PREVIEW, QUESTION, START
from phrapp.ui.qt import QDropEvent, QMimeData, QPointF, Qt, QUrl
from phrapp.ui.vault_window import Opened

CDA = Path(__file__).resolve().parents[1] / "fixtures" / "cda"
LDL_FILE = "3F077000002327101"
VOLATILE = ("id", "created_at", "updated_at")


def _attach(make_shell: Any, settings: Any, session: Any, qtbot: Any) -> Any:
    app = make_shell(settings, session.vault.paths.folder)
    service = ProfileService(session)
    profiles, active = off_gui(lambda: (service.list(), service.active()))
    app.attach(Opened(session, profiles, active))
    qtbot.waitUntil(lambda: app.main_window.isVisible())
    return app


def _drop(widget: Any, *paths: Path) -> None:
    """What the window system delivers when files are dropped on the page."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    assert event.isAccepted()


def _open(qtbot: Any, main: Any, key: str) -> Any:
    main.go(key)
    page = main.pages[key]
    qtbot.waitUntil(lambda: page.has_loaded and not page.busy)
    return page


@pytest.fixture
def taro(session: Any) -> Any:
    """The vault's active person has the CDA examinee's identity (male, 1960-04-01)."""
    def add() -> None:
        service = ProfileService(session)
        service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
        service.use("太郎")

    off_gui(add)
    return session


def test_drop_preview_import_show_and_undo(qtbot: Any, taro: Any, settings: Any,
                                           make_shell: Any) -> None:
    shell = _attach(make_shell, settings, taro, qtbot)
    main = shell.main_window
    page = _open(qtbot, main, "import")
    assert page.stack.currentIndex() == START and page.acceptDrops()
    assert "特定健診" in page.formats_text.text()

    # A refused file: one sentence naming it, the technical text behind Details.
    _drop(page, CDA / "hostile" / "billion_laughs.xml")
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.busy)
    assert page.stack.currentIndex() == START
    assert "“billion_laughs.xml”" in page.banner.message.text()
    assert "hostile-input" in page.banner.details.toPlainText()
    assert page.banner.details.isHidden()

    _drop(page, CDA / "full_period4.xml")
    qtbot.waitUntil(lambda: page.stack.currentIndex() == PREVIEW)
    assert page.plan is not None
    assert dict(page.plan.files[0].added) == {"checkups": 1}
    card = " ".join(label.text() for label in page.file_cards[0].findChildren(type(page.heading)))
    assert "full_period4.xml" in card and "For: 太郎" in card
    assert "Will add: Checkup results: 1" in card
    assert page.import_button.isEnabled()
    page.import_button.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == START and bool(page.history_rows))
    assert page.banner.message.text().startswith("Imported: Checkup results: 1.")

    checkups = _open(qtbot, main, "checkups")
    assert checkups.stack.currentIndex() == 1
    assert checkups.model.columnCount() == 2
    assert checkups.model.header_text(1).split("\n")[0] == \
        formatting.format_date(dt.date(2024, 6, 3))
    row = checkups.model.find_row(LDL_FILE)
    assert checkups.model.cell_text(row, 1) == "132 mg/dL · Guidance"
    doctor = checkups.model.row_of_kind("doctor")
    assert checkups.model.cell_text(doctor, 1) == "特記すべき所見なし。\nDoctor: 診察\u3000一郎"
    metabolic = checkups.model.row_of_kind("metabolic")
    assert checkups.model.cell_text(metabolic, 1) == "Does not meet the criteria"
    checkups.select(row, 1)  # なぜ?: the threshold crossed, its source, the 17-char code
    assert "≥ 120 mg/dL" in checkups.details.text() and LDL_FILE in checkups.details.text()
    assert "令和6年度版" in checkups.details.text()
    assert checkups.chart.point_count() == 1 and checkups.chart.band_count() == 2
    assert checkups.self_check() == []

    # Undo from the history: confirm first, saying what will be removed.
    page = _open(qtbot, main, "import")
    history = page.history_rows[0]
    assert history.undo_button is not None
    history.undo_button.click()
    dialog = page.dialog
    assert dialog is not None and "Checkup results: 1" in dialog.text.text()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "undone" in page.banner.message.text()
                    and page.history_rows and page.history_rows[0].undo_button is None)
    checkups = _open(qtbot, main, "checkups")
    qtbot.waitUntil(lambda: checkups.stack.currentIndex() == 0)
    assert checkups.model.rowCount() == 0


def test_two_examinees_ask_whose_results_and_create_both(qtbot: Any, session: Any,
                                                        settings: Any, make_shell: Any) -> None:
    shell = _attach(make_shell, settings, session, qtbot)
    main = shell.main_window
    page = _open(qtbot, main, "import")

    # Cancel while the reading waits its turn on the worker: nothing is imported.
    gate = threading.Event()
    Op(None, lambda _p: gate.wait(10)).run_in_background()  # keeps the worker busy
    page.import_paths([CDA / "full_period4.xml"])
    assert page.stack.currentIndex() == 1  # the progress view
    page.cancel_reading()
    gate.set()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == START and not page.busy
                    and page._op is None)
    assert page.banner.message.text() == "Cancelled. Nothing was imported."

    _drop(page, CDA / "archive_standard.zip")
    qtbot.waitUntil(lambda: page.stack.currentIndex() == QUESTION)
    assert page.question_title.text() == "Whose checkup results are these?"
    assert "ケンシン\u3000タロウ" in page.question_text.text()
    assert "ケンシン\u3000ハナコ" in page.question_text.text()
    assert page.create_choice.text() == "Create 2 new people"
    assert page.create_choice.isChecked()
    assert page.existing_choice.isHidden()  # two people cannot both be one person
    page.question_ok.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == PREVIEW)
    assert page.plan.files[0].profiles_created == ["ケンシン\u3000タロウ",
                                                   "ケンシン\u3000ハナコ"]
    assert dict(page.plan.files[0].added) == {"checkups": 2}
    page.import_button.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == START and bool(page.history_rows))
    names = [p.name for p in shell.controller.profiles]
    assert names == ["本人", "ケンシン\u3000タロウ", "ケンシン\u3000ハナコ"]
    assert main.profile_box.count() == 3
    stored = off_gui(lambda: RecordService(session).list(
        RecordKind.CHECKUPS, ProfileService(session).list()))
    assert len(stored) == 2 and len({c.profile_id for c in stored}) == 2


def test_hand_entry_equals_the_cli_and_delete_undo(qtbot: Any, session: Any, settings: Any,
                                                   make_shell: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str],
                                                   passphrase: str) -> None:
    judgement = "血圧がやや高めです。家庭血圧を記録してください。"
    values = {"9N001000000000001": "168.2", "9N006000000000001": "65.4",
              "9A755000000000001": "138", "9A765000000000001": "86",
              "3F077000002399901": "132", "3D046000001999902": "5.8",
              "1A010000000190111": "2", "9N501000000000011": "3",
              "9N506000000000011": "2", "9N511000000000049": judgement}
    shell = _attach(make_shell, settings, session, qtbot)
    main = shell.main_window
    page = _open(qtbot, main, "checkups")
    assert page.stack.currentIndex() == 0 and not page.empty.import_button.isHidden()
    page.empty.add_button.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.set_exam_date(dt.date(2024, 6, 3))
    dialog.facility.setText("架空健診センター")
    dialog.fields["9N001000000000001"].set_value("16x")  # a typo: the message is next to it
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "Enter a number" in dialog.fields["9N001000000000001"].error.text()
    assert dialog.fields["9N001000000000001"].line.placeholderText() == "000.0"
    assert dialog.fields["9N001000000000001"].unit_label.text() == "cm"
    for code, text in values.items():
        dialog.fields[code].set_value(text)
    assert dialog.fields["1A010000000190111"].combo.currentText() == "±"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.model.columnCount() == 2)
    assert page.model.cell_text(page.model.find_row("9A755000000000001"), 1) == \
        "138 mmHg · Guidance"
    assert page.model.header_text(1) == formatting.format_date(dt.date(2024, 6, 3)) + \
        "\n架空健診センター"
    profile = shell.controller.profile
    stored = off_gui(lambda: RecordService(session).list(RecordKind.CHECKUPS, [profile]))
    gui_json = to_json(stored[0], profile.name)

    # The same report through `phrapp add checkup` on a vault with the same person.
    from phrapp.cli import main as cli

    monkeypatch.setenv("PHRAPP_VAULT", str(tmp_path / "cli-vault"))
    monkeypatch.setenv("PHRAPP_PASSPHRASE", passphrase)

    def run_cli() -> tuple[int, int]:
        init = cli(["init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02",
                    "--json"])
        capsys.readouterr()
        added = cli(["add", "checkup", "--date", "2024-06-03", "--facility", "架空健診センター",
                     *[f"{c}={v}" for c, v in values.items()], "--json"])
        return init, added

    assert off_gui(run_cli) == (0, 0)
    cli_json = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for key in VOLATILE:
        gui_json.pop(key)
        cli_json.pop(key)
    assert gui_json == cli_json

    # Delete the exam (its column), then undo restores it.
    page.select(page.model.find_row("9A755000000000001"), 1)
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0)
    page.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.columnCount() == 2)
    assert page.model.table.exams[0].id == stored[0].id
