"""``import FILE|FOLDER…``, ``import history``, ``import undo BATCH``."""

from __future__ import annotations

import argparse
from pathlib import Path

from phrapp.cli.context import open_session
from phrapp.cli.output import Output
from phrapp.errors import UsageError
from phrapp.services.import_service import ImportService


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    paths: list[str] = args.paths
    if paths[0] == "history" and not Path("history").exists():
        if len(paths) != 1:
            raise UsageError("usage: phrapp import history")
        return _history(args, out)
    if paths[0] == "undo" and not Path("undo").exists():
        if len(paths) != 2:
            raise UsageError("usage: phrapp import undo BATCH")
        return _undo(args, out, paths[1])
    with open_session(args) as session:
        service = ImportService(session, share_passphrase=_share_passphrase)

        def progress(stage: str, name: str, done: int, total: int) -> None:
            if not args.json and total:
                out.info(f"{stage} {name}: {done}/{total}")

        plan = service.preview([Path(p) for p in paths], profile=args.profile,
                               create_profiles=args.create_profiles, progress=progress)
        batch = None if args.dry_run else service.commit(plan)
    result = plan.to_json(batch)
    if args.json:
        out.data(result)
    else:
        for f in result["files"]:
            who = f.get("profile") or ", ".join(f.get("profiles", []))
            out.line(f"{f['file']} ({f['format']}) -> {who}: added {f['added'] or 0}, "
                     f"replaced {f['replaced'] or 0}, duplicates {f['duplicates'] or 0}")
            for s in f["skipped"]:
                out.line(f"  skipped {s['count']}: {s['reason']}")
            for w in f["warnings"]:
                out.warn(w)
        out.info("dry run: nothing was written" if batch is None else f"batch {batch}")
    return 0


def _share_passphrase() -> str:
    """A share package's passphrase: ``PHRAPP_SHARE_PASSPHRASE``, else a terminal prompt,
    else exit 2 (asked only when a package is actually read)."""
    from phrapp.cli.secrets import SHARE_PASSPHRASE, read_secret

    return read_secret(SHARE_PASSPHRASE, "Share package passphrase: ")


def _history(args: argparse.Namespace, out: Output) -> int:
    with open_session(args) as session:
        rows = ImportService(session).history()
    if args.json:
        out.data(rows)
    else:
        for row in rows:
            state = " (undone)" if row["undone_at"] else ""
            names = ", ".join(f["file"] for f in row["files"])
            out.line(f"{row['batch']}  {row['committed_at']}  {names}{state}")
        if not rows:
            out.info("no imports yet")
    return 0


def _undo(args: argparse.Namespace, out: Output, batch: str) -> int:
    with open_session(args) as session:
        counts = ImportService(session).undo(batch)
    if args.json:
        out.data({"batch": batch, "undone": True, **counts})
    else:
        out.info(f"import {batch} undone: {counts.get('removed', 0)} removed, "
                 f"{counts.get('restored', 0)} restored")
    return 0
