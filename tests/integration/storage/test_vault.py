"""The vault: create, unlock, recovery key, wrong passphrase, damage, passphrase change."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from phrapp.errors import (
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultMissing,
    WeakPassphrase,
    WrongPassphrase,
)
from phrapp.storage import kdf, keyslots
from phrapp.storage.database import PINNED_CIPHER_SETTINGS, Database
from phrapp.storage.vault import Vault

PASS = "correct horse battery staple 7"
NEW = "another quite long passphrase 42"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def vault_dir(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "v"
    vault, recovery = Vault.create(folder, PASS)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
    vault.close()
    return folder, recovery


def test_create_then_unlock(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    with Vault.open(folder, passphrase=PASS) as vault:
        assert vault.db.scalar("SELECT value FROM meta WHERE key = 'marker'") == "kept"
        settings = tuple(r[0] for r in vault.db.query("PRAGMA cipher_settings"))
        assert settings == PINNED_CIPHER_SETTINGS
        assert vault.db.scalar("PRAGMA journal_mode") == "wal"
        assert vault.db.scalar("PRAGMA secure_delete") == 1
        assert vault.db.scalar("PRAGMA synchronous") == 2  # FULL
    assert (folder / "phrapp.db").read_bytes()[:16] != b"SQLite format 3\x00"


def test_files_are_private(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    assert folder.stat().st_mode & 0o777 == 0o700
    for name in ("phrapp.db", "vault.key"):
        assert (folder / name).stat().st_mode & 0o777 == 0o600


def test_wrong_passphrase_changes_nothing(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    before = digests(folder)
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, passphrase="not the passphrase at all")
    assert digests(folder) == before


def test_recovery_key_unlocks_in_any_spelling(vault_dir: tuple[Path, str]) -> None:
    folder, recovery = vault_dir
    spelled = recovery.lower().replace("-", " ")
    with Vault.open(folder, recovery_key=spelled) as vault:
        assert vault.db.scalar("SELECT value FROM meta WHERE key = 'marker'") == "kept"
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, recovery_key="AAAA-" * 7 + "AAAA")
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, recovery_key="not base32!")


def test_damaged_database_is_vault_damaged(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    db = folder / "phrapp.db"
    data = bytearray(db.read_bytes())
    data[:4096] = bytes(4096)  # page 1 destroyed
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(folder, passphrase=PASS)


def test_one_flipped_byte_in_a_later_page_is_caught(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    db = folder / "phrapp.db"
    data = bytearray(db.read_bytes())
    assert len(data) > 3 * 4096
    data[2 * 4096 + 100] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        with Vault.open(folder, passphrase=PASS) as vault:
            # quick_check reads every page; if it passed, reading the table must fail.
            vault.db.query("SELECT * FROM sqlite_master")


def test_missing_vault_and_missing_key_file(tmp_path: Path, vault_dir: tuple[Path, str]) -> None:
    with pytest.raises(VaultMissing):
        Vault.open(tmp_path / "nothing", passphrase=PASS)
    folder, _ = vault_dir
    (folder / "vault.key").unlink()
    with pytest.raises(VaultDamaged):
        Vault.open(folder, passphrase=PASS)


def test_garbage_key_file_is_damaged_not_a_crash(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    (folder / "vault.key").write_text('{"format": "phrapp-vault-key", "version": 1, "slots": 3}')
    with pytest.raises(VaultDamaged):
        Vault.open(folder, passphrase=PASS)


def test_create_refuses_existing_vault_and_weak_passphrase(vault_dir: tuple[Path, str],
                                                           tmp_path: Path) -> None:
    folder, _ = vault_dir
    with pytest.raises(VaultExists):
        Vault.create(folder, PASS)
    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "weak", "short")
    assert not (tmp_path / "weak").exists()


def test_second_open_in_same_process_is_busy(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    with Vault.open(folder, passphrase=PASS):
        with pytest.raises(VaultBusy):
            Vault.open(folder, passphrase=PASS)
    Vault.open(folder, passphrase=PASS).close()  # released on close


def test_change_passphrase(vault_dir: tuple[Path, str]) -> None:
    folder, recovery = vault_dir
    with Vault.open(folder, passphrase=PASS) as vault:
        vault.change_passphrase(NEW)
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, passphrase=PASS)
    with Vault.open(folder, passphrase=NEW) as vault:
        assert vault.db.scalar("SELECT value FROM meta WHERE key = 'marker'") == "kept"
        events = [e for _, e, _ in __import__("phrapp.storage.audit", fromlist=["x"])
                  .events(vault.db)]
        assert "passphrase-changed" in events
    Vault.open(folder, recovery_key=recovery).close()  # the recovery slot still works


def test_change_passphrase_enforces_policy(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    with Vault.open(folder, passphrase=PASS) as vault:
        with pytest.raises(WeakPassphrase):
            vault.change_passphrase("weak")
    Vault.open(folder, passphrase=PASS).close()


def _rewrite_params(folder: Path, memory_kib: int) -> None:
    doc = json.loads((folder / "vault.key").read_text())
    for slot in doc["slots"]:
        slot["kdf"]["m"] = memory_kib
    (folder / "vault.key").write_text(json.dumps(doc))


def test_key_slot_below_the_floor_is_refused(vault_dir: tuple[Path, str]) -> None:
    """No downgrade: parameters under 64 MiB / t3 are refused even in test mode
    (only the exact test-hook parameters pass there)."""
    folder, _ = vault_dir
    _rewrite_params(folder, 32 * 1024)
    with pytest.raises(VaultDamaged, match="below the floor"):
        Vault.open(folder, passphrase=PASS)


def test_key_slot_above_the_ceiling_is_refused(vault_dir: tuple[Path, str]) -> None:
    folder, _ = vault_dir
    _rewrite_params(folder, 4 * 1024 * 1024)
    with pytest.raises(VaultDamaged, match="ceiling"):
        Vault.open(folder, passphrase=PASS)


def test_header_is_authenticated(vault_dir: tuple[Path, str]) -> None:
    """Changing the vault id (part of the AAD) makes the tag fail."""
    folder, _ = vault_dir
    doc = json.loads((folder / "vault.key").read_text())
    doc["vault_id"] = "00000000-0000-0000-0000-000000000000"
    (folder / "vault.key").write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, passphrase=PASS)


def test_floor_params_check_outside_test_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kdf, "_test_mode", False)
    assert kdf.check_bounds(kdf.TEST_PARAMS) is not None
    assert kdf.check_bounds(kdf.FLOOR) is None
    assert kdf.check_bounds(kdf.KdfParams(64 * 1024, 2, 4)) is not None
    assert kdf.calibrate(0.0001) == kdf.FLOOR  # never below the floor


def test_recovery_key_format() -> None:
    text, raw = keyslots.new_recovery_key()
    groups = text.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert keyslots.parse_recovery_key(text) == raw
    assert len(raw) * 8 == 160


def test_stdlib_style_plain_open_is_refused(tmp_path: Path) -> None:
    """A plaintext SQLite file is not a vault: the key does not open it."""
    import sqlcipher3

    plain = tmp_path / "plain.db"
    conn = sqlcipher3.connect(str(plain))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(VaultDamaged):
        Database.open(plain, bytes(32))
