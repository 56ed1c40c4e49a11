"""JAHIS TC in QR codes (``jahis-qr``): photos or scans of the お薬手帳 QR codes.

Input: one or more PNG (or, when Pillow is installed, JPEG) images, each holding one or
more QR codes. All images of one ``phrapp import`` call that belong together are parsed
as one input (:meth:`JahisQrImporter.group_sources`).

Steps:

1. caps before decoding: ≤ :data:`MAX_IMAGE_BYTES` per file, ≤ :data:`MAX_PIXELS` (from the
   PNG/JPEG header), ≤ :data:`MAX_IMAGES` images per input;
2. pixels: PNG through :mod:`jahis_png` (no imaging dependency); JPEG through Pillow if it
   is importable, else a clear refusal (Pillow is not a phrapp dependency);
3. QR codes read with zxing-cpp (``zxingcpp.read_barcodes``, QR only), their raw bytes
   taken in order: images in the order given, and inside an image top to bottom, then
   left to right;
4. chunks joined **as bytes before decoding**
   (:func:`~phrapp.io.importers.jahis_records.assemble_chunks`): a symbol whose bytes do
   not start with a ``JAHISTC`` header continues the one before it (QR Structured Append
   splits the byte stream, possibly inside a record or a multibyte character);
5. each complete file is decoded (UTF-8 / CP932, UTF-16 refused) and split data (911)
   is joined by データID in 分割番号 order; then mapped exactly as ``jahis-tc`` does.

Structured Append metadata: zxing-cpp's Python binding (3.1) does not expose the symbol
sequence index/count/parity, so the order of continuation symbols is the reading order
of step 3 (header symbol first). Split data with 911 is ordered by its 分割番号.

The stored originals (``documents``) are the decoded JAHIS payloads (format
``jahis-tc``, named after the image), not the photos.
"""

from __future__ import annotations

import importlib
import io
import re
import struct
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from phrapp.domain.records import RecordKind
from phrapp.errors import EncodingRefused, MalformedInput, TooLarge, UnsupportedFormat
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParseItem,
)
from phrapp.io.importers.jahis_encoding import looks_like_utf16
from phrapp.io.importers.jahis_records import (
    assemble_chunks,
    is_complete_file,
    parse_files,
    split_id_of,
)
from phrapp.io.importers.jahis_tc import (
    DOCUMENT_FORMAT,
    JoinedSource,
    emit,
    parts_of,
    sniff_text,
)

SLUG = "jahis-qr"
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
MAX_IMAGES = 32
JPEG_MAGIC = b"\xff\xd8\xff"
_CACHE_SIZE = 16

Chunk = tuple[str, bytes]


_RECORD_START = re.compile(rb"[\r\n]\d{1,3},")


def looks_like_continuation(data: bytes) -> bool:
    """A symbol that may continue JAHIS text split mid-stream: it holds a record start."""
    return _RECORD_START.search(data) is not None


PNG_MAGIC = b"\x89PNG\r\n\x1a\n"  # = jahis_png.PNG_MAGIC (not imported: see image_pixels)


def image_kind(head: bytes) -> str | None:
    if head.startswith(PNG_MAGIC):
        return "png"
    if head.startswith(JPEG_MAGIC):
        return "jpeg"
    return None


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the first SOF marker of a JPEG, or None."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return width, height
        pos += 2 + length
    return None


def image_pixels(data: bytes, *, name: str) -> Any:
    """The image as a greyscale numpy array (caps checked before any decoding)."""
    kind = image_kind(data)
    if kind == "png":
        # Imported here: jahis_png needs numpy (~15 MB resident), and every import loads
        # this module with the registry even when no QR image is read.
        from phrapp.io.importers.jahis_png import decode_png_grey

        return decode_png_grey(data, max_pixels=MAX_PIXELS, name=name)
    if kind != "jpeg":
        raise UnsupportedFormat("not a PNG or JPEG image", path=name)
    size = jpeg_size(data)
    if size is None or size[0] == 0 or size[1] == 0:
        raise MalformedInput("the JPEG image has no readable size", path=name)
    if size[0] * size[1] > MAX_PIXELS:
        raise TooLarge(f"the image has more than {MAX_PIXELS // 1_000_000} megapixels",
                       path=name)
    try:
        pil: Any = importlib.import_module("PIL.Image")
    except ImportError:
        raise UnsupportedFormat("JPEG photos need the optional Pillow package, which is not "
                                "installed; scan or save the QR codes as PNG",
                                path=name) from None
    import numpy as np

    pil.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with pil.open(io.BytesIO(data)) as image:
            return np.asarray(image.convert("L"))
    except Exception:
        raise MalformedInput("the JPEG image could not be decoded", path=name) from None


def read_symbols(pixels: Any) -> list[bytes]:
    """The raw bytes of every QR code in the image, top to bottom, left to right."""
    import zxingcpp

    found = zxingcpp.read_barcodes(pixels,
                                   formats=zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode]))
    placed = []
    for code in found:
        if not code.valid:
            continue
        corner = code.position.top_left
        placed.append((corner.y, corner.x, bytes(code.bytes)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [data for _, _, data in placed]


class JahisQrImporter(Importer):
    """``jahis-qr``: JAHIS TC read from QR code images (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.MEDICATIONS, RecordKind.ALLERGIES)
    max_bytes = MAX_IMAGE_BYTES * MAX_IMAGES  # all images of one input; each is capped

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int, int], list[bytes]] = {}

    # -- decoding with a small cache (sniff, grouping and parse see the same file) ---------
    def _symbols(self, source: ImportSource) -> list[bytes]:
        try:
            stat = source.path.stat()
            key: tuple[str, int, int] | None = (str(source.path), stat.st_size,
                                                stat.st_mtime_ns)
        except OSError:
            key = None
        if key is not None and key in self._cache:
            return self._cache[key]
        if source.size > MAX_IMAGE_BYTES:
            raise TooLarge(f"the image is larger than {MAX_IMAGE_BYTES // 2**20} MB",
                           path=source.name)
        with source.open() as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
        if len(data) > MAX_IMAGE_BYTES:
            raise TooLarge(f"the image is larger than {MAX_IMAGE_BYTES // 2**20} MB",
                           path=source.name)
        symbols = read_symbols(image_pixels(data, name=source.name))
        if key is not None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = symbols
        return symbols

    def sniff(self, source: ImportSource) -> float:
        """Image magic bytes, then a QR code decoded from it: a JAHIS header 0.9, a symbol
        without one (a continuation of split data) 0.6; anything else 0."""
        try:
            if isinstance(source, JoinedSource):  # images this importer grouped
                return 0.9 if all(image_kind(p.head) for p in source.parts) else 0.0
            if image_kind(source.head) is None:
                return 0.0
            symbols = self._symbols(source)
        except TooLarge:
            # Over the caps: claim it at the threshold so that the user hears "too-large"
            # (from parse) rather than "unsupported-format".
            return 0.5
        except Exception:
            return 0.0
        if any(is_complete_file(s) for s in symbols):
            return 0.9
        if any(sniff_text(s) > 0 for s in symbols):  # UTF-16: parse refuses it clearly
            return 0.6
        return 0.6 if any(looks_like_continuation(s) for s in symbols) else 0.0

    def group_sources(self, sources: Sequence[ImportSource]
                      ) -> list[tuple[tuple[int, ...], ImportSource]]:
        """Images that belong together form one input: an image whose first symbol is a
        continuation joins its neighbour (the one before, else the one after), and images
        holding parts of the same split data (911 データID) are joined."""
        count = len(sources)
        parent = list(range(count))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)

        symbols: list[list[bytes]] = []
        for source in sources:
            try:
                symbols.append(self._symbols(source))
            except Exception:
                symbols.append([])
        for index, found in enumerate(symbols):
            if found and not is_complete_file(found[0]) and count > 1:
                union(index, index - 1 if index > 0 else index + 1)
        data_ids: dict[str, int] = {}
        for index in range(count):
            members = [i for i in range(count) if find(i) == index]
            if not members:
                continue
            chunks = [(sources[i].name, s) for i in members for s in symbols[i]]
            try:
                files = assemble_chunks(chunks)
            except Exception:
                continue
            for _, data in files:
                data_id = split_id_of(data)
                if data_id is None:
                    continue
                if data_id in data_ids:
                    union(data_ids[data_id], index)
                else:
                    data_ids[data_id] = index
        groups: dict[int, list[int]] = {}
        for index in range(count):
            groups.setdefault(find(index), []).append(index)
        return [(tuple(members), JoinedSource.of([sources[i] for i in members]))
                for _, members in sorted(groups.items())]

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        images = parts_of(source)
        if len(images) > MAX_IMAGES:
            raise TooLarge(f"more than {MAX_IMAGES} images in one QR import", path=source.name)
        chunks: list[Chunk] = []
        for image in images:
            if ctx.cancelled():
                return
            found = self._symbols(image)
            if not found:
                raise MalformedInput("no QR code could be read in this image", path=image.name)
            chunks.extend((image.name, data) for data in found)
        if not any(is_complete_file(data) for _, data in chunks):
            if any(looks_like_utf16(data) for _, data in chunks):
                raise EncodingRefused("the QR code holds UTF-16 text, which is not accepted "
                                      "for JAHIS TC", path=source.name)
            raise UnsupportedFormat("the QR codes do not hold JAHIS TC data (no JAHISTC "
                                    "header)", path=source.name)
        complete = assemble_chunks(chunks)
        names = _document_names([name for name, _ in complete])
        files = parse_files([(name if len(complete) > 1 else None, data)
                             for name, (_, data) in zip(names, complete, strict=True)])
        documents = [ParsedDocument(id=str(uuid.uuid4()), format=DOCUMENT_FORMAT, name=name,
                                    content=data)
                     for name, (_, data) in zip(names, complete, strict=True)]
        yield from emit(files, documents, app=SLUG, ctx=ctx)
        ctx.progress(source.size)


def _document_names(images: list[str]) -> list[str]:
    """``photo.png.txt``; ``photo.png#2.txt`` for a second payload from the same image."""
    seen: dict[str, int] = {}
    out = []
    for image in images:
        seen[image] = seen.get(image, 0) + 1
        suffix = f"#{seen[image]}" if seen[image] > 1 else ""
        out.append(f"{image}{suffix}.txt")
    return out


__all__ = ["MAX_IMAGES", "MAX_IMAGE_BYTES", "MAX_PIXELS", "SLUG", "JahisQrImporter",
           "image_kind", "image_pixels", "jpeg_size", "looks_like_continuation", "read_symbols"]
