"""T6: SIGKILL an import at random points during commit: all rows or none, never half."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fakes import MAGIC

from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session

PASS = "correct horse battery staple 7"
ROWS = 5_000

CHILD = textwrap.dedent("""
    import sys, time
    from phrapp.storage import kdf
    kdf.use_fast_kdf_for_tests()
    from fakes import fake_registry
    from phrapp.services.import_service import ImportService
    from phrapp.services.session import Session
    s = Session.open(sys.argv[1], passphrase=sys.argv[2])
    svc = ImportService(s, fake_registry())
    from pathlib import Path
    plan = svc.preview([Path(sys.argv[3])])
    print("committing", flush=True)
    started = time.perf_counter()
    svc.commit(plan)
    print(f"committed {time.perf_counter() - started:.3f}", flush=True)
    s.close()
""")


def _data_file(folder: Path) -> Path:
    lines = [MAGIC.decode()]
    start = 1_700_000_000
    for i in range(ROWS):
        at = time.strftime("%Y-%m-%dT%H:%M", time.gmtime(start + i * 600))
        lines.append(f"bp,,{at}+00:00,{110 + i % 40},{70 + i % 20},{60 + i % 30},crash-app,")
    path = folder / "readings.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(vault: Path, data: Path, kill_after: float | None) -> tuple[str, bool]:
    """Run the child; returns (its output, whether SIGKILL ended it)."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault), PASS, str(data)],
        stdout=subprocess.PIPE, text=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "committing"
    if kill_after is None:
        out = child.stdout.read()
        assert child.wait(timeout=120) == 0
        return out, False
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    return "", child.wait(timeout=60) == -signal.SIGKILL


def _state(vault: Path) -> tuple[int, int]:
    with Session.open(vault, passphrase=PASS) as session:
        assert session.db.scalar("PRAGMA integrity_check") == "ok"
        assert session.db.query("PRAGMA cipher_integrity_check") == []
        rows = session.db.scalar("SELECT count(*) FROM bp")
        batches = session.db.scalar("SELECT count(*) FROM import_batches")
        journal = session.db.scalar("SELECT count(*) FROM batch_journal")
        assert journal == rows  # the journal exists exactly with the rows
    return int(rows), int(batches)


@pytest.mark.slow
def test_sigkill_during_import_commit_is_all_or_nothing(tmp_path: Path) -> None:
    template = tmp_path / "template"
    session, _ = Session.create(template, PASS)
    ProfileService(session).add("本人")
    session.close()
    data = _data_file(tmp_path)

    full = tmp_path / "full"
    shutil.copytree(template, full)
    out, _ = _run(full, data, None)
    commit_seconds = float(out.split()[-1])
    assert _state(full) == (ROWS, 1)

    rng = random.Random(20261123)
    outcomes = []
    for trial in range(20):
        vault = tmp_path / f"t{trial}"
        shutil.copytree(template, vault)
        _, killed = _run(vault, data, rng.uniform(0.0, commit_seconds * 1.3))
        rows, batches = _state(vault)
        assert (rows, batches) in {(0, 0), (ROWS, 1)}, (trial, rows, batches)
        outcomes.append((killed, rows))
    # Most kills land inside the commit (how many depends on the machine's load); the
    # all-or-nothing property held for every one of them.
    assert sum(killed for killed, _ in outcomes) >= 10, outcomes
