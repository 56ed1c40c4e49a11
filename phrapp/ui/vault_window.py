"""The window before the data: create a vault, or unlock it; the recovery key shown once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from phrapp.domain.passphrase import Strength, assess
from phrapp.domain.records import Profile
from phrapp.errors import WrongPassphrase
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.settings import Settings
from phrapp.storage.atomic import write_atomic
from phrapp.storage.vault import VaultPaths
from phrapp.ui.errors import user_message
from phrapp.ui.operations import Op, Progress
from phrapp.ui.qt import (
    QByteArray,
    QCheckBox,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QFont,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMimeData,
    QProgressBar,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    print_document,
)
from phrapp.ui.widgets import WrappedCheckBox, button, primary_button

CLIPBOARD_CLEAR_MS = 60_000
SECRET_HINT_MIME = "x-kde-passwordManagerHint"


@dataclass(frozen=True)
class Opened:
    """What an unlock or create operation hands to the app."""

    session: Session
    profiles: list[Profile]
    active: Profile | None


def copy_secret(text: str, clear_after_ms: int = CLIPBOARD_CLEAR_MS) -> None:
    """Copy ``text`` marked as secret for clipboard managers, and clear it later if unchanged."""
    clipboard = QGuiApplication.clipboard()
    mime = QMimeData()
    mime.setText(text)
    mime.setData(SECRET_HINT_MIME, QByteArray(b"secret"))
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", QByteArray(b"1"))
    clipboard.setMimeData(mime)

    def clear() -> None:
        if clipboard.text() == text:
            clipboard.clear()

    QTimer.singleShot(clear_after_ms, clipboard, clear)
    # A secret must not outlive the app on the clipboard; clearing it while Python still
    # runs also frees the Python-made QMimeData before Qt's exit handlers would.
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(clear)


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: copy, save to a .txt the user chooses, or print."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = recovery_key
        self.setWindowTitle(self.tr("Recovery key"))
        self.setFixedWidth(600)  # a fixed width lets the wrapped text get its full height
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        title = QLabel(self.tr("Your recovery key"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "If you forget your passphrase, this key is the only way to open your vault. "
            "Save or print it now and keep it somewhere safe. "
            "It will not be shown again."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel(recovery_key)
        self.key_label.setObjectName("recoveryKey")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.key_label.setFont(mono)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.key_label)
        row = QHBoxLayout()
        self.copy_button = button(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = button(self.tr("Save to a file…"))
        self.save_button.clicked.connect(self.ask_and_save)
        self.print_button = button(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_key)
        for widget in (self.copy_button, self.save_button, self.print_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.confirm = WrappedCheckBox(self.tr("I have saved the recovery key in a safe place"))
        layout.addWidget(self.confirm)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        self.continue_button = primary_button(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        done_row.addWidget(self.continue_button)
        layout.addLayout(done_row)

    def reject(self) -> None:
        """Escape does not skip the key: continuing needs the confirmation."""
        if self.confirm.isChecked():
            self.accept()

    def text_file_contents(self) -> str:
        return self.tr(
            "phrapp recovery key\n\n{key}\n\n"
            "With this key you can open your phrapp vault if you forget the passphrase.\n"
            "Keep it somewhere safe and private.\n").format(key=self._key)

    def copy(self) -> None:
        copy_secret(self._key)
        self.status.setText(self.tr("Copied. The clipboard is cleared in one minute."))

    def save_to(self, path: Path) -> Path:
        """Write the key as a .txt (private permissions, atomic) and return the path."""
        if path.suffix.lower() != ".txt":
            path = path.with_name(path.name + ".txt")
        write_atomic(path, self.text_file_contents().encode("utf-8"))
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        return path

    def ask_and_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key"), "phrapp-recovery-key.txt",
            self.tr("Text files (*.txt)"))
        if name:
            try:
                self.save_to(Path(name))
            except OSError as exc:
                self.status.setText(user_message(exc))

    def print_key(self) -> None:
        body = self.text_file_contents().replace("\n", "<br>")
        if print_document(self, f"<p style='font-size:14pt'>{body}</p>"):
            self.status.setText(self.tr("Sent to the printer."))


def strength_words(strength: Strength) -> tuple[str, str]:
    """The meter's word and the hint below it (translated; the policy is the domain's)."""
    from phrapp.ui.qt import QCoreApplication

    words = (
        QCoreApplication.translate("Strength", "Very weak"),
        QCoreApplication.translate("Strength", "Weak"),
        QCoreApplication.translate("Strength", "Fair"),
        QCoreApplication.translate("Strength", "Strong"),
        QCoreApplication.translate("Strength", "Very strong"),
    )
    if strength.length == 0:
        return "", ""
    if not strength.acceptable:
        hint = QCoreApplication.translate(
            "Strength", "Use at least 12 characters, e.g. several unrelated words.")
    elif strength.score < 2:
        hint = QCoreApplication.translate(
            "Strength", "Long enough, but easy to guess. Unrelated words are better.")
    else:
        hint = QCoreApplication.translate("Strength", "Good. Write it down somewhere safe.")
    return words[max(0, min(4, strength.score))], hint


class VaultWindow(QWidget):
    """Create (empty folder) or unlock (existing vault). Emits :attr:`opened`."""

    opened = Signal(object)  # Opened
    demo_resumed = Signal()

    def __init__(self, folder: Path | None, settings: Settings, *, demo: bool = False) -> None:
        super().__init__()
        self.folder = folder
        self.settings = settings
        self.demo = demo
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.pending: Opened | None = None  # created, recovery key not yet confirmed
        self.setObjectName("vaultWindow")
        self.setWindowTitle("phrapp")
        self.setMinimumSize(560, 560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.unlock_page = self._build_unlock()
        self.create_page = self._build_create()
        self.demo_page = self._build_demo()
        for page in (self.unlock_page, self.create_page, self.demo_page):
            self.stack.addWidget(page)
        self.show_right_mode()

    # -- modes -------------------------------------------------------------------
    def needs_create(self) -> bool:
        if self.folder is None:
            return False
        paths = VaultPaths(self.folder)
        return not paths.keyfile.exists() and not paths.db.exists()

    def show_right_mode(self) -> None:
        if self.demo:
            self.stack.setCurrentWidget(self.demo_page)
        elif self.needs_create():
            self.stack.setCurrentWidget(self.create_page)
            self.new_passphrase.setFocus()
        else:
            self.stack.setCurrentWidget(self.unlock_page)
            self.passphrase.setFocus()

    @property
    def mode(self) -> str:
        current = self.stack.currentWidget()
        return {id(self.unlock_page): "unlock", id(self.create_page): "create"}.get(
            id(current), "demo")

    def reset(self) -> None:
        """Forget typed secrets and errors (shown again after a lock)."""
        for field in (self.passphrase, self.new_passphrase, self.confirm_passphrase):
            field.clear()
        self.unlock_error.setText("")
        self.create_error.setText("")
        self.show_right_mode()

    # -- unlock ------------------------------------------------------------------
    def _build_unlock(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.addStretch(1)
        title = QLabel(self.tr("Open your vault"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr("Your records are encrypted. Enter your passphrase to see them."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.secret_label = QLabel(self.tr("Passphrase"))
        layout.addWidget(self.secret_label)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.unlock)
        layout.addWidget(self.passphrase)
        self.unlock_error = QLabel("")
        self.unlock_error.setObjectName("errorText")
        self.unlock_error.setWordWrap(True)
        layout.addWidget(self.unlock_error)
        row = QHBoxLayout()
        self.recovery_toggle = button(self.tr("Use the recovery key instead"))
        self.recovery_toggle.setCheckable(True)
        self.recovery_toggle.setObjectName("flat")
        self.recovery_toggle.toggled.connect(self._toggle_recovery)
        row.addWidget(self.recovery_toggle)
        row.addStretch(1)
        self.unlock_button = primary_button(self.tr("Open"))
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.unlock_progress = QProgressBar()
        self.unlock_progress.setRange(0, 0)
        self.unlock_progress.setVisible(False)
        self.unlock_progress.setTextVisible(False)
        layout.addWidget(self.unlock_progress)
        if self.folder is not None:
            where = QLabel(self.tr("Vault folder: {path}").format(path=str(self.folder)))
            where.setObjectName("muted")
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addStretch(2)
        return page

    def _toggle_recovery(self, use_key: bool) -> None:
        self.secret_label.setText(self.tr("Recovery key") if use_key else self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal if use_key
                                    else QLineEdit.EchoMode.Password)
        self.passphrase.clear()
        self.unlock_error.setText("")

    def unlock(self) -> None:
        secret = self.passphrase.text()
        if not secret or self.folder is None:
            self.unlock_error.setText(self.tr("Enter your passphrase."))
            return
        folder = self.folder
        use_key = self.recovery_toggle.isChecked()

        def work(_p: Progress) -> Opened:
            session = (Session.open(folder, recovery_key=secret) if use_key
                       else Session.open(folder, passphrase=secret))
            try:
                service = ProfileService(session)
                return Opened(session, service.list(), service.active_or_none())
            except BaseException:
                session.close()
                raise

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase) and use_key:
                self.unlock_error.setText(self.tr("The recovery key is not correct."))
            else:
                self.unlock_error.setText(user_message(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()

        def done(opened: Opened) -> None:
            self.passphrase.clear()
            self.unlock_error.setText("")
            self.opened.emit(opened)

        self._busy(True)
        Op(self, work).success(done).failure(failed).always(lambda: self._busy(False)) \
            .run_in_background()

    def _busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self._create_ready())
        self.unlock_progress.setVisible(busy)
        self.create_progress.setVisible(busy)

    # -- create ------------------------------------------------------------------
    def _build_create(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        title = QLabel(self.tr("Create your vault"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "phrapp keeps your health records encrypted in a vault on this computer. "
            "Choose a passphrase: several unrelated words are easy to remember and hard "
            "to guess."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Passphrase")))
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.textChanged.connect(self._update_strength)
        layout.addWidget(self.new_passphrase)
        meter = QHBoxLayout()
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(10)
        self.strength_word = QLabel("")
        self.strength_word.setMinimumWidth(120)
        meter.addWidget(self.strength_bar, 1)
        meter.addWidget(self.strength_word)
        layout.addLayout(meter)
        self.strength_hint = QLabel("")
        self.strength_hint.setObjectName("muted")
        self.strength_hint.setWordWrap(True)
        layout.addWidget(self.strength_hint)
        layout.addWidget(QLabel(self.tr("Passphrase again")))
        self.confirm_passphrase = QLineEdit()
        self.confirm_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_passphrase.textChanged.connect(self._update_create_button)
        layout.addWidget(self.confirm_passphrase)
        self.show_passphrase = QCheckBox(self.tr("Show the passphrase"))
        self.show_passphrase.toggled.connect(self._toggle_show)
        layout.addWidget(self.show_passphrase)
        layout.addWidget(QLabel(self.tr("Your name in phrapp")))
        self.profile_name = QLineEdit(self.tr("Me"))
        self.profile_name.textChanged.connect(self._update_create_button)
        layout.addWidget(self.profile_name)
        self.understand = WrappedCheckBox(self.tr(
            "I understand: if I forget the passphrase and lose the recovery key, "
            "nobody can open my records."))
        self.understand.toggled.connect(self._update_create_button)
        layout.addWidget(self.understand)
        self.create_error = QLabel("")
        self.create_error.setObjectName("errorText")
        self.create_error.setWordWrap(True)
        layout.addWidget(self.create_error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.create_button = primary_button(self.tr("Create the vault"))
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_vault)
        row.addWidget(self.create_button)
        layout.addLayout(row)
        self.create_progress = QProgressBar()
        self.create_progress.setRange(0, 0)
        self.create_progress.setVisible(False)
        self.create_progress.setTextVisible(False)
        layout.addWidget(self.create_progress)
        layout.addStretch(1)
        return page

    def _toggle_show(self, show: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if show else QLineEdit.EchoMode.Password
        self.new_passphrase.setEchoMode(mode)
        self.confirm_passphrase.setEchoMode(mode)

    def _update_strength(self, text: str) -> None:
        strength = assess(text)
        word, hint = strength_words(strength)
        self.strength_bar.setValue(strength.score if text else 0)
        self.strength_bar.setProperty("acceptable", strength.acceptable)
        self.strength_bar.style().unpolish(self.strength_bar)
        self.strength_bar.style().polish(self.strength_bar)
        self.strength_word.setText(word)
        self.strength_hint.setText(hint)
        self._update_create_button()

    def _create_ready(self) -> bool:
        text = self.new_passphrase.text()
        return (bool(text) and assess(text).acceptable
                and text == self.confirm_passphrase.text()
                and bool(self.profile_name.text().strip()) and self.understand.isChecked())

    def _update_create_button(self) -> None:
        text, again = self.new_passphrase.text(), self.confirm_passphrase.text()
        if again and text != again:
            self.create_error.setText(self.tr("The two passphrases are different."))
        else:
            self.create_error.setText("")
        self.create_button.setEnabled(self._create_ready())

    def create_vault(self) -> None:
        if not self._create_ready() or self.folder is None:
            return
        folder, passphrase = self.folder, self.new_passphrase.text()
        name, zone = self.profile_name.text().strip(), self.settings.home_zone_default

        def work(_p: Progress) -> tuple[Opened, str]:
            session, recovery = Session.create(folder, passphrase)
            try:
                service = ProfileService(session)
                profile = service.add(name, home_zone=zone)
                return Opened(session, service.list(), profile), recovery
            except BaseException:
                session.close()
                raise

        def done(result: tuple[Opened, str]) -> None:
            opened, recovery = result
            self.new_passphrase.clear()
            self.confirm_passphrase.clear()
            self.pending = opened
            dialog = RecoveryKeyDialog(recovery, self)
            self.recovery_dialog = dialog
            dialog.accepted.connect(self._recovery_confirmed)
            dialog.open()

        self._busy(True)
        Op(self, work).success(done) \
            .failure(lambda exc: self.create_error.setText(user_message(exc))) \
            .always(lambda: self._busy(False)) \
            .with_progress(self.tr("Creating the vault…")) \
            .run_in_background()

    def _recovery_confirmed(self) -> None:
        opened, self.pending = self.pending, None
        self.recovery_dialog = None
        if opened is not None:
            self.opened.emit(opened)

    # -- demo --------------------------------------------------------------------
    def _build_demo(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.addStretch(1)
        title = QLabel(self.tr("Locked"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        text = QLabel(self.tr("This is the demo with made-up data, so no passphrase is "
                              "needed. Your own vault asks for its passphrase here."))
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.demo_button = primary_button(self.tr("Show the demo again"))
        self.demo_button.clicked.connect(self.demo_resumed.emit)
        row.addWidget(self.demo_button)
        layout.addLayout(row)
        layout.addStretch(2)
        return page
