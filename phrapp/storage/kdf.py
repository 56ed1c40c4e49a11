"""Argon2id key derivation with a floor, a ceiling, calibration and ONE test hook.

The floor (64 MiB, t = 3) is what the CLI and the app accept; calibration raises the
memory cost until one derivation takes about 0.7 s on this machine (specs/security.md
T2). Parameters come from ``vault.key``, so they are bounds-checked before use: a
lowered file is refused (no downgrade), a huge one is refused (no denial of service).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_BYTES = 32


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost: ``memory_kib`` (KiB), ``iterations`` (t), ``lanes`` (p)."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, object]:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.iterations, "p": self.lanes}


FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
CEILING = KdfParams(memory_kib=1024 * 1024, iterations=10, lanes=16)
TARGET_SECONDS = 0.7
# Cheap parameters for the in-process test hook only (never written by the CLI or app).
TEST_PARAMS = KdfParams(memory_kib=1024, iterations=1, lanes=1)

_test_mode = False


def use_fast_kdf_for_tests() -> None:
    """THE documented test hook (CONTRACT §6): lower the KDF cost in this process.

    After this call new key slots use ``TEST_PARAMS`` and slots below the floor are
    accepted. Only tests call it; the CLI and the app never do, and it cannot be
    turned on from outside the process (no environment variable).
    """
    global _test_mode
    _test_mode = True


def test_mode() -> bool:
    return _test_mode


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 256-bit key-encryption key from ``secret``."""
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def check_bounds(params: KdfParams) -> str | None:
    """Why ``params`` may not be used, or None when they are acceptable."""
    if params.memory_kib > CEILING.memory_kib or params.iterations > CEILING.iterations:
        return "key-slot KDF cost above the ceiling"
    if params.lanes < 1 or params.lanes > CEILING.lanes:
        return "key-slot KDF lanes out of range"
    if _test_mode and params == TEST_PARAMS:
        return None
    if params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations:
        return "key-slot KDF cost below the floor (refused: no downgrade)"
    return None


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below the floor.

    The fastest of two timed derivations at the floor (one timing swung the result by
    2x on a noisy machine), then memory scales linearly (Argon2 time is close to linear
    in memory), rounded down to a whole MiB and capped at 1 GiB.
    """
    if _test_mode:
        return TEST_PARAMS
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        derive(b"calibration", b"\x00" * 16, FLOOR)
        timings.append(time.perf_counter() - start)
    elapsed = max(min(timings), 1e-3)
    scaled = int(FLOOR.memory_kib * target_seconds / elapsed)
    memory = max(FLOOR.memory_kib, min(CEILING.memory_kib, scaled // 1024 * 1024))
    return KdfParams(memory_kib=memory, iterations=FLOOR.iterations, lanes=FLOOR.lanes)
