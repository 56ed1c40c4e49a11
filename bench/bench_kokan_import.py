"""健康情報等交換規約 CSV import vs its floor, and peak RSS (issue 6 acceptance; measured).

    .venv/bin/python bench/bench_kokan_import.py [--rows 1000000] [--repeat 1] [--profile]

1. Generates a ``kokan-csv`` home-BP file of ``--rows`` rows in a temp folder: the
   protocol's physical-name header (``specs/devices.md`` §2.2, phrapp convention for BP),
   ``observation_time`` ``yyyyMMddHHmmss`` at distinct minutes in the home zone,
   realistic values, one device, ``update_time`` ``yyyyMMddHHmmssSSS``. The optional
   ``pulse`` column is left out and the device fields are short so that 1,000,000 rows
   stay under the importer's 50 MiB cap (security.md T3); the row cap is 1,000,000.
2. **Floor, plain SQLite**: ``csv.reader`` + the minimal per-row work (UUID, UTC text,
   minute key, local date, ints) + bare ``executemany`` into stdlib ``sqlite3`` (a file,
   WAL, ``synchronous=FULL``, the shipped ``bp`` DDL and indexes, one transaction). The
   stdlib module is banned in ``phrapp/`` (it writes plaintext) but is the floor here.
3. **Floor, SQLCipher**: the same into ``sqlcipher3`` with a raw key and phrapp's
   session pragmas (``SESSION_PRAGMAS``) and index: the encryption cost.
4. **Ours**: ``ImportService.preview`` + ``commit`` into a fresh vault (real Argon2id
   KDF; vault creation and unlock untimed).

Every case runs in its own child process, so each peak RSS is the child's own: VmHWM
from ``/proc/self/status`` after the peak mark was reset (``/proc/self/clear_refs``)
at the start of the timed work, so Argon2's unlock peak is not counted. ``getrusage``
``ru_maxrss`` is not used for this: it is not reset by ``clear_refs``.
``--profile`` runs our import once more under cProfile (in a child) and prints the top
costs.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import json
import os
import pstats
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import sqlcipher3
from _common import PASSPHRASE, header, own_peak_mib, reset_peak, status_mib, table

HERE = Path(__file__).resolve().parent
UTC = dt.UTC
HOME = dt.timezone(dt.timedelta(hours=9))  # Asia/Tokyo has had no DST since 1951
HEADER = ("observation_time", "systolic", "diastolic", "model_manufacturer_code",
          "model_number", "production_specification_serial", "data_input_code",
          "origin_of_time_code", "update_time")
DEVICE = ("1", "M", "S")


def generate(path: Path, rows: int, *, seed: int = 20261123) -> None:
    """``rows`` BP readings, one a minute apart (+ random seconds), ending in 2026."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 1, tzinfo=HOME) - dt.timedelta(minutes=rows)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(HEADER) + "\r\n")
        lines = []
        for i in range(rows):
            at = start + dt.timedelta(minutes=i, seconds=rng.randrange(60))
            sbp = min(195, max(92, round(rng.gauss(128, 13))))
            dbp = min(sbp - 20, max(50, round(sbp * 0.62 + rng.gauss(0, 6))))
            stamp = at.strftime("%Y%m%d%H%M%S")
            lines.append(f"{stamp},{sbp},{dbp},{DEVICE[0]},{DEVICE[1]},{DEVICE[2]},0,0,"
                         f"{stamp}000\r\n")
            if len(lines) >= 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


# -- floors ----------------------------------------------------------------------------
def bp_ddl() -> list[str]:
    """The ``profiles`` and ``bp`` tables and bp's indexes, as the shipped migration
    creates them (``bp.profile_id`` references ``profiles``; with phrapp's
    ``foreign_keys=ON`` every insert checks it, so the SQLCipher floor does too)."""
    sql = (resources.files("phrapp.storage.migrations") / "0001_initial.sql").read_text("utf-8")
    tables = [re.search(rf"CREATE TABLE {name} \(.*?\n\);", sql, re.S)
              for name in ("profiles", "bp")]
    assert all(tables), "profiles/bp tables not found in 0001_initial.sql"
    return [t.group(0) for t in tables if t is not None] + re.findall(
        r"CREATE INDEX bp_\w+ ON bp\([^)]*\);", sql)


def child_floor(kind: str, db_path: str, csv_path: str) -> dict[str, Any]:
    from phrapp.domain.records import RecordKind
    from phrapp.storage.database import SESSION_PRAGMAS, key_pragma
    from phrapp.storage.repositories.mappers import MAPPERS
    from phrapp.storage.repositories.rows import COMMON_COLUMNS

    columns = COMMON_COLUMNS + MAPPERS[RecordKind.BP].columns
    insert = (f"INSERT INTO bp ({', '.join(columns)}) "  # noqa: S608 - constants only
              f"VALUES ({', '.join('?' for _ in columns)})")
    if kind == "plain":
        conn: Any = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL").fetchall()
        conn.execute("PRAGMA synchronous=FULL")
    else:
        conn = sqlcipher3.connect(db_path, isolation_level=None)
        conn.execute(key_pragma(os.urandom(32)))
        for pragma in SESSION_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}").fetchall()
    for statement in bp_ddl():
        conn.execute(statement)
    profile_id = str(uuid.uuid4())
    now = dt.datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    conn.execute("INSERT INTO profiles (id, name, home_zone, created_at, updated_at) "
                 "VALUES (?, 'Bench', 'Asia/Tokyo', ?, ?)", (profile_id, now, now))
    source_key = "device:" + "/".join(DEVICE)
    reset_peak()
    start = time.perf_counter()

    def rows() -> Iterator[tuple[object, ...]]:
        with open(csv_path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            for obs, sbp, dbp, maker, model, serial, _code, _origin, _update in reader:
                at = dt.datetime(int(obs[0:4]), int(obs[4:6]), int(obs[6:8]), int(obs[8:10]),
                                 int(obs[10:12]), int(obs[12:14]), tzinfo=HOME)
                utc = at.astimezone(UTC)
                yield (str(uuid.uuid4()), profile_id, "device", None, maker, model, serial,
                       None, source_key, None, now, now, utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       540, utc.strftime("%Y-%m-%dT%H:%MZ"), f"{obs[:4]}-{obs[4:6]}-{obs[6:8]}",
                       int(sbp), int(dbp), None, None, 0, None)

    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(insert, rows())
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    count = conn.execute("SELECT count(*) FROM bp").fetchone()[0]
    peak = own_peak_mib()
    conn.close()
    return {"seconds": seconds, "rows": count, "peak_mib": peak}


# -- ours ------------------------------------------------------------------------------
def child_import(vault: str, csv_path: str, profile_out: str | None) -> dict[str, Any]:
    from phrapp.services.import_service import ImportService
    from phrapp.services.session import Session

    session = Session.open(Path(vault), passphrase=PASSPHRASE)
    try:
        service = ImportService(session)
        profiler = cProfile.Profile() if profile_out else None
        reset = reset_peak()  # Argon2's unlock peak is not the import's
        at_start = status_mib("VmRSS")
        if profiler is not None:
            profiler.enable()
        start = time.perf_counter()
        plan = service.preview([Path(csv_path)])
        preview = time.perf_counter() - start
        after_preview = own_peak_mib()
        start = time.perf_counter()
        service.commit(plan)
        commit = time.perf_counter() - start
        if profiler is not None:
            profiler.disable()
            assert profile_out is not None
            profiler.dump_stats(profile_out)
        [fp] = plan.files
        return {"preview": preview, "commit": commit, "seconds": preview + commit,
                "format": fp.format, "added": dict(fp.added), "skipped": dict(fp.skipped),
                "duplicates": dict(fp.duplicates), "peak_mib": own_peak_mib(),
                "peak_preview_mib": after_preview, "peak_reset": reset,
                "rss_at_start": at_start}
    finally:
        session.close()


def run_child(*args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def new_vault(path: Path) -> None:
    from phrapp.services.profiles import ProfileService
    from phrapp.services.session import Session

    session, _ = Session.create(path, PASSPHRASE)  # untimed, real KDF
    ProfileService(session).add("Bench")
    session.close()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        if kind == "import":
            answer = child_import(rest[0], rest[1], rest[2] if len(rest) > 2 else None)
        else:
            answer = child_floor(kind, rest[0], rest[1])
        print(json.dumps(answer))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    header(f"健康情報等交換規約 CSV import, {args.rows:,} BP rows")
    with tempfile.TemporaryDirectory(prefix="phrapp-bench-kokan-") as tmp_name:
        tmp = Path(tmp_name)
        csv_path = tmp / "bp.csv"
        start = time.perf_counter()
        generate(csv_path, args.rows)
        print(f"   generated {csv_path.stat().st_size / 2**20:.1f} MiB in "
              f"{time.perf_counter() - start:.1f} s")
        results: dict[str, list[dict[str, Any]]] = {"plain": [], "cipher": [], "ours": []}
        for run in range(args.repeat):
            results["plain"].append(run_child("plain", str(tmp / f"plain{run}.db"),
                                              str(csv_path)))
            results["cipher"].append(run_child("cipher", str(tmp / f"cipher{run}.db"),
                                               str(csv_path)))
            vault = tmp / f"vault{run}"
            new_vault(vault)
            results["ours"].append(run_child("import", str(vault), str(csv_path)))

        def best(name: str) -> dict[str, Any]:
            return min(results[name], key=lambda r: float(r["seconds"]))

        plain, cipher, ours = best("plain"), best("cipher"), best("ours")
        base, enc = float(plain["seconds"]), float(cipher["seconds"])
        rows = [
            ["floor: csv.reader + executemany, plain SQLite", f"{base:.2f}", "1.00x", "",
             f"{plain['peak_mib']:.0f}", f"{plain['rows']:,} rows"],
            ["floor: the same on SQLCipher (our pragmas, index)", f"{enc:.2f}",
             f"{enc / base:.2f}x", "1.00x", f"{cipher['peak_mib']:.0f}",
             f"{cipher['rows']:,} rows"],
            ["ours: ImportService preview+commit", f"{ours['seconds']:.2f}",
             f"{ours['seconds'] / base:.2f}x", f"{ours['seconds'] / enc:.2f}x",
             f"{ours['peak_mib']:.0f} (preview {ours['peak_preview_mib']:.0f}, "
             f"at start {ours['rss_at_start']:.0f})",
             f"added {ours['added']}"],
        ]
        print(f"   ours: preview {ours['preview']:.2f} s, commit {ours['commit']:.2f} s; "
              f"skipped {ours['skipped']}, duplicates {ours['duplicates']}")
        print()
        table(["case (best of runs)", "s", "vs plain floor", "vs SQLCipher floor",
               "peak RSS MiB (own)", "notes"], rows)
        if args.profile:
            vault = tmp / "profiled"
            new_vault(vault)
            stats_path = tmp / "import.prof"
            run_child("import", str(vault), str(csv_path), str(stats_path))
            print("\ncProfile of ours (preview+commit), top 25 by tottime:")
            pstats.Stats(str(stats_path)).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
