"""The application state the windows share: session, profiles, settings, undo.

Pages never hold the session: they ask the controller for an :class:`Op` bound to the
current session (``controller.op(parent, fn)``). Locking bumps :attr:`epoch`, so the
result of any read still in flight for the old session is dropped, and every view
clears itself on :attr:`AppController.locked`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from phrapp.domain.records import Profile, RecordKind
from phrapp.domain.time import DEFAULT_ZONE, today_in
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.settings import Settings
from phrapp.ui.operations import Op, Progress
from phrapp.ui.qt import QObject, QUndoStack, QWidget, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class AppController(QObject):
    """Holds the unlocked session (or none), the active profile, settings and undo stack."""

    unlocked = Signal()
    locked = Signal()
    profile_changed = Signal()
    profiles_changed = Signal()
    data_changed = Signal(str)  # a RecordKind value
    settings_changed = Signal()
    message = Signal(str)  # a short status-bar message (never a health value)

    def __init__(self, settings: Settings, *, demo: bool = False,
                 today: Callable[[str], dt.date] = today_in) -> None:
        super().__init__()
        self.settings = settings
        self.demo = demo
        self._today = today
        self.session: Session | None = None
        self._parked: Session | None = None  # demo only: kept open while "locked"
        self.profiles: list[Profile] = []
        self.profile: Profile | None = None
        self.epoch = 0
        self.undo_stack = QUndoStack(self)

    # -- state -------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self.session is not None

    def today(self) -> dt.date:
        """Today in the active profile's home zone."""
        return self._today(self.profile.home_zone if self.profile else DEFAULT_ZONE)

    def op(self, parent: QWidget | None, fn: Callable[[Session, Progress], T]) -> Op[T]:
        """An :class:`Op` on the current session, dropped if the vault locks meanwhile."""
        session = self.session
        if session is None:
            raise RuntimeError("the vault is locked")
        epoch = self.epoch
        return Op(parent, lambda progress: fn(session, progress)).valid_while(
            lambda: self.epoch == epoch)

    # -- unlock / lock -----------------------------------------------------------
    def attach(self, session: Session, profiles: list[Profile], active: Profile | None) -> None:
        """Show ``session`` (opened by an operation) in the windows."""
        self.epoch += 1
        self.session = session
        self._parked = None
        self.profiles = list(profiles)
        self.profile = active or (profiles[0] if profiles else None)
        self.undo_stack.clear()
        self.unlocked.emit()

    def lock(self) -> None:
        """Forget the data in the UI and close the vault (in the background)."""
        session = self.session
        if session is None:
            return
        self.epoch += 1
        self.session = None
        self.profiles = []
        self.profile = None
        self.undo_stack.clear()
        self.locked.emit()
        if self.demo:
            # The demo vault has a random passphrase nobody knows; "unlock" re-shows it.
            self._parked = session
            return
        Op(None, lambda _p: session.close()).failure(
            lambda exc: log.warning("closing the vault failed: %s", type(exc).__name__)
        ).run_in_background()

    @property
    def parked_demo_session(self) -> Session | None:
        return self._parked

    # -- profiles ----------------------------------------------------------------
    def switch_profile(self, parent: QWidget | None, name: str) -> None:
        if self.profile is not None and self.profile.name == name:
            return

        def done(profile: Profile) -> None:
            self.epoch += 1  # reads for the previous person are stale
            self.profile = profile
            self.undo_stack.clear()
            self.profile_changed.emit()

        self.op(parent, lambda s, _p: ProfileService(s).use(name)).success(done) \
            .run_in_background()

    def add_profile(self, parent: QWidget | None, name: str,
                    on_added: Callable[[Profile], None] | None = None) -> None:
        zone = self.settings.home_zone_default

        def work(s: Session, _p: Progress) -> tuple[Profile, list[Profile]]:
            service = ProfileService(s)
            profile = service.add(name, home_zone=zone)
            return profile, service.list()

        def done(result: tuple[Profile, list[Profile]]) -> None:
            profile, profiles = result
            self.profiles = profiles
            self.profiles_changed.emit()
            if self.profile is None:  # the first person in the vault becomes the active one
                self.profile = profile
                self.profile_changed.emit()
            if on_added is not None:
                on_added(profile)

        self.op(parent, work).success(done).run_in_background()

    def refresh_profiles(self, profiles: list[Profile]) -> None:
        """Show ``profiles`` after something else changed them (an import created people,
        or gave the active person a birth date and sex; undoing it took them back)."""
        self.profiles = list(profiles)
        current = self.profile
        fresh = next((p for p in profiles if current is not None and p.id == current.id), None)
        if fresh is None and current is not None:
            # The active person is gone (an undone import had created them).
            self.epoch += 1
            self.profile = profiles[0] if profiles else None
            self.undo_stack.clear()
            self.profiles_changed.emit()
            self.profile_changed.emit()
            return
        self.profile = fresh
        self.profiles_changed.emit()

    # -- changes -----------------------------------------------------------------
    def changed(self, kind: RecordKind) -> None:
        """Tell every view that records of ``kind`` changed."""
        self.data_changed.emit(kind.value)

    def run_change(self, parent: QWidget | None, kind: RecordKind,
                   fn: Callable[[Session], Any],
                   on_success: Callable[[Any], None] | None = None,
                   on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Run a mutation in the background, then refresh the views of ``kind``."""

        def ok(result: Any) -> None:
            if on_success is not None:
                on_success(result)
            self.changed(kind)

        def failed(exc: BaseException) -> None:
            from phrapp.ui.errors import show_error

            if on_failure is not None:
                on_failure(exc)
            else:
                show_error(parent, exc)
            self.changed(kind)

        self.op(parent, lambda s, _p: fn(s)).success(ok).failure(failed).run_in_background()
