"""A fake importer that proves the importer protocol (real formats come with their issues).

Format "fake-csv": a text file whose first line is ``#phrapp-fake v1``, then lines
``kind,person,when,values…,source[,version]``; ``person`` lines declare people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import BloodPressure, Provenance, RecordKind, Sex, Source, Steps, Weight
from phrapp.domain.time import parse_instant
from phrapp.errors import MalformedInput
from phrapp.io.importers.base import (
    Importer,
    ImporterRegistry,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
)

MAGIC = b"#phrapp-fake v1"


class FakeImporter(Importer):
    slug = "fake-csv"
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS)

    def sniff(self, source: ImportSource) -> float:
        return 0.9 if source.head.startswith(MAGIC) else 0.0

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        with source.open() as handle:
            text = handle.read().decode("utf-8")
        for number, line in enumerate(text.splitlines()[1:], start=2):
            if not line.strip():
                continue
            parts = line.strip().split(",")
            kind = parts[0]
            if kind == "person":
                _, ref, sex, birth, kana = (parts + [""])[:5]
                yield PersonInfo(ref=ref, name=f"person {ref}", name_kana=kana or None,
                                 sex=Sex(sex), birth_date=dt.date.fromisoformat(birth))
            elif kind == "warn":
                yield ParseWarning(parts[1])
            elif kind == "skip":
                yield ParseSkip(parts[1])
            elif kind == "boom":
                raise MalformedInput(f"line {number}: boom")
            elif kind == "crash":
                raise KeyError("importer bug")
            elif kind in ("bp", "weight", "steps"):
                person = parts[1] or None
                source_app = parts[-2] if len(parts) > 4 else ""
                version = parts[-1] or None
                src = Source(app=source_app or None)
                prov = Provenance.DEVICE if source_app else Provenance.MANUAL
                if kind == "bp":
                    rec = BloodPressure(profile_id="", provenance=prov, source=src,
                                        measured_at=parse_instant(parts[2], ctx.home_zone),
                                        systolic=int(parts[3]), diastolic=int(parts[4]),
                                        pulse=int(parts[5]) if parts[5] else None)
                elif kind == "weight":
                    rec = Weight(profile_id="", provenance=prov, source=src,
                                 measured_at=parse_instant(parts[2], ctx.home_zone),
                                 kg=float(parts[3]))
                else:
                    rec = Steps(profile_id="", provenance=prov, source=src,
                                date=dt.date.fromisoformat(parts[2]), steps=int(parts[3]))
                yield ParsedRecord(rec, person=person, version=version)
            else:
                raise MalformedInput(f"line {number}: unknown record {kind!r}")


def fake_registry() -> ImporterRegistry:
    registry = ImporterRegistry()
    registry.register(FakeImporter())
    return registry
