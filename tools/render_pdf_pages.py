"""Render each page of a PDF to PNG, to look at it (screenshots for the closing note).

    .venv/bin/python tools/render_pdf_pages.py REPORT.pdf [--out DIR] [--dpi 110]
    .venv/bin/python tools/render_pdf_pages.py --demo [--lang ja|en] [--out DIR]

With a PDF: QtPdf (``PySide6.QtPdf``, in the full PySide6 wheel) when available, else
poppler's ``pdftoppm`` when installed; otherwise it says so and exits 2 (PySide6-Essentials
has no QtPdf). ``--demo`` paints the demo person's report with the very drawing code the
PDF uses (``phrapp.ui.report.pdf_report.render_images``) and also writes the PDF, so the
pages can be looked at on a machine without either renderer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render_with_qtpdf(pdf: Path, out: Path, dpi: int) -> list[Path] | None:
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    _app = QGuiApplication.instance() or QGuiApplication([])
    document = QPdfDocument()
    document.load(str(pdf))
    written = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        image = document.render(page, QSize(round(size.width() / 72 * dpi),
                                            round(size.height() / 72 * dpi)))
        target = out / f"{pdf.stem}-{page + 1}.png"
        image.save(str(target))
        written.append(target)
    return written


def render_with_pdftoppm(pdf: Path, out: Path, dpi: int) -> list[Path] | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(out / pdf.stem)], check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))


def render_demo(out: Path, dpi: int, language: str) -> list[Path]:
    from phrapp.domain.records import Profile, Record, RecordKind, Sex
    from phrapp.domain.records.kinds import kind_of
    from phrapp.domain.time import today_in
    from phrapp.io.exporters.base import ExportData, ExportRequest
    from phrapp.services.demo_data import DemoPerson, generate
    from phrapp.ui import i18n
    from phrapp.ui.report import fonts
    from phrapp.ui.report.model import build_model
    from phrapp.ui.report.pdf_export import ensure_app
    from phrapp.ui.report.pdf_report import render_images, render_pdf

    ensure_app()
    i18n.install(language)
    birth = dt.date(1962, 4, 2)
    profile = Profile(name="山田 太郎", sex=Sex.MALE, birth_date=birth)
    today = today_in(profile.home_zone)
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in generate(DemoPerson(profile.id, Sex.MALE, birth, profile.home_zone),
                           today, seed=7, years=1):
        by_kind.setdefault(kind_of(record), []).append(record)
    data = ExportData(profile=profile, records=by_kind,
                      primary_steps=frozenset(r.id for r in by_kind.get(RecordKind.STEPS, [])))
    request = ExportRequest(profile=profile, out=out / "demo.pdf", kinds=tuple(RecordKind),
                            note="朝の血圧が高めです。続けてよいか相談したいです。")
    model = build_model(request, data)
    family = fonts.report_family()
    (out / f"demo-{language}.pdf").write_bytes(render_pdf(model, family))
    written = []
    for page, image in enumerate(render_images(model, family, dpi), start=1):
        target = out / f"demo-{language}-{page}.png"
        image.save(str(target))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=Path("."))
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.demo:
        written = render_demo(args.out, args.dpi, args.lang)
    elif args.pdf is None:
        parser.error("give a PDF or --demo")
    else:
        written = (render_with_qtpdf(args.pdf, args.out, args.dpi)
                   or render_with_pdftoppm(args.pdf, args.out, args.dpi))
        if written is None:
            sys.stderr.write("no PDF renderer here (PySide6.QtPdf or pdftoppm); use --demo to "
                             "paint the report with its own drawing code\n")
            return 2
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
