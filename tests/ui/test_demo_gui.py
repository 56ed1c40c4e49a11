"""``phrapp --demo --smoke``: every page shown once offscreen, with data, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.services.demo import populate
from phrapp.ui.app import PhrApp, run_demo_gui, wait_until
from phrapp.ui.errors import last_error_dialog

REPO = Path(__file__).resolve().parents[2]


def test_run_demo_gui_smoke_in_process(session: Any) -> None:
    off_gui(lambda: populate(session))
    assert run_demo_gui(session, smoke=True) == 0
    assert session.vault.is_open  # the caller owns the demo session
    assert last_error_dialog() is None


def test_smoke_run_reports_an_empty_page(session: Any, settings: Any, make_shell: Any) -> None:
    shell: PhrApp = make_shell(settings, None, demo_session=session)  # a vault without records
    shell.start()
    problems = shell.smoke_run(timeout_s=20)
    assert "bp: the table is empty" in problems
    assert "weight: the chart has no data" in problems
    assert any(p.startswith("dashboard:") for p in problems)


def test_demo_lock_keeps_the_throwaway_vault_and_shows_it_again(
        qtbot: Any, session: Any, settings: Any, make_shell: Any) -> None:
    off_gui(lambda: populate(session))
    shell: PhrApp = make_shell(settings, None, demo_session=session)
    shell.start()
    assert wait_until(lambda: shell.controller.is_unlocked, 20)
    main = shell.main_window
    main.go("bp")
    page = main.pages["bp"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 1000)
    shell.lock()
    assert page.model.rowCount() == 0
    assert shell.vault_window.mode == "demo"
    shell.vault_window.demo_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() > 1000)


@pytest.mark.slow
def test_phrapp_demo_smoke_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PHRAPP_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "phrapp", "--demo", "--smoke"], cwd=REPO,
                            env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(tmp_path.iterdir())  # the smoke run writes no settings


def test_run_gui_opens_the_create_window_for_an_empty_folder(tmp_path: Path, qapp: Any) -> None:
    from phrapp.ui.app import run_gui
    from phrapp.ui.qt import QApplication, QTimer
    from phrapp.ui.vault_window import VaultWindow

    seen: list[str] = []

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, VaultWindow) and w.isVisible()]
        seen.extend(w.mode for w in windows)
        QApplication.quit()

    QTimer.singleShot(200, look)
    assert run_gui(vault=tmp_path / "new") == 0
    assert seen == ["create"]
    assert not (tmp_path / "new").exists()  # nothing is written before the user asks
