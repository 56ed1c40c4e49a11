"""``clinic open FILE [--out DIR] [--json]`` (CONTRACT §3, §4): never opens a vault.

Exit 0 for a valid file. An invalid, unsupported or unreadable file exits 2 and, with
``--json``, prints the same report object (``valid: false``) rather than the bare error
shape, so the clinic's script always gets the summary and the errors. A share package
without ``PHRAPP_SHARE_PASSPHRASE`` and without a terminal exits 2 ``missing-secret``
(the bare error shape: there is no report without the passphrase).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from phrapp.cli.output import Output
from phrapp.cli.secrets import SHARE_PASSPHRASE, read_secret


def _share_passphrase() -> str:
    return read_secret(SHARE_PASSPHRASE, "Share passphrase: ")


def cmd_clinic_open(args: argparse.Namespace, out: Output) -> int:
    from phrapp.clinic import open_file, write_outputs

    report = open_file(Path(args.file), _share_passphrase)
    written: list[Path] = []
    if report.valid and getattr(args, "out", None):
        written = write_outputs(report, Path(args.out))
    result = report.to_json()
    if args.json:
        out.data(result)
    else:
        _human(result, out, report.source_name)
        for path in written:
            out.info(f"wrote {path}")
        for warning in report.warnings:
            out.warn(warning)
        if not report.valid and getattr(args, "out", None):
            out.info("nothing was written: the file is not valid")
    return 0 if report.valid else 2


def _human(r: dict[str, Any], out: Output, name: str) -> None:
    """A short summary a doctor reads in a few seconds."""
    state = "valid" if r["valid"] else "NOT VALID"
    out.line(f"{name}: {r['kind'] or 'unknown format'} ({state})")
    for err in r["errors"][:20]:
        where = f"{err['path']}: " if err["path"] else ""
        out.line(f"  error: {where}{err['message']}")
    if len(r["errors"]) > 20:
        out.line(f"  … {len(r['errors']) - 20} more errors (use --json for all)")
    p = r["patient"]
    who = " / ".join(x for x in (p["name"], p["name_kana"]) if x) or "(no name)"
    out.line(f"Patient: {who}  sex {p['sex'] or '-'}  born {p['birth_date'] or '-'}")
    if r["period"]["from"]:
        out.line(f"Period: {r['period']['from']} – {r['period']['to']}")
    if r["counts"]:
        out.line("Contents: " + ", ".join(f"{k} {n}" for k, n in sorted(r["counts"].items())))
    latest = r["latest"]
    if latest["bp"]:
        bp = latest["bp"]
        out.line(f"Latest BP: {bp['systolic']}/{bp['diastolic']} mmHg at {bp['measured_at']}")
    if latest["weight"]:
        out.line(f"Latest weight: {latest['weight']['kg']} kg at "
                 f"{latest['weight']['measured_at']}")
    if latest["steps"]:
        out.line(f"Latest steps: {latest['steps']['steps']} on {latest['steps']['date']}")
    home = r["home_bp"]
    for slot in ("morning", "evening"):
        avg = home.get(slot)
        if avg:
            out.line(f"Home BP {slot}: {avg['sbp']}/{avg['dbp']} mmHg over {avg['days']} days")
    if home.get("category"):
        out.line(f"Home BP class: {home['category']}")
    for med in r["medications"][-10:]:
        out.line(f"Medicine: {med['name'] or '-'} ({med['status'] or '-'})")
    for imm in r["immunizations"]:
        out.line(f"Immunization: {imm.get('date') or '-'} {imm.get('vaccine') or '-'}")
    for checkup in r["checkups"]:
        out.line(f"Checkup {checkup['date']}: {checkup['flags']} flagged items")


__all__ = ["cmd_clinic_open"]
