"""ヘルプ: version and a short guide."""

from __future__ import annotations

import phrapp
from phrapp.ui.qt import QDialog, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget
from phrapp.ui.widgets import primary_button


class HelpDialog(QDialog):
    """About phrapp: version, how to use it in five lines, and the disclaimer."""

    def __init__(self, parent: QWidget | None, auto_lock_minutes: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.setFixedWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(self.tr("phrapp {version}").format(version=phrapp.__version__))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr("Your personal health record, encrypted on this computer."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        steps = [
            self.tr("Choose what to see in the list on the left."),
            self.tr("“Add record” enters a reading by hand."),
            self.tr("Select a row and press Delete to remove it; Ctrl+Z undoes it."),
            self.tr("Choose the person at the top to see a family member's records."),
            self.tr("To import a checkup file, drop it on “Import”: you check a preview "
                    "first, and every import can be undone there."),
            self.tr("Press Lock (Ctrl+L) when you leave the computer. phrapp also locks "
                    "itself after {minutes} minutes without use.").format(
                        minutes=auto_lock_minutes),
        ]
        guide = QLabel("<ul>" + "".join(f"<li>{s}</li>" for s in steps) + "</ul>")
        guide.setTextFormat(Qt.TextFormat.RichText)
        guide.setWordWrap(True)
        layout.addWidget(guide)
        disclaimer = QLabel(self.tr(
            "phrapp organises your records; it does not diagnose. "
            "If a value worries you, please ask your doctor."))
        disclaimer.setObjectName("muted")
        disclaimer.setWordWrap(True)
        layout.addWidget(disclaimer)
        row = QHBoxLayout()
        row.addStretch(1)
        ok = primary_button(self.tr("Close"))
        ok.clicked.connect(self.accept)
        row.addWidget(ok)
        layout.addLayout(row)
