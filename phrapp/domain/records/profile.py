"""A person whose records the vault holds (self, child, parent …)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from phrapp.domain.records.common import new_id
from phrapp.domain.time import DEFAULT_ZONE


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, kw_only=True, slots=True)
class Profile:
    """A profile. ``name`` is unique in the vault and is what the CLI and JSON use."""

    id: str = field(default_factory=new_id)
    name: str
    sex: Sex | None = None
    birth_date: dt.date | None = None
    home_zone: str = DEFAULT_ZONE
    name_kana: str | None = None

    def has_identity(self) -> bool:
        """True once birth date and sex are known (the people rule needs both)."""
        return self.sex is not None and self.birth_date is not None


def normalise_kana(text: str) -> str:
    """CONTRACT §5: compare names after NFKC with every space removed."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace())
