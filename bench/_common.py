"""Helpers shared by the bench scripts: timing, tables, RSS and synthetic readings.

Benches measure; they never assert. Every figure comes from ``time.perf_counter`` and
every ratio is against a baseline run in the same process.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

# A passphrase the policy accepts (length >= 12); only ever used on temp vaults.
PASSPHRASE = "bench-only correct horse battery staple 2026"
JST = dt.timezone(dt.timedelta(hours=9))
BP_DEVICE = ("OMRON", "HEM-7600T", "BENCH0001")


@dataclass(frozen=True, slots=True)
class Timing:
    """Wall-clock seconds of ``len(samples)`` runs."""

    samples: tuple[float, ...]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)


def time_runs(fn: Callable[[], object], repeat: int, *, warmup: int = 0) -> Timing:
    """Call ``fn`` ``warmup`` times untimed, then ``repeat`` times timed."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return Timing(tuple(samples))


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` then ``t[0]`` holds the elapsed seconds."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


def peak_rss_mib() -> float:
    """Peak resident set size of THIS PROCESS so far (high-water mark, process-wide)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _status_kib(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


def status_mib(field: str) -> float:
    """A ``/proc/self/status`` figure (``VmRSS``, ``VmHWM``) in MiB; 0.0 off Linux."""
    kib = _status_kib(field)
    return kib / 1024 if kib is not None else 0.0


def reset_peak() -> bool:
    """Reset this process's peak-RSS mark (VmHWM) on Linux >= 4.0; False elsewhere."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def own_peak_mib() -> float:
    """This process's peak RSS since the last :func:`reset_peak`.

    VmHWM is exactly the mark that ``clear_refs`` resets. ``getrusage`` ``ru_maxrss`` is
    the larger of it and ``signal->maxrss``, which the kernel updates when a thread of
    the process exits and which nothing resets: after a threaded Argon2 run it can keep
    reporting Argon2's peak (bench_apple_import saw that). On this VM's 6.18 kernel the
    two agreed after a reset, but the benches must not depend on it, so ru_maxrss is
    only the fallback off Linux, where it is the whole-life peak.
    """
    hwm = _status_kib("VmHWM")
    return hwm / 1024 if hwm is not None else peak_rss_mib()


@dataclass(slots=True)
class RssPhase:
    """RSS at the start of a phase and the peak during it, in MiB.

    ``per_phase`` is True when the kernel's peak mark was reset at the start (Linux), so
    ``peak`` is this phase's own peak; otherwise it is the process high-water mark.
    """

    start: float | None = None
    peak: float = 0.0
    per_phase: bool = False


@contextmanager
def rss_phase() -> Iterator[RssPhase]:
    """Peak RSS of one phase.

    On Linux >= 4.0, writing ``5`` to ``/proc/self/clear_refs`` resets this process's
    peak-RSS mark (VmHWM), so an earlier peak (e.g. Argon2's 200+ MiB while a vault is
    created) does not hide the phase's own. The peak is read from VmHWM, not from
    ``getrusage`` ``ru_maxrss``, which may keep an earlier peak (see :func:`own_peak_mib`;
    this helper used to read it). The figure is still the whole
    process: it includes whatever the caller holds in memory at the start.
    """
    phase = RssPhase()
    if reset_peak():
        phase.per_phase = True
        start = _status_kib("VmRSS")
        phase.start = start / 1024 if start is not None else None
    try:
        yield phase
    finally:
        phase.peak = own_peak_mib() if phase.per_phase else peak_rss_mib()


def rss_table(phases: dict[str, RssPhase]) -> None:
    per_phase = all(p.per_phase for p in phases.values())
    if per_phase:
        print("Peak RSS per phase (/proc VmHWM after a Linux reset at the phase start;\n"
              "process-wide: includes what the bench itself holds, see 'at start'):")
    else:
        print("Peak RSS (getrusage ru_maxrss: process-wide high-water mark since start, "
              "it never goes down):")
    table(["phase", "RSS at start MiB", "peak MiB", "growth MiB"],
          [[k, f"{p.start:.0f}" if p.start is not None else "n/a", f"{p.peak:.0f}",
            f"{max(0.0, p.peak - p.start):.0f}" if p.start is not None else "n/a"]
           for k, p in phases.items()])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "n/a"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain-text table (left-aligned first column, right-aligned others)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [row[0].ljust(widths[0])]
        parts += [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(parts)

    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))


def header(title: str) -> None:
    """The machine line every bench starts with."""
    print(f"== {title}")
    print(f"   python {platform.python_version()} on {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs, pid {os.getpid()}")


@dataclass(frozen=True, slots=True)
class Reading:
    """One synthetic home-BP reading (local time with +09:00, mmHg, /min)."""

    at: dt.datetime
    systolic: int
    diastolic: int
    pulse: int


def bp_readings(n: int, end: dt.datetime, *, seed: int = 20261123) -> list[Reading]:
    """``n`` readings at distinct minutes, evenly spread over the time before ``end``.

    Spacing is ``max(1, 10 years / n)`` minutes (100k readings = the DESIGN's 10-year
    load); values are plausible home readings (SBP ~ 128 ± 13, DBP ~ 0.62 SBP ± 6).
    """
    rng = random.Random(seed)
    span_min = 10 * 365 * 24 * 60
    step = max(1, span_min // max(n, 1))
    start = end.replace(second=0, microsecond=0) - dt.timedelta(minutes=step * n)
    out = []
    for i in range(n):
        at = start + dt.timedelta(minutes=i * step, seconds=rng.randrange(0, 60))
        sbp = min(195, max(92, round(rng.gauss(128, 13))))
        dbp = min(sbp - 20, max(50, round(sbp * 0.62 + rng.gauss(0, 6))))
        pulse = min(110, max(45, round(rng.gauss(70, 9))))
        out.append(Reading(at, sbp, dbp, pulse))
    return out
