"""Errors for people: one sentence that says what happened and what to do; 詳細 behind a button."""

from __future__ import annotations

from phrapp.errors import PhrError
from phrapp.ui.qt import (
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def user_message(exc: BaseException) -> str:
    """One translated sentence for ``exc`` (never the raw technical message)."""
    code = exc.code if isinstance(exc, PhrError) else ""
    messages = {
        "wrong-passphrase": QCoreApplication.translate("Errors", "The passphrase is not correct. Check it and try again."),
        "missing-secret": QCoreApplication.translate("Errors", "Enter the passphrase to open the vault."),
        "weak-passphrase": QCoreApplication.translate("Errors", "This passphrase is too easy to guess. "
                                        "Use at least 12 characters, e.g. several unrelated words."),
        "invalid-value": QCoreApplication.translate("Errors", "A value is outside the possible range. "
                                      "Check the numbers and try again."),
        "not-found": QCoreApplication.translate("Errors", "The record no longer exists. The list has been refreshed."),
        "vault-missing": QCoreApplication.translate("Errors", "No vault was found in this folder."),
        "vault-busy": QCoreApplication.translate("Errors", "The vault is open in another window or program. "
                                   "Close it there and try again."),
        "vault-damaged": QCoreApplication.translate("Errors", "The vault could not be read. "
                                      "Restore it from a backup, or see the details."),
        "vault-exists": QCoreApplication.translate("Errors", "A vault already exists in this folder. Open it instead."),
        "profile-exists": QCoreApplication.translate("Errors", "A person with this name already exists. "
                                       "Choose another name."),
    }
    if code in messages:
        return messages[code]
    if isinstance(exc, PhrError):
        return QCoreApplication.translate("Errors", "The action was refused and nothing was changed. See the details.")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "A file could not be read or written. "
                            "Check the disk and the folder permissions, then try again.")
    return QCoreApplication.translate("Errors", "Something went wrong and nothing was changed. "
                        "Please try again; if it keeps happening, see the details.")


def details_of(exc: BaseException) -> str:
    """The technical text shown behind 詳細 (class, code, message)."""
    if isinstance(exc, PhrError):
        return f"{type(exc).__name__} [{exc.code}]\n{exc.message}"
    return f"{type(exc).__name__}\n{exc}"


class ErrorDialog(QDialog):
    """A calm error message: one sentence, 詳細 (details) on request, one OK button."""

    def __init__(self, parent: QWidget | None, message: str, details: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("phrapp"))
        self.setFixedWidth(480)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("errorMessage")
        layout.addWidget(self.message_label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(120)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.details.setVisible)
        ok = QPushButton(self.tr("OK"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(ok)
        layout.addLayout(buttons)


_open_dialogs: list[ErrorDialog] = []


def show_error(parent: QWidget | None, exc: BaseException) -> ErrorDialog:
    """Show ``exc`` without blocking (window-modal when there is a parent)."""
    dialog = ErrorDialog(parent, user_message(exc), details_of(exc))
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _r: _open_dialogs.remove(dialog)
                            if dialog in _open_dialogs else None)
    dialog.open()
    return dialog


def last_error_dialog() -> ErrorDialog | None:
    """The most recent error dialog still open (for tests and the smoke run)."""
    return _open_dialogs[-1] if _open_dialogs else None
