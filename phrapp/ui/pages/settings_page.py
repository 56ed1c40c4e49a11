"""設定: the typed settings of ``phrapp.settings`` and the people in this vault."""

from __future__ import annotations

import zoneinfo

from phrapp.domain.records import Profile
from phrapp.settings import FontSize, Language, Settings
from phrapp.ui.controller import AppController
from phrapp.ui.operations import Op
from phrapp.ui.pages.base import Page
from phrapp.ui.pages.registry import Navigator
from phrapp.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from phrapp.ui.widgets import button, primary_button

COMMON_ZONES = ("Asia/Tokyo", "UTC", "America/Los_Angeles", "America/New_York",
                "Europe/London", "Europe/Berlin", "Asia/Seoul", "Asia/Shanghai",
                "Australia/Sydney", "Pacific/Honolulu")


class ProfileNameDialog(QDialog):
    """Asks for the name of a new person (e.g. a parent whose readings you keep)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a person"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(QLabel(self.tr("Name shown in phrapp (e.g. 母)")))
        self.name = QLineEdit()
        layout.addWidget(self.name)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.ok = primary_button(self.tr("Add"))
        self.ok.clicked.connect(self.accept)
        self.ok.setEnabled(False)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        row.addWidget(cancel)
        row.addWidget(self.ok)
        layout.addLayout(row)


class SettingsPage(Page):
    """Edits the settings (saved to the settings file) and adds people."""

    key = "settings"

    def __init__(self, controller: AppController, nav: Navigator) -> None:
        super().__init__(controller, nav)
        controller.profiles_changed.connect(self._show_profiles)
        controller.unlocked.connect(self._show_profiles)
        self.dialog: ProfileNameDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(16)
        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("pageTitle")
        outer.addWidget(heading)

        group = QGroupBox(self.tr("Display and safety"))
        form = QFormLayout(group)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(20)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), Language.SYSTEM.value)
        self.language.addItem("日本語", Language.JA.value)
        self.language.addItem("English", Language.EN.value)
        form.addRow(self.tr("Language"), self.language)
        self.font_size = QComboBox()
        self.font_size.addItem(self.tr("Standard"), FontSize.NORMAL.value)
        self.font_size.addItem(self.tr("Large"), FontSize.LARGE.value)
        self.font_size.addItem(self.tr("Extra large"), FontSize.XLARGE.value)
        form.addRow(self.tr("Text size"), self.font_size)
        self.auto_lock = QSpinBox()
        lock_var = Settings.auto_lock_minutes
        self.auto_lock.setRange(lock_var.minimum or 1, lock_var.maximum or 60)
        self.auto_lock.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Lock after no use for"), self.auto_lock)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        zones = sorted(zoneinfo.available_timezones())
        self.zone.addItems(list(COMMON_ZONES) + [z for z in zones if z not in COMMON_ZONES])
        form.addRow(self.tr("Home time zone for new people"), self.zone)
        self.steps_target = QSpinBox()
        target_var = Settings.steps_target
        self.steps_target.setRange(target_var.minimum or 1000, target_var.maximum or 50000)
        self.steps_target.setSingleStep(500)
        self.steps_target.setGroupSeparatorShown(True)
        self.steps_target.setSuffix(self.tr(" steps"))
        form.addRow(self.tr("Daily step target"), self.steps_target)
        for field in (self.language, self.font_size, self.auto_lock, self.zone,
                      self.steps_target):
            field.setMinimumWidth(320)
        outer.addWidget(group)

        row = QHBoxLayout()
        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.save_button = primary_button(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        outer.addLayout(row)

        people = QGroupBox(self.tr("People in this vault"))
        people_layout = QVBoxLayout(people)
        self.people_label = QLabel("")
        self.people_label.setWordWrap(True)
        people_layout.addWidget(self.people_label)
        people_row = QHBoxLayout()
        people_row.addStretch(1)
        self.add_person = button(self.tr("Add a person…"))
        self.add_person.clicked.connect(self.open_add_person)
        people_row.addWidget(self.add_person)
        people_layout.addLayout(people_row)
        outer.addWidget(people)

        health = QGroupBox(self.tr("About your health"))
        health_layout = QVBoxLayout(health)
        health_intro = QLabel(self.tr(
            "Your answers to the health questions and your goals are used on the overview. "
            "They are stored encrypted in this vault."))
        health_intro.setWordWrap(True)
        health_layout.addWidget(health_intro)
        health_row = QHBoxLayout()
        health_row.addStretch(1)
        self.questions_button = button(self.tr("Health questions…"))
        self.questions_button.clicked.connect(
            lambda: self.nav.open_action("dashboard", "background"))
        self.goals_button = button(self.tr("Goals…"))
        self.goals_button.clicked.connect(lambda: self.nav.open_action("dashboard", "goals"))
        health_row.addWidget(self.questions_button)
        health_row.addWidget(self.goals_button)
        health_layout.addLayout(health_row)
        outer.addWidget(health)
        outer.addStretch(1)
        self.show_settings()

    # -- settings ----------------------------------------------------------------
    def show_settings(self) -> None:
        s = self.controller.settings
        self.language.setCurrentIndex(self.language.findData(s.language.value))
        self.font_size.setCurrentIndex(self.font_size.findData(s.font_size.value))
        self.auto_lock.setValue(s.auto_lock_minutes)
        self.zone.setCurrentText(s.home_zone_default)
        self.steps_target.setValue(s.steps_target)

    def save(self) -> None:
        settings = self.controller.settings
        try:
            Settings.home_zone_default.coerce(self.zone.currentText().strip())
        except ValueError:
            self.status.setText(self.tr("Unknown time zone. Choose one from the list."))
            return
        settings.language = Language(self.language.currentData())
        settings.font_size = FontSize(self.font_size.currentData())
        settings.auto_lock_minutes = self.auto_lock.value()
        settings.home_zone_default = self.zone.currentText().strip()
        settings.steps_target = self.steps_target.value()
        self.save_button.setEnabled(False)

        def saved(_none: None) -> None:
            self.status.setText(self.tr("Saved."))
            self.controller.settings_changed.emit()

        Op(self, lambda _p: settings.save()).success(saved) \
            .always(lambda: self.save_button.setEnabled(True)).run_in_background()

    # -- people ------------------------------------------------------------------
    def _show_profiles(self) -> None:
        names = [p.name for p in self.controller.profiles]
        self.people_label.setText(self.tr(", ").join(names))

    def open_add_person(self) -> None:
        if self.dialog is not None or not self.controller.is_unlocked:
            return
        dialog = ProfileNameDialog(self)
        self.dialog = dialog

        def accepted() -> None:
            def added(profile: Profile) -> None:
                self.status.setText(self.tr("Added {name}. Choose them at the top to see "
                                            "their records.").format(name=profile.name))

            self.controller.add_profile(self, dialog.name.text().strip(), added)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.people_label.setText("")
        self.status.setText("")
