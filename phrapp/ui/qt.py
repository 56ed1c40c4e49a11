"""The one place phrapp imports PySide6 (after Anki's ``aqt.qt``).

Every other ui module does ``from phrapp.ui.qt import QWidget, ...``; pinning or
upgrading Qt touches this file only. A few small typed helpers live here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThread,
    QThreadPool,
    QTime,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QClipboard,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
    QTextDocument,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as _is_valid

__all__ = [
    "QTableWidget",
    "QTableWidgetItem",
    "QTabWidget",
    "QStyleOptionViewItem",
    "QStyledItemDelegate",
    "QStyle",
    "QRadioButton",
    "QDropEvent",
    "QDragMoveEvent",
    "QDragEnterEvent",
    "QUrl",
    "QRect",
    "QPointF",
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QBrush",
    "QButtonGroup",
    "QByteArray",
    "QCheckBox",
    "QClipboard",
    "QCloseEvent",
    "QColor",
    "QComboBox",
    "QCoreApplication",
    "QDate",
    "QDateEdit",
    "QDialog",
    "QDialogButtonBox",
    "QDoubleSpinBox",
    "QEvent",
    "QEventLoop",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QFontMetrics",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QIcon",
    "QKeySequence",
    "QLabel",
    "QLibraryInfo",
    "QLineEdit",
    "QListWidget",
    "QListWidgetItem",
    "QLocale",
    "QMainWindow",
    "QMessageBox",
    "QMimeData",
    "QModelIndex",
    "QObject",
    "QPainter",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QProgressBar",
    "QProgressDialog",
    "QPushButton",
    "QRectF",
    "QRunnable",
    "QScrollArea",
    "QShortcut",
    "QSize",
    "QSizePolicy",
    "QSpinBox",
    "QSplitter",
    "QStackedWidget",
    "QStatusBar",
    "QStyleFactory",
    "QTableView",
    "QTextDocument",
    "QThread",
    "QThreadPool",
    "QTime",
    "QTimeEdit",
    "QTimer",
    "QToolButton",
    "QTranslator",
    "QUndoCommand",
    "QUndoStack",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
    "is_alive",
    "print_document",
    "qconnect",
]


def qconnect(signal: Any, slot: Callable[..., Any]) -> None:
    """Connect ``signal`` to ``slot`` (typed wrapper, as in Anki)."""
    signal.connect(slot)


def is_alive(obj: QObject | None) -> bool:
    """False once the C++ side of ``obj`` has been deleted."""
    return obj is not None and bool(_is_valid(obj))


def print_document(parent: QWidget, html: str) -> bool:
    """Print ``html`` through the system print dialog; False when cancelled/unavailable."""
    try:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:  # pragma: no cover - print support missing from the build
        return False
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)
    return True
