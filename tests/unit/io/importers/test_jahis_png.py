"""The bounded PNG reader used by the QR importer: every colour type, depth, filter, Adam7."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from numpy.typing import NDArray

from phrapp.errors import MalformedInput, TooLarge
from phrapp.io.importers.jahis_png import decode_png_grey, encode_png_grey, png_size

ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _filter_rows(rows: list[bytes], bpp: int, first_kind: int, only: int | None = None) -> bytes:
    """Reference PNG filtering; row r uses filter (first_kind + r) % 5, or ``only``."""
    out = bytearray()
    previous = bytes(len(rows[0])) if rows else b""
    for r, row in enumerate(rows):
        kind = only if only is not None else (first_kind + r) % 5
        out.append(kind)
        for i, x in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            pred = (0, a, b, (a + b) // 2, _paeth(a, b, c))[kind]
            out.append((x - pred) & 0xFF)
        previous = row
    return bytes(out)


def _pack(samples: NDArray[np.uint8], depth: int) -> list[bytes]:
    """(h, w, channels) samples → packed rows (depth 1/2/4/8/16)."""
    height, width, channels = samples.shape
    rows = []
    for r in range(height):
        values = samples[r].reshape(-1).astype(np.uint32)
        if depth == 16:
            rows.append(b"".join(struct.pack(">H", int(v) * 257) for v in values))
        elif depth == 8:
            rows.append(bytes(values.astype(np.uint8)))
        else:
            bits = "".join(format(int(v), f"0{depth}b") for v in values)
            bits += "0" * (-len(bits) % 8)
            rows.append(int(bits, 2).to_bytes(len(bits) // 8, "big") if bits else b"")
    return rows


def make_png(samples: NDArray[np.uint8], *, colour: int, depth: int, interlace: bool = False,
             palette: bytes | None = None, trns: bytes | None = None, first_kind: int = 0,
             only: int | None = None, split_idat: bool = False) -> bytes:
    height, width, channels = samples.shape
    bpp = max(1, channels * depth // 8)
    passes = ADAM7 if interlace else ((0, 0, 1, 1),)
    raw = b""
    for x0, y0, dx, dy in passes:
        sub = samples[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        raw += _filter_rows(_pack(sub, depth), bpp, first_kind, only)
    data = zlib.compress(raw)
    idat = [data[: len(data) // 2], data[len(data) // 2:]] if split_idat else [data]
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(
        ">IIBBBBB", width, height, depth, colour, 0, 0, int(interlace)))
    if palette is not None:
        out += _chunk(b"PLTE", palette)
    if trns is not None:
        out += _chunk(b"tRNS", trns)
    out += _chunk(b"tEXt", b"Comment\x00ancillary chunks are skipped")
    for body in idat:
        out += _chunk(b"IDAT", body)
    return out + _chunk(b"IEND", b"")


RNG = np.random.default_rng(7)
GREY = RNG.integers(0, 256, (13, 19, 1), dtype=np.uint8)
RGB = RNG.integers(0, 256, (13, 19, 3), dtype=np.uint8)


def luma(rgb: NDArray[np.uint8]) -> NDArray[np.int64]:
    r, g, b = (rgb[..., i].astype(np.int64) for i in range(3))
    return (r * 299 + g * 587 + b * 114 + 500) // 1000


@pytest.mark.parametrize("interlace", [False, True])
@pytest.mark.parametrize("first_kind", [0, 1, 2, 3, 4])
def test_grey8_every_filter(interlace: bool, first_kind: int) -> None:
    data = make_png(GREY, colour=0, depth=8, interlace=interlace, first_kind=first_kind)
    assert np.array_equal(decode_png_grey(data, max_pixels=10_000), GREY[..., 0])


@pytest.mark.parametrize("only", [0, 1, 2, 3, 4])
def test_rgb_one_filter_for_every_row(only: int) -> None:
    data = make_png(RGB, colour=2, depth=8, only=only)
    assert np.array_equal(decode_png_grey(data, max_pixels=10_000), luma(RGB))


@pytest.mark.parametrize("depth", [1, 2, 4])
@pytest.mark.parametrize("interlace", [False, True])
def test_low_bit_depth_grey(depth: int, interlace: bool) -> None:
    samples = (GREY >> (8 - depth)).astype(np.uint8)
    data = make_png(samples, colour=0, depth=depth, interlace=interlace, first_kind=3)
    expected = samples[..., 0].astype(np.int64) * 255 // ((1 << depth) - 1)
    assert np.array_equal(decode_png_grey(data, max_pixels=10_000), expected)


@pytest.mark.parametrize("interlace", [False, True])
def test_rgb_8_and_16(interlace: bool) -> None:
    for depth in (8, 16):
        data = make_png(RGB, colour=2, depth=depth, interlace=interlace, first_kind=4,
                        split_idat=True)
        assert np.array_equal(decode_png_grey(data, max_pixels=10_000), luma(RGB))


def test_rgba_and_grey_alpha_composite_on_white() -> None:
    alpha = RNG.integers(0, 256, (13, 19, 1), dtype=np.uint8)
    rgba = np.concatenate([RGB, alpha], axis=2)
    got = decode_png_grey(make_png(rgba, colour=6, depth=8, first_kind=4), max_pixels=10_000)
    a = alpha[..., 0].astype(np.int64)
    assert np.array_equal(got, (luma(RGB) * a + 255 * (255 - a) + 127) // 255)
    ga = np.concatenate([GREY, alpha], axis=2)
    got = decode_png_grey(make_png(ga, colour=4, depth=16, first_kind=3), max_pixels=10_000)
    assert np.array_equal(got, (GREY[..., 0].astype(np.int64) * a + 255 * (255 - a) + 127)
                          // 255)


@pytest.mark.parametrize("depth", [1, 2, 4, 8])
def test_palette_with_transparency(depth: int) -> None:
    colours = 1 << depth
    table = RNG.integers(0, 256, (colours, 3), dtype=np.uint8)
    index = RNG.integers(0, colours, (13, 19, 1), dtype=np.uint8)
    trns = bytes([0] + [255] * (colours - 1))
    data = make_png(index, colour=3, depth=depth, palette=table.tobytes(), trns=trns,
                    first_kind=2)
    expected = luma(table)[index[..., 0]]
    expected[index[..., 0] == 0] = 255  # fully transparent -> white
    assert np.array_equal(decode_png_grey(data, max_pixels=10_000), expected)


def test_encoder_round_trip_and_size() -> None:
    image = GREY[..., 0]
    data = encode_png_grey(image)
    assert png_size(data) == (19, 13)
    assert np.array_equal(decode_png_grey(data, max_pixels=10_000), image)


def test_pixel_cap_is_checked_before_inflating() -> None:
    huge = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 20_000, 20_000, 8, 0,
                                                                0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(b"\0" * 10)) + _chunk(b"IEND", b""))
    with pytest.raises(TooLarge, match="megapixels"):
        decode_png_grey(huge, max_pixels=50_000_000)


def test_zlib_bomb_stops_at_the_announced_size() -> None:
    bomb = zlib.compress(b"\0" * (50 * 2**20), 9)  # 50 MiB of zeros in ~50 KB
    data = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 0, 0, 0,
                                                                0))
            + _chunk(b"IDAT", bomb) + _chunk(b"IEND", b""))
    assert decode_png_grey(data, max_pixels=1000).shape == (10, 10)


@pytest.mark.parametrize("mutate", ["crc", "truncate", "filter", "ihdr", "no-ihdr", "critical",
                                    "idat"])
def test_damaged_png_is_malformed(mutate: str) -> None:
    good = make_png(GREY, colour=0, depth=8)
    if mutate == "crc":
        bad = good[:40] + bytes([good[40] ^ 1]) + good[41:]
    elif mutate == "truncate":
        bad = good[:-20]
    elif mutate == "filter":
        rows = bytearray(_filter_rows(_pack(GREY, 8), 1, 0))
        rows[0] = 9  # no such filter type
        bad = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 19, 13, 8, 0, 0,
                                                                   0, 0))
               + _chunk(b"IDAT", zlib.compress(bytes(rows))) + _chunk(b"IEND", b""))
    elif mutate == "ihdr":
        bad = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 19, 13, 3, 0, 0,
                                                                   0, 0)) + _chunk(b"IEND", b""))
    elif mutate == "no-ihdr":
        bad = b"\x89PNG\r\n\x1a\n" + _chunk(b"IEND", b"")
    elif mutate == "critical":
        bad = good[:33] + _chunk(b"ABCD", b"x") + good[33:]
    else:
        bad = (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 19, 13, 8, 0, 0,
                                                                   0, 0))
               + _chunk(b"IDAT", b"not zlib") + _chunk(b"IEND", b""))
    with pytest.raises(MalformedInput):
        decode_png_grey(bad, max_pixels=10_000)
