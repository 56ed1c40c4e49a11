"""The background-operation helper and the no-SQL-on-the-GUI-thread guard."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from ui_support import off_gui

from phrapp.domain.records import RecordKind
from phrapp.errors import WrongPassphrase
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.ui import operations
from phrapp.ui.errors import last_error_dialog, user_message
from phrapp.ui.operations import Op, Progress
from phrapp.ui.threadguard import GuiThreadSqlError


def test_function_runs_off_the_gui_thread_callbacks_on_it(qtbot: Any) -> None:
    seen: dict[str, Any] = {}

    def work(_p: Progress) -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    Op(None, work).success(done).always(lambda: seen.setdefault("always", True)) \
        .run_in_background()
    assert operations.busy()
    qtbot.waitUntil(lambda: "always" in seen)
    assert seen["result"] == 42
    assert seen["callback"] == threading.main_thread().ident
    assert seen["worker"] != threading.main_thread().ident
    assert not operations.busy()


def test_operations_run_one_at_a_time_in_order(qtbot: Any) -> None:
    order: list[int] = []

    def work(n: int) -> Any:
        def run(_p: Progress) -> int:
            time.sleep(0.01 * (3 - n))  # the first is the slowest
            order.append(n)
            return n
        return run

    for n in range(3):
        Op(None, work(n)).run_in_background()
    assert operations.wait_idle()
    assert order == [0, 1, 2]


def test_failure_callback_and_default_error_dialog(qtbot: Any) -> None:
    caught: list[BaseException] = []

    def fail(_p: Progress) -> None:
        raise WrongPassphrase("wrong passphrase")

    Op(None, fail).failure(caught.append).run_in_background()
    qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0], WrongPassphrase)
    assert last_error_dialog() is None  # handled: no dialog

    Op(None, fail).run_in_background()
    qtbot.waitUntil(lambda: last_error_dialog() is not None)
    dialog = last_error_dialog()
    assert dialog is not None
    assert dialog.message_label.text() == user_message(WrongPassphrase("x"))
    assert dialog.message_label.text().endswith(".")  # one plain sentence
    assert dialog.details.isHidden()
    dialog.details_button.click()
    assert not dialog.details.isHidden()
    assert "wrong-passphrase" in dialog.details.toPlainText()
    dialog.accept()
    assert last_error_dialog() is None


def test_unexpected_errors_get_a_generic_sentence(qtbot: Any) -> None:
    def boom(_p: Progress) -> None:
        raise KeyError("internal")

    Op(None, boom).run_in_background()
    qtbot.waitUntil(lambda: last_error_dialog() is not None)
    dialog = last_error_dialog()
    assert dialog is not None
    assert "internal" not in dialog.message_label.text()
    assert "KeyError" in dialog.details.toPlainText()
    dialog.accept()


def test_results_are_dropped_when_no_longer_valid(qtbot: Any) -> None:
    valid = {"now": True}
    got: list[int] = []
    Op(None, lambda _p: (time.sleep(0.05), 1)[1]).success(got.append) \
        .valid_while(lambda: valid["now"]).run_in_background()
    valid["now"] = False  # e.g. the vault locked meanwhile
    assert operations.wait_idle()
    assert got == []


def test_progress_reaches_the_gui_thread(qtbot: Any) -> None:
    reports: list[tuple[int, int]] = []

    def work(progress: Progress) -> None:
        for i in range(3):
            progress.update(i + 1, 3, "file.csv")

    op = Op(None, work).with_progress("Importing…")
    original = op._show_progress

    def spy(done: int, total: int, label: str) -> None:
        reports.append((done, total))
        original(done, total, label)

    op._show_progress = spy  # type: ignore[method-assign]
    op.run_in_background()
    assert operations.wait_idle()
    assert reports == [(1, 3), (2, 3), (3, 3)]


def test_guard_refuses_sql_on_the_gui_thread(session: Any) -> None:
    with pytest.raises(GuiThreadSqlError):
        session.db.query("SELECT 1")
    with pytest.raises(GuiThreadSqlError):
        RecordService(session).list(RecordKind.BP, [ProfileService(session).active()])
    assert off_gui(lambda: session.db.query("SELECT 1")) == [(1,)]


def test_guard_allows_sql_in_an_operation(qtbot: Any, session: Any) -> None:
    got: list[Any] = []
    Op(None, lambda _p: session.repos.profiles.all()).success(got.append).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    assert [p.name for p in got[0]] == ["本人"]
