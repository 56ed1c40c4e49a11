"""The JAHIS QR importer: images generated here with zxing-cpp's writer from the text fixtures.

Covers one QR per image, a 911 split over three images in any order, a byte-stream split
(as QR Structured Append splits: inside a multibyte character) over two images given in
reverse order and over two symbols in one image, the size caps, and refusals.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zxingcpp

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import MedicationOrigin, MedicationRecord
from phrapp.errors import MalformedInput, TooLarge, UnsupportedFormat
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.jahis_png import encode_png_grey
from phrapp.io.importers.jahis_qr import JahisQrImporter, image_pixels, jpeg_size
from phrapp.io.importers.jahis_tc import JahisTcImporter, JoinedSource

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "jahis"
CTX = ParseContext(home_zone="Asia/Tokyo")


@dataclass
class Parsed:
    persons: list[PersonInfo] = field(default_factory=list)
    records: list[ParsedRecord] = field(default_factory=list)
    documents: list[ParsedDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skips: list[ParseSkip] = field(default_factory=list)

    @property
    def dispensings(self) -> list[MedicationRecord]:
        return [r.record for r in self.records if isinstance(r.record, MedicationRecord)
                and r.record.origin is MedicationOrigin.DISPENSING]


def _summary(parsed: Parsed) -> list[Any]:
    """Everything but ids, document ids and the source app (jahis-tc vs jahis-qr)."""
    out = []
    for item in parsed.records:
        record = item.record
        fields = {k: getattr(record, k) for k in record.__dataclass_fields__
                  if k not in ("id", "extra", "source", "created_at", "updated_at")}
        extra = {k: v for k, v in record.extra.items() if k != "document_ids"}
        out.append((type(record).__name__, item.person, fields, extra))
    return out


def parse_path(path: Path) -> Parsed:
    out = Parsed()
    _collect(JahisTcImporter().parse(ImportSource.from_path(path), CTX), out)
    return out


def _collect(items: Iterable[Any], out: Parsed) -> None:
    for item in items:
        if isinstance(item, PersonInfo):
            out.persons.append(item)
        elif isinstance(item, ParsedRecord):
            out.records.append(item)
        elif isinstance(item, ParsedDocument):
            out.documents.append(item)
        elif isinstance(item, ParseWarning):
            out.warnings.append(item.text)
        elif isinstance(item, ParseSkip):
            out.skips.append(item)


def qr_pixels(payload: bytes, scale: int = 3) -> np.ndarray:
    barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    return np.asarray(barcode.to_image(scale=scale))


def write_png(path: Path, *payloads: bytes) -> Path:
    """One image holding the payloads' QR codes side by side (left to right)."""
    images = [qr_pixels(p) for p in payloads]
    height = max(i.shape[0] for i in images)
    padded = [np.pad(i, ((0, height - i.shape[0]), (0, 20)), constant_values=255)
              for i in images]
    path.write_bytes(encode_png_grey(np.hstack(padded).astype(np.uint8)))
    return path


def parse(importer: JahisQrImporter, source: ImportSource) -> Parsed:
    out = Parsed()
    _collect(importer.parse(source, CTX), out)
    return out


def grouped(importer: JahisQrImporter, paths: list[Path]) -> list[tuple[tuple[int, ...],
                                                                        ImportSource]]:
    return importer.group_sources([ImportSource.from_path(p) for p in paths])


FULL = (FIX / "full_cp932_crlf.txt").read_bytes()


def test_one_qr_image_imports_like_the_text_file(tmp_path: Path) -> None:
    image = write_png(tmp_path / "okusuri.png", FULL)
    registry = default_registry()
    source = ImportSource.from_path(image)
    detected = registry.detect(source)
    assert detected is not None and detected.slug == "jahis-qr"
    assert isinstance(detected, JahisQrImporter)
    parsed = parse(detected, source)
    text = parse_path(FIX / "full_cp932_crlf.txt")
    assert _summary(parsed) == _summary(text)
    assert parsed.persons == text.persons
    [doc] = parsed.documents
    assert (doc.format, doc.name, doc.content) == ("jahis-tc", "okusuri.png.txt", FULL)
    assert {r.record.source.app for r in parsed.records} == {"jahis-qr"}


@pytest.mark.parametrize("order", [(1, 2, 3), (3, 2, 1), (2, 1, 3)])
def test_911_split_over_three_images_in_any_order(tmp_path: Path, order: tuple[int, ...]) -> None:
    importer = JahisQrImporter()
    paths = [write_png(tmp_path / f"part{n}.png", (FIX / f"split_{n}_of_3.txt").read_bytes())
             for n in order]
    [(members, joined)] = grouped(importer, paths)
    assert members == (0, 1, 2) and isinstance(joined, JoinedSource)
    parsed = parse(importer, joined)
    assert [(m.dispensed_on, [d.name for d in m.drugs]) for m in parsed.dispensings] == [
        (dt.date(2024, 3, 10), ["アムロジピンＯＤ錠５ｍｇ「別」"]),
        (dt.date(2024, 4, 1), ["アムロジピン錠５ｍｇ「架空」"])]
    assert len(parsed.documents) == 3


def test_two_part_split_missing_one_image(tmp_path: Path) -> None:
    importer = JahisQrImporter()
    paths = [write_png(tmp_path / "a.png", (FIX / "split_1_of_3.txt").read_bytes()),
             write_png(tmp_path / "b.png", (FIX / "split_3_of_3.txt").read_bytes())]
    [(_, joined)] = grouped(importer, paths)
    with pytest.raises(MalformedInput, match="part 2 of 3 is missing"):
        parse(importer, joined)


def _cut_inside_a_character(data: bytes) -> int:
    """An offset in the middle of a CP932 double-byte character near the middle."""
    cut = len(data) // 2
    while not (0x81 <= data[cut - 1] <= 0x9F or 0xE0 <= data[cut - 1] <= 0xFC):
        cut += 1
    return cut


def test_byte_stream_split_over_two_images_given_in_reverse(tmp_path: Path) -> None:
    cut = _cut_inside_a_character(FULL)
    first = write_png(tmp_path / "1.png", FULL[:cut])
    second = write_png(tmp_path / "2.png", FULL[cut:])
    importer = JahisQrImporter()
    assert importer.sniff(ImportSource.from_path(second)) == pytest.approx(0.6)
    assert importer.sniff(ImportSource.from_path(first)) == pytest.approx(0.9)
    [(members, joined)] = grouped(importer, [second, first])
    assert members == (0, 1)
    parsed = parse(importer, joined)
    assert _summary(parsed) == _summary(parse_path(FIX / "full_cp932_crlf.txt"))
    assert [d.content for d in parsed.documents] == [FULL]


def test_byte_stream_split_as_two_symbols_in_one_image(tmp_path: Path) -> None:
    cut = _cut_inside_a_character(FULL)
    image = write_png(tmp_path / "both.png", FULL[:cut], FULL[cut:])
    importer = JahisQrImporter()
    parsed = parse(importer, ImportSource.from_path(image))
    assert _summary(parsed) == _summary(parse_path(FIX / "full_cp932_crlf.txt"))


def test_unrelated_images_stay_separate(tmp_path: Path) -> None:
    importer = JahisQrImporter()
    paths = [write_png(tmp_path / "a.png", FULL),
             write_png(tmp_path / "b.png", (FIX / "category2_cp932_crlf.txt").read_bytes())]
    assert [m for m, _ in grouped(importer, paths)] == [(0,), (1,)]


def test_not_jahis_and_no_qr(tmp_path: Path) -> None:
    importer = JahisQrImporter()
    other = write_png(tmp_path / "url.png", b"https://example.invalid/")
    blank = tmp_path / "blank.png"
    blank.write_bytes(encode_png_grey(np.full((64, 64), 255, np.uint8)))
    text = tmp_path / "x.txt"
    text.write_bytes(FULL)
    for path in (other, blank, text):
        assert importer.sniff(ImportSource.from_path(path)) == 0.0
    with pytest.raises(UnsupportedFormat, match="do not hold JAHIS"):
        parse(importer, ImportSource.from_path(other))
    with pytest.raises(MalformedInput, match="no QR code"):
        parse(importer, ImportSource.from_path(blank))


def test_utf16_payload_refused(tmp_path: Path) -> None:
    from phrapp.errors import EncodingRefused

    importer = JahisQrImporter()
    image = write_png(tmp_path / "u16.png", "JAHISTC08,1\r\n1,髙,2,S450615\r\n".encode("utf-16"))
    assert importer.sniff(ImportSource.from_path(image)) == pytest.approx(0.6)
    with pytest.raises(EncodingRefused, match="UTF-16"):
        parse(importer, ImportSource.from_path(image))
    # UTF-16 after an ASCII header is not mis-decoded either: refused as malformed.
    mixed = write_png(tmp_path / "mixed.png", b"JAHISTC08,1\r\n" + "1,髙\r\n".encode("utf-16-le"))
    with pytest.raises(MalformedInput, match="control character"):
        parse(importer, ImportSource.from_path(mixed))


def test_caps_before_decoding(tmp_path: Path) -> None:
    importer = JahisQrImporter()
    big = tmp_path / "big.png"
    with open(big, "wb") as handle:
        handle.write(encode_png_grey(np.full((8, 8), 255, np.uint8)))
        handle.truncate(21 * 2**20)
    with pytest.raises(TooLarge, match="20 MB"):
        parse(importer, ImportSource.from_path(big))
    header = struct.pack(">IIBBBBB", 10_000, 6_000, 8, 0, 0, 0, 0)
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header
                     + struct.pack(">I", zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF))
    with pytest.raises(TooLarge, match="megapixels"):
        image_pixels(huge.read_bytes(), name="huge.png")
    sof = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
          b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", 9000, 9000) + b"\x03" + b"\x00" * 9
    assert jpeg_size(sof) == (9000, 9000)
    with pytest.raises(TooLarge, match="megapixels"):
        image_pixels(sof, name="huge.jpg")


@pytest.mark.skipif(importlib.util.find_spec("PIL") is not None,
                    reason="Pillow is installed: JPEG photos are decoded")
def test_jpeg_without_pillow_is_a_clear_refusal() -> None:
    sof = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
          b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", 100, 100) + b"\x03" + b"\x00" * 9
    with pytest.raises(UnsupportedFormat, match="Pillow"):
        image_pixels(sof, name="photo.jpg")


def test_two_people_in_one_image_keep_their_own_originals(tmp_path: Path) -> None:
    other = (FIX / "category2_cp932_crlf.txt").read_bytes()
    image = write_png(tmp_path / "two.png", FULL, other)
    parsed = parse(JahisQrImporter(), ImportSource.from_path(image))
    assert [p.name for p in parsed.persons] == ["髙橋 花子", "鈴木 次郎"]
    assert [(d.name, d.content, d.person) for d in parsed.documents] == [
        ("two.png.txt", FULL, "jahis-patient:0"), ("two.png#2.txt", other, "jahis-patient:1")]
    by_doc = {d.id: d.person for d in parsed.documents}
    for item in parsed.records:
        assert [by_doc[i] for i in item.record.extra["document_ids"]] == [item.person]


def test_a_qr_made_by_segno_round_trips(tmp_path: Path) -> None:
    """An independent encoder (segno, as お薬手帳 apps' QR are made elsewhere) round-trips
    to the same records as the text file."""
    segno = pytest.importorskip("segno")
    image = tmp_path / "segno.png"
    segno.make_qr(FULL, error="m", encoding=None).save(str(image), scale=4, border=4)
    source = ImportSource.from_path(image)
    detected = default_registry().detect(source)
    assert isinstance(detected, JahisQrImporter)
    parsed = parse(detected, source)
    text = parse_path(FIX / "full_cp932_crlf.txt")
    assert _summary(parsed) == _summary(text)
    assert parsed.persons == text.persons
