"""Small shared widgets: summary cards, range buttons, empty states, glyph icons."""

from __future__ import annotations

from phrapp.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QColor,
    QFont,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QPainter,
    QPixmap,
    QPushButton,
    QRectF,
    QScrollArea,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

MIN_TARGET = 44  # px, the smallest click target (UX.md)


def primary_button(text: str) -> QPushButton:
    """The one primary action of a page (styled by the app style sheet)."""
    button = QPushButton(text)
    button.setObjectName("primary")
    button.setMinimumHeight(MIN_TARGET)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def plain_scroll(inner: QWidget) -> QScrollArea:
    """A frameless scroll area showing ``inner`` on the page background (style sheet)."""
    scroll = QScrollArea()
    scroll.setObjectName("plainScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    inner.setObjectName("plainBody")
    scroll.setWidget(inner)
    return scroll


def button(text: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setMinimumHeight(MIN_TARGET)
    return widget


def glyph_icon(glyph: str, color: str = "#2f5d8a", size: int = 48) -> QIcon:
    """An icon drawn from one character (no image files to ship or theme)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color))
    font = QFont()
    font.setPixelSize(int(size * 0.72))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


class WrappedCheckBox(QWidget):
    """A check box whose text wraps (QCheckBox never wraps); clicking the text toggles it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.box = QCheckBox()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.mousePressEvent = lambda _event: self.box.toggle()  # type: ignore[method-assign]
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.toggled = self.box.toggled

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.box.setChecked(checked)


class SummaryCard(QFrame):
    """A label, a large value and a caption: one fact of a summary strip."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel("")
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        for widget in (self.title, self.value, self.caption):
            layout.addWidget(widget)
        layout.addStretch(1)

    def set(self, value: str, caption: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)

    def clear(self) -> None:
        self.set("—", "")


class SummaryStrip(QWidget):
    """A row of :class:`SummaryCard` s."""

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.cards = [SummaryCard(t) for t in titles]
        for card in self.cards:
            layout.addWidget(card)

    def clear(self) -> None:
        for card in self.cards:
            card.clear()


class RangeButtons(QWidget):
    """2週間 / 3か月 / 1年 / すべて as exclusive toggle buttons."""

    changed = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("2w", self.tr("2 weeks")), ("3m", self.tr("3 months")),
                          ("1y", self.tr("1 year")), ("all", self.tr("All"))):
            widget = QPushButton(text)
            widget.setObjectName("rangeButton")
            widget.setCheckable(True)
            widget.setMinimumHeight(MIN_TARGET)
            widget.setChecked(key == current)
            widget.clicked.connect(lambda _checked=False, k=key: self.changed.emit(k))
            self.group.addButton(widget)
            self.buttons[key] = widget
            layout.addWidget(widget)
        layout.addStretch(1)


class EmptyState(QWidget):
    """What the page is for and the ways to fill it; never a blank table (UX.md)."""

    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, heading: str, text: str, *, can_import: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 48, 32, 48)
        layout.setSpacing(16)
        layout.addStretch(1)
        self.heading = QLabel(heading)
        self.heading.setObjectName("emptyHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.text = QLabel(text)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = primary_button(self.tr("Enter by hand"))
        self.add_button.clicked.connect(self.add_requested.emit)
        row.addWidget(self.add_button)
        # Offered only when an import page is registered: no dead buttons.
        self.import_button = button(self.tr("Import from a file"))
        self.import_button.clicked.connect(self.import_requested.emit)
        self.import_button.setVisible(can_import)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
