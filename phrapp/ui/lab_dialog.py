"""検査値を追加: one lab value measured between checkups (a clinic's HbA1c, a glucose).

The GUI twin of ``phrapp add lab CODE VALUE --date D --facility TEXT``: the item list is
the CLI's aliases of common labs (:data:`~phrapp.domain.codes.checkup_items.COMMON_LABS`,
the method-unknown "その他" codes, since a clinic's slip rarely names the method), the
unit is the item table's and only shown, and the record is the ``LabValue`` the CLI
builds. It is stored as a lab (never as a checkup) and the 健診 page charts it with
the checkup values of the same item.
"""

from __future__ import annotations

import datetime as dt

from phrapp.domain.checkup_entry import EntryError, read_value
from phrapp.domain.codes.checkup_items import COMMON_LABS, ItemDef, decimals, item
from phrapp.domain.records import LabValue, Profile, Provenance
from phrapp.services.checkups import display_unit, item_key
from phrapp.ui import formatting
from phrapp.ui.qt import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget
from phrapp.ui.record_dialogs import RecordDialog, _pydate, _qdate
from phrapp.ui.words import item_label

# The blood tests people get between checkups, in the order a report lists them.
# Each with a plausible value in the table's format, for the "e.g." of a typo message.
LAB_EXAMPLES: dict[str, str] = {"hba1c": "6.1", "fpg": "100", "random_glucose": "120",
                                "ldl": "120", "hdl": "60", "tg": "150", "creatinine": "0.85",
                                "egfr": "70.0", "ast": "25", "alt": "25", "ggt": "30"}
LAB_ALIASES: tuple[str, ...] = tuple(LAB_EXAMPLES)


def lab_items() -> list[ItemDef]:
    """The dialog's items (the CLI aliases of :data:`LAB_ALIASES`)."""
    out = []
    for alias in LAB_ALIASES:
        definition = item(COMMON_LABS[alias])
        if definition is not None:
            out.append(definition)
    return out


def stored_unit(definition: ItemDef) -> str:
    """The unit a lab value is stored with: the table's UCUM, as ``add lab`` stores it."""
    return definition.ucum or definition.unit or ""


class LabDialog(RecordDialog):
    """Item, value (with the unit shown), date, facility; 保存 / キャンセル."""

    def __init__(self, parent: QWidget | None, profile: Profile, *,
                 code: str | None = None) -> None:
        super().__init__(parent, profile, None)
        self.set_title(self.tr("Add a lab value"))
        intro = QLabel(self.tr("A blood test done between checkups, e.g. at your clinic. "
                               "It is shown with your checkup values of the same item."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.items = lab_items()
        self.item_box = QComboBox()
        for definition in self.items:
            self.item_box.addItem(item_label(definition.name), definition.code)
        if code is not None:
            # Preselect the item of the row the person is looking at (any method).
            wanted = item_key(code)
            index = next((i for i, d in enumerate(self.items)
                          if item_key(d.code) == wanted), -1)
            if index >= 0:
                self.item_box.setCurrentIndex(index)
        self.value_edit = QLineEdit()
        self.unit_label = QLabel("")
        self.unit_label.setObjectName("muted")
        self.form.addRow(self.tr("Item"), self.item_box)
        self.form.addRow(self.tr("Value"), self.value_edit)
        self.form.addRow(self.tr("Unit"), self.unit_label)
        today = self._now_local().date()
        self._add_date(today)
        self.facility = QLineEdit()
        self.facility.setPlaceholderText(self.tr("e.g. the name of your clinic (optional)"))
        self.form.addRow(self.tr("Facility"), self.facility)
        self.item_box.currentIndexChanged.connect(lambda _i: self._item_changed())
        self._item_changed()

    def _add_date(self, day: dt.date) -> None:
        self.date_edit = QDateEdit(_qdate(day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd" if formatting.language() == "ja"
                                        else "dd MMM yyyy")
        self.date_edit.setMaximumDate(_qdate(day))
        self.form.addRow(self.tr("Date"), self.date_edit)

    @property
    def definition(self) -> ItemDef:
        return self.items[max(self.item_box.currentIndex(), 0)]

    def _item_changed(self) -> None:
        definition = self.definition
        self.unit_label.setText(display_unit(definition, stored_unit(definition)) or "—")
        places = decimals(definition)
        self.value_edit.setPlaceholderText(definition.format if places is not None else "")

    def set_item(self, code: str) -> None:
        index = self.item_box.findData(code)
        if index >= 0:
            self.item_box.setCurrentIndex(index)

    def set_date(self, day: dt.date) -> None:
        self.date_edit.setDate(_qdate(day))

    def field_names(self) -> dict[str, str]:
        return {"value": self.tr("Value"), "date": self.tr("Date"), "code": self.tr("Item")}

    def build(self) -> LabValue:
        """The ``LabValue`` ``phrapp add lab`` would build (raises EntryError on a typo)."""
        definition = self.definition
        entry = read_value(definition, self.value_edit.text())  # full-width digits, decimals
        if entry.comparator is not None or not isinstance(entry.value, float):
            raise EntryError(definition.code, "needs a plain number")
        return LabValue(profile_id=self.profile.id, provenance=Provenance.MANUAL,
                        date=_pydate(self.date_edit.date()), code=definition.code,
                        name=definition.name, value=entry.value,
                        unit=stored_unit(definition),
                        facility=self.facility.text().strip() or None)

    def try_accept(self) -> None:
        try:
            self.build()
        except EntryError:
            example = next((LAB_EXAMPLES[a] for a in LAB_ALIASES
                            if COMMON_LABS[a] == self.definition.code), "")
            self.error_label.setText(self.tr("Enter the value as a number, e.g. {example}.")
                                     .format(example=example))
            self.error_label.setVisible(True)
            return
        super().try_accept()


__all__ = ["LAB_ALIASES", "LAB_EXAMPLES", "LabDialog", "lab_items", "stored_unit"]
