"""Apple Health step samples → one daily total per local day (CONTRACT §5 "Steps").

An export holds ``HKQuantityTypeIdentifierStepCount`` *interval* samples from every
device that counts steps: when an iPhone and an Apple Watch are both carried, the same
walk is counted by both, and adding the samples up double-counts it. The whole export is
one phrapp source (``apple-health``), so the overlap is resolved here, inside the import.

Algorithm (per local day; ``specs/devices.md`` §5 rule 4):

1. **Day.** A sample belongs to the local date of its ``startDate`` in the sample's own
   offset (``2024-12-01 23:50:00 +0900`` → 2024-12-01). A sample that spans midnight goes
   wholly to its start date; it is not split.
2. **Rank.** Each sample gets a priority rank: ``0`` Apple Watch (the ``device`` attribute
   says ``model:Watch`` or the ``sourceName`` contains "Watch"), ``1`` iPhone (``model:
   iPhone`` or "iPhone" in the name), ``2`` anything else (third-party apps, hand entry).
3. **Interval subtraction.** Ranks are taken best first. A sample's steps count in
   proportion to the part of its ``[start, end]`` interval that **no better-ranked sample
   of the same day** covers (absolute time, so mixed offsets compare correctly); an
   instantaneous sample (start = end) counts fully unless a better-ranked interval
   contains that instant. After a rank is done its intervals join the covered set.
   So where the Watch and the iPhone overlap the Watch wins, and the iPhone still fills
   the periods the Watch did not record (e.g. the Watch was charging).
4. Samples of the **same rank** are added up (two Watches worn at once would
   double-count; Health's own source priority is not in the export).
5. The day's total is rounded to an integer once, at the end.

Memory: 12 bytes per step sample (three ``int32`` in an :class:`array.array` per day),
not Python objects, so a multi-GB export with millions of samples stays small.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

WATCH, PHONE, OTHER = 0, 1, 2
RANK_NAMES = {WATCH: "watch", PHONE: "iphone", OTHER: "other"}
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_INT32 = 2**31 - 1


def rank_of(source_name: str, device: str) -> int:
    """The priority rank of a sample from its ``sourceName`` and ``device`` attribute."""
    if "model:Watch" in device or "Watch" in source_name:
        return WATCH
    if "model:iPhone" in device or "iPhone" in source_name:
        return PHONE
    return OTHER


@dataclass(slots=True)
class _Day:
    # Flat triples (start - base, end - base, steps * 4 + rank), base = the day's
    # midnight in UTC seconds: int32 holds ±68 years around it.
    samples: array[int] = field(default_factory=lambda: array("i"))
    by_source: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class DailySteps:
    """One resolved day: the total and, for display, each source's raw sum."""

    date: dt.date
    steps: int
    by_source: dict[str, int]
    by_rank: dict[str, int]


class StepResolver:
    """Collects step samples as they stream by; :meth:`days` resolves them."""

    def __init__(self) -> None:
        self._days: dict[dt.date, _Day] = {}

    def __len__(self) -> int:
        return sum(len(d.samples) // 3 for d in self._days.values())

    def add(self, day: dt.date, start: int, end: int, steps: int, rank: int,
            source_name: str) -> None:
        """One sample: ``start``/``end`` in UTC epoch seconds, ``day`` its local date."""
        if end < start:
            start, end = end, start
        base = (day.toordinal() - _EPOCH_ORDINAL) * 86400
        rel_start, rel_end = start - base, end - base
        packed = steps * 4 + rank
        if not (-_INT32 <= rel_start <= _INT32 and -_INT32 <= rel_end <= _INT32
                and 0 <= packed <= _INT32):
            raise ValueError("step sample out of range")
        slot = self._days.get(day)
        if slot is None:
            slot = self._days[day] = _Day()
        slot.samples.extend((rel_start, rel_end, packed))
        slot.by_source[source_name] += steps

    def days(self) -> list[DailySteps]:
        """Every day with samples, oldest first, resolved as the module doc describes."""
        return [self._resolve(day, self._days[day]) for day in sorted(self._days)]

    @staticmethod
    def _resolve(day: dt.date, slot: _Day) -> DailySteps:
        data = slot.samples
        by_rank: list[list[tuple[int, int, int]]] = [[], [], []]
        for i in range(0, len(data), 3):
            packed = data[i + 2]
            by_rank[packed & 3].append((data[i], data[i + 1], packed >> 2))
        covered: list[tuple[int, int]] = []  # disjoint, sorted intervals of better ranks
        total = 0.0
        raw_by_rank: dict[str, int] = {}
        for rank, samples in enumerate(by_rank):
            if not samples:
                continue
            raw_by_rank[RANK_NAMES[rank]] = sum(s for _, _, s in samples)
            ends = [e for _, e in covered]
            for start, end, steps in samples:
                total += steps * _uncovered_fraction(start, end, covered, ends)
            covered = _union(covered, [(s, e) for s, e, _ in samples])
        return DailySteps(day, int(total + 0.5), dict(slot.by_source), raw_by_rank)


def _union(covered: list[tuple[int, int]],
           more: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(covered + more):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _uncovered_fraction(start: int, end: int, covered: list[tuple[int, int]],
                        ends: list[int]) -> float:
    """The share of ``[start, end]`` outside ``covered`` (sorted, disjoint intervals;
    ``ends`` their end points, for the binary search)."""
    if not covered:
        return 1.0
    first = bisect_left(ends, start)  # the first interval that ends at or after start
    if end == start:
        return 0.0 if first < len(covered) and covered[first][0] <= start else 1.0
    overlap = 0
    for i in range(first, len(covered)):
        s, e = covered[i]
        if s >= end:
            break
        overlap += max(0, min(e, end) - max(s, start))
    return max(0.0, 1.0 - overlap / (end - start))


__all__ = ["OTHER", "PHONE", "WATCH", "DailySteps", "StepResolver", "rank_of"]
