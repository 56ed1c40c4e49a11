"""Hostile XML and zip inputs are refused with typed errors (specs/security.md T3, T4)."""

from __future__ import annotations

import io
import stat
import time
import zipfile

import pytest

from phrapp.errors import HostileInput, MalformedInput, TooLarge
from phrapp.io.safe_xml import hardened_parser, parse_xml
from phrapp.io.safe_zip import SafeZip, ZipLimits

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode()
                             for i in range(1, 10)).replace(b"&lol0;", b"&lol;")
                  + b"]><lolz>&lol9;</lolz>")
QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + b"x" * 50_000 + b'">]><q>'
             + b"&a;" * 5_000 + b"</q>")
XXE = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b"<r>&x;</r>")
EXTERNAL_DTD = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd"><r/>'
DEEP = b"<a>" * 10_000 + b"</a>" * 10_000


@pytest.mark.parametrize("data", [BILLION_LAUGHS, QUADRATIC, XXE, EXTERNAL_DTD, DEEP],
                         ids=["billion-laughs", "quadratic", "xxe", "external-dtd", "deep"])
def test_hostile_xml_refused_fast(data: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(HostileInput):
        parse_xml(data, name="evil.xml")
    assert time.perf_counter() - started < 1.0


def test_truncated_and_oversize_xml() -> None:
    with pytest.raises(MalformedInput):
        parse_xml(b"<ClinicalDocument><id>", name="cut.xml")
    with pytest.raises(TooLarge):
        parse_xml(b"<a/>" + b" " * 100, max_bytes=50)


def test_parser_settings_never_resolve_entities() -> None:
    """Regression guard: with load_dtd=True, resolve_entities=True leaked file contents."""
    parser = hardened_parser()
    # lxml exposes no getter; parse a document whose entity would leak if resolved.
    from lxml import etree

    root = etree.fromstring(b'<!DOCTYPE r [<!ENTITY x "LEAK">]><r>&x;</r>', parser)
    assert "LEAK" not in etree.tostring(root).decode()


def zip_bytes(members: dict[str, bytes], *, symlink: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def test_zip_reads_good_members() -> None:
    archive = SafeZip(io.BytesIO(zip_bytes({"DATA/h1.xml": b"<a/>", "DATA/h2.xml": b"<b/>"})))
    assert archive.names == ["DATA/h1.xml", "DATA/h2.xml"]
    assert archive.read("DATA/h2.xml") == b"<b/>"


@pytest.mark.parametrize("name", ["../../evil.txt", "/abs/evil.txt", "C:/evil.txt",
                                  "DATA\\..\\evil.txt"])
def test_zip_traversal_refused(name: str) -> None:
    with pytest.raises(HostileInput):
        SafeZip(io.BytesIO(zip_bytes({name: b"x"})))


def test_zip_symlink_refused() -> None:
    with pytest.raises(HostileInput, match="symbolic link"):
        SafeZip(io.BytesIO(zip_bytes({}, symlink="DATA/link.xml")))


def test_zip_bomb_refused_fast() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):  # 200 MiB of zeros, ~200 KB compressed
                member.write(chunk)
    started = time.perf_counter()
    with pytest.raises((HostileInput, TooLarge)):
        SafeZip(io.BytesIO(buffer.getvalue()))
    assert time.perf_counter() - started < 0.5


def test_too_many_members_refused() -> None:
    data = zip_bytes({f"f{i}.txt": b"" for i in range(1001)})
    with pytest.raises(HostileInput, match="1000"):
        SafeZip(io.BytesIO(data))


def test_lying_header_caught_by_counter() -> None:
    data = bytearray(zip_bytes({"a.xml": b"<a>" + b"x" * 5000 + b"</a>"}))
    # Patch the central directory's uncompressed size down to 10 bytes.
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24: cd + 28] = (10).to_bytes(4, "little")
    with pytest.raises((HostileInput, MalformedInput)):
        SafeZip(io.BytesIO(bytes(data)), limits=ZipLimits(max_ratio=10_000)).read("a.xml")


def test_nested_archive_refused() -> None:
    inner = zip_bytes({"x.xml": b"<a/>"})
    archive = SafeZip(io.BytesIO(zip_bytes({"inner.zip": inner})))
    with pytest.raises(HostileInput, match="nested"):
        archive.read("inner.zip")


def test_not_a_zip() -> None:
    with pytest.raises(MalformedInput):
        SafeZip(io.BytesIO(b"PK\x03\x04 but not really"))
