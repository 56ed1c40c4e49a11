"""Record changes with undo (Ctrl+Z): add, edit and delete as QUndoCommands.

Each change runs once as a background operation; only when it succeeded is a command
pushed on the controller's undo stack (its first ``redo`` is then a no-op). Undo and
redo run as operations too, in order, on the serial pool. Deletes keep the
``RecordService.delete`` snapshots, so undo restores the exact records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from phrapp.domain.records import Profile, Record, RecordKind, Steps, kind_of
from phrapp.domain.validation import validate
from phrapp.services.records import Deleted, RecordService, refuse_invalid
from phrapp.services.session import Session
from phrapp.ui.controller import AppController
from phrapp.ui.qt import QCoreApplication, QUndoCommand, QWidget


class RecordChange(QUndoCommand):
    """An applied change; undo/redo run ``undo_fn``/``redo_fn`` in the background."""

    def __init__(self, controller: AppController, kind: RecordKind, text: str,
                 undo_fn: Callable[[Session], Any], redo_fn: Callable[[Session], Any]) -> None:
        super().__init__(text)
        self._controller = controller
        self._kind = kind
        self._undo_fn = undo_fn
        self._redo_fn = redo_fn
        self._applied = True  # pushed after it ran once

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if self._controller.is_unlocked:
            self._controller.run_change(None, self._kind, self._redo_fn)

    def undo(self) -> None:
        if self._controller.is_unlocked:
            self._controller.run_change(None, self._kind, self._undo_fn)


@dataclass
class _Restore:
    """Snapshots a change keeps between its operations (written on the worker thread;
    the serial pool orders every later read after the write)."""

    deleted: list[Deleted] = field(default_factory=list)
    replaced: list[Deleted] = field(default_factory=list)


def _warn(controller: AppController, warnings: list[str]) -> None:
    if warnings:
        controller.message.emit(QCoreApplication.translate(
            "Changes", "Saved. A value is unusual; please check it."))


def add_record(controller: AppController, parent: QWidget | None, record: Record,
               profile: Profile, on_done: Callable[[], None] | None = None) -> None:
    """Add ``record`` (for steps: replace that day's hand-entered count, undoably)."""
    kind = kind_of(record)
    state = _Restore()

    def first(s: Session) -> list[str]:
        service = RecordService(s)
        if isinstance(record, Steps):
            warnings = refuse_invalid(validate(record))  # before anything is replaced
            same = [r.id for r in service.list(kind, [profile], record.date, record.date)
                    if isinstance(r, Steps)
                    and r.source.identity_key() == record.source.identity_key()]
            state.replaced = service.delete(kind, same) if same else []
            try:
                service.upsert_steps(record)
            except BaseException:
                service.undo_delete(state.replaced)
                raise
            return warnings
        return service.add(record)

    def undo(s: Session) -> None:
        service = RecordService(s)
        state.deleted = service.delete(kind, [record.id])
        if state.replaced:
            service.undo_delete(state.replaced)

    def redo(s: Session) -> None:
        service = RecordService(s)
        if state.replaced:
            service.delete(kind, [d.snapshot["row"]["id"] for d in state.replaced])
        service.undo_delete(state.deleted)

    def done(warnings: list[str]) -> None:
        text = QCoreApplication.translate("Changes", "Add record")
        controller.undo_stack.push(RecordChange(controller, kind, text, undo, redo))
        _warn(controller, warnings)
        if on_done is not None:
            on_done()

    controller.run_change(parent, kind, first, done)


def edit_record(controller: AppController, parent: QWidget | None, old: Record, new: Record,
                on_done: Callable[[], None] | None = None) -> None:
    """Store ``new`` over ``old`` (same id); undo stores ``old`` again."""
    kind = kind_of(new)

    def done(warnings: list[str]) -> None:
        controller.undo_stack.push(RecordChange(
            controller, kind, QCoreApplication.translate("Changes", "Edit record"),
            lambda s: RecordService(s).update(old), lambda s: RecordService(s).update(new)))
        _warn(controller, warnings)
        if on_done is not None:
            on_done()

    controller.run_change(parent, kind, lambda s: RecordService(s).update(new), done)


def delete_records(controller: AppController, parent: QWidget | None, kind: RecordKind,
                   ids: list[str], on_done: Callable[[int], None] | None = None) -> None:
    """Delete ``ids``; undo restores them from the delete's snapshots."""
    state = _Restore()

    def first(s: Session) -> int:
        state.deleted = RecordService(s).delete(kind, ids)
        return len(state.deleted)

    def undo(s: Session) -> None:
        RecordService(s).undo_delete(state.deleted)

    def redo(s: Session) -> None:
        state.deleted = RecordService(s).delete(kind, ids)

    def done(count: int) -> None:
        text = QCoreApplication.translate("Changes", "Delete {count} record(s)").format(
            count=count)
        controller.undo_stack.push(RecordChange(controller, kind, text, undo, redo))
        controller.message.emit(QCoreApplication.translate(
            "Changes", "Deleted {count} record(s). Press Ctrl+Z to undo.").format(count=count))
        if on_done is not None:
            on_done(count)

    controller.run_change(parent, kind, first, done)
