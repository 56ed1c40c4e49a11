"""Hand entry of a paper checkup report: ``CODE=VALUE`` pairs -> a Checkup (pure).

Values are read by the item's type in the MHLW table: PQ a number in the table's
format (an out-of-range report value may carry ``>=``/``<=``), CD/CO a result code whose
label comes from the table's note (e.g. 尿糖 ``1:－、2:±…``), ST free text. A hand-entered
checkup is stored exactly like an imported one (same items, same JSON).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from phrapp.domain.codes.checkup_items import COMMON_LABS, ItemDef, decimals, item
from phrapp.domain.records import Checkup, CheckupItem, Profile, Provenance

METABOLIC_SYNDROME = "9N501000000000011"
GUIDANCE_LEVEL = "9N506000000000011"
_LABEL = re.compile(r"([0-9０-９]+)[:：]\s*([^、,，]+)")


@dataclass(frozen=True, slots=True)
class EntryError(ValueError):
    """A pair that cannot be read; ``code`` names the item."""

    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code}: {self.reason}"


def code_labels(definition: ItemDef) -> dict[str, str]:
    """Result-code labels from the table's note, e.g. {"1": "－", "2": "±"} (as printed)."""
    return {unicodedata.normalize("NFKC", m[1]): m[2].strip()
            for m in _LABEL.finditer(definition.note or "")}


def resolve_code(text: str) -> ItemDef:
    """An item by 17-character code or CLI alias (``hba1c``, ``ldl`` …)."""
    key = text.strip()
    code = COMMON_LABS.get(key.lower(), key.upper())
    definition = item(code)
    if definition is None:
        raise EntryError(text, "not a known 特定健診 item code")
    return definition


def read_value(definition: ItemDef, raw: str) -> CheckupItem:
    """One item from the text a person typed for it."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise EntryError(definition.code, "empty value")
    kind = definition.value_type
    if kind == "PQ":
        comparator = None
        for prefix in (">=", "<="):
            if text.startswith(prefix):
                comparator, text = prefix, text[2:].strip()
        try:
            number = float(text)
        except ValueError:
            raise EntryError(definition.code, f"{definition.name} needs a number") from None
        if not math.isfinite(number) or number < 0:
            raise EntryError(definition.code, f"{definition.name} needs a positive number")
        places = decimals(definition)
        if places is not None:
            # A report prints the table's decimals; store exactly what it would print.
            number = round(number, places)
        display = f"{number:.{places}f}" if places is not None else text
        return CheckupItem(code=definition.code, name=definition.name, unit=_unit(definition),
                           value=number, value_display=display, comparator=comparator,
                           detail={"xsi_type": "PQ"})
    if kind in ("CD", "CO"):
        labels = code_labels(definition)
        code = text
        if labels and code not in labels:
            # Accept the label itself (e.g. "＋") as well as the code ("3").
            by_label = {unicodedata.normalize("NFKC", v): k for k, v in labels.items()}
            code = by_label.get(text, "")
            if not code:
                choices = "、".join(f"{k}:{v}" for k, v in labels.items())
                raise EntryError(definition.code, f"choose one of {choices}")
        return CheckupItem(code=definition.code, name=definition.name, unit=_unit(definition),
                           value=code, value_display=labels.get(code, code),
                           code_system=definition.result_code_oid, detail={"xsi_type": kind})
    return CheckupItem(code=definition.code, name=definition.name, unit=_unit(definition),
                       value=raw.strip(), value_display=raw.strip(),
                       detail={"xsi_type": kind or "ST"})


def build_checkup(profile: Profile, date: dt.date, pairs: list[tuple[str, str]], *,
                  facility: str | None = None) -> Checkup:
    """A manual Checkup for ``profile`` from ``(code, value)`` pairs, in table order."""
    if not pairs:
        raise EntryError("-", "give at least one CODE=VALUE")
    items: dict[str, CheckupItem] = {}
    for code_text, raw in pairs:
        definition = resolve_code(code_text)
        if definition.code in items:
            raise EntryError(definition.code, "given twice")
        items[definition.code] = read_value(definition, raw)
    ordered = sorted(items.values(), key=lambda i: _order(i.code))
    level = _int_code(items.get(GUIDANCE_LEVEL))
    metabolic = _int_code(items.get(METABOLIC_SYNDROME))
    return Checkup(profile_id=profile.id, provenance=Provenance.MANUAL, date=date,
                   institution_name=facility, sex=profile.sex, birth_date=profile.birth_date,
                   metabolic_syndrome=metabolic, guidance_level=level, items=tuple(ordered))


def _unit(definition: ItemDef) -> str | None:
    """Stored units are UCUM, as an imported CDA carries them (``mm[Hg]``, ``mg/dL``);
    the UI shows the report's spelling."""
    return definition.ucum or definition.unit


def parse_pair(text: str) -> tuple[str, str]:
    """``CODE=VALUE`` (the value may itself contain ``=``)."""
    code, sep, value = text.partition("=")
    if not sep or not code.strip():
        raise EntryError(text, "expected CODE=VALUE")
    return code.strip(), value


def _order(code: str) -> str:
    definition = item(code)
    return f"{int(definition.extension)}{definition.group_no:05d}{definition.order:>12}" \
        if definition else "9"


def _int_code(entry: CheckupItem | None) -> int | None:
    if entry is None or not isinstance(entry.value, str) or not entry.value.isdigit():
        return None
    return int(entry.value)
