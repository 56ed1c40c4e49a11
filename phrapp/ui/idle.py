"""Auto-lock after idle time (specs/security.md T7), with an injectable clock.

An application-wide event filter notes the time of the last keyboard or mouse input;
a timer checks every few seconds. Tests pass a fake clock and call :meth:`IdleLock.check`
instead of waiting minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from phrapp.ui.qt import QApplication, QEvent, QObject, QTimer, Signal

Clock = Callable[[], float]

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """Emits :attr:`idle` once after ``minutes`` without input while armed."""

    idle = Signal()

    def __init__(self, minutes: int, *, clock: Clock = time.monotonic,
                 interval_ms: int = 5000) -> None:
        super().__init__()
        self._clock = clock
        self._minutes = minutes
        self._last = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def minutes(self) -> int:
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        self._minutes = minutes

    def arm(self) -> None:
        """Start watching (after unlock)."""
        self._last = self._clock()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (while locked)."""
        self._armed = False
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._armed

    def touch(self) -> None:
        """Count as activity now."""
        self._last = self._clock()

    def seconds_left(self) -> float:
        return self._minutes * 60 - (self._clock() - self._last)

    def check(self) -> None:
        """Emit :attr:`idle` (and disarm) when the idle time has run out."""
        if self._armed and self.seconds_left() <= 0:
            self.disarm()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = self._clock()
        return False

    def shutdown(self) -> None:
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
