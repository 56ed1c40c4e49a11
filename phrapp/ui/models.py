"""A sortable table model over records (after Anki's browser table model).

The model keeps the records in display order and a row cache of formatted cells, so a
long list scrolls without formatting every row up front. Sorting reorders the list
by the column's sort key (not the displayed text). ``clear()`` empties both on lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from phrapp.domain.records import Record
from phrapp.ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ROW_CACHE_LIMIT = 2000

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One table column: header, cell text, sort key, alignment."""

    title: Callable[[], str]  # called at header time, so it follows the language
    text: Callable[[Record], str]
    key: Callable[[Record], Any]
    numeric: bool = False
    tooltip: Callable[[Record], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """Records as rows; ``columns`` decide the cells. Read-only (edits go through dialogs)."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._records: list[Record] = []
        self._cache: dict[int, list[str]] = {}
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)

    # -- contents ----------------------------------------------------------------
    def set_records(self, records: Sequence[Record]) -> None:
        """Replace the rows (kept in the current sort order)."""
        self.beginResetModel()
        self._records = list(records)
        self._cache.clear()
        self._apply_sort()
        self.endResetModel()

    def clear(self) -> None:
        """Drop every row and cached cell (on lock)."""
        self.set_records([])

    def record_at(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), -1)

    def cell_text(self, row: int, column: int) -> str:
        return self._row(row)[column]

    # -- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(self._records[index.row()])
        if role == Qt.ItemDataRole.UserRole:
            return self._records[index.row()].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self._cache.clear()
        self.layoutChanged.emit()

    # -- internals ---------------------------------------------------------------
    def _apply_sort(self) -> None:
        column, order = self._sort
        if not self._records or column >= len(self._columns):
            return
        key = self._columns[column].key

        def sort_key(record: Record) -> tuple[bool, Any]:
            value = key(record)
            return (True, 0) if value is None else (False, value)  # empty cells sort last

        self._records.sort(key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _row(self, row: int) -> list[str]:
        cached = self._cache.get(row)
        if cached is None:
            if len(self._cache) >= ROW_CACHE_LIMIT:
                self._cache.clear()
            record = self._records[row]
            cached = [c.text(record) for c in self._columns]
            self._cache[row] = cached
        return cached
