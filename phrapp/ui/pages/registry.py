"""Pages register themselves here; the navigation is built from the registry.

A later issue adds 健診, お薬, 取り込み or 書き出し by registering a :class:`PageSpec` with
the ``order`` of its place in UX.md's navigation; nothing else changes. Nothing is
registered as a placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from phrapp.ui.controller import AppController
    from phrapp.ui.pages.base import Page

# The UX.md order: ダッシュボード · 血圧 · 体重 · 歩数 · 健診 · お薬 · 取り込み · 書き出し · 設定
ORDER = {"dashboard": 10, "bp": 20, "weight": 30, "steps": 40, "checkups": 50,
         "medications": 60, "import": 70, "export": 80, "settings": 90}


class Navigator(Protocol):
    """What a page may ask of the window around it."""

    def go(self, key: str) -> None: ...

    def has_page(self, key: str) -> bool: ...

    def open_action(self, key: str, action: str) -> None:
        """Show page ``key`` and ask it to run ``action`` (e.g. open a dialog)."""


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry: key, place, translated title, glyph icon and factory."""

    key: str
    order: int
    title: Callable[[], str]
    glyph: str
    factory: Callable[[AppController, Navigator], Page]


_registry: dict[str, PageSpec] = {}


def register(spec: PageSpec) -> None:
    _registry[spec.key] = spec


def unregister(key: str) -> None:
    _registry.pop(key, None)


def specs() -> list[PageSpec]:
    """The registered pages in navigation order."""
    return sorted(_registry.values(), key=lambda s: s.order)


def registered(key: str) -> bool:
    return key in _registry
