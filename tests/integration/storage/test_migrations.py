"""Numbered migrations: backup before migrating, fixture vaults of every released schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from phrapp.services.session import Session
from phrapp.storage import migrate
from phrapp.storage.vault import Vault

FIXTURE_VAULTS = Path(__file__).resolve().parents[2] / "fixtures" / "vaults"
PASS = "correct horse battery staple 7"


def test_migrations_are_numbered_from_one() -> None:
    found = migrate.available()
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert found[0].slug == "initial"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURE_VAULTS.iterdir()))
def test_every_released_schema_opens_and_upgrades(fixture: str, tmp_path: Path) -> None:
    """Each fixture vault (made by tools/make_fixture_vault.py at that schema) opens with
    today's code, is migrated to the latest schema and keeps its records."""
    folder = tmp_path / fixture
    shutil.copytree(FIXTURE_VAULTS / fixture, folder)
    with Session.open(folder, passphrase=PASS) as session:
        assert migrate.current_version(session.db) == migrate.latest_version()
        assert session.db.scalar("SELECT count(*) FROM profiles") == 1
        assert session.db.scalar("SELECT count(*) FROM bp") == 3
        assert session.db.scalar("SELECT note FROM bp ORDER BY measured_at_utc LIMIT 1") \
            == "fixture"


def test_backup_before_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, PASS)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO meta (key, value) VALUES ('before', 'yes')")
    vault.close()

    extra = migrate.Migration(migrate.latest_version() + 1, "test_extra",
                              "CREATE TABLE test_extra (x INTEGER);")
    shipped = migrate.available()
    monkeypatch.setattr(migrate, "available", lambda: [*shipped, extra])
    with Vault.open(folder, passphrase=PASS) as vault:
        assert migrate.current_version(vault.db) == extra.number
        assert vault.db.scalar("SELECT count(*) FROM test_extra") == 0
    backups = list((folder / "backups").iterdir())
    assert len(backups) == 1
    assert {p.name for p in backups[0].iterdir()} == {"phrapp.db", "vault.key"}
    # The backup is itself a vault at the old schema, encrypted under the same key slots.
    monkeypatch.setattr(migrate, "available", lambda: shipped)
    with Vault.open(backups[0], passphrase=PASS) as old:
        assert old.db.scalar("SELECT value FROM meta WHERE key = 'before'") == "yes"
        assert migrate.current_version(old.db) == len(shipped)
        assert old.db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE name = 'test_extra'") == 0
    assert b"before" not in (backups[0] / "phrapp.db").read_bytes()


def test_newer_vault_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, PASS)
    vault.db.execute("PRAGMA user_version = 999")
    vault.close()
    with pytest.raises(RuntimeError, match="newer phrapp"):
        Vault.open(folder, passphrase=PASS)
