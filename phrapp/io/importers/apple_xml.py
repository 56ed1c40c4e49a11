"""Safe streaming input for Apple Health ``export.xml`` (``specs/security.md`` T3/T4).

Apple's export starts with an **internal DTD subset** (``<!DOCTYPE HealthData [ … ]>``
holding only ``<!ELEMENT>``/``<!ATTLIST>`` declarations), so the generic
:mod:`phrapp.io.safe_xml` rule "refuse any DOCTYPE" cannot apply. Instead the prolog is
tokenised here *before* the XML parser sees a byte: the internal subset may hold element
and attribute-list declarations, comments and processing instructions only. An entity
or notation declaration, a parameter-entity reference or an external DTD (``SYSTEM`` /
``PUBLIC``) is :class:`~phrapp.errors.HostileInput` — the defusedxml policy
``forbid_dtd=False, forbid_entities=True, forbid_external=True`` of the spec. The parser
then runs with entities, DTD loading and network off anyway (defence in depth).

For ``export.zip`` the archive goes through :class:`~phrapp.io.safe_zip.SafeZip` with the
Apple limits (member count, declared size, ratio, traversal, symlinks, encryption for
every member name); only the export member is decompressed, streamed straight into the
parser (no temp file), and its *actual* bytes are counted against the declared size and
the 20 GB cap while it is read.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import IO

from phrapp.errors import HostileInput, MalformedInput, TooLarge
from phrapp.io.safe_zip import SafeZip

ROOT = b"HealthData"
PROLOG_MAX = 4 * 1024 * 1024  # real prologs are ~20 KB
CHUNK = 256 * 1024
_WS = b" \t\r\n"
_NAME_END = b" \t\r\n>/"


class _NeedMore(Exception):
    """The prolog continues beyond the bytes read so far."""


def prolog_end(data: bytes, *, final: bool, name: str | None = None) -> int:
    """Offset of the root start tag ``<HealthData`` after a checked prolog.

    Raises :class:`_NeedMore` when ``data`` ends inside the prolog (and ``final`` is
    false), :class:`HostileInput` for entity/notation declarations, parameter entities or
    an external DTD, :class:`MalformedInput` for anything that is not an Apple prolog.
    """
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0

    def need(found: int) -> int:
        if found < 0:
            if final:
                raise MalformedInput("not an Apple Health export: the XML prolog is cut short",
                                     path=name)
            raise _NeedMore
        return found

    while True:
        while pos < len(data) and data[pos] in _WS:
            pos += 1
        if len(data) - pos < 12:
            need(-1)
        if data.startswith(b"<?", pos):
            pos = need(data.find(b"?>", pos + 2)) + 2
        elif data.startswith(b"<!--", pos):
            pos = need(data.find(b"-->", pos + 4)) + 3
        elif data.startswith(b"<!DOCTYPE", pos):
            pos = _doctype(data, pos + 9, need, name)
        elif data.startswith(b"<" + ROOT, pos):
            if data[pos + 1 + len(ROOT)] not in _NAME_END:
                break
            return pos
        else:
            break
    raise MalformedInput("not an Apple Health export (the root element is not HealthData)",
                         path=name)


def _doctype(data: bytes, pos: int, need: Callable[[int], int], name: str | None) -> int:
    """Check ``<!DOCTYPE HealthData [ … ]>`` from after the keyword; its end offset."""
    close = need(data.find(b">", pos))
    bracket = data.find(b"[", pos, close)
    head = data[pos: bracket if bracket >= 0 else close].split()
    if not head or head[0] != ROOT:
        raise MalformedInput("not an Apple Health export (DOCTYPE is not HealthData)",
                             path=name)
    if len(head) > 1:  # SYSTEM "…" / PUBLIC "…" "…": an external DTD reference
        raise HostileInput("the XML refers to an external DTD", path=name)
    if bracket < 0:
        return close + 1
    pos = bracket + 1
    while True:
        while pos < len(data) and data[pos] in _WS:
            pos += 1
        if pos >= len(data) - 10:
            need(-1)
        if data.startswith(b"]", pos):
            pos += 1
            while pos < len(data) and data[pos] in _WS:
                pos += 1
            if pos >= len(data):
                need(-1)
            if data[pos:pos + 1] != b">":
                raise MalformedInput("malformed DOCTYPE", path=name)
            return pos + 1
        if data.startswith(b"<!--", pos):
            pos = need(data.find(b"-->", pos + 4)) + 3
        elif data.startswith(b"<?", pos):
            pos = need(data.find(b"?>", pos + 2)) + 2
        elif data.startswith(b"<!ELEMENT", pos) or data.startswith(b"<!ATTLIST", pos):
            pos = _declaration_end(data, pos, need, name)
        elif data[pos:pos + 9].upper() in (b"<!ENTITY ", b"<!ENTITY\t", b"<!ENTITY\n",
                                           b"<!ENTITY\r") or data.startswith(b"%", pos):
            raise HostileInput("the XML declares entities (refused: billion-laughs / XXE)",
                               path=name)
        else:
            # <!NOTATION, a conditional section or anything else Apple never writes.
            raise HostileInput("the XML's DTD holds declarations Apple Health never writes",
                               path=name)


def _declaration_end(data: bytes, pos: int, need: Callable[[int], int],
                     name: str | None) -> int:
    """End offset of an ``<!ELEMENT``/``<!ATTLIST`` declaration (quotes may hold ``>``)."""
    quote = 0
    for index in range(pos + 2, len(data)):
        byte = data[index]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in (0x22, 0x27):
            quote = byte
        elif byte == 0x25:  # % : a parameter-entity reference inside a declaration
            raise HostileInput("the XML uses parameter entities", path=name)
        elif byte == 0x3E:
            return index + 1
    need(-1)
    raise AssertionError("unreachable")  # pragma: no cover


class CheckedStream:
    """A ``read(size)`` stream for the parser: the checked prolog, then the rest.

    It reports how much of the *input file* has been consumed (``scale`` maps member
    bytes to archive bytes for a zip) and turns zip-level failures into typed errors.
    """

    def __init__(self, inner: IO[bytes], *, name: str | None, declared: int | None = None,
                 total_cap: int | None = None, scale: float = 1.0) -> None:
        self._inner = inner
        self._name = name
        self._declared = declared
        self._cap = total_cap
        self._scale = scale
        self._prefix = b""
        self.count = 0  # decompressed bytes handed to the parser

    def check_prolog(self) -> None:
        """Read and check the prolog; its bytes are replayed to the parser."""
        data = b""
        while True:
            chunk = self._raw_read(CHUNK)
            data += chunk
            try:
                prolog_end(data, final=not chunk, name=self._name)
                break
            except _NeedMore:
                if len(data) > PROLOG_MAX:
                    raise HostileInput("the XML prolog is implausibly long",
                                       path=self._name) from None
        self._prefix = data

    @property
    def consumed(self) -> int:
        """Input-file bytes consumed so far (approximate for a compressed member)."""
        return int(self.count * self._scale)

    def _raw_read(self, size: int) -> bytes:
        try:
            data = self._inner.read(size)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise MalformedInput(f"a damaged archive member ({type(exc).__name__})",
                                 path=self._name) from None
        self.count += len(data)
        if self._declared is not None and self.count > self._declared:
            raise HostileInput("an archive member is larger than it declares", path=self._name)
        if self._cap is not None and self.count > self._cap:
            raise TooLarge("the archive expands beyond the size limit", path=self._name)
        return data

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size < 0 or size >= len(self._prefix):
                out, self._prefix = self._prefix, b""
            else:
                out, self._prefix = self._prefix[:size], self._prefix[size:]
            return out
        return self._raw_read(CHUNK if size < 0 else size)

    def close(self) -> None:
        self._inner.close()


def looks_like_export(head: bytes) -> bool:
    """True when ``head`` (the first bytes) starts an Apple Health export.xml."""
    probe = head[:PROLOG_MAX]
    return (b"<!DOCTYPE HealthData" in probe or b"<HealthData" in probe) and \
        b"<ClinicalDocument" not in probe


def export_member(archive: SafeZip, head_of: Callable[[str], bytes] | None = None) -> str:
    """The archive member holding the export: ``apple_health_export/export.xml``, else
    the single ``export.xml`` at the top or one folder down (any folder name), else the
    single top-level XML whose content is a HealthData export (localised names)."""
    names = archive.names
    if "apple_health_export/export.xml" in names:
        return "apple_health_export/export.xml"
    shallow = [n for n in names if len(PurePosixPath(n).parts) <= 2]
    exact = [n for n in shallow if PurePosixPath(n).name == "export.xml"]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise MalformedInput("the archive holds several export.xml files", path=archive.name)
    if head_of is not None:
        found = [n for n in shallow if n.lower().endswith(".xml")
                 and not n.lower().endswith("_cda.xml") and looks_like_export(head_of(n))]
        if len(found) == 1:
            return found[0]
    raise MalformedInput("the archive holds no Apple Health export.xml", path=archive.name)


__all__ = ["CheckedStream", "export_member", "looks_like_export", "prolog_end"]
