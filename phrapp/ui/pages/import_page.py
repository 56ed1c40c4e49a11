"""取り込み: drop or choose files → read them in the background → preview → 取り込む;
the history of imports with 元に戻す (undo) per batch.

Nothing is written before the person confirms the preview (``ImportService.preview``
writes nothing). When the people rule needs a decision (an examinee who is not in the
vault yet, or who matches several people), the page asks "この健診結果は誰のものですか?"
and runs the preview again with the answer; two people are never merged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phrapp.domain.csv_mapping import CsvMapping
from phrapp.domain.records import Profile, RecordKind
from phrapp.domain.time import zone
from phrapp.errors import AmbiguousPerson, PhrError, UnknownPerson
from phrapp.io.importers.base import HEAD_BYTES, ImporterRegistry
from phrapp.io.importers.csv_mapped import CsvMappedImporter
from phrapp.io.share_package import looks_like_package
from phrapp.io.text_decoding import decode_head
from phrapp.services.csv_mappings import CsvMappingService
from phrapp.services.import_service import FilePlan, ImportCancelled, ImportPlan, ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.ui import formatting
from phrapp.ui.controller import AppController
from phrapp.ui.csv_mapping_dialog import CsvMappingDialog
from phrapp.ui.errors import details_of, user_message
from phrapp.ui.operations import Op, Progress
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import MIN_TARGET, button, plain_scroll, primary_button
from phrapp.ui.words import counts_text, format_word, skip_reason

START, PROGRESS, PREVIEW, QUESTION = range(4)
STEP = 1000  # progress units per file
PROBABLE_DUPLICATE = "probable-duplicate"  # the ImportService skip reason (CONTRACT §5)


# -- what the worker hands back --------------------------------------------------------


@dataclass(frozen=True)
class NewPerson:
    """A person the file names who is not in the vault yet."""

    name: str
    sex: str | None
    birth_date: dt.date | None


@dataclass(frozen=True)
class PersonQuestion:
    """The people rule needs an answer (CONTRACT §5: the GUI asks instead of failing)."""

    ambiguous: bool
    files: list[str]
    new_people: list[NewPerson]
    profiles: list[str]


@dataclass(frozen=True)
class Cancelled:
    """The person cancelled while the files were read."""


@dataclass(frozen=True)
class Batch:
    """One committed import, for the history list (no health values)."""

    id: str
    committed_at: dt.datetime
    undone_at: dt.datetime | None
    files: list[str]
    added: dict[str, int]
    replaced: dict[str, int]
    people: list[str]
    created: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Committed:
    batch: str
    added: dict[str, int]
    replaced: dict[str, int]
    people: list[str]
    created: list[str]
    profiles: list[Profile]


@dataclass(frozen=True)
class Undone:
    counts: dict[str, int]
    kinds: list[str]
    profiles: list[Profile]


def _instant(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def read_history(session: Session) -> list[Batch]:
    """Committed imports, newest first, with who they went to and who they created."""
    service = ImportService(session)
    summaries = {b.id: b.summary for b in session.repos.batches.history()}
    out = []
    for entry in reversed(service.history()):
        summary = summaries.get(entry["batch"], {})
        people: list[str] = []
        created: list[str] = []
        for f in summary.get("files", []):
            names = f.get("profiles") or ([f["profile"]] if f.get("profile") else [])
            people.extend(n for n in names if n not in people)
            created.extend(n for n in f.get("profiles_created", []) if n not in created)
        committed = _instant(entry["committed_at"])
        assert committed is not None
        out.append(Batch(entry["batch"], committed, _instant(entry["undone_at"]),
                         [f["file"] for f in entry["files"]], dict(entry["added"]),
                         dict(entry["replaced"]), people, created))
    return out


def _sum(files: list[FilePlan], attr: str) -> dict[str, int]:
    total: dict[str, int] = {}
    for f in files:
        for kind, n in getattr(f, attr).items():
            total[kind] = total.get(kind, 0) + n
    return total


def file_people(plan: ImportPlan, fp: FilePlan) -> list[str]:
    return [plan.names.get(pid, pid) for pid in fp.profile_ids]


# -- widgets -----------------------------------------------------------------------------


class DropZone(QFrame):
    """The dashed area that says where to drop; the whole page accepts drops."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(12)
        self.title = QLabel(self.tr("Drop files or a folder here"))
        self.title.setObjectName("cardHeading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.or_label = QLabel(self.tr("or"))
        self.or_label.setObjectName("muted")
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.or_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.files_button = primary_button(self.tr("Choose files…"))
        self.folder_button = button(self.tr("Choose a folder…"))
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_hover(self, hover: bool) -> None:
        self.setProperty("hover", hover)
        self.style().unpolish(self)
        self.style().polish(self)


class Banner(QFrame):
    """One sentence after an action (done / cancelled / refused), 詳細 on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.details_button = button(self.tr("Details"))
        self.details_button.setCheckable(True)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.setVisible(False)
        self.details_button.toggled.connect(self.details.setVisible)
        layout.addWidget(self.details)
        self.setVisible(False)

    def show_message(self, text: str, *, error: bool = False, details: str = "") -> None:
        self.setProperty("error", error)
        self.style().unpolish(self)
        self.style().polish(self)
        self.message.setObjectName("errorMessage" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text.replace("。 ", "。"))  # ja sentences join without a space
        self.details.setPlainText(details)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(details))
        self.setVisible(True)

    def hide_message(self) -> None:
        self.setVisible(False)
        self.message.setText("")


class HistoryRow(QFrame):
    """One import: when, which files, what it added; 元に戻す, or when it was undone."""

    def __init__(self, batch: Batch, when: str, formatting_when: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self.setObjectName("historyRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        text = QVBoxLayout()
        text.setSpacing(2)
        files = ", ".join(batch.files[:3])
        if len(batch.files) > 3:
            files += " " + self.tr("and {n} more").format(n=len(batch.files) - 3)
        self.title = QLabel(f"{when} · {files}")
        self.title.setWordWrap(True)
        text.addWidget(self.title)
        parts = []
        if batch.added:
            parts.append(self.tr("Added: {counts}").format(counts=counts_text(batch.added)))
        if batch.replaced:
            parts.append(self.tr("Updated: {counts}").format(
                counts=counts_text(batch.replaced)))
        if not parts:
            parts.append(self.tr("Nothing new was added"))
        if batch.people:
            parts.append(self.tr("For: {names}").format(names=", ".join(batch.people)))
        self.summary = QLabel(" · ".join(parts))
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        text.addWidget(self.summary)
        layout.addLayout(text, 1)
        self.undo_button: QPushButton | None = None
        self.state: QLabel | None = None
        if batch.undone_at is None:
            self.undo_button = button(self.tr("Undo"))
            self.undo_button.setToolTip(self.tr("Remove what this import added"))
            layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            self.state = QLabel(self.tr("Undone on {when}").format(
                when=formatting_when(batch.undone_at)))
            self.state.setObjectName("muted")
            layout.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)


class ConfirmUndoDialog(QDialog):
    """Says exactly what undoing a batch removes; キャンセル / 取り込みを元に戻す."""

    def __init__(self, parent: QWidget | None, batch: Batch, when: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo an import"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Undo the import of {when}?").format(when=when))
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        lines = [self.tr("Files: {files}").format(files=", ".join(batch.files))]
        if batch.added:
            lines.append(self.tr("These records it added will be removed: {counts}.").format(
                counts=counts_text(batch.added)))
        if batch.replaced:
            lines.append(self.tr("These records it updated get their earlier values back: "
                                 "{counts}.").format(counts=counts_text(batch.replaced)))
        if batch.created:
            lines.append(self.tr("These people it created will be removed: {names}.").format(
                names=", ".join(batch.created)))
        lines.append(self.tr("Nothing else changes. Records you entered yourself stay."))
        self.text = QLabel("\n".join(lines))
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = primary_button(self.tr("Undo the import"))
        self.ok_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)


# -- the page ------------------------------------------------------------------------------


class ImportPage(Page):
    """取り込み: start (drop zone, what can be imported, history) → progress → preview."""

    key = "import"

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        self.setAcceptDrops(True)
        self.dialog: QDialog | None = None
        self._share_passphrase: str | None = None  # in memory only, for one import
        self.history: list[Batch] = []
        self.plan: ImportPlan | None = None
        self.question: PersonQuestion | None = None
        self._paths: list[Path] = []
        self._mapping: CsvMapping | None = None  # chosen in 列の割り当て for self._paths
        self._map_path: Path | None = None
        self._op: Op[Any] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        self.heading = QLabel(self.tr("Import"))
        self.heading.setObjectName("pageTitle")
        outer.addWidget(self.heading)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_progress())
        self.stack.addWidget(self._build_preview())
        self.stack.addWidget(self._build_question())

    # -- building ----------------------------------------------------------------
    def _build_start(self) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(14)
        self.banner = Banner()
        layout.addWidget(self.banner)
        # A text file no importer knows: offer the column mapping (列の割り当て).
        self.map_button = button(self.tr("Assign columns and import…"))
        self.map_button.clicked.connect(self.open_mapping_dialog)
        self.map_button.setVisible(False)
        layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.drop_zone = DropZone()
        self.drop_zone.files_button.clicked.connect(self.choose_files)
        self.drop_zone.folder_button.clicked.connect(self.choose_folder)
        layout.addWidget(self.drop_zone)
        what = QLabel(self.tr("What you can import"))
        what.setObjectName("cardHeading")
        layout.addWidget(what)
        self.formats_text = QLabel(self.tr(
            "Results of the specific health checkup (特定健診): the XML file, or the zip "
            "file that holds it, as you download it from マイナポータル or receive it "
            "from your health insurer.\nYour medication record (お薬手帳): the JAHIS text "
            "file an お薬手帳 app exports, or a photo or screenshot of the QR code the "
            "pharmacy prints on your receipt.\nHome devices: the OMRON connect CSV, Tanita "
            "Health Planet data, the Apple Health export (export.zip), the health data "
            "exchange CSV (健康情報等交換規約), and any other CSV once you assign its "
            "columns.\nFHIR files (JP Core, a phrapp export from another PC) and phrapp's "
            "own CSV export."))
        self.formats_text.setWordWrap(True)
        layout.addWidget(self.formats_text)
        self.safety_text = QLabel(self.tr(
            "Nothing is stored before you have checked the preview, and every import can "
            "be undone from the list below."))
        self.safety_text.setObjectName("muted")
        self.safety_text.setWordWrap(True)
        layout.addWidget(self.safety_text)
        history_title = QLabel(self.tr("Earlier imports"))
        history_title.setObjectName("cardHeading")
        layout.addWidget(history_title)
        self.history_empty = QLabel(self.tr("No imports yet."))
        self.history_empty.setObjectName("muted")
        layout.addWidget(self.history_empty)
        self.history_box = QVBoxLayout()
        self.history_box.setSpacing(8)
        layout.addLayout(self.history_box)
        layout.addStretch(1)
        self.history_rows: list[HistoryRow] = []
        return plain_scroll(inner)

    def _build_progress(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 40, 0, 0)
        layout.setSpacing(14)
        title = QLabel(self.tr("Reading the files…"))
        title.setObjectName("cardHeading")
        layout.addWidget(title)
        self.progress_label = QLabel("")
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMinimumHeight(24)
        self.progress_bar.setTextVisible(False)
        layout.addWidget(self.progress_bar)
        note = QLabel(self.tr("Nothing is stored yet: you will see a preview first."))
        note.setObjectName("muted")
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_reading_button = button(self.tr("Cancel"))
        self.cancel_reading_button.clicked.connect(self.cancel_reading)
        row.addWidget(self.cancel_reading_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _build_preview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.preview_title = QLabel(self.tr("Check before importing"))
        self.preview_title.setObjectName("cardHeading")
        layout.addWidget(self.preview_title)
        self.preview_summary = QLabel("")
        self.preview_summary.setWordWrap(True)
        layout.addWidget(self.preview_summary)
        inner = QWidget()
        self.preview_box = QVBoxLayout(inner)
        self.preview_box.setContentsMargins(0, 0, 8, 0)
        self.preview_box.setSpacing(10)
        self.preview_box.addStretch(1)
        layout.addWidget(plain_scroll(inner), 1)
        self.file_cards: list[QFrame] = []
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_preview)
        self.import_button = primary_button(self.tr("Import", "button"))
        self.import_button.clicked.connect(self.commit)
        row.addWidget(self.cancel_button)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        return page

    def _build_question(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.question_title = QLabel(self.tr("Whose checkup results are these?"))
        self.question_title.setObjectName("cardHeading")
        layout.addWidget(self.question_title)
        self.question_text = QLabel("")
        self.question_text.setWordWrap(True)
        layout.addWidget(self.question_text)
        self.choices = QButtonGroup(self)
        self.create_choice = QRadioButton("")
        self.create_choice.setMinimumHeight(MIN_TARGET)
        self.existing_choice = QRadioButton(self.tr("They belong to a person already in "
                                                    "phrapp:"))
        self.existing_choice.setMinimumHeight(MIN_TARGET)
        self.choices.addButton(self.create_choice)
        self.choices.addButton(self.existing_choice)
        layout.addWidget(self.create_choice)
        existing = QHBoxLayout()
        existing.addWidget(self.existing_choice)
        self.person_box = QComboBox()
        self.person_box.setMinimumWidth(220)
        self.person_box.setMinimumHeight(MIN_TARGET)
        self.person_box.activated.connect(lambda _i: self.existing_choice.setChecked(True))
        existing.addWidget(self.person_box)
        existing.addStretch(1)
        layout.addLayout(existing)
        self.never_merge = QLabel(self.tr("phrapp never merges two people: choose the person "
                                          "these results belong to."))
        self.never_merge.setObjectName("muted")
        self.never_merge.setWordWrap(True)
        layout.addWidget(self.never_merge)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.question_cancel = button(self.tr("Cancel"))
        self.question_cancel.clicked.connect(self.cancel_preview)
        self.question_ok = primary_button(self.tr("Continue"))
        self.question_ok.clicked.connect(self.answer_question)
        row.addWidget(self.question_cancel)
        row.addWidget(self.question_ok)
        layout.addLayout(row)
        return page

    # -- life cycle --------------------------------------------------------------
    def load(self, session: Session, progress: Progress, profile: Profile,
             today: dt.date) -> list[Batch]:
        return read_history(session)

    def apply(self, payload: list[Batch]) -> None:
        self.history = payload
        for row in self.history_rows:
            self.history_box.removeWidget(row)
            row.deleteLater()
        self.history_rows = []
        for batch in payload:
            row = HistoryRow(batch, self._when(batch.committed_at), self._when)
            if row.undo_button is not None:
                row.undo_button.clicked.connect(lambda _c=False, b=batch: self.ask_undo(b))
            self.history_box.addWidget(row)
            self.history_rows.append(row)
        self.history_empty.setVisible(not payload)

    def clear(self) -> None:
        self._share_passphrase = None
        if self._op is not None:
            self._op.cancel()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.apply([])
        self.plan = None
        self.question = None
        self._paths = []
        self._mapping = None
        self._map_path = None
        self.map_button.setVisible(False)
        self._clear_cards()
        self.banner.hide_message()
        self.stack.setCurrentIndex(START)

    def self_check(self) -> list[str]:
        problems = []
        if self.stack.currentIndex() != START:
            problems.append("import: the start view is not shown")
        if not self.acceptDrops():
            problems.append("import: the page does not accept dropped files")
        if not self.formats_text.text():
            problems.append("import: the page does not say what can be imported")
        return problems

    def _when(self, instant: dt.datetime) -> str:
        profile = self.controller.profile
        local = instant.astimezone(zone(profile.home_zone)) if profile else instant
        return formatting.format_datetime(local)

    # -- choosing files ----------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose files to import"), "",
            self.tr("Health records (*.xml *.zip *.csv *.txt *.json *.png *.jpg *.jpeg);;"
                    "All files (*)"))
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to import"))
        if name:
            self.import_paths([Path(name)])

    @staticmethod
    def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def _can_take(self) -> bool:
        return self.controller.is_unlocked and self.stack.currentIndex() in (START, PREVIEW)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._can_take() and self._local_paths(event):
            event.acceptProposedAction()
            self.drop_zone.set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._can_take() and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self.drop_zone.set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.set_hover(False)
        paths = self._local_paths(event)
        if not paths or not self._can_take():
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- reading (preview) -------------------------------------------------------
    def import_paths(self, paths: list[Path], *, profile: str | None = None,
                     create_profiles: bool = False, mapping: CsvMapping | None = None,
                     share_passphrase: str | None = None) -> None:
        """Read ``paths`` in the background and show the preview (or the question).

        ``mapping``: read the file through this column mapping (``csv-mapped``) only.
        ``share_passphrase``: for a share package (asked in a dialog, kept in memory).
        """
        self._share_passphrase = share_passphrase
        if not self.controller.is_unlocked or not paths:
            return
        self._paths = list(paths)
        self._mapping = mapping
        self.map_button.setVisible(False)
        self.plan = None
        self.question = None
        self.banner.hide_message()
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(", ".join(p.name for p in paths[:3]))
        self.stack.setCurrentIndex(PROGRESS)

        def work(session: Session, progress: Progress) -> Any:
            registry = ImporterRegistry([CsvMappedImporter([mapping], explicit=True)]) \
                if mapping is not None else None
            service = ImportService(session, registry, share_passphrase=(
                None if share_passphrase is None else lambda: share_passphrase))
            sources = service.expand(paths)
            total = len(sources)
            state = {"index": 0, "name": ""}

            def report(_stage: str, name: str, done: int, size: int) -> None:
                if name != state["name"]:
                    state["name"] = name
                    state["index"] = min(state["index"] + 1, total)
                part = min(done / size, 1.0) if size else 0.0
                progress.update(int((state["index"] - 1 + part) * STEP), total * STEP, name)

            def cancelled() -> bool:
                return progress.cancelled

            try:
                plan = service.preview(paths, profile=profile, create_profiles=create_profiles,
                                       progress=report, cancelled=cancelled)
            except ImportCancelled:
                return Cancelled()  # the preview stopped: nothing was planned
            except (UnknownPerson, AmbiguousPerson) as exc:
                if progress.cancelled:
                    return Cancelled()
                try:
                    return self._question(service, session, paths, exc, cancelled)
                except ImportCancelled:
                    return Cancelled()
            if progress.cancelled:
                return Cancelled()
            return plan

        self._op = self.controller.op(self, work) \
            .on_progress(self._progress) \
            .success(self._read) \
            .failure(self._refused) \
            .always(self._done_reading)
        self._op.run_in_background()

    @staticmethod
    def _question(service: ImportService, session: Session, paths: list[Path],
                  exc: PhrError, cancelled: Any) -> PersonQuestion:
        """Worker: what the person question shows (a dry preview that would create people)."""
        new_people: list[NewPerson] = []
        files: list[str] = []
        if isinstance(exc, UnknownPerson):
            probe = service.preview(paths, create_profiles=True, cancelled=cancelled)
            for name, person in probe.create.items():
                new_people.append(NewPerson(name, person.sex.value if person.sex else None,
                                            person.birth_date))
            files = [f.name for f in probe.files if f.profiles_created]
        names = [p.name for p in ProfileService(session).list()]
        return PersonQuestion(isinstance(exc, AmbiguousPerson),
                              files or [p.name for p in paths], new_people, names)

    def _progress(self, done: int, total: int, label: str) -> None:
        if total <= 0:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        count = total // STEP
        index = min(done // STEP + 1, count)
        self.progress_label.setText(self.tr("File {index} of {count}: {name}").format(
            index=index, count=count, name=label))

    def cancel_reading(self) -> None:
        if self._op is not None:
            self._op.cancel()
            self.cancel_reading_button.setEnabled(False)

    def _done_reading(self) -> None:
        self._op = None
        self.cancel_reading_button.setEnabled(True)

    def _read(self, result: Any) -> None:
        if not isinstance(result, PersonQuestion):
            self._share_passphrase = None  # read: not needed any more
        if isinstance(result, Cancelled):
            self.stack.setCurrentIndex(START)
            self.banner.show_message(self.tr("Cancelled. Nothing was imported."))
        elif isinstance(result, PersonQuestion):
            self._ask_person(result)
        else:
            assert isinstance(result, ImportPlan)
            self._show_plan(result)

    def _refused(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(START)
        package = self._share_package(exc)
        if package is not None:
            self.ask_share_passphrase(package, retry=self._share_passphrase is not None)
            return
        self.banner.show_message(self.refusal_message(exc), error=True,
                                 details=details_of(exc))
        self._map_path = self._mappable(exc)
        self.map_button.setVisible(self._map_path is not None)
        if self._map_path is not None:
            self.banner.message.setText(self.tr(
                "phrapp does not know the columns of “{file}”. Assign them to import the "
                "file.").format(file=self._map_path.name))

    def _share_package(self, exc: BaseException) -> Path | None:
        """The chosen share package when the import stopped for its passphrase."""
        if not isinstance(exc, PhrError) or exc.code not in ("missing-secret", "integrity"):
            return None
        if exc.code == "integrity" and self._share_passphrase is None:
            return None
        for path in self._paths:
            try:
                with open(path, "rb") as handle:  # a few bytes: fine on the GUI thread
                    if looks_like_package(handle.read(256)):
                        return path
            except OSError:
                continue
        return None

    def ask_share_passphrase(self, path: Path, *, retry: bool = False) -> None:
        """The passphrase shown when the package was made; then read it again."""
        from phrapp.ui.clinic_window import SharePassphraseDialog

        if self.dialog is not None:
            return
        dialog = SharePassphraseDialog(self, path.name, retry=retry, message=self.tr(
            "“{file}” is an encrypted phrapp share file. Enter the passphrase that was "
            "shown when it was made.").format(file=path.name))
        self.dialog = dialog
        paths = list(self._paths)

        def finished(result: int) -> None:
            self.dialog = None
            passphrase = dialog.field.text().strip() if result else ""
            dialog.field.clear()
            if passphrase:
                self.import_paths(paths, share_passphrase=passphrase)
            else:
                self._share_passphrase = None
                self.banner.show_message(self.tr(
                    "The share file was not imported: no passphrase."), error=True)

        dialog.finished.connect(finished)
        dialog.open()

    def _mappable(self, exc: BaseException) -> Path | None:
        """The one chosen text file no importer recognised, else None."""
        if not isinstance(exc, PhrError) or exc.code != "unsupported-format" \
                or len(self._paths) != 1 or self._mapping is not None:
            return None
        path = self._paths[0]
        try:
            with open(path, "rb") as handle:  # a few KB: fine on the GUI thread
                head = handle.read(HEAD_BYTES)
        except OSError:
            return None
        return path if path.is_file() and head and decode_head(head) is not None else None

    def open_mapping_dialog(self) -> None:
        """列の割り当て for the unrecognised file; OK imports it with the mapping."""
        path = self._map_path
        if path is None or self.dialog is not None or not self.controller.is_unlocked:
            return
        profile = self.controller.profile
        dialog = CsvMappingDialog(self, path, profile.home_zone if profile else "Asia/Tokyo")
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._mapped(dialog, path))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def _mapped(self, dialog: CsvMappingDialog, path: Path) -> None:
        mapping = dialog.mapping()
        name = dialog.save_name
        if name is None:
            self.import_paths([path], mapping=mapping)
            return
        mapping = dataclasses.replace(mapping, name=name)

        def work(session: Session, _progress: Progress) -> None:
            CsvMappingService(session).save(mapping)

        self.controller.op(self, work) \
            .success(lambda _r: self.import_paths([path], mapping=mapping)) \
            .failure(self._refused).run_in_background()

    def refusal_message(self, exc: BaseException) -> str:
        """One sentence naming the file: what happened and what to do."""
        name = getattr(exc, "path", None) or ", ".join(p.name for p in self._paths)
        name = Path(name).name if name else ""
        code = exc.code if isinstance(exc, PhrError) else ""
        messages = {
            "unsupported-format": self.tr(
                "“{file}” is not a file phrapp can import. Choose a checkup result "
                "(特定健診 XML or zip) or an お薬手帳 file (JAHIS text or QR image)."),
            "malformed": self.tr(
                "“{file}” could not be read: it seems damaged or incomplete. Download it "
                "again or ask the sender for a new copy."),
            "hostile-input": self.tr(
                "“{file}” was refused because it contains parts that could harm your "
                "computer. Nothing was imported."),
            "too-large": self.tr("“{file}” is too large to import."),
            "encoding": self.tr(
                "“{file}” uses a character encoding phrapp cannot read. Nothing was "
                "imported."),
            "not-found": self.tr("“{file}” no longer exists. Choose it again."),
            "profile-exists": self.tr(
                "A person with the name from “{file}” already exists. Nothing was "
                "imported."),
        }
        if code in messages:
            return messages[code].format(file=name)
        if isinstance(exc, OSError):
            return self.tr("“{file}” could not be opened. Check that the file is there "
                           "and readable, then try again.").format(file=name)
        return user_message(exc)

    # -- the person question -----------------------------------------------------
    def _ask_person(self, question: PersonQuestion) -> None:
        self.question = question
        files = ", ".join(self.tr("“{file}”").format(file=n) for n in question.files)
        if question.ambiguous:
            text = self.tr("The person in {files} matches more than one person in phrapp. "
                           "Choose who it is.").format(files=files)
        else:
            people = [self._person_text(p) for p in question.new_people]
            if len(people) == 1:
                intro = self.tr("{files} holds the results of a person who is not in phrapp "
                                "yet:").format(files=files)
            else:
                intro = self.tr("{files} holds the results of {count} people who are not in "
                                "phrapp yet:").format(files=files, count=len(people))
            text = intro + "\n" + "\n".join(f"• {p}" for p in people)
        self.question_text.setText(text)
        can_create = not question.ambiguous and bool(question.new_people)
        if len(question.new_people) == 1:
            self.create_choice.setText(self.tr("Create a new person “{name}”").format(
                name=question.new_people[0].name))
        else:
            self.create_choice.setText(self.tr("Create {count} new people").format(
                count=len(question.new_people)))
        self.create_choice.setVisible(can_create)
        # One file, one person: it may go to someone already here (profile=NAME).
        can_choose = question.ambiguous or len(question.new_people) == 1
        self.existing_choice.setVisible(can_choose)
        self.person_box.setVisible(can_choose)
        self.person_box.clear()
        for name in question.profiles:
            self.person_box.addItem(name, name)
        current = self.controller.profile
        if current is not None:
            self.person_box.setCurrentIndex(max(self.person_box.findData(current.name), 0))
        (self.create_choice if can_create else self.existing_choice).setChecked(True)
        self.stack.setCurrentIndex(QUESTION)

    def _person_text(self, person: NewPerson) -> str:
        sex = {"male": self.tr("male"), "female": self.tr("female")}.get(person.sex or "", "")
        born = self.tr("born {date}").format(date=formatting.format_date(person.birth_date)) \
            if person.birth_date else ""
        extra = ", ".join(p for p in (sex, born) if p)
        return f"{person.name} ({extra})" if extra else person.name

    def answer_question(self) -> None:
        if self.question is None:
            return
        if self.create_choice.isChecked() and self.create_choice.isVisible():
            self.import_paths(self._paths, create_profiles=True, mapping=self._mapping,
                              share_passphrase=self._share_passphrase)
        elif self.person_box.currentData():
            self.import_paths(self._paths, profile=str(self.person_box.currentData()),
                              mapping=self._mapping, share_passphrase=self._share_passphrase)

    # -- preview -----------------------------------------------------------------
    def _clear_cards(self) -> None:
        for card in self.file_cards:
            self.preview_box.removeWidget(card)
            card.deleteLater()
        self.file_cards = []

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._clear_cards()
        for fp in plan.files:
            card = self._file_card(plan, fp)
            self.preview_box.insertWidget(self.preview_box.count() - 1, card)
            self.file_cards.append(card)
        added = _sum(plan.files, "added")
        replaced = _sum(plan.files, "replaced")
        created = [n for f in plan.files for n in f.profiles_created]
        parts = [self.tr("Files: {count}").format(count=len(plan.files))]
        if added:
            parts.append(self.tr("To add: {counts}").format(counts=counts_text(added)))
        if replaced:
            parts.append(self.tr("To update: {counts}").format(counts=counts_text(replaced)))
        if created:
            parts.append(self.tr("New people: {count}").format(count=len(created)))
        probable = sum(f.skipped.get(PROBABLE_DUPLICATE, 0) for f in plan.files)
        if probable and len(plan.files) > 1:  # one file: its card says it already
            parts.append(self.probable_text(probable))
        nothing = not added and not replaced and not created
        if nothing:
            parts.append(self.tr("Nothing new to import: everything is already in phrapp."))
        self.preview_summary.setText(" · ".join(parts))
        self.import_button.setEnabled(not nothing)
        self.import_button.setToolTip(self.tr("Nothing new to import") if nothing else "")
        self.stack.setCurrentIndex(PREVIEW)

    def _file_card(self, plan: ImportPlan, fp: FilePlan) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        title = QLabel(fp.name)
        title.setObjectName("cardHeading")
        title.setWordWrap(True)
        layout.addWidget(title)
        kind = QLabel(format_word(fp.format))
        kind.setObjectName("muted")
        layout.addWidget(kind)
        lines: list[str] = []
        people = file_people(plan, fp)
        if people:
            lines.append(self.tr("For: {names}").format(names=", ".join(people)))
        if fp.added:
            lines.append(self.tr("Will add: {counts}").format(counts=counts_text(dict(fp.added))))
        if fp.replaced:
            lines.append(self.tr("Will update with a newer version: {counts}").format(
                counts=counts_text(dict(fp.replaced))))
        if fp.duplicates:
            lines.append(self.tr("Already in phrapp, not added again: {counts}").format(
                counts=counts_text(dict(fp.duplicates))))
        if not fp.added and not fp.replaced:
            lines.append(self.tr("Nothing new in this file."))
        probable = fp.skipped.get(PROBABLE_DUPLICATE, 0)
        if probable:
            # CONTRACT §5: readings within 60 s with equal values from another source are
            # skipped by default; say so in words before anything is written.
            lines.append(self.probable_text(probable))
        for reason, count in sorted(fp.skipped.items()):
            if reason == PROBABLE_DUPLICATE:
                continue
            lines.append(self.tr("Left out: {count} ({reason})").format(
                count=count, reason=skip_reason(reason)))
        for name in fp.profiles_created:
            lines.append(self.tr("A new person will be created: {name}").format(name=name))
        notes = self._notes(fp)
        for text in lines:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        if notes:
            label = QLabel("\n".join(f"• {n}" for n in notes))
            label.setObjectName("muted")
            label.setWordWrap(True)
            layout.addWidget(label)
        return card

    def probable_text(self, count: int) -> str:
        """The preview's words for probable cross-source duplicates (not imported)."""
        return self.tr("Probably the same readings from another device or app, so not "
                       "imported: {count}").format(count=count)

    def _notes(self, fp: FilePlan) -> list[str]:
        """The file's warnings in plain words where phrapp knows them, else as given."""
        out = []
        if fp.seen_before:
            out.append(self.tr("This file was imported before; only new records are added."))
        for warning in fp.warnings:
            if warning.startswith("this file was imported before"):
                continue
            if "took the birth date and sex from the file" in warning:
                name = warning.split("'")[1] if "'" in warning else ""
                out.append(self.tr("“{name}” gets the birth date and sex from the file.").format(
                    name=name))
                continue
            out.append(warning)
        return out

    def cancel_preview(self) -> None:
        self.plan = None
        self.question = None
        self._clear_cards()
        self.stack.setCurrentIndex(START)
        self.banner.show_message(self.tr("Cancelled. Nothing was imported."))

    # -- commit ------------------------------------------------------------------
    def commit(self) -> None:
        plan = self.plan
        if plan is None or not self.controller.is_unlocked:
            return
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

        def work(session: Session, _progress: Progress) -> Committed:
            batch = ImportService(session).commit(plan)
            people = sorted({n for f in plan.files for n in file_people(plan, f)})
            return Committed(batch, _sum(plan.files, "added"), _sum(plan.files, "replaced"),
                             people, [n for f in plan.files for n in f.profiles_created],
                             ProfileService(session).list())

        def done(result: Committed) -> None:
            self.plan = None
            self._clear_cards()
            self.stack.setCurrentIndex(START)
            text = self.tr("Imported: {counts}.").format(
                counts=counts_text(result.added) or self.tr("nothing new"))
            if result.replaced:
                text += " " + self.tr("Updated: {counts}.").format(
                    counts=counts_text(result.replaced))
            if result.people:
                text += " " + self.tr("For: {names}.").format(names=", ".join(result.people))
            if result.created:
                text += " " + self.tr("New people: {names}.").format(
                    names=", ".join(result.created))
            text += " " + self.tr("You can undo this import in the list below.")
            self.banner.show_message(text)
            self.controller.refresh_profiles(result.profiles)
            for kind in sorted(set(result.added) | set(result.replaced)):
                self.controller.changed(RecordKind(kind))
            self.invalidate()

        def failed(exc: BaseException) -> None:
            self.stack.setCurrentIndex(START)
            self.banner.show_message(self.refusal_message(exc), error=True,
                                     details=details_of(exc))

        def always() -> None:
            self.import_button.setEnabled(True)
            self.cancel_button.setEnabled(True)

        self.controller.op(self, work).success(done).failure(failed).always(always) \
            .run_in_background()

    # -- undo --------------------------------------------------------------------
    def ask_undo(self, batch: Batch) -> None:
        if self.dialog is not None:
            return
        dialog = ConfirmUndoDialog(self, batch, self._when(batch.committed_at))
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.undo(batch))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def undo(self, batch: Batch) -> None:
        """Undo ``batch`` (after the confirmation)."""
        def work(session: Session, _progress: Progress) -> Undone:
            counts = ImportService(session).undo(batch.id)
            return Undone(counts, sorted(set(batch.added) | set(batch.replaced)),
                          ProfileService(session).list())

        def done(result: Undone) -> None:
            removed = result.counts.get("removed", 0)
            restored = result.counts.get("restored", 0)
            text = self.tr("The import was undone: {removed} record(s) removed.").format(
                removed=removed)
            if restored:
                text += " " + self.tr("{restored} record(s) have their earlier values "
                                      "back.").format(restored=restored)
            self.banner.show_message(text)
            self.controller.refresh_profiles(result.profiles)
            for kind in result.kinds:
                self.controller.changed(RecordKind(kind))
            self.invalidate()

        def failed(exc: BaseException) -> None:
            self.banner.show_message(self.refusal_message(exc) if not isinstance(exc, PhrError)
                                     else user_message(exc), error=True,
                                     details=details_of(exc))
            self.invalidate()

        self.controller.op(self, work).success(done).failure(failed).run_in_background()

