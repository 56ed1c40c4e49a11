"""The passphrase policy (specs/security.md T2): ≥ 12 characters, or zxcvbn score ≥ 3.

Pure: ``init``, ``passwd`` and the GUI's strength meter all call :func:`assess`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 12
MIN_SCORE = 3
# zxcvbn is quadratic in length; the score of a very long passphrase is the same.
_SCORED_PREFIX = 64


@dataclass(frozen=True, slots=True)
class Strength:
    """``score`` 0–4 (zxcvbn), ``length`` in characters, and whether the policy accepts it."""

    score: int
    length: int
    acceptable: bool
    warning: str | None


def assess(passphrase: str) -> Strength:
    """Score ``passphrase`` and apply the policy."""
    text = unicodedata.normalize("NFC", passphrase)
    length = len(text)
    if not text:
        return Strength(0, 0, False, "the passphrase is empty")
    # Imported here: its dictionaries cost ~12 MB, which an unlock or import never needs.
    from zxcvbn import zxcvbn

    result = zxcvbn(text[:_SCORED_PREFIX])
    score = int(result["score"])
    acceptable = length >= MIN_LENGTH or score >= MIN_SCORE
    warning = None
    if not acceptable:
        warning = f"use at least {MIN_LENGTH} characters, e.g. several unrelated words"
    elif score < 2:
        warning = "long enough, but easy to guess; consider unrelated words"
    return Strength(score, length, acceptable, warning)
