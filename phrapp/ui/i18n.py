"""Loading the UI language: compiled ``.qm`` when built, else the ``.ts`` source itself.

Source strings in the code are English (``self.tr("Systolic")``). ``tools/build_translations.py``
compiles ``i18n/phrapp_<lang>.ts`` into ``phrapp/i18n/phrapp_<lang>.qm`` (package data,
not in git). On a fresh checkout without that build step the ``.ts`` XML is parsed
directly (defusedxml) by :class:`TsTranslator`, so the Japanese UI works either way.
"""

from __future__ import annotations

import logging
from pathlib import Path

import defusedxml.ElementTree as SafeET

from phrapp.settings import Language
from phrapp.ui import formatting
from phrapp.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).resolve().parent.parent / "i18n"  # phrapp/i18n (built .qm)
TS_DIR = Path(__file__).resolve().parents[2] / "i18n"  # <repo>/i18n (sources)
LANGUAGES = ("ja", "en")

_installed: list[QTranslator] = []

Key = tuple[str, str, str]  # context, source, disambiguation ("" when none)


def resolve_language(setting: Language | str) -> str:
    """``ja`` or ``en``: the setting, or for ``system`` the OS locale (Japanese → ja)."""
    value = str(setting)
    if value in LANGUAGES:
        return value
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def read_ts(path: Path) -> dict[Key, str]:
    """Finished translations of a Qt Linguist ``.ts`` file (unfinished/obsolete skipped)."""
    tree = SafeET.parse(str(path))
    out: dict[Key, str] = {}
    for context in tree.getroot().iter("context"):
        name = (context.findtext("name") or "").strip()
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = translation.text or ""
            if text:
                out[(name, source, message.findtext("comment") or "")] = text
    return out


class TsTranslator(QTranslator):
    """A QTranslator answering from a parsed ``.ts`` file (the no-build fallback)."""

    def __init__(self, entries: dict[Key, str]) -> None:
        super().__init__()
        self._entries = entries

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:  # type: ignore[override]
        # None becomes a null QString, so Qt falls back to the source text (as with .qm);
        # an empty string would be taken as the translation and blank the label.
        return self._entries.get((context, source, disambiguation or ""))  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return not self._entries


def install(language: str) -> str:
    """Install the translators for ``language`` (``ja``/``en``); returns what was installed."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    formatting.set_language(language)
    source = "none"
    qm = QM_DIR / f"phrapp_{language}.qm"
    ts = TS_DIR / f"phrapp_{language}.ts"
    translator: QTranslator | None = None
    # A compiled file older than its source (a checkout updated after a build) would
    # hide new translations: then the .ts is read instead.
    if qm.exists() and not (ts.exists() and ts.stat().st_mtime > qm.stat().st_mtime):
        candidate = QTranslator()
        if candidate.load(str(qm)):
            translator, source = candidate, "qm"
    if translator is None and ts.exists():
        try:
            translator, source = TsTranslator(read_ts(ts)), "ts"
        except (OSError, SafeET.ParseError) as exc:
            log.warning("translations unreadable (%s)", type(exc).__name__)
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)
    qt_own = QTranslator()  # Qt's own dialogs (file dialog buttons …)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return source
