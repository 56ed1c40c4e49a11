"""No SQL on the GUI thread: a guard the database runs before every statement.

The app installs it in debug/test mode (``PHRAPP_DEBUG=1``, ``--demo --smoke``) and the
UI tests install it for every test. A query on the GUI thread then raises
:class:`GuiThreadSqlError` instead of silently freezing the window; all database work
goes through :mod:`phrapp.ui.operations`.
"""

from __future__ import annotations

import os

from phrapp.storage.database import set_thread_guard
from phrapp.ui.qt import QCoreApplication, QThread

DEBUG_ENV = "PHRAPP_DEBUG"


class GuiThreadSqlError(RuntimeError):
    """SQL was about to run on the GUI thread."""


def check_not_gui_thread() -> None:
    """Raise when called on the QApplication's thread (no-op without an application)."""
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() == app.thread():
        raise GuiThreadSqlError("SQL on the GUI thread; use phrapp.ui.operations.Op")


def install() -> None:
    """Turn the guard on."""
    set_thread_guard(check_not_gui_thread)


def uninstall() -> None:
    """Turn the guard off."""
    set_thread_guard(None)


def wanted() -> bool:
    """True in debug mode (``PHRAPP_DEBUG=1``)."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")
