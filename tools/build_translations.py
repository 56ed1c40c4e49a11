"""Extract the UI strings into the Qt Linguist files and compile them.

    .venv/bin/python tools/build_translations.py            # extract + compile
    .venv/bin/python tools/build_translations.py --extract  # only update i18n/*.ts
    .venv/bin/python tools/build_translations.py --compile  # only build phrapp/i18n/*.qm

(a) Extract: ``pyside6-lupdate`` from the venv when present, else the small AST
extractor below (``self.tr("…")`` in a class → context = the class name;
``QCoreApplication.translate("Ctx", "…")``). Existing translations are kept, strings
no longer in the code are dropped. English (``phrapp_en.ts``) is completed with the
source text; new Japanese entries stay ``unfinished`` until someone translates them
(the test ``tests/ui/test_translations.py`` fails on them).

(b) Compile: ``pyside6-lrelease`` into ``phrapp/i18n/phrapp_<lang>.qm`` (package data,
gitignored). Without a build the app parses the ``.ts`` files directly.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "phrapp" / "ui"
TS_DIR = REPO / "i18n"
QM_DIR = REPO / "phrapp" / "i18n"
LANGUAGES = {"ja": "ja_JP", "en": "en"}


@dataclass(frozen=True, order=True)
class Message:
    """One translatable string: context (class or explicit), source text, disambiguation."""

    context: str
    source: str
    comment: str = ""


@dataclass
class Entry:
    source: str
    comment: str = ""
    translation: str = ""
    kind: str | None = None  # None (finished), "unfinished", "obsolete", "vanished"


@dataclass
class TsFile:
    language: str
    contexts: dict[str, list[Entry]] = field(default_factory=dict)


def say(text: str) -> None:
    """Report progress on stdout (a command-line tool)."""
    sys.stdout.write(text + "\n")


# -- (a) extraction -------------------------------------------------------------------


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Extractor(ast.NodeVisitor):
    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[Message] = []
        self.dynamic: list[int] = []  # lines with tr(non-literal)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else (
            func.id if isinstance(func, ast.Name) else "")
        if name == "tr" and isinstance(func, ast.Attribute) and node.args and self.classes:
            text = _literal(node.args[0])
            comment = _literal(node.args[1]) if len(node.args) > 1 else ""
            if text is None:
                self.dynamic.append(node.lineno)
            else:
                self.found.append(Message(self.classes[-1], text, comment or ""))
        elif name == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            comment = _literal(node.args[2]) if len(node.args) > 2 else ""
            if context is not None and text is not None:
                self.found.append(Message(context, text, comment or ""))
            elif context is not None:
                self.dynamic.append(node.lineno)
        self.generic_visit(node)


def source_files(root: Path = SOURCES) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def extract_messages(paths: list[Path]) -> tuple[list[Message], list[str]]:
    """Messages in first-seen order, and ``file:line`` of tr() calls with non-literal text."""
    seen: dict[Message, None] = {}
    dynamic: list[str] = []
    for path in paths:
        extractor = _Extractor()
        extractor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for message in extractor.found:
            seen.setdefault(message, None)
        dynamic.extend(f"{path}:{line}" for line in extractor.dynamic)
    return list(seen), dynamic


# -- .ts files --------------------------------------------------------------------------


def read_ts(path: Path) -> TsFile:
    root = SafeET.parse(str(path)).getroot()
    ts = TsFile(root.get("language") or "")
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        entries = ts.contexts.setdefault(name, [])
        for message in context.iter("message"):
            translation = message.find("translation")
            entries.append(Entry(
                source=message.findtext("source") or "",
                comment=message.findtext("comment") or "",
                translation=(translation.text or "") if translation is not None else "",
                kind=translation.get("type") if translation is not None else "unfinished",
            ))
    return ts


def write_ts(path: Path, ts: TsFile) -> None:
    """Write in lupdate's layout, contexts sorted, messages in code order."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{ts.language}" sourcelanguage="en">']
    for name in sorted(ts.contexts):
        entries = ts.contexts[name]
        if not entries:
            continue
        lines += ["<context>", f"    <name>{escape(name)}</name>"]
        for entry in entries:
            lines.append("    <message>")
            lines.append(f"        <source>{escape(entry.source)}</source>")
            if entry.comment:
                lines.append(f"        <comment>{escape(entry.comment)}</comment>")
            kind = f' type="{entry.kind}"' if entry.kind else ""
            lines.append(f"        <translation{kind}>{escape(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def merge(ts: TsFile, messages: list[Message]) -> TsFile:
    """Entries for exactly ``messages``, keeping the translations ``ts`` already has."""
    known = {(name, e.source, e.comment): e for name, entries in ts.contexts.items()
             for e in entries}
    out = TsFile(ts.language)
    for message in messages:
        old = known.get((message.context, message.source, message.comment))
        entry = Entry(message.source, message.comment)
        if old is not None and old.translation and old.kind not in ("obsolete", "vanished"):
            entry.translation, entry.kind = old.translation, old.kind
        else:
            entry.kind = "unfinished"
        out.contexts.setdefault(message.context, []).append(entry)
    return out


def complete_english(ts: TsFile) -> int:
    """English is the source language: an untranslated entry becomes its source text."""
    filled = 0
    for entries in ts.contexts.values():
        for entry in entries:
            if entry.kind == "unfinished" and not entry.translation:
                entry.translation, entry.kind = entry.source, None
                filled += 1
    return filled


def unfinished(ts: TsFile) -> list[tuple[str, str]]:
    return [(name, e.source) for name, entries in ts.contexts.items() for e in entries
            if e.kind or not e.translation]


def tool(name: str) -> Path | None:
    """A Qt tool from the venv's bin (PySide6-Essentials ships lupdate and lrelease)."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def extract_with_lupdate(lupdate: Path, paths: list[Path]) -> list[Message]:
    """Run lupdate into a scratch file and read back what it found (in its order)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "scan.ts"
        subprocess.run([str(lupdate), *map(str, paths), "-ts", str(out), "-locations", "none",
                        "-no-obsolete", "-silent"], check=True)
        scanned = read_ts(out)
    return [Message(name, e.source, e.comment)
            for name, entries in scanned.contexts.items() for e in entries]


def extract(use_lupdate: bool = True) -> int:
    paths = source_files()
    ast_messages, dynamic = extract_messages(paths)
    for where in dynamic:
        say(f"warning: tr() with a non-literal text at {where} (not translatable)")
    lupdate = tool("pyside6-lupdate") if use_lupdate else None
    if lupdate is not None:
        found = extract_with_lupdate(lupdate, paths)
        order = {m: i for i, m in enumerate(ast_messages)}
        messages = sorted(found, key=lambda m: order.get(m, len(order)))
        missing = set(ast_messages) - set(found)
        if missing:  # the AST extractor saw more: keep those too, and say so
            say(f"note: lupdate missed {len(missing)} string(s) the AST extractor found")
            messages += sorted(missing)
        say(f"extracted {len(messages)} strings with {lupdate.name}")
    else:
        messages = ast_messages
        say(f"extracted {len(messages)} strings with the AST extractor")
    TS_DIR.mkdir(exist_ok=True)
    status = 0
    for lang, code in LANGUAGES.items():
        path = TS_DIR / f"phrapp_{lang}.ts"
        ts = merge(read_ts(path) if path.exists() else TsFile(code), messages)
        ts.language = code
        if lang == "en":
            complete_english(ts)
        write_ts(path, ts)
        todo = unfinished(ts)
        say(f"{path.relative_to(REPO)}: {len(messages)} strings, {len(todo)} unfinished")
        for context, source in todo[:20]:
            say(f"  unfinished [{context}] {source!r}")
        if todo:
            status = 1
    return status


# -- (b) compilation --------------------------------------------------------------------


def compile_qm() -> int:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        say("pyside6-lrelease not found: the app will read the .ts files directly")
        return 0
    QM_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts, qm = TS_DIR / f"phrapp_{lang}.ts", QM_DIR / f"phrapp_{lang}.qm"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        say(f"compiled {qm.relative_to(REPO)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--extract", action="store_true", help="only update the .ts files")
    group.add_argument("--compile", action="store_true", help="only build the .qm files")
    parser.add_argument("--no-lupdate", action="store_true",
                        help="use the AST extractor even when lupdate is available")
    args = parser.parse_args(argv)
    status = 0
    if not args.compile:
        status = extract(use_lupdate=not args.no_lupdate)
    if not args.extract:
        status = compile_qm() or status
    return status


if __name__ == "__main__":
    raise SystemExit(main())
