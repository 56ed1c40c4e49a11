"""Zip archives opened with limits (specs/security.md T4). Never ``extractall``.

Every member name is checked before anything is read (absolute paths, ``..``, drive
letters, backslashes, symlinks, encryption, count, declared size and ratio); members
are then decompressed in 64 KiB chunks into memory while the *actual* bytes are
counted, because headers can lie. Nothing is written to disk.
"""

from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from phrapp.errors import HostileInput, MalformedInput, TooLarge

CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_members: int = 1000
    max_member_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 200 * 1024 * 1024
    max_ratio: float = 100.0


GENERIC = ZipLimits()
# Apple Health's export.zip: many members, one huge export.xml (read streaming only).
APPLE_HEALTH = ZipLimits(max_members=100_000, max_member_bytes=20 * 1024**3,
                         max_total_bytes=20 * 1024**3, max_ratio=100.0)


def is_zip(head: bytes) -> bool:
    return head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06")


class SafeZip:
    """A checked archive. ``names`` lists the regular-file members in archive order."""

    def __init__(self, source: Path | IO[bytes], *, name: str | None = None,
                 limits: ZipLimits = GENERIC) -> None:
        self.name = name or (source.name if isinstance(source, Path) else None)
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise MalformedInput(f"not a readable zip archive ({type(exc).__name__})",
                                 path=self.name) from None
        self._read_total = 0
        infos = self._zip.infolist()
        if len(infos) > limits.max_members:
            raise HostileInput(f"the archive has more than {limits.max_members} members",
                               path=self.name)
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            self._check(info)
            if not info.is_dir():
                self._infos[info.filename] = info

    def _check(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        where = f"{self.name}:{name}" if self.name else name
        if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
            raise HostileInput("an archive member has an absolute or Windows path", path=where)
        if ".." in PurePosixPath(name).parts:
            raise HostileInput("an archive member points outside the archive (..)", path=where)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise HostileInput("an archive member is a symbolic link", path=where)
        if info.flag_bits & 0x1:
            raise HostileInput("encrypted archive members are not supported", path=where)
        if info.file_size > self.limits.max_member_bytes:
            raise TooLarge("an archive member is too large", path=where)
        if info.compress_size and info.file_size / info.compress_size > self.limits.max_ratio:
            raise HostileInput("an archive member expands suspiciously (zip bomb)", path=where)
        if info.compress_size == 0 and info.file_size > 0:
            raise HostileInput("an archive member has an impossible size", path=where)

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, member: str) -> int:
        return self._infos[member].file_size

    def read(self, member: str) -> bytes:
        """Decompress one member into memory, counting the actual bytes against the caps."""
        info = self._infos[member]
        where = f"{self.name}:{member}" if self.name else member
        out = io.BytesIO()
        count = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    count += len(chunk)
                    self._read_total += len(chunk)
                    if count > info.file_size:
                        raise HostileInput("an archive member is larger than it declares",
                                           path=where)
                    if count > self.limits.max_member_bytes:
                        raise TooLarge("an archive member is too large", path=where)
                    if self._read_total > self.limits.max_total_bytes:
                        raise TooLarge("the archive expands beyond the size limit", path=where)
                    out.write(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise MalformedInput(f"a damaged archive member ({type(exc).__name__})",
                                 path=where) from None
        data = out.getvalue()
        if is_zip(data[:4]):
            raise HostileInput("nested archives are not accepted", path=where)
        return data

    def open_stream(self, member: str) -> IO[bytes]:
        """A streaming reader for one member (for multi-GB members parsed incrementally)."""
        reader = _CountingReader(self._zip.open(self._infos[member]), self.limits,
                                 f"{self.name}:{member}")
        return io.BufferedReader(reader, CHUNK)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _CountingReader(io.RawIOBase):
    """Wraps a member stream and enforces the actual-bytes cap while it is read."""

    def __init__(self, inner: IO[bytes], limits: ZipLimits, where: str) -> None:
        self._inner = inner
        self._limits = limits
        self._where = where
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        self._count += len(data)
        if self._count > self._limits.max_member_bytes:
            raise TooLarge("an archive member expands beyond the size limit", path=self._where)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()
