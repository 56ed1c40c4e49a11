"""Entry points (``run_gui``, ``run_demo_gui``) and :class:`PhrApp`, which wires the
vault window, the main window, the controller and auto-lock together."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from phrapp.services.locations import default_vault_folder
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.settings import Settings
from phrapp.ui import i18n, operations, style, threadguard
from phrapp.ui.controller import AppController
from phrapp.ui.idle import Clock, IdleLock
from phrapp.ui.main_window import MainWindow
from phrapp.ui.operations import Op, Progress
from phrapp.ui.pages import register_default_pages
from phrapp.ui.pages.base import Page
from phrapp.ui.qt import QApplication, QCoreApplication, QEvent, QEventLoop, QObject
from phrapp.ui.vault_window import Opened, VaultWindow

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_S = 60.0


def application() -> QApplication:
    """The QApplication (created once)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("phrapp")
    return app


def wait_until(predicate: Callable[[], bool], timeout_s: float = SMOKE_TIMEOUT_S) -> bool:
    """Process events until ``predicate()`` holds (no nested blocking event loop)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    return True


class PhrApp(QObject):
    """The running app: shows the vault window until unlocked, then the main window;
    locks on demand (Ctrl+L) or after idle time, clearing every view."""

    def __init__(self, settings: Settings, folder: Path | None, *,
                 demo_session: Session | None = None, clock: Clock = time.monotonic) -> None:
        super().__init__()
        register_default_pages()
        self.settings = settings
        self.folder = folder
        self._demo_session = demo_session
        self.controller = AppController(settings, demo=demo_session is not None)
        self.controller.settings_changed.connect(self._settings_changed)
        self.idle = IdleLock(settings.auto_lock_minutes, clock=clock)
        self.idle.idle.connect(self.lock)
        self.vault_window: VaultWindow | None = None
        self.main_window: MainWindow | None = None
        self._look = (settings.language, settings.font_size)
        self._build_windows()

    # -- windows -----------------------------------------------------------------
    def _build_windows(self) -> None:
        language = i18n.resolve_language(self.settings.language)
        i18n.install(language)
        style.apply(application(), self.settings.font_size)
        self.vault_window = VaultWindow(self.folder, self.settings,
                                        demo=self._demo_session is not None)
        self.vault_window.opened.connect(self.attach)
        self.vault_window.demo_resumed.connect(self._resume_demo)
        self.main_window = MainWindow(self.controller)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.close_requested.connect(self._main_closed)

    def _rebuild_windows(self) -> None:
        """Language or text size changed: build the windows again, keep the place."""
        old_main, old_vault = self.main_window, self.vault_window
        key = old_main.current_key() if old_main else "dashboard"
        was_unlocked = self.controller.is_unlocked
        for window in (old_main, old_vault):
            if window is not None:
                window.blockSignals(True)
                window.hide()
                window.deleteLater()
        self._build_windows()
        assert self.main_window is not None and self.vault_window is not None
        if was_unlocked:
            self.main_window.show()
            self.main_window.fill_profiles()
            self.main_window.go(key)
            for page in self.main_window.pages.values():
                page.invalidate()
        else:
            self.vault_window.show()

    def start(self) -> None:
        """Show the first window (the demo opens straight onto the data)."""
        if self._demo_session is not None:
            self._attach_demo(self._demo_session)
        else:
            assert self.vault_window is not None
            self.vault_window.show()

    # -- unlock / lock -----------------------------------------------------------
    def attach(self, opened: Opened) -> None:
        """Show an opened vault (after unlock or create)."""
        assert self.main_window is not None and self.vault_window is not None
        self.controller.attach(opened.session, opened.profiles, opened.active)
        self.main_window.show()
        self.vault_window.hide()
        self.idle.set_minutes(self.settings.auto_lock_minutes)
        self.idle.arm()

    def _attach_demo(self, session: Session) -> None:
        def work(_p: Progress) -> Opened:
            service = ProfileService(session)
            return Opened(session, service.list(), service.active_or_none())

        Op(None, work).success(self.attach).run_in_background()

    def _resume_demo(self) -> None:
        session = self.controller.parked_demo_session or self._demo_session
        if session is not None:
            self._attach_demo(session)

    def lock(self) -> None:
        """Close the vault, clear every view, show the vault window."""
        if not self.controller.is_unlocked:
            return
        assert self.main_window is not None and self.vault_window is not None
        self.idle.disarm()
        self.vault_window.reset()
        self.vault_window.show()
        self.main_window.hide()
        self.controller.lock()

    def _main_closed(self) -> None:
        application().quit()

    def _settings_changed(self) -> None:
        self.idle.set_minutes(self.settings.auto_lock_minutes)
        look = (self.settings.language, self.settings.font_size)
        if look != self._look:
            self._look = look
            self._rebuild_windows()

    def shutdown(self, *, close_session: bool = True) -> None:
        """Stop auto-lock, close the vault off the GUI thread, wait for the workers."""
        self.idle.shutdown()
        if close_session:
            self.controller.lock()  # clears the views; closes the vault on the worker
            pending = self.vault_window.pending if self.vault_window else None
            if pending is not None:  # created, recovery key not yet confirmed
                _close_in_background(pending.session)
        operations.wait_idle()
        for window in (self.main_window, self.vault_window):
            if window is not None:
                # hide, not close: closing the last window would ask the app to quit again
                window.blockSignals(True)
                window.hide()
                window.deleteLater()
        self.main_window = self.vault_window = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # -- smoke run (phrapp --demo --smoke) ---------------------------------------
    def smoke_run(self, timeout_s: float = SMOKE_TIMEOUT_S) -> list[str]:
        """Visit every page offscreen and check it shows data; returns the problems."""
        main = self.main_window
        assert main is not None
        if not wait_until(lambda: self.controller.is_unlocked and main.isVisible(), timeout_s):
            return ["the demo vault did not open"]
        problems: list[str] = []
        for key, page in main.pages.items():
            main.go(key)
            if not wait_until(_loaded(page), timeout_s):
                problems.append(f"{key}: did not finish loading")
                continue
            problems.extend(page.self_check())
        chart_page = main.pages.get("bp")
        if chart_page is not None:
            for key in ("2w", "1y", "all", "3m"):
                chart_page.chart.set_range(key)  # type: ignore[attr-defined]
        main.show_help()
        if main.help_dialog is None:
            problems.append("help: the dialog did not open")
        else:
            main.help_dialog.accept()
        # Lock and come back: the views empty, then fill again.
        self.lock()
        if self.controller.is_unlocked or any(
                getattr(p, "model", None) is not None and p.model.rowCount()  # type: ignore[attr-defined]
                for p in main.pages.values()):
            problems.append("lock: data still shown")
        self._resume_demo()
        main.go("bp")
        bp = main.pages["bp"]
        if not wait_until(lambda: self.controller.is_unlocked and bp.has_loaded, timeout_s):
            problems.append("unlock: the demo did not come back")
        else:
            problems.extend(bp.self_check())
        operations.wait_idle()
        return problems


def _loaded(page: Page) -> Callable[[], bool]:
    return lambda: page.has_loaded and not page.busy


def _close_in_background(session: Session) -> None:
    if session.vault.is_open:
        Op(None, lambda _p: session.close()).run_in_background()


def _exec(app: QApplication) -> int:
    """Run the event loop until quit."""
    code = int(app.exec())
    # Closing the windows on quit may have posted a second Quit; drop it, so that a
    # caller that keeps the application (the tests) can run event loops again.
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    return code


def _with_guard(wanted: bool) -> bool:
    if wanted:
        threadguard.install()
    return wanted


def run_gui(vault: str | Path | None = None) -> int:
    """The desktop app on the vault folder ``vault`` (default: the per-user folder)."""
    app = application()
    guarded = _with_guard(threadguard.wanted())
    folder = Path(vault).expanduser() if vault else default_vault_folder()
    shell = PhrApp(Settings.load(), folder)
    try:
        shell.start()
        return _exec(app)
    finally:
        shell.shutdown()
        if guarded:
            threadguard.uninstall()


def run_demo_gui(session: Session, smoke: bool = False) -> int:
    """The app on the demo session; ``smoke``: visit every page offscreen and exit."""
    app = application()
    guarded = _with_guard(smoke or threadguard.wanted())
    # The smoke run must not depend on (or change) the user's settings file.
    settings = Settings(path=None) if smoke else Settings.load()
    shell = PhrApp(settings, None, demo_session=session)
    try:
        shell.start()
        if smoke:
            problems = shell.smoke_run()
            if problems:
                log.error("demo smoke check failed: %s", "; ".join(problems))
                return 4
            log.info("demo smoke check passed")
            return 0
        return _exec(app)
    finally:
        # The caller owns (and closes) the demo session.
        shell.shutdown(close_session=False)
        if guarded:
            threadguard.uninstall()
