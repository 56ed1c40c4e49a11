"""The pages of the main window, registered in UX.md's navigation order.

書き出し is added by a later issue by registering its own ``PageSpec``; it is
deliberately absent here (no placeholder screens).
"""

from __future__ import annotations

from phrapp.ui.pages.checkups import CheckupsPage
from phrapp.ui.pages.dashboard import DashboardPage
from phrapp.ui.pages.export_page import ExportPage
from phrapp.ui.pages.import_page import ImportPage
from phrapp.ui.pages.medications import MedicationsPage
from phrapp.ui.pages.registry import ORDER, PageSpec, register
from phrapp.ui.pages.settings_page import SettingsPage
from phrapp.ui.pages.vitals import BpPage, StepsPage, WeightPage
from phrapp.ui.qt import QCoreApplication


def register_default_pages() -> None:
    """Register the pages of this version (idempotent)."""
    register(PageSpec("dashboard", ORDER["dashboard"],
                      lambda: QCoreApplication.translate("Navigation", "Overview"), "⌂",
                      DashboardPage))
    register(PageSpec("bp", ORDER["bp"],
                      lambda: QCoreApplication.translate("Navigation", "Blood pressure"), "♥",
                      BpPage))
    register(PageSpec("weight", ORDER["weight"],
                      lambda: QCoreApplication.translate("Navigation", "Weight"), "⚖",
                      WeightPage))
    register(PageSpec("steps", ORDER["steps"],
                      lambda: QCoreApplication.translate("Navigation", "Steps"), "➜",
                      StepsPage))
    register(PageSpec("checkups", ORDER["checkups"],
                      lambda: QCoreApplication.translate("Navigation", "Checkups"), "✚",
                      CheckupsPage))
    register(PageSpec("medications", ORDER["medications"],
                      lambda: QCoreApplication.translate("Navigation", "Medicines"), "℞",
                      MedicationsPage))
    register(PageSpec("import", ORDER["import"],
                      lambda: QCoreApplication.translate("Navigation", "Import"), "⇩",
                      ImportPage))
    register(PageSpec("export", ORDER["export"],
                      lambda: QCoreApplication.translate("Navigation", "Export"), "⇧",
                      ExportPage))
    register(PageSpec("settings", ORDER["settings"],
                      lambda: QCoreApplication.translate("Navigation", "Settings"), "⚙",
                      SettingsPage))
