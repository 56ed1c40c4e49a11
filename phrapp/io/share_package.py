"""The encrypted share package (specs/security.md T12; issue 8 item 7).

One file is one JSON envelope::

    {"v": 1,
     "kdf": {"alg": "argon2id", "m": 65536, "t": 3, "p": 4, "salt": "<b64, 16 bytes>"},
     "nonce": "<b64, 12 bytes>",
     "ct": "<b64>"}

``ct`` is ``AESGCM(Argon2id(passphrase, salt)).encrypt(nonce, zip, aad=header)``, where
the header is the envelope without ``ct`` as canonical JSON (sorted keys, no spaces), so
a changed KDF parameter, salt or nonce fails the tag just like a changed ciphertext
byte. The KDF keys (``m``/``t``/``p``) are the ones ``vault.key`` and security.md T12
use (:meth:`phrapp.storage.kdf.KdfParams.to_json`).

The plaintext is a zip of the exported files plus ``manifest.json`` (format version,
creation time, app version, the recipient note and each member's name, size and
SHA-256). Everything happens in memory: nothing plaintext touches the disk.

Reading treats the file as hostile. In this order, and all before the expensive key
derivation: the envelope size cap, strict JSON shape (``malformed``), the salt length
and the KDF bounds of :func:`phrapp.storage.kdf.check_bounds` (``hostile-input``:
attacker-chosen Argon2 costs are a denial-of-service vector). Then the tag: AES-GCM
cannot tell a wrong passphrase from a damaged file, so both are ``integrity`` with the
message "wrong passphrase or damaged file". Then the zip with :mod:`phrapp.io.safe_zip`
limits, and the manifest: every member listed, sizes and SHA-256 equal (``integrity``).
Only when every check passed are members returned; a failure returns nothing.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import os
import re
import secrets
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from phrapp import __version__
from phrapp.errors import PhrError, Refused
from phrapp.io.safe_zip import SafeZip, ZipLimits
from phrapp.storage import kdf
from phrapp.storage.keyslots import normalise_passphrase

VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_FORMAT = "phrapp-share-manifest"
SUFFIX = ".phrapp"
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
#: Refuse envelopes above this size before parsing them (the JSON is held in memory).
MAX_ENVELOPE_BYTES = 2 * 1024**3
#: The decrypted zip. Members are our own exports (FHIR of 100k observations is tens
#: of MB); the ratio is looser than GENERIC because repetitive CSV/JSON compresses well,
#: and the archive is authenticated anyway (only a sender with the passphrase made it).
SHARE_LIMITS = ZipLimits(max_members=10_000, max_member_bytes=1024**3,
                         max_total_bytes=2 * 1024**3, max_ratio=1000.0)

#: Crockford's Base32: no I, L, O or U, so nothing is misread aloud or on paper.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 6
GROUP_LEN = 4  # 6 x 4 x 5 bits = 120 bits (security.md T12: ~120 bits)
_READ_ALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")

_ENVELOPE_KEYS = frozenset({"v", "kdf", "nonce", "ct"})
_KDF_KEYS = frozenset({"alg", "m", "t", "p", "salt"})


class ShareError(Refused):
    """A package that cannot be opened (exit 2). ``code``: a CONTRACT §2 slug.

    ``integrity`` (tag or manifest failure: wrong passphrase or damaged file),
    ``malformed`` (not a share envelope), ``too-large``, ``hostile-input``.
    """

    def __init__(self, code: str, message: str, *, path: str | None = None) -> None:
        super().__init__(message, path=path, code=code)


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """``manifest.json``: what the sender put in the package."""

    version: int
    created_at: str
    app_version: str
    note: str
    files: tuple[ManifestEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {"format": MANIFEST_FORMAT, "version": self.version,
                "created_at": self.created_at, "app_version": self.app_version,
                "note": self.note,
                "files": [{"name": f.name, "size": f.size, "sha256": f.sha256}
                          for f in self.files]}


@dataclass(frozen=True, slots=True)
class SharedPackage:
    """An opened, verified package: the members (name -> bytes) and the manifest."""

    members: dict[str, bytes]
    manifest: Manifest


# --- passphrases -------------------------------------------------------------------


def generate_passphrase() -> str:
    """A fresh one-time passphrase: 6 groups of 4 Crockford Base32 characters (120 bits).

    E.g. ``7KQ2-M9XD-…``: easy to read aloud and type, and at 29 characters it also
    satisfies the vault's passphrase policy (≥ 12 characters).
    """
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    return "-".join(chars[i : i + GROUP_LEN] for i in range(0, len(chars), GROUP_LEN))


def canonical_passphrase(passphrase: str) -> str:
    """The form the key is derived from.

    A passphrase shaped like a generated one (24 Base32 characters once spaces and
    hyphens are removed, any case, O/I/L typed for 0/1) is folded to the canonical
    ``XXXX-XXXX-…`` form, so the clinic may type it loosely; anything else is used as
    given (NFC, as for the vault). Seal and open apply the same function.
    """
    folded = _SEPARATORS.sub("", unicodedata.normalize("NFKC", passphrase)).upper()
    folded = folded.translate(_READ_ALIKE)
    if len(folded) == GROUPS * GROUP_LEN and all(ch in ALPHABET for ch in folded):
        return "-".join(folded[i : i + GROUP_LEN] for i in range(0, len(folded), GROUP_LEN))
    return unicodedata.normalize("NFC", passphrase)


# --- sealing -----------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _header(params: kdf.KdfParams, salt: bytes, nonce: bytes) -> dict[str, Any]:
    kdf_json = params.to_json()
    kdf_json["salt"] = _b64(salt)
    return {"v": VERSION, "kdf": kdf_json, "nonce": _b64(nonce)}


def default_params() -> kdf.KdfParams:
    """The KDF cost of a new package: the vault floor (the passphrase has 120 bits, so a
    slower clinic PC matters more than extra cost), or the test hook's cheap parameters."""
    return kdf.TEST_PARAMS if kdf.test_mode() else kdf.FLOOR


def _check_member_name(name: str) -> None:
    parts = PurePosixPath(name).parts
    if (not name or name == MANIFEST or "\\" in name or name.startswith("/")
            or ".." in parts or (len(name) > 1 and name[1] == ":") or name.endswith("/")):
        raise ValueError(f"not a valid package member name: {name!r}")


def seal(members: dict[str, bytes], passphrase: str, *, note: str = "",
         params: kdf.KdfParams | None = None,
         created_at: dt.datetime | None = None) -> bytes:
    """Build the encrypted package (bytes of the JSON envelope) from ``members``.

    Member names are relative POSIX paths (e.g. ``fhir/bundle.json``); ``manifest.json``
    is reserved. ``params`` defaults to :func:`default_params`.
    """
    params = params or default_params()
    problem = kdf.check_bounds(params)
    if problem:
        raise ValueError(problem)
    when = (created_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    entries = []
    for name in sorted(members):
        _check_member_name(name)
        data = members[name]
        entries.append(ManifestEntry(name, len(data), hashlib.sha256(data).hexdigest()))
    manifest = Manifest(VERSION, when.isoformat(), __version__, note, tuple(entries))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # A fixed timestamp: the real time is in the manifest, and nothing about the
        # sender's local clock or zone leaks through the zip headers.
        stamp = (1980, 1, 1, 0, 0, 0)
        for name, content in [(MANIFEST, _manifest_bytes(manifest))] + [
                (e.name, members[e.name]) for e in entries]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    plaintext = buffer.getvalue()

    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    header = _header(params, salt, nonce)
    key = kdf.derive(normalise_passphrase(canonical_passphrase(passphrase)), salt, params)
    ct = AESGCM(key).encrypt(nonce, plaintext, _canonical(header))
    envelope = dict(header, ct=_b64(ct))
    return json.dumps(envelope, separators=(",", ":")).encode("ascii") + b"\n"


def _manifest_bytes(manifest: Manifest) -> bytes:
    return (json.dumps(manifest.to_json(), ensure_ascii=False, indent=1) + "\n").encode()


# --- opening -----------------------------------------------------------------------


def looks_like_package(head: bytes) -> bool:
    """Cheap content sniff: a JSON object starting with the envelope's keys."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]
    return text.startswith(b"{") and b'"kdf"' in text and b'"v"' in text


def _unb64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise ShareError("malformed", f"the share package's {what} is not base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ShareError("malformed", f"the share package's {what} is not base64 text") \
            from None


def _int(value: object, what: str) -> int:
    # bool is an int subclass; a float or string is not a cost parameter.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ShareError("malformed", f"the share package's KDF {what} is not an integer")
    return value


def _parse_envelope(data: bytes) -> tuple[kdf.KdfParams, bytes, bytes, bytes, bytes]:
    """``(params, salt, nonce, ct, aad)`` after every check that needs no key."""
    if len(data) > MAX_ENVELOPE_BYTES:
        raise ShareError("too-large", "the share package is larger than 2 GB")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ShareError("malformed", "not a phrapp share package (not JSON)") from None
    if not isinstance(doc, dict) or set(doc) != _ENVELOPE_KEYS:
        raise ShareError("malformed", "not a phrapp share package (unexpected keys)")
    version = doc["v"]
    if not isinstance(version, int) or isinstance(version, bool) or version != VERSION:
        raise ShareError("malformed", "unsupported share package version")
    kdf_doc = doc["kdf"]
    if not isinstance(kdf_doc, dict) or set(kdf_doc) != _KDF_KEYS:
        raise ShareError("malformed", "the share package's KDF header is malformed")
    if kdf_doc["alg"] != "argon2id":
        raise ShareError("malformed", "the share package uses an unknown KDF")
    params = kdf.KdfParams(memory_kib=_int(kdf_doc["m"], "memory"),
                           iterations=_int(kdf_doc["t"], "iterations"),
                           lanes=_int(kdf_doc["p"], "lanes"))
    # Bounds before anything expensive: a package may ask for 1 TiB of Argon2 memory.
    problem = kdf.check_bounds(params)
    if problem:
        raise ShareError("hostile-input", f"refused: {problem.replace('key-slot ', '')}")
    salt = _unb64(kdf_doc["salt"], "salt")
    if len(salt) != SALT_BYTES:
        raise ShareError("hostile-input", "refused: the KDF salt has the wrong length")
    nonce = _unb64(doc["nonce"], "nonce")
    if len(nonce) != NONCE_BYTES:
        raise ShareError("malformed", "the share package's nonce has the wrong length")
    ct = _unb64(doc["ct"], "ciphertext")
    if len(ct) < TAG_BYTES:
        raise ShareError("malformed", "the share package's ciphertext is truncated")
    # The AAD is recomputed from the parsed values, so any change to them (or to the
    # key set, refused above) changes the AAD and fails the tag.
    aad = _canonical(_header(params, salt, nonce))
    return params, salt, nonce, ct, aad


def open_package(data: bytes, passphrase: str) -> SharedPackage:
    """Decrypt and verify a package; :class:`ShareError` on any problem (see module doc)."""
    params, salt, nonce, ct, aad = _parse_envelope(data)
    key = kdf.derive(normalise_passphrase(canonical_passphrase(passphrase)), salt, params)
    try:
        plaintext = AESGCM(key).decrypt(nonce, ct, aad)
    except InvalidTag:
        raise ShareError("integrity", "wrong passphrase or damaged file") from None
    return _read_zip(plaintext)


def open_package_file(path: Path, passphrase: str) -> SharedPackage:
    """:func:`open_package` on a file, refusing an oversized one before reading it."""
    if path.stat().st_size > MAX_ENVELOPE_BYTES:
        raise ShareError("too-large", "the share package is larger than 2 GB", path=str(path))
    try:
        return open_package(path.read_bytes(), passphrase)
    except ShareError as exc:
        exc.path = exc.path or str(path)
        raise


def _read_zip(plaintext: bytes) -> SharedPackage:
    try:
        with SafeZip(io.BytesIO(plaintext), name="share", limits=SHARE_LIMITS) as archive:
            if MANIFEST not in archive.names:
                raise ShareError("integrity", "the share package has no manifest")
            manifest = _parse_manifest(archive.read(MANIFEST))
            listed = {entry.name: entry for entry in manifest.files}
            present = set(archive.names) - {MANIFEST}
            if present != set(listed) or len(listed) != len(manifest.files):
                raise ShareError("integrity",
                                 "the share package's files do not match its manifest")
            if sum(entry.size for entry in manifest.files) > SHARE_LIMITS.max_total_bytes:
                raise ShareError("too-large", "the share package expands beyond the limit")
            members: dict[str, bytes] = {}
            for name, entry in listed.items():
                content = _read_member(archive, name, entry.size)
                if (len(content) != entry.size
                        or hashlib.sha256(content).hexdigest() != entry.sha256):
                    raise ShareError("integrity", "a file in the share package does not "
                                     "match its manifest checksum", path=name)
                members[name] = content
    except ShareError:
        raise
    except PhrError as exc:  # safe_zip: malformed / hostile-input / too-large
        raise ShareError(exc.code, exc.message, path=exc.path) from None
    return SharedPackage(members=members, manifest=manifest)


def _read_member(archive: SafeZip, name: str, size: int) -> bytes:
    """One member, reading at most one byte more than the manifest declares.

    Not ``SafeZip.read``: that refuses members that are themselves zips, and a package
    may legitimately carry one (e.g. a CDA zip in the standard layout). Whoever opens
    such a member later does so through ``SafeZip`` with its own limits; here the
    manifest size bounds the memory used and the hash check follows.
    """
    try:
        with archive.open_stream(name) as stream:
            return stream.read(size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
        raise ShareError("malformed", "a damaged file in the share package",
                         path=name) from None


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
            raise ValueError("format")
        if doc.get("version") != VERSION:
            raise ValueError("version")
        files = []
        for item in doc["files"]:
            name, size, digest = item["name"], item["size"], item["sha256"]
            if (not isinstance(name, str) or not isinstance(size, int)
                    or isinstance(size, bool) or not isinstance(digest, str)
                    or not re.fullmatch(r"[0-9a-f]{64}", digest)):
                raise ValueError("entry")
            files.append(ManifestEntry(name, size, digest))
        created_at, app_version, note = doc["created_at"], doc["app_version"], doc["note"]
        if not all(isinstance(v, str) for v in (created_at, app_version, note)):
            raise ValueError("header")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise ShareError("malformed", "the share package's manifest is malformed") from None
    return Manifest(VERSION, created_at, app_version, note, tuple(files))


__all__ = [
    "MANIFEST",
    "SUFFIX",
    "Manifest",
    "ManifestEntry",
    "ShareError",
    "SharedPackage",
    "canonical_passphrase",
    "default_params",
    "generate_passphrase",
    "looks_like_package",
    "open_package",
    "open_package_file",
    "seal",
]
