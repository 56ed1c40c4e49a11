"""UI test setup: the no-SQL-on-the-GUI-thread guard is on for every test.

Vault work the tests do themselves (creating, filling, checking) runs on a helper
thread through :func:`off_gui`, exactly as the app runs it on its worker pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_support import FakeClock, off_gui


@pytest.fixture(autouse=True)
def _translations_as_on_a_fresh_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Compiled .qm files are build output (gitignored): test the .ts path a fresh
    clone and CI use, whatever a developer has built locally."""
    monkeypatch.setattr("phrapp.ui.i18n.QM_DIR", tmp_path / "no-qm")


@pytest.fixture(autouse=True)
def _config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real per-user settings file."""
    monkeypatch.setenv("PHRAPP_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def sql_guard(qapp: Any) -> Iterator[None]:
    """SQL on the GUI thread raises GuiThreadSqlError for the whole test."""
    from phrapp.ui import operations, threadguard

    threadguard.install()
    try:
        yield
    finally:
        operations.wait_idle(10_000)
        threadguard.uninstall()


@pytest.fixture
def session(tmp_path: Path, sql_guard: None, passphrase: str) -> Iterator[Any]:
    """The suite's session fixture, created and closed off the GUI thread."""
    from phrapp.domain.records import Sex
    from phrapp.services.profiles import ProfileService
    from phrapp.services.session import Session

    def create() -> Session:
        s, _recovery = Session.create(tmp_path / "vault", passphrase)
        ProfileService(s).add("本人", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
        return s

    s = off_gui(create)
    try:
        yield s
    finally:
        if s.vault.is_open:
            off_gui(s.close)


@pytest.fixture(scope="session", autouse=True)
def _clipboard_cleared_at_the_end(qapp: Any) -> Iterator[None]:
    """Tests never quit the app, so aboutToQuit never clears a copied secret: clear the
    clipboard while Python runs (its QMimeData freed at C++ exit would crash)."""
    yield
    from phrapp.ui.qt import QGuiApplication

    QGuiApplication.clipboard().clear()


@pytest.fixture
def settings() -> Any:
    """In-memory settings, English UI (the Japanese UI is tested in test_translations)."""
    from phrapp.settings import Language, Settings

    value = Settings(path=None)
    value.language = Language.EN
    return value


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_shell(qtbot: Any) -> Iterator[Callable[..., Any]]:
    """Build PhrApp instances that are shut down (vault closed, windows gone) afterwards."""
    from phrapp.ui.app import PhrApp
    from phrapp.ui.errors import last_error_dialog

    shells: list[PhrApp] = []

    def make(*args: Any, **kwargs: Any) -> PhrApp:
        shell = PhrApp(*args, **kwargs)
        shells.append(shell)
        return shell

    yield make
    stray = last_error_dialog()
    for shell in shells:
        shell.shutdown(close_session=shell._demo_session is None)
    if stray is not None:
        text = stray.message_label.text()
        stray.close()
        pytest.fail(f"an error dialog was left open: {text}")
