"""The encrypted share package: round trip, tamper, wrong passphrase, hostile KDF (T12)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrapp.domain.passphrase import assess
from phrapp.io import share_package
from phrapp.io.safe_zip import ZipLimits
from phrapp.io.share_package import (
    ALPHABET,
    MANIFEST,
    ShareError,
    canonical_passphrase,
    generate_passphrase,
    looks_like_package,
    open_package,
    open_package_file,
    seal,
)
from phrapp.storage import kdf

PASS = "correct horse battery staple 7"
MEMBERS = {
    "fhir/bundle.json": b'{"resourceType": "Bundle"}',
    "csv/bp.csv": "\ufeff\"observation_time\"\r\n\"20241201064200\"\r\n".encode(),
    "csv/\u4f53\u91cd.csv": b"",  # an empty member and a non-ASCII name
}


def envelope(data: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(data)
    return doc


def dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, separators=(",", ":")).encode()


def flip_b64(text: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def code_of(data: bytes, passphrase: str = PASS) -> str:
    with pytest.raises(ShareError) as info:
        open_package(data, passphrase)
    return info.value.code


@pytest.fixture(scope="module")
def package() -> bytes:
    return seal(MEMBERS, PASS, note="for Dr. 山田")


# --- round trip --------------------------------------------------------------------


def test_round_trip_gives_the_same_members_and_a_verified_manifest(package: bytes) -> None:
    opened = open_package(package, PASS)
    assert opened.members == MEMBERS
    assert opened.manifest.note == "for Dr. 山田"
    by_name = {entry.name: entry for entry in opened.manifest.files}
    assert set(by_name) == set(MEMBERS)
    for name, content in MEMBERS.items():
        assert by_name[name].size == len(content)
        assert by_name[name].sha256 == hashlib.sha256(content).hexdigest()


def test_envelope_shape_and_header_fields(package: bytes) -> None:
    doc = envelope(package)
    assert set(doc) == {"v", "kdf", "nonce", "ct"}
    assert doc["v"] == 1
    assert doc["kdf"]["alg"] == "argon2id"
    assert (doc["kdf"]["m"], doc["kdf"]["t"], doc["kdf"]["p"]) == (
        kdf.TEST_PARAMS.memory_kib, kdf.TEST_PARAMS.iterations, kdf.TEST_PARAMS.lanes)
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert len(base64.b64decode(doc["nonce"])) == 12
    assert looks_like_package(package)
    assert not looks_like_package(b"PK\x03\x04")
    # No plaintext leaks into the envelope.
    assert b"Bundle" not in package and b"observation_time" not in package


def test_every_package_uses_a_fresh_salt_and_nonce() -> None:
    a, b = envelope(seal(MEMBERS, PASS)), envelope(seal(MEMBERS, PASS))
    assert a["kdf"]["salt"] != b["kdf"]["salt"]
    assert a["nonce"] != b["nonce"]


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(
    st.text(alphabet="abcxyz_-0189", min_size=1, max_size=8).map(lambda s: f"d/{s}.txt"),
    st.binary(max_size=300), max_size=5))
def test_round_trip_property(members: dict[str, bytes]) -> None:
    assert open_package(seal(members, PASS), PASS).members == members


def test_reserved_and_unsafe_member_names_are_refused_when_sealing() -> None:
    for name in (MANIFEST, "../x", "/abs", "a\\b", "C:x", ""):
        with pytest.raises(ValueError):
            seal({name: b"x"}, PASS)


def test_open_package_file(tmp_path: Path, package: bytes) -> None:
    path = tmp_path / "p.phrapp"
    path.write_bytes(package)
    assert open_package_file(path, PASS).members == MEMBERS
    with pytest.raises(ShareError) as info:
        open_package_file(path, "wrong passphrase 123")
    assert info.value.code == "integrity" and info.value.path == str(path)


# --- refusals ------------------------------------------------------------------------


def test_wrong_passphrase_is_an_integrity_failure(package: bytes) -> None:
    with pytest.raises(ShareError) as info:
        open_package(package, "correct horse battery staple 8")
    assert info.value.code == "integrity"
    assert info.value.exit_code == 2
    assert "wrong passphrase or damaged file" in info.value.message


@pytest.mark.parametrize("index", [0, 7, -1])
def test_one_flipped_ciphertext_byte(package: bytes, index: int) -> None:
    doc = envelope(package)
    raw = base64.b64decode(doc["ct"])
    doc["ct"] = flip_b64(doc["ct"], index % len(raw))
    assert code_of(dump(doc)) == "integrity"


def test_one_flipped_nonce_byte(package: bytes) -> None:
    doc = envelope(package)
    doc["nonce"] = flip_b64(doc["nonce"], 5)
    assert code_of(dump(doc)) == "integrity"


def test_one_flipped_salt_byte(package: bytes) -> None:
    doc = envelope(package)
    doc["kdf"]["salt"] = flip_b64(doc["kdf"]["salt"], 3)
    assert code_of(dump(doc)) == "integrity"


def test_header_parameter_change_within_bounds_fails_the_tag() -> None:
    # Sealed with other in-bounds parameters and relabelled: the AAD no longer matches.
    floor = seal({"a": b"1"}, PASS, params=kdf.FLOOR)
    doc = envelope(floor)
    doc["kdf"]["t"] = 4
    assert code_of(dump(doc)) == "integrity"


def test_header_json_corruption_is_malformed(package: bytes) -> None:
    assert code_of(package.replace(b'"kdf"', b'"kdg"', 1)) == "malformed"
    assert code_of(package.replace(b'"v":1', b'"v":2', 1)) == "malformed"
    assert code_of(package[:-40]) == "malformed"  # truncated JSON
    assert code_of(b"\xff\xfe garbage") == "malformed"
    assert code_of(b"[]") == "malformed"
    doc = envelope(package)
    doc["extra"] = 1
    assert code_of(dump(doc)) == "malformed"
    doc = envelope(package)
    doc["kdf"]["alg"] = "scrypt"
    assert code_of(dump(doc)) == "malformed"
    doc = envelope(package)
    doc["kdf"]["m"] = "1024"
    assert code_of(dump(doc)) == "malformed"
    doc = envelope(package)
    doc["nonce"] = "!!not base64!!"
    assert code_of(dump(doc)) == "malformed"


def test_every_raw_byte_flip_is_refused(package: bytes) -> None:
    """Flipping any byte of the file (sampled) never opens: a ShareError, never a crash."""
    rng = random.Random(8)
    positions = sorted(set(rng.sample(range(len(package) - 1), 60)) | set(range(0, 120)))
    for pos in positions:
        damaged = bytearray(package)
        damaged[pos] ^= 0x01
        with pytest.raises(ShareError) as info:
            open_package(bytes(damaged), PASS)
        assert info.value.code in {"integrity", "malformed", "hostile-input"}, pos


def _forbid_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("the KDF ran on a hostile envelope")

    monkeypatch.setattr(kdf, "derive", boom)
    monkeypatch.setattr(kdf, "Argon2id", boom)


@pytest.mark.parametrize(("key", "value"), [
    ("m", 2**30), ("m", 1024 * 1024 + 1), ("t", 11), ("t", 10**9), ("p", 17), ("p", 0),
    ("m", 8),  # below the floor: a downgrade
])
def test_kdf_parameters_out_of_bounds_are_refused_before_the_kdf(
        package: bytes, monkeypatch: pytest.MonkeyPatch, key: str, value: int) -> None:
    doc = envelope(package)
    doc["kdf"][key] = value
    _forbid_kdf(monkeypatch)
    assert code_of(dump(doc)) == "hostile-input"


def test_wrong_salt_length_is_refused_before_the_kdf(
        package: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = envelope(package)
    doc["kdf"]["salt"] = base64.b64encode(b"\x00" * 4).decode()
    _forbid_kdf(monkeypatch)
    assert code_of(dump(doc)) == "hostile-input"


def test_oversized_envelope_is_refused_before_parsing(
        package: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(share_package, "MAX_ENVELOPE_BYTES", len(package) - 1)
    _forbid_kdf(monkeypatch)
    assert code_of(package) == "too-large"


# --- the manifest and the inner zip ---------------------------------------------------


def _reseal_plaintext(plaintext: bytes, passphrase: str = PASS) -> bytes:
    """Encrypt an arbitrary zip exactly as seal() does (to test the inner checks)."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from phrapp.storage.keyslots import normalise_passphrase

    params = kdf.TEST_PARAMS
    salt, nonce = os.urandom(16), os.urandom(12)
    header = share_package._header(params, salt, nonce)
    key = kdf.derive(normalise_passphrase(canonical_passphrase(passphrase)), salt, params)
    ct = AESGCM(key).encrypt(nonce, plaintext, share_package._canonical(header))
    return dump(dict(header, ct=base64.b64encode(ct).decode()))


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _manifest(files: dict[str, bytes], **changes: object) -> bytes:
    doc: dict[str, Any] = {"format": "phrapp-share-manifest", "version": 1,
                           "created_at": "2024-12-01T00:00:00+00:00", "app_version": "0",
                           "note": "", "files": [
                               {"name": n, "size": len(c),
                                "sha256": hashlib.sha256(c).hexdigest()}
                               for n, c in files.items()]}
    doc.update(changes)
    return json.dumps(doc).encode()


def test_a_consistent_hand_made_package_opens() -> None:
    files = {"a.txt": b"alpha"}
    data = _reseal_plaintext(_zip({MANIFEST: _manifest(files), **files}))
    assert open_package(data, PASS).members == files


def test_altered_member_fails_the_manifest_check() -> None:
    files = {"a.txt": b"alpha"}
    data = _reseal_plaintext(_zip({MANIFEST: _manifest(files), "a.txt": b"alphA"}))
    assert code_of(data) == "integrity"


def test_unlisted_or_missing_member_fails_the_manifest_check() -> None:
    files = {"a.txt": b"alpha"}
    extra = _reseal_plaintext(_zip({MANIFEST: _manifest(files), **files, "b.txt": b"x"}))
    assert code_of(extra) == "integrity"
    missing = _reseal_plaintext(_zip({MANIFEST: _manifest(files)}))
    assert code_of(missing) == "integrity"
    no_manifest = _reseal_plaintext(_zip(files))
    assert code_of(no_manifest) == "integrity"


def test_malformed_manifest_and_hostile_zip() -> None:
    files = {"a.txt": b"alpha"}
    assert code_of(_reseal_plaintext(_zip({MANIFEST: b"{not json", **files}))) == "malformed"
    wrong = _manifest(files, format="other")
    assert code_of(_reseal_plaintext(_zip({MANIFEST: wrong, **files}))) == "malformed"
    slip = {"../evil.txt": b"x"}
    assert code_of(_reseal_plaintext(_zip({MANIFEST: _manifest(slip), **slip}))) == \
        "hostile-input"
    assert code_of(_reseal_plaintext(b"not a zip at all")) == "malformed"


# --- the one-time passphrase ----------------------------------------------------------


def test_generated_passphrase_shape_entropy_and_policy() -> None:
    seen = {generate_passphrase() for _ in range(50)}
    assert len(seen) == 50
    for text in seen:
        groups = text.split("-")
        assert len(groups) == 6 and all(len(g) == 4 for g in groups)
        assert all(ch in ALPHABET for ch in "".join(groups))
    # 24 symbols from a 32-letter alphabet: 120 bits >= 100.
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)
    assert assess(next(iter(seen))).acceptable


def test_generated_passphrase_may_be_typed_loosely() -> None:
    phrase = "0A1B-2C3D-4E5F-6G7H-8J9K-MNPQ"
    data = seal({"a": b"1"}, phrase)
    for typed in ("0a1b 2c3d 4e5f 6g7h 8j9k mnpq", "OA1B2C3D4E5F6G7H8J9KMNPQ",
                  "oalb-2c3d-4e5f-6g7h-8j9k-mnpq", "０Ａ１Ｂ－２Ｃ３Ｄ－４Ｅ５Ｆ－６Ｇ７Ｈ－８Ｊ９Ｋ－ＭＮＰＱ"):
        assert open_package(data, typed).members == {"a": b"1"}
    assert canonical_passphrase("  ordinary words  ") == "  ordinary words  "
    assert code_of(data, "0A1B-2C3D-4E5F-6G7H-8J9K-MNPR") == "integrity"


def test_a_member_that_is_itself_a_zip_is_carried() -> None:
    # e.g. a CDA zip in the standard layout: verified by hash, opened later with SafeZip.
    inner = _zip({"a.xml": b"<x/>"})
    assert open_package(seal({"cda/exam.zip": inner}, PASS), PASS).members == {
        "cda/exam.zip": inner}


def test_manifest_sizes_beyond_the_limit_are_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"a.txt": b"alpha"}
    data = _reseal_plaintext(_zip({MANIFEST: _manifest(files), **files}))
    small = ZipLimits(max_total_bytes=4)
    monkeypatch.setattr(share_package, "SHARE_LIMITS", small)
    assert code_of(data) == "too-large"
