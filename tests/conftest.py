"""Suite-wide setup: headless Qt, the fast-KDF test hook, and a vault factory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless everywhere: set before any test imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from phrapp.storage import kdf

# CONTRACT §6: unit tests may lower the KDF cost through the one in-process hook.
kdf.use_fast_kdf_for_tests()

PASSPHRASE = "correct horse battery staple 7"
REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def session(tmp_path: Path) -> Iterator[object]:
    """An unlocked session on a fresh vault with one profile 本人 (male, 1970-01-02)."""
    import datetime as dt

    from phrapp.domain.records import Sex
    from phrapp.services.profiles import ProfileService
    from phrapp.services.session import Session

    s, _recovery = Session.create(tmp_path / "vault", PASSPHRASE)
    ProfileService(s).add("本人", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
    try:
        yield s
    finally:
        if s.vault.is_open:
            s.close()
