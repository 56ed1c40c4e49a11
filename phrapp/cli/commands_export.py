"""``export --format cda|jahis|fhir|csv|pdf|share --out PATH`` (CONTRACT §3).

Plain-text formats need ``--plaintext`` (the GUI asks instead): health data leaving the
vault unencrypted is the user's explicit choice. ``share`` prints its one-time
passphrase once and never stores it. ``pdf`` is the one headless command that starts Qt
(offscreen, lazily), because the PDF writer lives in ``phrapp/ui/report/``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from phrapp.cli.context import date_arg, open_session
from phrapp.cli.output import Output
from phrapp.domain.records import RecordKind
from phrapp.errors import Refused, UsageError
from phrapp.io.exporters.base import Exporter, ExportRequest
from phrapp.services.export_service import ExportService
from phrapp.services.profiles import ProfileService

FORMATS = ("cda", "jahis", "fhir", "csv", "pdf", "share")


class PlaintextRequired(Refused):
    code = "plaintext-required"


def pdf_language(asked: str | None, setting: str) -> str:
    """``--lang``, else the UI language the user chose, else Japanese.

    The page is for a doctor in Japan: a machine whose locale is English (a CI box, a
    borrowed PC) still gets the Japanese report unless English was asked for.
    """
    if asked in ("ja", "en"):
        return asked
    return setting if setting in ("ja", "en") else "ja"


def exporter_for(fmt: str, *, share_passphrase: str | None = None,
                 lang: str | None = None) -> Exporter:
    """The exporter of a format slug (imports lazily: pdf pulls in Qt)."""
    if fmt == "pdf":
        # No window ever opens: render offscreen even on a desktop session.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from phrapp.settings import Settings
        from phrapp.ui import i18n
        from phrapp.ui.report.pdf_export import PdfExporter, ensure_app

        ensure_app()
        i18n.install(pdf_language(lang, str(Settings.load().language)))
        return PdfExporter()
    if fmt == "share":
        from phrapp.io.exporters.share_export import default_share_exporter

        return default_share_exporter(passphrase=share_passphrase)
    exporter = _headless()[fmt]
    return exporter


def _headless() -> dict[str, Exporter]:
    from phrapp.io.exporters.base import default_registry

    return dict(default_registry().exporters)


def parse_kinds(text: str | None) -> tuple[RecordKind, ...] | None:
    if not text:
        return None
    kinds = []
    for part in text.split(","):
        part = part.strip()
        try:
            kinds.append(RecordKind(part))
        except ValueError:
            allowed = ", ".join(k.value for k in RecordKind)
            raise UsageError(f"--kinds: unknown kind {part!r} (one of {allowed})") from None
    return tuple(kinds)


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    fmt: str = args.format
    kinds = parse_kinds(args.kinds)
    date_from = date_arg(args.date_from, "--from")
    date_to = date_arg(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise UsageError("--from is after --to")
    if args.regenerate and fmt != "cda":
        raise UsageError("--regenerate applies to --format cda only")
    if args.lang and fmt != "pdf":
        raise UsageError("--lang applies to --format pdf only")
    exporter = exporter_for(fmt, lang=args.lang)
    if exporter.plaintext and not args.plaintext:
        raise PlaintextRequired(
            f"--format {fmt} writes health data unencrypted: add --plaintext to confirm "
            "(or use --format share for an encrypted package)")
    target = Path(args.out).expanduser()
    if args.out.endswith(("/", os.sep)):
        # "--out exports/" names a folder even when one file results.
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open_session(args) as session:
        profile = ProfileService(session).resolve(args.profile)
        service = ExportService(session)
        chosen = service.kinds_for(exporter, kinds)
        if kinds and not chosen:
            raise UsageError(f"--format {fmt} carries none of the kinds asked for")
        request = ExportRequest(profile=profile, out=target, kinds=chosen, date_from=date_from,
                                date_to=date_to, regenerate=args.regenerate,
                                note=args.note or "")

        def progress(done: int, total: int) -> None:
            if not args.json and total and (done == total or done % 1000 == 0):
                out.info(f"{fmt}: {done}/{total}")

        result = service.export(exporter, request, progress)
    files = [str(path) for path in result.files]
    if fmt == "share":
        passphrase = result.extra.get("passphrase", "")
        if args.json:
            out.data({"file": files[0], "passphrase": passphrase})
        else:
            out.line(f"wrote {files[0]}")
            out.line(f"one-time passphrase (tell the recipient separately): {passphrase}")
        return 0
    if args.json:
        body: dict[str, object] = {"format": fmt, "profile": profile.name, "files": files,
                                   "counts": result.counts}
        if len(files) == 1:
            body["file"] = files[0]
        out.data(body)
    else:
        if not files:
            out.warn("nothing to export for this profile, period and kinds")
        for path in files:
            out.line(f"wrote {path}")
        counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
        if counts:
            out.info(counts)
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write records for a portal, a doctor or another app")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, metavar="PATH",
                   help="a file (fhir, pdf, share; cda/jahis/csv when one file results) "
                   "or a folder")
    p.add_argument("--profile", metavar="NAME", help="default: the active profile")
    p.add_argument("--kinds", metavar="K,K", help="record kinds, e.g. bp,weight,checkups")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--plaintext", action="store_true",
                   help="confirm an unencrypted format (cda, jahis, fhir, csv, pdf)")
    p.add_argument("--regenerate", action="store_true",
                   help="cda: generate every file instead of re-emitting stored originals")
    p.add_argument("--lang", choices=["ja", "en"],
                   help="pdf: the report's language (default: the app's, else Japanese)")
    p.add_argument("--note", metavar="TEXT", help="pdf: notes for the doctor; share: a note "
                   "for the recipient")
    p.add_argument("--json", action="store_true", help="print one JSON value on stdout")
    p.set_defaults(handler=cmd_export)
