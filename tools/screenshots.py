"""Render every page of the demo (ja and en) to PNG under ``screenshots/`` (offscreen).

    .venv/bin/python tools/screenshots.py [--out screenshots] [--lang ja en]

Uses a throwaway demo vault (synthetic data). Japanese text needs a CJK font
(e.g. ``apt-get install fonts-noto-cjk``); the tests never need one.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

log = logging.getLogger("screenshots")

SIZE = (1280, 860)
FIXTURES = REPO / "tests" / "fixtures" / "cda"


def _grab(widget: Any, path: Path) -> None:
    from phrapp.ui import operations
    from phrapp.ui.app import application, wait_until

    wait_until(lambda: not operations.busy(), 30)
    for _ in range(5):
        application().processEvents()
    widget.grab().save(str(path))
    log.info("wrote %s", path)


def _switch(shell: Any, name: str) -> None:
    from phrapp.ui.app import wait_until

    shell.controller.switch_profile(shell.main_window, name)
    wait_until(lambda: shell.controller.profile is not None
               and shell.controller.profile.name == name)


def shoot_language(session: Any, folder: Path, lang: str, out: Path, font_size: str) -> None:
    """Every page, a dialog, help, the empty state and the windows before the data."""
    from phrapp.settings import FontSize, Language, Settings
    from phrapp.ui.app import PhrApp, wait_until
    from phrapp.ui.vault_window import RecoveryKeyDialog, VaultWindow

    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(path=None)
    settings.language = Language(lang)
    settings.font_size = FontSize(font_size)
    shell = PhrApp(settings, None, demo_session=session)
    shell.start()
    main = shell.main_window
    assert main is not None
    main.resize(*SIZE)
    wait_until(lambda: shell.controller.is_unlocked)
    for index, (key, page) in enumerate(main.pages.items(), start=1):
        main.go(key)
        wait_until(lambda p=page: p.has_loaded and not p.busy, 30)
        _grab(main, out / f"{index:02d}_{key}.png")

    dashboard = main.pages["dashboard"]
    main.go("dashboard")
    dashboard.bp_card.why_button.click()  # the なぜ? panel of the home-BP card
    if dashboard.dialog is not None:
        _grab(dashboard.dialog, out / "26_dashboard_why.png")
        dashboard.dialog.accept()
    dashboard.open_goals_dialog()  # 目標: the demo person has set weight and BP goals
    if dashboard.dialog is not None:
        dashboard.dialog.adjustSize()
        _grab(dashboard.dialog, out / "27_goals_dialog.png")
        dashboard.dialog.reject()

    main.go("bp")
    bp = main.pages["bp"]
    bp.ranges.buttons["1y"].click()
    _grab(main, out / "20_bp_1year.png")
    bp.ranges.buttons["2w"].click()
    _grab(main, out / "20_bp_2weeks.png")
    bp.ranges.buttons["3m"].click()
    bp.open_add_dialog()
    if bp.dialog is not None:
        bp.dialog.adjustSize()
        _grab(bp.dialog, out / "21_bp_add_dialog.png")
        bp.dialog.reject()
    main.show_help()
    if main.help_dialog is not None:
        main.help_dialog.adjustSize()
        _grab(main.help_dialog, out / "22_help.png")
        main.help_dialog.accept()

    _switch(shell, "母")  # a person without records: the empty states
    wait_until(lambda: bp.has_loaded and not bp.busy)
    _grab(main, out / "23_bp_empty.png")
    main.go("checkups")
    checkups = main.pages["checkups"]
    wait_until(lambda: checkups.has_loaded and not checkups.busy)
    _grab(main, out / "24_checkups_empty.png")
    main.go("medications")
    medications = main.pages["medications"]
    wait_until(lambda: medications.has_loaded and not medications.busy)
    _grab(main, out / "25_medications_empty.png")
    _switch(shell, "山田 太郎")
    shoot_checkups(main, out)
    shoot_medications(main, out)
    shoot_import(main, out)

    create = VaultWindow(folder / "new-vault", settings)
    create.resize(640, 760)
    create.new_passphrase.setText("sakura tokei kaban 2026")
    create.confirm_passphrase.setText("sakura tokei kaban 2026")
    create.show()
    _grab(create, out / "30_create_vault.png")
    unlock = VaultWindow(folder / "vault", settings)
    unlock.resize(640, 560)
    unlock.show()
    _grab(unlock, out / "31_unlock.png")
    recovery = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    recovery.adjustSize()
    recovery.show()
    _grab(recovery, out / "32_recovery_key.png")
    for widget in (create, unlock, recovery):
        widget.close()
        widget.deleteLater()
    shell.lock()
    _grab(shell.vault_window, out / "33_locked_demo.png")
    shell.shutdown(close_session=False)
    shell.deleteLater()


def shoot_checkups(main: Any, out: Path) -> None:
    """The 健診 page: a doctor's judgement selected, the hand-entry form."""
    from phrapp.ui.app import wait_until

    main.go("checkups")
    page = main.pages["checkups"]
    wait_until(lambda: page.has_loaded and not page.busy, 30)
    page.select(page.model.find_row("3D046000001999902"), 2)  # HbA1c, the older exam
    _grab(main, out / "40_checkups_hba1c.png")
    page.select(page.model.row_of_kind("doctor"), 1)
    _grab(main, out / "41_checkups_doctor.png")
    page.open_entry_dialog()
    if page.dialog is not None:
        page.dialog.resize(900, 760)
        page.dialog.fields["9N001000000000001"].set_value("168.5")
        page.dialog.fields["9A755000000000001"].set_value("13O")
        page.dialog.try_accept()  # shows the error next to the field
        _grab(page.dialog, out / "42_checkup_entry.png")
        page.dialog.reject()


def shoot_medications(main: Any, out: Path) -> None:
    """お薬: the history searched, allergies, vaccinations and the hand-entry dialog."""
    from phrapp.ui.app import wait_until

    main.go("medications")
    page = main.pages["medications"]
    wait_until(lambda: page.has_loaded and not page.busy, 30)
    page.tabs.setCurrentIndex(1)
    _grab(main, out / "45_medications_history.png")
    page.search.setText("ロキソ")
    _grab(main, out / "45_medications_search.png")
    page.search.clear()
    page.tabs.setCurrentIndex(2)
    _grab(main, out / "46_medications_allergies.png")
    page.tabs.setCurrentIndex(3)
    _grab(main, out / "47_medications_vaccinations.png")
    page.tabs.setCurrentIndex(0)
    page.open_medicine_dialog()
    if page.dialog is not None:
        page.dialog.adjustSize()
        _grab(page.dialog, out / "48_medicine_dialog.png")
        page.dialog.reject()


def shoot_import(main: Any, out: Path) -> None:
    """取り込み: the person question, the preview, the result and history, undo, an error."""
    import threading

    from phrapp.ui.app import wait_until
    from phrapp.ui.operations import Op

    main.go("import")
    page = main.pages["import"]
    wait_until(lambda: page.has_loaded and not page.busy, 30)
    gate = threading.Event()  # hold the worker so that the progress view stays up
    Op(None, lambda _p: gate.wait(10)).run_in_background()
    page.import_paths([FIXTURES / "full_period4.xml", FIXTURES / "archive_standard.zip"])
    page._progress(0, 2000, "full_period4.xml")
    main.grab()  # lay the view out before the shot
    page.progress_bar.setValue(700)
    main.grab().save(str(out / "49_import_reading.png"))
    page.cancel_reading()
    gate.set()
    wait_until(lambda: page.stack.currentIndex() == 0 and not page.busy, 30)
    page.import_paths([FIXTURES / "full_period4.xml"])  # what a drop does
    wait_until(lambda: page.stack.currentIndex() != 1, 30)
    _grab(main, out / "50_import_question.png")
    if page.question is not None:
        page.create_choice.setChecked(True)
        page.answer_question()
        wait_until(lambda: page.stack.currentIndex() == 2, 30)
    _grab(main, out / "51_import_preview.png")
    page.commit()
    wait_until(lambda: page.stack.currentIndex() == 0 and not page.busy, 30)
    wait_until(lambda: bool(page.history_rows), 30)
    _grab(main, out / "52_import_done.png")
    row = next(r for r in page.history_rows if r.undo_button is not None)
    row.undo_button.click()
    if page.dialog is not None:
        page.dialog.adjustSize()
        _grab(page.dialog, out / "53_import_undo_confirm.png")
        page.dialog.accept()
    wait_until(lambda: "undone" in page.banner.message.text().lower()
               or "元に戻" in page.banner.message.text(), 30)
    wait_until(lambda: not page.busy, 30)
    _grab(main, out / "54_import_undone.png")
    page.import_paths([FIXTURES / "negative" / "truncated.xml"])
    wait_until(lambda: page.stack.currentIndex() == 0 and page.banner.isVisible(), 30)
    page.banner.details_button.setChecked(True)
    _grab(main, out / "55_import_error.png")
    page.banner.hide_message()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["ja", "en"], choices=["ja", "en"])
    parser.add_argument("--font-size", default="normal", choices=["normal", "large", "xlarge"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    from phrapp.services.demo import populate
    from phrapp.services.profiles import ProfileService
    from phrapp.services.session import Session
    from phrapp.ui.app import application

    application()
    folder = Path(tempfile.mkdtemp(prefix="phrapp-shots-"))
    try:
        session, _recovery = Session.create(folder / "vault", secrets.token_urlsafe(24))
        try:
            populate(session)
            ProfileService(session).add("母")
            for lang in args.lang:
                shoot_language(session, folder, lang, args.out / lang, args.font_size)
        finally:
            session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
