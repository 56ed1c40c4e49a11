"""The page base classes: :class:`Page` (load/clear life cycle) and :class:`DataPage`
(summary strip → chart with range buttons → table, add/edit/delete with undo)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from phrapp.domain.records import Profile, Record, RecordKind
from phrapp.services.session import Session
from phrapp.ui import changes
from phrapp.ui.charts import DEFAULT_RANGE, TimeChart
from phrapp.ui.controller import AppController
from phrapp.ui.models import Column, RecordTableModel
from phrapp.ui.operations import Progress
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QShortcut,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from phrapp.ui.widgets import EmptyState, RangeButtons, SummaryStrip, button, primary_button


class Page(QWidget):
    """A navigation page. Loads in the background when shown and stale; clears on lock."""

    loaded = Signal()
    key = ""
    kinds: tuple[RecordKind, ...] = ()

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__()
        self.controller = controller
        self.nav = nav
        self._active = False
        self._stale = True
        self._loading = False
        self._has_loaded = False
        controller.locked.connect(self._on_locked)
        controller.unlocked.connect(self.invalidate)
        controller.profile_changed.connect(self.invalidate)
        controller.data_changed.connect(self._on_data_changed)

    # -- life cycle --------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        self._active = active
        if active and self._stale:
            self.reload()

    def invalidate(self) -> None:
        """Mark stale; reload now when shown."""
        self._stale = True
        if self._active:
            self.reload()

    def reload(self) -> None:
        """Start a background load (no-op while locked)."""
        if not self.controller.is_unlocked or self.controller.profile is None:
            return
        self._stale = False
        self._loading = True
        profile = self.controller.profile
        today = self.controller.today()
        self.controller.op(self, lambda s, p: self.load(s, p, profile, today)) \
            .success(self._loaded) \
            .always(self._done_loading) \
            .run_in_background()

    def _loaded(self, payload: Any) -> None:
        self._has_loaded = True
        self.apply(payload)
        self.loaded.emit()

    def _done_loading(self) -> None:
        self._loading = False

    def _on_locked(self) -> None:
        self._stale = True
        self._has_loaded = False
        self.clear()

    def _on_data_changed(self, kind: str) -> None:
        if any(k.value == kind for k in self.kinds):
            self.invalidate()

    @property
    def busy(self) -> bool:
        return self._loading

    @property
    def has_loaded(self) -> bool:
        return self._has_loaded

    # -- for subclasses ----------------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> Any:
        """Worker thread: read what the page shows. Never touch widgets here."""
        return None

    def apply(self, payload: Any) -> None:
        """GUI thread: show what :meth:`load` returned."""

    def clear(self) -> None:
        """Forget every value shown (lock)."""

    def self_check(self) -> list[str]:
        """Problems for the demo smoke run (empty = the page shows its data)."""
        return []


class DataPage(Page):
    """Summary strip, chart with range buttons, sortable table, add/edit/delete/undo."""

    kind: RecordKind

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        self.kinds = (self.kind,)
        self.dialog: QDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        header = QHBoxLayout()
        self.heading = QLabel(self.page_title())
        self.heading.setObjectName("pageTitle")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.add_button = primary_button(self.tr("Add record"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.add_button.setVisible(False)  # shown with the records (see apply)
        header.addWidget(self.add_button)
        outer.addLayout(header)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        heading, text = self.empty_texts()
        self.empty = EmptyState(heading, text, can_import=nav.has_page("import"))
        self.empty.add_requested.connect(self.open_add_dialog)
        self.empty.import_requested.connect(lambda: self.nav.go("import"))
        self.stack.addWidget(self.empty)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        self.summary = SummaryStrip(self.summary_titles())
        body.addWidget(self.summary)
        self.ranges = RangeButtons(DEFAULT_RANGE)
        body.addWidget(self.ranges)
        self.chart = self.make_chart()
        self.chart.setMinimumHeight(220)
        self.ranges.changed.connect(self.chart.set_range)
        # Chart above, table below; the user may move the divider.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.chart)
        body.addWidget(self.splitter, 1)

        self.model = RecordTableModel(self.columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_edit_dialog())
        self.table.setMinimumHeight(160)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        actions = QHBoxLayout()
        self.edit_button = button(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.delete_button = button(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = button(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.controller.undo_stack.undo)
        self.undo_button.setEnabled(self.controller.undo_stack.canUndo())
        self.controller.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for widget in (self.undo_button, self.edit_button, self.delete_button):
            actions.addWidget(widget)
        body.addLayout(actions)
        self.stack.addWidget(content)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

        # Only while the table has focus: every data page has one, a window-wide shortcut
        # would be ambiguous.
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_key.activated.connect(self.delete_selected)

    # -- to override -------------------------------------------------------------
    def page_title(self) -> str:
        raise NotImplementedError

    def empty_texts(self) -> tuple[str, str]:
        raise NotImplementedError

    def summary_titles(self) -> list[str]:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def make_chart(self) -> TimeChart:
        raise NotImplementedError

    def make_dialog(self, profile: Profile, record: Record | None) -> QDialog:
        raise NotImplementedError

    def show_summary(self, payload: Any) -> None:
        raise NotImplementedError

    def show_chart(self, payload: Any) -> None:
        raise NotImplementedError

    def table_records(self, payload: Any) -> Sequence[Record]:
        return payload.records  # type: ignore[no-any-return]

    # -- showing -----------------------------------------------------------------
    def apply(self, payload: Any) -> None:
        records = self.table_records(payload)
        self.model.set_records(records)
        self.count_label.setText(self.tr("{count} records").format(count=len(records)))
        self.stack.setCurrentIndex(1 if records else 0)  # 0: empty state, 1: content
        self.add_button.setVisible(bool(records))  # the empty state has its own primary
        self.show_summary(payload)
        self.show_chart(payload)
        self._update_buttons()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.model.clear()
        self.chart.clear_data()
        self.summary.clear()
        self.count_label.setText("")
        self.stack.setCurrentIndex(0)
        self.add_button.setVisible(False)

    def self_check(self) -> list[str]:
        problems = []
        if self.model.rowCount() == 0:
            problems.append(f"{self.key}: the table is empty")
        if self.chart.point_count() == 0:
            problems.append(f"{self.key}: the chart has no data")
        if not self.stack.currentIndex() == 1:
            problems.append(f"{self.key}: the empty state is shown")
        return problems

    def _update_buttons(self) -> None:
        selected = len(self.selected_records())
        self.edit_button.setEnabled(selected == 1)
        self.delete_button.setEnabled(selected > 0)

    def selected_records(self) -> list[Record]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record_at(r) for r in rows if r < self.model.rowCount()]

    # -- actions -----------------------------------------------------------------
    def open_add_dialog(self) -> None:
        self._open_dialog(None)

    def open_edit_dialog(self) -> None:
        selected = self.selected_records()
        if len(selected) == 1:
            self._open_dialog(selected[0])

    def _open_dialog(self, record: Record | None) -> None:
        profile = self.controller.profile
        if profile is None or self.dialog is not None:
            return
        dialog = self.make_dialog(profile, record)
        self.dialog = dialog

        def accepted() -> None:
            new = dialog.result_record()  # type: ignore[attr-defined]
            if record is None:
                changes.add_record(self.controller, self, new, profile)
            else:
                changes.edit_record(self.controller, self, record, new)

        def finished(_result: int) -> None:
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def delete_selected(self) -> None:
        selected = self.selected_records()
        if selected:
            changes.delete_records(self.controller, self, self.kind, [r.id for r in selected])
