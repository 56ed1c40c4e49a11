"""The main window: top bar (person, lock, help), left navigation, the pages."""

from __future__ import annotations

from phrapp.ui.controller import AppController
from phrapp.ui.help import HelpDialog
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import registered, specs
from phrapp.ui.qt import (
    QCloseEvent,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QShortcut,
    QSize,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from phrapp.ui.widgets import MIN_TARGET, button, glyph_icon

WINDOW_TITLE = "phrapp"  # never a value or a name in the title (UX.md "Safe by default")
STATUS_MS = 8000


class MainWindow(QMainWindow):
    """The pages registered in ``pages.registry``, in navigation order."""

    lock_requested = Signal()
    close_requested = Signal()

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.controller = controller
        self.help_dialog: HelpDialog | None = None
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1280, 860)
        self.setMinimumSize(960, 640)
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_top_bar())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(26, 26))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        root.addLayout(body, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, Page] = {}
        self._keys: list[str] = []
        for spec in specs():
            page = spec.factory(controller, self)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self._keys.append(spec.key)
            self.stack.addWidget(page)
            item = QListWidgetItem(glyph_icon(spec.glyph), spec.title())
            item.setSizeHint(QSize(200, max(MIN_TARGET, 52)))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        # Wide enough for the longest title at the chosen text size (never "ダッシュボ…").
        self.nav.setFixedWidth(max(200, self.nav.sizeHintForColumn(0) + 56))

        for keys, slot in ((QKeySequence("Ctrl+L"), self.lock_requested.emit),
                           (QKeySequence(QKeySequence.StandardKey.Undo),
                            controller.undo_stack.undo),
                           (QKeySequence(QKeySequence.StandardKey.Redo),
                            controller.undo_stack.redo),
                           (QKeySequence(QKeySequence.StandardKey.HelpContents), self.show_help)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)

        controller.unlocked.connect(self.fill_profiles)
        controller.profiles_changed.connect(self.fill_profiles)
        controller.profile_changed.connect(self.fill_profiles)
        controller.locked.connect(self._on_locked)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.nav.setCurrentRow(0)

    # -- top bar -----------------------------------------------------------------
    def _build_top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(20, 8, 16, 8)
        layout.setSpacing(12)
        brand = QLabel("phrapp")
        brand.setObjectName("brand")
        layout.addWidget(brand)
        layout.addStretch(1)
        self.person_label = QLabel(self.tr("Person"))
        layout.addWidget(self.person_label)
        self.profile_box = QComboBox()
        self.profile_box.setMinimumWidth(180)
        self.profile_box.setMinimumHeight(MIN_TARGET)
        self.profile_box.activated.connect(self._profile_chosen)
        layout.addWidget(self.profile_box)
        self.lock_button = button(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        layout.addWidget(self.lock_button)
        self.help_button = button(self.tr("Help"))
        self.help_button.setToolTip(self.tr("Help and version (F1)"))
        self.help_button.clicked.connect(self.show_help)
        layout.addWidget(self.help_button)
        return bar

    def fill_profiles(self) -> None:
        box = self.profile_box
        box.blockSignals(True)
        box.clear()
        for profile in self.controller.profiles:
            box.addItem(profile.name, profile.name)
        if self.controller.profile is not None:
            box.setCurrentIndex(box.findData(self.controller.profile.name))
        box.blockSignals(False)

    def _profile_chosen(self, index: int) -> None:
        name = self.profile_box.itemData(index)
        if name:
            self.controller.switch_profile(self, str(name))

    # -- navigation --------------------------------------------------------------
    def go(self, key: str) -> None:
        """Show the page ``key`` (Navigator protocol)."""
        if key in self._keys:
            self.nav.setCurrentRow(self._keys.index(key))

    def has_page(self, key: str) -> bool:
        return registered(key)

    def open_action(self, key: str, action: str) -> None:
        """Show page ``key`` and let it run ``action`` once its data is loaded."""
        self.go(key)
        page = self.pages.get(key)
        request = getattr(page, "request", None)
        if callable(request):
            request(action)

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        for index, key in enumerate(self._keys):
            if index != row:
                self.pages[key].set_active(False)
        self.stack.setCurrentIndex(row)
        self.pages[self._keys[row]].set_active(True)

    # -- help, lock, close -------------------------------------------------------
    def show_help(self) -> None:
        if self.help_dialog is not None:
            return
        dialog = HelpDialog(self, self.controller.settings.auto_lock_minutes)
        self.help_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "help_dialog", None))
        dialog.open()

    def _on_locked(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.profile_box.clear()
        self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        super().closeEvent(event)
