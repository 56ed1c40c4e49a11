"""A small, bounded PNG reader (zlib + numpy) for the QR importer: PNG → 8-bit grey.

phrapp has no imaging library among its dependencies; zxing-cpp reads numpy arrays, so
this module turns a PNG into a greyscale ``uint8`` array: every colour type (grey, RGB,
palette, grey+alpha, RGBA), bit depths 1–16, Adam7 interlacing; transparency is composited
on white (a QR code on a transparent background reads as on paper).

Safety (``specs/security.md`` T3): the pixel count is checked against ``max_pixels``
from the IHDR chunk **before** anything is inflated; inflating stops at the exact size
the IHDR announces (a zlib bomb cannot grow past it); every chunk length is bounded by
the file; CRCs are checked. Errors are :class:`~phrapp.errors.MalformedInput` /
:class:`~phrapp.errors.TooLarge`.

Unfiltering: rows filtered with None/Sub/Up are done row by row with numpy; when any
row uses Average or Paeth (which depend on the pixel to the left), the whole pass is
reconstructed along anti-diagonals (every pixel of a diagonal depends only on the
diagonals before it), so the work is vectorised and bounded by (height + width) steps.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from numpy.typing import NDArray

from phrapp.errors import MalformedInput, TooLarge

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))

U8 = NDArray[np.uint8]


def png_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) from the IHDR at the start of a PNG, or None."""
    if len(head) < 24 or not head.startswith(PNG_MAGIC) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def decode_png_grey(data: bytes, *, max_pixels: int, name: str | None = None) -> U8:
    """The image as a (height, width) ``uint8`` greyscale array."""
    if not data.startswith(PNG_MAGIC):
        raise MalformedInput("not a PNG image", path=name)
    pos = len(PNG_MAGIC)
    header: tuple[int, int, int, int, int] | None = None
    palette: bytes | None = None
    transparency: bytes | None = None
    idat: list[bytes] = []
    while True:
        if pos + 12 > len(data):
            raise MalformedInput("the PNG image is truncated", path=name)
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise MalformedInput("the PNG image is truncated", path=name)
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4:end])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise MalformedInput("the PNG image is damaged (CRC)", path=name)
        pos = end
        if header is None and kind != b"IHDR":
            raise MalformedInput("the PNG image has no IHDR first", path=name)
        if kind == b"IHDR":
            header = _ihdr(body, max_pixels, name)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        elif not kind[0] & 0x20:  # an unknown critical chunk
            raise MalformedInput("the PNG image uses an unsupported feature", path=name)
    assert header is not None
    width, height, depth, colour, interlace = header
    if colour == 3 and (palette is None or len(palette) % 3):
        raise MalformedInput("the PNG palette is missing", path=name)
    channels = _CHANNELS[colour]
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    sizes = []
    for x0, y0, dx, dy in passes:
        pw, ph = -(-(width - x0) // dx), -(-(height - y0) // dy)
        stride = -(-(pw * channels * depth) // 8)
        sizes.append((pw, ph, stride))
    expected = sum(ph * (stride + 1) for pw, ph, stride in sizes if pw and ph)
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(b"".join(idat), expected)
    except zlib.error:
        raise MalformedInput("the PNG image data is damaged", path=name) from None
    if len(raw) < expected:
        raise MalformedInput("the PNG image data is truncated", path=name)
    samples = np.zeros((height, width, channels), np.uint8)
    offset = 0
    bpp = max(1, channels * depth // 8)
    for (x0, y0, dx, dy), (pw, ph, stride) in zip(passes, sizes, strict=True):
        if not pw or not ph:
            continue
        chunk = np.frombuffer(raw, np.uint8, count=ph * (stride + 1), offset=offset)
        offset += ph * (stride + 1)
        rows = _unfilter(chunk.reshape(ph, stride + 1), bpp, name)
        samples[y0::dy, x0::dx] = _samples(rows, pw, channels, depth)
    return _grey(samples, colour, depth, palette, transparency)


def _ihdr(body: bytes, max_pixels: int, name: str | None) -> tuple[int, int, int, int, int]:
    if len(body) != 13:
        raise MalformedInput("the PNG header is damaged", path=name)
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", body)
    if width == 0 or height == 0 or colour not in _DEPTHS or depth not in _DEPTHS[colour] \
            or compression or filtering or interlace > 1:
        raise MalformedInput("the PNG header is not valid", path=name)
    if width * height > max_pixels:
        raise TooLarge(f"the image has more than {max_pixels // 1_000_000} megapixels",
                       path=name)
    return width, height, depth, colour, interlace


def _unfilter(rows: U8, bpp: int, name: str | None) -> U8:
    types = rows[:, 0]
    data = rows[:, 1:]
    if types.size and int(types.max()) > 4:
        raise MalformedInput("the PNG image uses an unknown filter", path=name)
    height, stride = data.shape
    if not (types >= 3).any():
        out = np.empty_like(data)
        previous = np.zeros(stride, np.uint8)
        for r in range(height):
            kind = int(types[r])
            row = data[r]
            if kind == 0:
                current = row.copy()
            elif kind == 1:
                current = np.cumsum(row.reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
            else:
                current = row + previous
            out[r] = current
            previous = current
        return out
    return _unfilter_diagonal(data, types, bpp)


def _unfilter_diagonal(data: U8, types: U8, bpp: int) -> U8:
    """Reconstruct along anti-diagonals r + c = t; each diagonal is a strided view."""
    height, stride = data.shape
    width = stride // bpp
    filtered = np.ascontiguousarray(data).reshape(-1)
    padded = np.zeros((height + 1) * (width + 1) * bpp, np.uint8)
    row_out = (width + 1) * bpp  # elements per padded row
    kinds = types.astype(np.int16)
    all_paeth = bool((kinds == 4).all())
    view = np.lib.stride_tricks.as_strided
    for t in range(height + width - 1):
        r0, r1 = max(0, t - width + 1), min(height - 1, t)
        n = r1 - r0 + 1
        c0 = t - r0
        shape, step = (n, bpp), (row_out - bpp, 1)
        a = view(padded[(r0 + 1) * row_out + c0 * bpp:], shape, step).astype(np.int16)
        b = view(padded[r0 * row_out + (c0 + 1) * bpp:], shape, step).astype(np.int16)
        c = view(padded[r0 * row_out + c0 * bpp:], shape, step).astype(np.int16)
        f = view(filtered[r0 * stride + c0 * bpp:], shape, (stride - bpp, 1))
        # Paeth with p = a + b - c: |p - a| = |b - c|, |p - b| = |a - c|, |p - c| = |a + b - 2c|
        pa, pb, pc = np.abs(b - c), np.abs(a - c), np.abs(a + b - 2 * c)
        predictor = np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))
        if not all_paeth:
            kind = kinds[r0:r1 + 1, None]
            predictor = np.where(kind == 3, (a + b) >> 1, predictor)
            predictor = np.where(kind == 2, b, predictor)
            predictor = np.where(kind == 1, a, predictor)
            predictor = np.where(kind == 0, 0, predictor)
        target = view(padded[(r0 + 1) * row_out + (c0 + 1) * bpp:], shape, step,
                      writeable=True)
        target[...] = (f + predictor).astype(np.uint8)
    return padded.reshape(height + 1, width + 1, bpp)[1:, 1:].reshape(height, stride)


def _samples(rows: U8, width: int, channels: int, depth: int) -> U8:
    """Unfiltered rows → (height, width, channels) 8-bit samples (16-bit: high byte)."""
    height = rows.shape[0]
    if depth == 8:
        return rows[:, :width * channels].reshape(height, width, channels)
    if depth == 16:
        return rows[:, :width * channels * 2].reshape(height, width, channels, 2)[..., 0]
    bits = np.unpackbits(rows, axis=1)[:, :width * depth].reshape(height, width, depth)
    weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)
    values: U8 = (bits * weights).sum(axis=2, dtype=np.uint16).astype(np.uint8)
    return values.reshape(height, width, 1)


def _luma(rgb: U8) -> NDArray[np.uint32]:
    total = rgb[..., 0].astype(np.uint32) * 299
    total += rgb[..., 1].astype(np.uint32) * 587
    total += rgb[..., 2].astype(np.uint32) * 114
    total += 500
    total //= 1000
    return total


def _grey(samples: U8, colour: int, depth: int, palette: bytes | None,
          transparency: bytes | None) -> U8:
    """Samples → grey (integer arithmetic; transparency composited on white)."""
    alpha: NDArray[np.uint32] | None = None
    if colour == 3:
        assert palette is not None
        table = np.zeros((256, 3), np.uint8)
        entries = np.frombuffer(palette, np.uint8).reshape(-1, 3)[:256]
        table[:len(entries)] = entries
        index = samples[..., 0]
        grey = _luma(table)[index]
        if transparency:
            alphas = np.full(256, 255, np.uint32)
            alphas[:min(len(transparency), 256)] = np.frombuffer(transparency[:256], np.uint8)
            alpha = alphas[index]
    elif colour in (0, 4):
        grey = samples[..., 0].astype(np.uint32)
        if depth < 8:
            grey = grey * 255 // ((1 << depth) - 1)
        if colour == 4:
            alpha = samples[..., 1].astype(np.uint32)
    else:
        grey = _luma(samples)
        if colour == 6:
            alpha = samples[..., 3].astype(np.uint32)
    if alpha is not None:
        grey = (grey * alpha + 255 * (255 - alpha) + 127) // 255
    return grey.astype(np.uint8)


def encode_png_grey(image: U8) -> bytes:
    """A (height, width) ``uint8`` array as an 8-bit greyscale PNG (filter None)."""
    height, width = image.shape
    raw = np.hstack([np.zeros((height, 1), np.uint8), image]).tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    return (PNG_MAGIC + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


__all__ = ["PNG_MAGIC", "decode_png_grey", "encode_png_grey", "png_size"]
