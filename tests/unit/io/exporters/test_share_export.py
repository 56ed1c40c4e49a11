"""The share exporter: inner exports sealed in memory, one file, the passphrase returned."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, ClassVar

import pytest

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    Profile,
    Record,
    RecordKind,
    Sex,
)
from phrapp.io.exporters.base import (
    ExportData,
    Exporter,
    ExportRequest,
    FolderSink,
    Progress,
    Sink,
)
from phrapp.io.exporters.csv_export import CsvExporter
from phrapp.io.exporters.share_export import MemorySink, ShareExporter
from phrapp.io.share_package import ShareError, open_package, open_package_file

PASS = "correct horse battery staple 7"
JST = dt.timezone(dt.timedelta(hours=9))
PROFILE = Profile(name="taro", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
MARKER = "MARKER-7f3a"  # must never appear in plaintext on disk


class FakeFhir(Exporter):
    """Writes one JSON file naming the records it got; remembers the kinds it was asked."""

    slug: ClassVar[str] = "fhir"
    kinds: ClassVar[tuple[RecordKind, ...]] = (RecordKind.BP,)
    single_file: ClassVar[bool] = True

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.asked: tuple[RecordKind, ...] = ()
        self.sinks: list[Sink] = []

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        self.asked = request.kinds
        self.sinks.append(sink)
        with sink.open("bundle.json") as handle:
            handle.write(json.dumps({"ids": [r.id for r in data.of(RecordKind.BP)],
                                     "marker": MARKER}).encode())
            if self.fail:
                raise RuntimeError("inner exporter failed")
        return {"bp": len(data.of(RecordKind.BP))}


def data() -> ExportData:
    records: dict[RecordKind, list[Record]] = {
        RecordKind.BP: [BloodPressure(profile_id=PROFILE.id,
                                      measured_at=dt.datetime(2024, 12, 1, 6, 42, tzinfo=JST),
                                      systolic=128, diastolic=82, note=MARKER)],
        RecordKind.ALLERGIES: [Allergy(profile_id=PROFILE.id, kind=AllergyKind.ALLERGY,
                                       text=f"=penicillin {MARKER}")],
    }
    return ExportData(profile=PROFILE, records=records)


def request(out: Path, kinds: tuple[RecordKind, ...] = (RecordKind.BP, RecordKind.ALLERGIES),
            ) -> ExportRequest:
    return ExportRequest(profile=PROFILE, out=out, kinds=kinds, note="Dr. Sato")


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_export_seals_the_inner_formats_and_returns_the_passphrase(tmp_path: Path) -> None:
    fhir = FakeFhir()
    exporter = ShareExporter([fhir, CsvExporter()])
    out = tmp_path / "pkg.phrapp"
    records = data()
    result = exporter.export(request(out), records)

    assert result.files == [out]
    assert list(tmp_path.iterdir()) == [out]  # no staging folder or temp file left
    passphrase = result.extra["passphrase"]
    assert len(passphrase.replace("-", "")) == 24
    assert exporter.last_passphrase is None  # handed out once, not kept
    assert result.counts == {"bp": 1, "allergies": 1}

    opened = open_package_file(out, passphrase)
    assert set(opened.members) == {"fhir/bundle.json", "csv/bp.csv", "csv/allergies.csv"}
    assert opened.manifest.note == "Dr. Sato"
    assert fhir.asked == (RecordKind.BP,)  # each inner exporter gets only its kinds
    assert all(isinstance(sink, MemorySink) for sink in fhir.sinks)

    # The CSV inside is byte-identical to a plain CSV export of the same data.
    plain = tmp_path / "plain"
    plain.mkdir()
    CsvExporter().export(request(plain), records)
    assert opened.members["csv/bp.csv"] == (plain / "bp.csv").read_bytes()
    assert opened.members["csv/allergies.csv"] == (plain / "allergies.csv").read_bytes()


def test_no_plaintext_touches_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened_names: list[str] = []
    real_open = FolderSink.open

    @contextlib.contextmanager
    def spy(self: FolderSink, name: str) -> Iterator[BinaryIO]:
        opened_names.append(name)
        with real_open(self, name) as handle:
            yield handle

    monkeypatch.setattr(FolderSink, "open", spy)
    out = tmp_path / "pkg.phrapp"
    ShareExporter([FakeFhir(), CsvExporter()], passphrase=PASS).export(request(out), data())
    assert opened_names == ["taro_share.phrapp"]
    assert MARKER.encode() not in all_bytes(tmp_path)
    assert b"penicillin" not in all_bytes(tmp_path)


def test_into_a_folder_the_file_is_named_after_the_profile(tmp_path: Path) -> None:
    result = ShareExporter([CsvExporter()], passphrase=PASS).export(request(tmp_path), data())
    assert result.files == [tmp_path / "taro_share.phrapp"]
    assert result.extra["passphrase"] == PASS
    assert open_package_file(result.files[0], PASS).members.keys() == {
        "csv/bp.csv", "csv/allergies.csv"}


def test_each_export_gets_a_fresh_passphrase(tmp_path: Path) -> None:
    exporter = ShareExporter([CsvExporter()])
    first = exporter.export(request(tmp_path / "a.phrapp"), data()).extra["passphrase"]
    second = exporter.export(request(tmp_path / "b.phrapp"), data()).extra["passphrase"]
    assert first != second
    with pytest.raises(ShareError):
        open_package_file(tmp_path / "b.phrapp", first)


def test_a_failing_inner_exporter_writes_nothing(tmp_path: Path) -> None:
    exporter = ShareExporter([CsvExporter(), FakeFhir(fail=True)], passphrase=PASS)
    out = tmp_path / "pkg.phrapp"
    with pytest.raises(RuntimeError):
        exporter.export(request(out), data())
    assert list(tmp_path.iterdir()) == []
    assert exporter.last_passphrase is None


@pytest.mark.parametrize("where", ["ct", "nonce", "salt"])
def test_a_flipped_byte_in_the_written_file_opens_nothing(tmp_path: Path, where: str) -> None:
    out = tmp_path / "pkg.phrapp"
    ShareExporter([CsvExporter()], passphrase=PASS).export(request(out), data())
    doc = json.loads(out.read_bytes())
    field = doc["kdf"] if where == "salt" else doc
    key = "salt" if where == "salt" else where
    text = field[key]
    # Change one base64 character to another valid one: one flipped bit in the bytes.
    field[key] = text[:4] + ("A" if text[4] != "A" else "B") + text[5:]
    damaged = json.dumps(doc).encode()
    result: object = None
    with pytest.raises(ShareError) as info:
        result = open_package(damaged, PASS)
    assert info.value.code == "integrity"
    assert result is None
    with pytest.raises(ShareError) as info:
        open_package(out.read_bytes(), "a wrong passphrase 1")
    assert info.value.code == "integrity"


def test_memory_sink_keeps_only_cleanly_closed_files() -> None:
    sink = MemorySink()
    with sink.with_prefix("csv").open("a.csv") as handle:
        handle.write(b"1")
    with pytest.raises(RuntimeError), sink.open("b.csv") as handle:
        handle.write(b"2")
        raise RuntimeError
    assert sink.files == {"csv/a.csv": b"1"}
    with pytest.raises(ValueError), sink.with_prefix("csv").open("a.csv"):
        pass


def test_inner_exporters_must_be_distinct() -> None:
    with pytest.raises(ValueError):
        ShareExporter([])
    with pytest.raises(ValueError):
        ShareExporter([CsvExporter(), CsvExporter()])
