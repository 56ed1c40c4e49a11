"""``vault.key``: the data key (DEK) wrapped under passphrase and recovery-key slots.

LUKS-style (specs/security.md §2): ``KEK = Argon2id(secret, salt)``, the random 256-bit
DEK is stored only as ``AESGCM(KEK).encrypt(nonce, DEK, aad=header)``. The header (slot
kind, vault id, KDF parameters and salt) is the AAD, so tampering with it fails the tag.
A tag failure means "wrong passphrase"; it never touches the database, which is what
lets phrapp tell a wrong passphrase from a damaged database.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from phrapp.errors import VaultDamaged, WrongPassphrase
from phrapp.storage import kdf
from phrapp.storage.atomic import write_atomic

FORMAT = "phrapp-vault-key"
VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
RECOVERY_BYTES = 20  # 160 bits -> 32 Base32 characters, shown as 8 groups of 4


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


@dataclass(frozen=True, slots=True)
class KeySlot:
    """One wrapped copy of the DEK."""

    kind: str
    params: kdf.KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def aad(self, vault_id: str) -> bytes:
        header = {"format": FORMAT, "v": VERSION, "vault": vault_id, "slot": self.kind,
                  "kdf": self.params.to_json(), "salt": _b64(self.salt)}
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "kdf": self.params.to_json(), "salt": _b64(self.salt),
                "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}


@dataclass(frozen=True, slots=True)
class KeyFile:
    """The parsed sidecar: vault id and its slots."""

    vault_id: str
    slots: tuple[KeySlot, ...]

    def slot(self, kind: str) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    def with_slot(self, new: KeySlot) -> KeyFile:
        """A copy with ``new`` replacing the slot of the same kind."""
        others = tuple(s for s in self.slots if s.kind != new.kind)
        return KeyFile(self.vault_id, (new, *others))

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
               "slots": [s.to_json() for s in self.slots]}
        return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode()


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC then UTF-8, so the same passphrase typed on any OS derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key: (display text ``XXXX-XXXX-…``, secret bytes)."""
    raw = secrets.token_bytes(RECOVERY_BYTES)
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4)), raw


def parse_recovery_key(text: str) -> bytes:
    """Accept the key as printed, with any spacing, hyphens or case; WrongPassphrase if bad."""
    cleaned = "".join(ch for ch in unicodedata.normalize("NFKC", text).upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise WrongPassphrase("the recovery key is not valid", code="wrong-passphrase") from exc
    if len(raw) != RECOVERY_BYTES:
        raise WrongPassphrase("the recovery key is not valid")
    return raw


def make_slot(kind: str, vault_id: str, secret: bytes, dek: bytes | bytearray,
              params: kdf.KdfParams) -> KeySlot:
    """Wrap ``dek`` under a key derived from ``secret`` with a fresh salt and nonce."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    draft = KeySlot(kind, params, salt, nonce, b"")
    kek = kdf.derive(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, bytes(dek), draft.aad(vault_id))
    return KeySlot(kind, params, salt, nonce, wrapped)


def unwrap(keyfile: KeyFile, kind: str, secret: bytes) -> bytearray:
    """The DEK from slot ``kind``; WrongPassphrase on a tag failure."""
    slot = keyfile.slot(kind)
    if slot is None:
        raise WrongPassphrase(f"this vault has no {kind} slot")
    problem = kdf.check_bounds(slot.params)
    if problem:
        raise VaultDamaged(problem)
    kek = kdf.derive(secret, slot.salt, slot.params)
    try:
        dek = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.aad(keyfile.vault_id))
    except InvalidTag:
        message = ("wrong passphrase" if kind == PASSPHRASE else "wrong recovery key")
        raise WrongPassphrase(message) from None
    return bytearray(dek)


def load(path: Path) -> KeyFile:
    """Parse ``vault.key``; anything malformed is VaultDamaged (never a crash)."""
    try:
        doc = json.loads(path.read_bytes())
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("unknown key-file format or version")
        slots = []
        for item in doc["slots"]:
            k = item["kdf"]
            if k.get("alg") != "argon2id":
                raise ValueError("unknown KDF")
            params = kdf.KdfParams(int(k["m"]), int(k["t"]), int(k["p"]))
            slots.append(KeySlot(str(item["kind"]), params, _unb64(item["salt"]),
                                 _unb64(item["nonce"]), _unb64(item["wrapped"])))
        vault_id = doc["vault_id"]
        if not isinstance(vault_id, str):
            raise ValueError("vault id")
    except FileNotFoundError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise VaultDamaged(f"the key file is damaged ({type(exc).__name__})",
                           path=str(path)) from None
    return KeyFile(vault_id, tuple(slots))


def save(path: Path, keyfile: KeyFile) -> None:
    """Write ``vault.key`` atomically (temp -> fsync -> replace -> fsync dir)."""
    write_atomic(path, keyfile.to_bytes())
