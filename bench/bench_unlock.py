"""Unlock cost: calibrated Argon2id, Session.open split into KDF vs database, cold start.

    python bench/bench_unlock.py [--n ROWS] [--repeat R]

* Creates a temp vault with the REAL calibrated KDF (``kdf.calibrate()``, never the
  test hook) and reports the calibrated Argon2id parameters (m, t, p).
* Times ``Session.open`` (p50 and min of R runs) and splits each run into ``kdf.derive``
  and ``Database.open`` as called inside it (timed by wrapping ``kdf.derive`` and
  ``Database.open`` in-process while the runs last) and the rest (lock, key file,
  AES-GCM unwrap, migration check, audit write). ``kdf.derive`` with the same
  parameters and salt, and ``Database.open`` with the unwrapped key (key pragma, cipher
  checks, session pragmas, ``quick_check``), are also timed alone.
* Baseline: a raw SQLCipher open (``sqlcipher3.connect`` + raw-key ``PRAGMA key`` + one
  read of ``sqlite_master``) on the same file.
* Cold-start proxy: ``phrapp --help``, ``phrapp --version`` and
  ``python -c "import phrapp.cli"`` as subprocesses, against ``python -c pass``
  (one untimed warm-up each, so the OS file cache is warm: "cold" = fresh interpreter),
  plus the slowest imports from ``python -X importtime -m phrapp --version``.

``--n`` pre-fills the vault with that many BP readings (default 0) because
``quick_check`` in ``Database.open`` reads the whole file: its cost grows with the vault.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _common import (
    BP_DEVICE,
    PASSPHRASE,
    Timing,
    bp_readings,
    header,
    ms,
    ratio,
    stopwatch,
    table,
    time_runs,
)

from phrapp.domain.records import BloodPressure, Device, Provenance, Source
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage import kdf, keyslots
from phrapp.storage.database import Database, key_pragma


def fill(session: Session, n: int) -> None:
    profile = ProfileService(session).add("Bench")
    device = Source(device=Device(*BP_DEVICE))
    end = dt.datetime.now(tz=dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=9)))
    records = [BloodPressure(profile_id=profile.id, measured_at=r.at, systolic=r.systolic,
                             diastolic=r.diastolic, pulse=r.pulse, provenance=Provenance.DEVICE,
                             source=device)
               for r in bp_readings(n, end - dt.timedelta(days=1))]
    RecordService(session).add_many(records)


@contextmanager
def split_timers(inside: dict[str, list[float]]) -> Iterator[None]:
    """Record the time of every ``kdf.derive`` and ``Database.open`` call while active.

    ``keyslots`` calls ``kdf.derive`` and ``vault`` calls ``Database.open`` through their
    module/class attributes, so replacing those attributes (and restoring them) times
    the very calls ``Session.open`` makes, without touching phrapp's files.
    """
    real_derive = kdf.derive
    real_open = Database.__dict__["open"]

    def derive(*a: Any, **k: Any) -> bytes:
        start = time.perf_counter()
        try:
            return real_derive(*a, **k)
        finally:
            inside["derive"].append(time.perf_counter() - start)

    def db_open(cls: type[Database], *a: Any, **k: Any) -> Database:
        start = time.perf_counter()
        try:
            return real_open.__func__(cls, *a, **k)
        finally:
            inside["db"].append(time.perf_counter() - start)

    kdf.derive = derive  # type: ignore[assignment]
    Database.open = classmethod(db_open)  # type: ignore[assignment, method-assign]
    try:
        yield
    finally:
        kdf.derive = real_derive  # type: ignore[assignment]
        Database.open = real_open  # type: ignore[method-assign]


def run_cmd(argv: list[str]) -> None:
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def import_top(argv: list[str], top: int = 8) -> tuple[float, list[tuple[str, float]]]:
    """(total import seconds, [(package, self seconds)] slowest first) of ``argv``.

    ``argv`` is run with ``-X importtime``; phrapp modules are grouped by their first two
    name parts (``phrapp.cli``, ``phrapp.domain`` ...), others by top-level package.
    """
    proc = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], check=True,
                          capture_output=True, text=True)
    total = 0.0
    grouped: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|")
        if not name.startswith("  "):  # a top-level import: its cumulative counts once
            total += int(cum_us) / 1e6
        parts = name.strip().split(".")
        key = ".".join(parts[:2]) if parts[0] == "phrapp" else parts[0]
        grouped[key] = grouped.get(key, 0.0) + int(self_us) / 1e6
    return total, sorted(grouped.items(), key=lambda kv: -kv[1])[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=0,
                        help="BP readings to put in the vault first (default 0)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)
    header(f"bench_unlock: real calibrated KDF, vault rows={args.n}, repeat={repeat}")

    with tempfile.TemporaryDirectory(prefix="phrapp-bench-") as tmp:
        folder = Path(tmp) / "vault"
        with stopwatch() as t_create:
            session, _recovery = Session.create(folder, PASSPHRASE)
        if args.n:
            with stopwatch() as t_fill:
                fill(session, args.n)
            print(f"   filled {args.n} BP readings in {t_fill[0]:.2f} s (untimed setup)")
        session.close()
        db_path = folder / "phrapp.db"
        size_mib = db_path.stat().st_size / 2**20

        keyfile = keyslots.load(folder / "vault.key")
        slot = keyfile.slot(keyslots.PASSPHRASE)
        assert slot is not None
        params = slot.params
        secret = keyslots.normalise_passphrase(PASSPHRASE)

        # Session.open, with kdf.derive and Database.open wrapped (module/class attribute
        # patches, restored afterwards) so each run is split exactly; close() is untimed.
        opens: list[float] = []
        closes: list[float] = []
        inside: dict[str, list[float]] = {"derive": [], "db": []}
        with split_timers(inside):
            for _ in range(repeat):
                with stopwatch() as t_open:
                    s = Session.open(folder, passphrase=PASSPHRASE)
                with stopwatch() as t_close:
                    s.close()
                opens.append(t_open[0])
                closes.append(t_close[0])
        t_session = Timing(tuple(opens))

        t_derive = time_runs(lambda: kdf.derive(secret, slot.salt, params), repeat)
        dek = keyslots.unwrap(keyfile, keyslots.PASSPHRASE, secret)

        db_opens: list[float] = []
        for _ in range(repeat):
            with stopwatch() as t_db:
                db = Database.open(db_path, dek)
            db.close()
            db_opens.append(t_db[0])
        t_database = Timing(tuple(db_opens))

        def raw_open() -> None:
            import sqlcipher3

            conn = sqlcipher3.connect(str(db_path))
            conn.execute(key_pragma(dek))
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()

        t_raw = time_runs(raw_open, repeat, warmup=1)

    print(f"\nCalibrated Argon2id params: m = {params.memory_kib} KiB "
          f"({params.memory_kib // 1024} MiB), t = {params.iterations}, p = {params.lanes} "
          f"(floor m = {kdf.FLOOR.memory_kib // 1024} MiB, target {kdf.TARGET_SECONDS} s)")
    print(f"Session.create (calibrate + 2 key slots + schema): {t_create[0]:.2f} s; "
          f"database file {size_mib:.1f} MiB\n")

    in_derive = Timing(tuple(inside["derive"]))
    in_db = Timing(tuple(inside["db"]))
    other = Timing(tuple(o - d - b for o, d, b in
                         zip(opens, inside["derive"], inside["db"], strict=True)))
    total = t_session.p50

    def share(t: Timing) -> str:
        return f"{t.p50 / total:.0%}"

    rows = [
        ["Session.open (total)", ms(t_session.p50), ms(t_session.min), "100%", ""],
        ["  kdf.derive inside open", ms(in_derive.p50), ms(in_derive.min), share(in_derive),
         ""],
        ["  Database.open inside open (key, checks, quick_check)", ms(in_db.p50),
         ms(in_db.min), share(in_db), ratio(in_db.p50, t_raw.p50)],
        ["  rest: lock, key file, AES-GCM, migrate check, audit", ms(other.p50),
         ms(other.min), share(other), ""],
        ["kdf.derive alone (same m/t/p and salt)", ms(t_derive.p50), ms(t_derive.min), "", ""],
        ["Database.open alone (unwrapped key)", ms(t_database.p50), ms(t_database.min), "",
         ratio(t_database.p50, t_raw.p50)],
        ["raw SQLCipher open (raw key + 1 read) = baseline", ms(t_raw.p50), ms(t_raw.min), "",
         "1.00x"],
        ["Session.close (checkpoint, wipe key, unlock)", ms(statistics.median(closes)),
         ms(min(closes)), "", ""],
    ]
    table(["unlock step", "p50 ms", "min ms", "of open", "vs raw open"], rows)

    # -- cold start ---------------------------------------------------------------
    python = sys.executable
    exe = shutil.which("phrapp", path=str(Path(python).parent))
    phrapp_cmd = [exe] if exe else [python, "-m", "phrapp"]
    commands = [
        ("python -c pass = baseline", [python, "-c", "pass"]),
        ("python -c 'import phrapp.cli'", [python, "-c", "import phrapp.cli"]),
        ("phrapp --version", [*phrapp_cmd, "--version"]),
        ("phrapp --help", [*phrapp_cmd, "--help"]),
    ]
    results = []
    for label, argv in commands:
        results.append((label, time_runs(lambda argv=argv: run_cmd(argv), repeat, warmup=1)))
    base = results[0][1].p50
    print(f"\nCold start (subprocess wall time, {repeat} runs after 1 warm-up):")
    table(["command", "p50 ms", "min ms", "vs python"],
          [[label, ms(t.p50), ms(t.min), ratio(t.p50, base)] for label, t in results])

    cumulative, top = import_top([python, "-m", "phrapp", "--version"])
    print(f"\n`python -X importtime -m phrapp --version`: {ms(cumulative)} ms of imports "
          "(incl. site); largest self times by package:")
    table(["package", "self ms"], [[name, ms(sec)] for name, sec in top])


if __name__ == "__main__":
    main()
