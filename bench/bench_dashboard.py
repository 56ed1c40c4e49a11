"""The dashboard over ten years of demo-scale data: load (worker) + apply (GUI).

    QT_QPA_PLATFORM=offscreen python bench/bench_dashboard.py [--years Y] [--repeat R]

Builds a temp vault (real calibrated KDF, untimed) with one profile (Asia/Tokyo, male,
born 1960) holding Y years (default 10) ending yesterday: 10,000 BP readings a year
(≈100k over ten years, the DESIGN's load), a daily weight and steps record, one
hand-entered checkup a year, health-background answers and two dispensings a month.
Then starts the real app offscreen, attaches the session and times (p50 and min of R runs
after one warm-up, default R = 5):

* baseline: the raw SQL ``SELECT`` of the last 14 days of BP rows (what the home-BP card
  needs) through ``session.db.query``;
* ``DashboardPage.load`` on a worker thread (every query and rule of every card) — the
  GUI thread never runs SQL (the thread guard stays on);
* ``DashboardPage.apply`` on the GUI thread (filling the cards), and the sum of both,
  which is what a user waits for after unlocking (target < 300 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import PASSPHRASE, Timing, header, ms, ratio, stopwatch, table, time_runs
from bench_query import SELECT_BP, build, utc_bounds

from phrapp.domain.checkup_entry import build_checkup
from phrapp.domain.records import (
    Drug,
    HealthBackground,
    MedicationOrigin,
    MedicationRecord,
    Record,
    Sex,
    Smoking,
)
from phrapp.domain.time import zone
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

HOME = "Asia/Tokyo"
PAIRS = [("height", "168.5"), ("weight", "72.0"), ("waist", "88.0"), ("bmi", "25.4"),
         ("sbp", "138"), ("dbp", "86"), ("tg", "150"), ("hdl", "48"), ("ldl", "141"),
         ("fpg", "104"), ("hba1c", "5.8")]


def extras(profile: Any, first: dt.date, last: dt.date) -> list[Record]:
    """A checkup a year, the health questions, and two dispensings a month."""
    out: list[Record] = []
    for year in range(first.year, last.year + 1):
        exam = dt.date(year, 6, 10)
        if first <= exam <= last:
            out.append(build_checkup(profile, exam, PAIRS, facility="健診センター"))
    out.append(HealthBackground(profile_id=profile.id, date=last, smoking=Smoking.NEVER,
                                on_bp_drugs=True, diabetes=False, ckd=False, pad=False,
                                cad_or_stroke=False))
    day = first
    while day <= last:
        for offset, name in ((0, "アムロジピン錠5mg"), (14, "ロスバスタチン錠2.5mg")):
            when = day + dt.timedelta(days=offset)
            if when > last:
                continue
            out.append(MedicationRecord(
                profile_id=profile.id, origin=MedicationOrigin.DISPENSING, dispensed_on=when,
                pharmacy="さくら薬局", prescriber_institution="青葉内科",
                drugs=(Drug(name=name, dose=1, unit="錠", usage="1日1回朝食後", quantity=28,
                            quantity_unit="日分", start=when,
                            end=when + dt.timedelta(days=27)),)))
        day += dt.timedelta(days=28)
    return out


def on_worker(fn: Any) -> Any:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised on the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="years of data (default 10)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args()
    years, repeat = max(1, args.years), max(1, args.repeat)
    days = 365 * years
    n_bp = 10_000 * years
    header(f"bench_dashboard: {years} year(s), {n_bp} BP + {days} weight + {days} steps, "
           f"repeat={repeat}")

    from phrapp.settings import Settings
    from phrapp.ui.app import PhrApp
    from phrapp.ui.qt import QApplication
    from phrapp.ui.vault_window import Opened

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    today = dt.datetime.now(tz=zone(HOME)).date()
    last = today - dt.timedelta(days=1)
    first = last - dt.timedelta(days=days - 1)
    with tempfile.TemporaryDirectory(prefix="phrapp-bench-") as tmp:
        folder = Path(tmp) / "vault"
        session, _ = Session.create(folder, PASSPHRASE)
        shell = None
        try:
            service = ProfileService(session)
            profile = service.add("Bench", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
            service.use("Bench")
            profile = service.active()
            records = build(profile.id, first, days, n_bp)
            records.extend(extras(profile, first, last))
            with stopwatch() as t_fill:
                RecordService(session).add_many(records)
            print(f"   stored {len(records)} records in {t_fill[0]:.1f} s (untimed setup)\n")
            del records

            settings = Settings(path=None)
            shell = PhrApp(settings, folder)
            profiles = service.list()
            shell.attach(Opened(session, profiles, profile))
            qapp.processEvents()
            page = shell.main_window.pages["dashboard"]

            def progress(*_args: object) -> None:
                return None

            since, until = utc_bounds(last - dt.timedelta(days=13), last)
            payloads: list[Any] = []

            def load() -> None:
                payloads.append(on_worker(lambda: page.load(session, progress, profile,
                                                            today)))

            def apply() -> None:
                page.apply(payloads[-1])

            def both() -> None:
                load()
                apply()

            cases: list[tuple[str, Timing]] = [
                ("raw SQL select, BP 14 days = baseline",
                 time_runs(lambda: on_worker(lambda: session.db.query(
                     SELECT_BP, (profile.id, since, until))), repeat, warmup=1)),
                ("load (worker: queries + rules)", time_runs(load, repeat, warmup=1)),
                ("apply (GUI: fill the cards)", time_runs(apply, repeat, warmup=1)),
                ("load + apply (what the user waits for)", time_runs(both, repeat, warmup=1)),
            ]
            base = cases[0][1].p50
            table(["case", "p50", "min", "vs baseline"],
                  [(label, ms(t.p50), ms(t.min), ratio(t.p50, base)) for label, t in cases])
            total = cases[-1][1].p50
            verdict = "within" if total < 0.300 else "OVER"
            print(f"\n   dashboard load + apply p50 {ms(total)}: {verdict} the 300 ms target")
            risk = payloads[-1].risk
            print(f"   home BP category: {risk['home_bp']['category']}, "
                  f"morning days {payloads[-1].morning_days}")
        finally:
            if shell is not None:
                shell.shutdown(close_session=False)
            session.close()


if __name__ == "__main__":
    main()
