from __future__ import annotations

import pytest

from phrapp.domain.passphrase import assess


@pytest.mark.parametrize(("text", "ok"), [
    ("", False),
    ("short", False),
    ("abcdefghijk", False),          # 11 characters, weak
    ("abcdefghijkl", True),          # 12 characters: the policy's floor
    ("correct horse battery staple 7", True),
    ("Xq7#pL9!vR2", True),           # 11 characters but strong (zxcvbn >= 3)
])
def test_policy(text: str, ok: bool) -> None:
    assert assess(text).acceptable is ok


def test_weak_but_long_gets_a_warning() -> None:
    strength = assess("aaaaaaaaaaaa")
    assert strength.acceptable and strength.warning
