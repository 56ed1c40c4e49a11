"""Background operations: the one way the UI touches the vault (after Anki's CollectionOp).

    Op(parent, lambda progress: RecordService(session).add(record)) \\
        .success(on_added) \\
        .run_in_background()

The function runs on a worker thread of a *serial* pool, so operations run one at a
time and in the order they were started (an undo always runs after the delete it
undoes; an unlock after the lock that closed the vault). ``success``, ``failure`` and
``always`` callbacks run on the GUI thread.

Never touch widgets inside the function: build plain values there and apply them in
``success``. A failure without a ``failure`` callback is shown as one plain sentence
with the technical text behind 詳細 (:func:`phrapp.ui.errors.show_error`).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from phrapp.ui.qt import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
    is_alive,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

_pool: QThreadPool | None = None
_running: set[Op[Any]] = set()


def pool() -> QThreadPool:
    """The serial worker pool (one thread: operations never overlap)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def busy() -> bool:
    """True while an operation is queued, running, or has callbacks not yet delivered."""
    return bool(_running)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Wait for every operation *and* its GUI callbacks (for shutdown, smoke runs, tests)."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while _running and time.monotonic() < deadline:
        pool().waitForDone(20)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return not _running


class Progress:
    """Given to the operation function: report progress and check for cancel (thread-safe)."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def update(self, done: int, total: int = 0, label: str = "") -> None:
        """Report ``done`` of ``total`` (0 = unknown), with e.g. the file name as ``label``."""
        self._relay.progressed.emit(int(done), int(total), label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the slots here."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self._op = op
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progress)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._op._deliver(result, None)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self._op._deliver(None, exc)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self._op._show_progress(done, total, label)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (the Op keeps a reference)
        self._fn = fn

    def run(self) -> None:
        self._fn()


class Op(Generic[T]):
    """One background operation; see the module docstring. Build, then ``run_in_background``."""

    def __init__(self, parent: QWidget | None, fn: Callable[[Progress], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._always: Callable[[], None] | None = None
        self._valid: Callable[[], bool] | None = None
        self._progress_label: str | None = None
        self._progress_callback: Callable[[int, int, str], None] | None = None
        self._cancellable = False
        self._dialog: QProgressDialog | None = None
        self._relay: _Relay | None = None
        self._progress: Progress | None = None
        self._runnable: _Runnable | None = None

    # -- building ----------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Call ``callback(result)`` on the GUI thread when the function returns."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        """Handle a failure yourself (default: the error dialog)."""
        self._failure = callback
        return self

    def always(self, callback: Callable[[], None]) -> Op[T]:
        """Call ``callback()`` after success or failure (e.g. re-enable a button)."""
        self._always = callback
        return self

    def valid_while(self, check: Callable[[], bool]) -> Op[T]:
        """Drop the result silently when ``check()`` is False at delivery (e.g. after a lock)."""
        self._valid = check
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Op[T]:
        """Show a progress dialog (after a short delay) with ``label``."""
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def on_progress(self, callback: Callable[[int, int, str], None]) -> Op[T]:
        """Call ``callback(done, total, label)`` on the GUI thread for each progress report
        (for a page that shows its own progress bar instead of the dialog)."""
        self._progress_callback = callback
        return self

    # -- running -----------------------------------------------------------------
    def run_in_background(self) -> None:
        """Queue the function on the worker pool; returns at once."""
        self._relay = _Relay(self)
        self._progress = Progress(self._relay)
        if self._progress_label is not None:
            self._open_progress_dialog()
        _running.add(self)
        self._runnable = _Runnable(self._work)
        pool().start(self._runnable)

    def cancel(self) -> None:
        """Ask the function to stop (it sees ``progress.cancelled``); thread-safe."""
        if self._progress is not None:
            self._progress.cancel()

    def _work(self) -> None:  # worker thread
        assert self._relay is not None and self._progress is not None
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # every failure goes to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)

    def _deliver(self, result: Any, exc: BaseException | None) -> None:  # GUI thread
        _running.discard(self)
        self._close_progress_dialog()
        if self._parent is not None and not is_alive(self._parent):
            self._relay = self._runnable = None
            return  # the window that asked is gone: nothing left to update
        try:
            if self._valid is not None and not self._valid():
                return
            if exc is None:
                if self._success is not None:
                    self._success(result)
            else:
                _log_failure(exc)
                if self._failure is not None:
                    self._failure(exc)
                else:
                    from phrapp.ui.errors import show_error

                    show_error(self._parent, exc)
        finally:
            if self._always is not None:
                self._always()
            self._relay = None
            self._runnable = None

    # -- progress ----------------------------------------------------------------
    def _open_progress_dialog(self) -> None:
        parent = self._parent
        dialog = QProgressDialog(self._progress_label or "",
                                 QCoreApplication.translate("Op", "Cancel"), 0, 0, parent)
        if not self._cancellable:
            dialog.setCancelButton(None)  # type: ignore[arg-type]  # Qt: no cancel button
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            progress = self._progress
            assert progress is not None
            dialog.canceled.connect(progress.cancel)
        self._dialog = dialog

    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self._progress_callback is not None and (
                self._parent is None or is_alive(self._parent)):
            self._progress_callback(done, total, label)
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(done if total else 0)
        if label:
            self._dialog.setLabelText(f"{self._progress_label}\n{label}")

    def _close_progress_dialog(self) -> None:
        if self._dialog is not None and is_alive(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None


def _log_failure(exc: BaseException) -> None:
    """Log the class and the stack, never the message (it may quote a value)."""
    from phrapp.errors import PhrError

    if isinstance(exc, PhrError):
        log.info("operation refused: %s (%s)", type(exc).__name__, exc.code)
        return
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("operation failed: %s\n%s", type(exc).__name__, frames)
