"""``phrapp`` without a subcommand: the desktop app; ``--demo`` on a throwaway vault.

The throwaway vault lives in a private temp folder, is encrypted like any vault (with
a random passphrase nobody sees) and is deleted on exit.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from phrapp.cli.output import Output
from phrapp.domain.records import RecordKind
from phrapp.errors import UsageError
from phrapp.services.demo import populate
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session


def _gui_available() -> bool:
    try:
        import phrapp.ui.app  # noqa: F401
    except ImportError:
        return False
    return True


def run_app(args: argparse.Namespace, out: Output) -> int:
    if getattr(args, "clinic", None):
        if args.demo or args.smoke:
            raise UsageError("--clinic cannot be combined with --demo or --smoke")
        if not _gui_available():
            raise UsageError("the clinic viewer needs the desktop app; use "
                             "`phrapp clinic open FILE` instead")
        from phrapp.ui.clinic_window import run_clinic_viewer

        return int(run_clinic_viewer(Path(args.clinic)))
    if args.smoke and not args.demo:
        raise UsageError("--smoke is only used with --demo")
    if not args.demo:
        if _gui_available():
            from phrapp.ui.app import run_gui

            return int(run_gui(vault=args.vault))
        raise UsageError("the desktop app is not part of this build yet; try `phrapp --demo` "
                         "or `phrapp --help` for the commands")
    if args.smoke:
        # The headless check: never needs (or opens on) a display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix="phrapp-demo-"))
    try:
        passphrase = secrets.token_urlsafe(24)
        session, _recovery = Session.create(folder / "vault", passphrase)
        try:
            counts = populate(session)
            if _gui_available():
                from phrapp.ui.app import run_demo_gui

                return int(run_demo_gui(session, smoke=args.smoke))
            return _demo_summary(session, counts, out, smoke=args.smoke)
        finally:
            if session.vault.is_open:
                session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _demo_summary(session: Session, counts: dict[str, int], out: Output, *, smoke: bool) -> int:
    """Headless demo: read every kind back through the services and summarise it."""
    profiles = ProfileService(session).list()
    records = RecordService(session)
    problems = []
    for record_kind in (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS):
        listed = records.list(record_kind, profiles)
        if len(listed) != counts.get(record_kind.value, 0) or not listed:
            problems.append(record_kind.value)
    if smoke:
        if problems:
            out.info(f"demo smoke check failed for: {', '.join(problems)}")
            return 4
        out.info("demo smoke check passed: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
        return 0
    out.line("phrapp demo vault (deleted on exit)")
    for profile in profiles:
        out.line(f"  profile {profile.name}")
    for kind, n in counts.items():
        out.line(f"  {kind}: {n} records")
    out.line("Try the commands on your own vault: phrapp init, phrapp add bp 128 82, "
             "phrapp list bp")
    return 0
