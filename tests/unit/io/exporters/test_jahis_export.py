"""The JAHIS TC お薬手帳 exporter (specs/medication-jahis.md §8; issue 8 item 2).

Round trips use our importer; CONTRACT §5 "Identical records" is compared on the CONTRACT
JSON (plus the medication ``note``) without id, profile, provenance, source and times,
records in any order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Record,
    RecordKind,
    Sex,
)
from phrapp.domain.serialize import to_json
from phrapp.errors import PhrError
from phrapp.io.exporters.base import ExportData, ExportRequest, Sink
from phrapp.io.exporters.jahis_export import (
    JahisExporter,
    JahisStats,
    build_jahis,
    clean_text,
    file_name,
)
from phrapp.io.importers.base import ImportSource, ParseContext, ParsedRecord
from phrapp.io.importers.jahis_records import FIELDS
from phrapp.io.importers.jahis_tc import FORMS, JahisTcImporter, JoinedSource

JAHIS = Path(__file__).resolve().parents[3] / "fixtures" / "jahis"
FIXTURES = sorted(JAHIS.glob("*.txt")) + sorted((JAHIS / "samples").glob("*.txt"))
PROFILE = Profile(name="本人", sex=Sex.FEMALE, birth_date=dt.date(1970, 6, 15),
                  name_kana="ﾀｶﾊｼ ﾊﾅｺ")


class MemorySink(Sink):
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        buffer = io.BytesIO()
        yield buffer
        self.files[name] = buffer.getvalue()


@dataclasses.dataclass
class Parsed:
    records: list[Record]
    person: PersonInfo | None

    @property
    def medications(self) -> list[MedicationRecord]:
        return [r for r in self.records if isinstance(r, MedicationRecord)]

    @property
    def allergies(self) -> list[Allergy]:
        return [r for r in self.records if isinstance(r, Allergy)]


def parse_source(source: ImportSource) -> Parsed:
    records: list[Record] = []
    person = None
    for entry in JahisTcImporter().parse(source, ParseContext(home_zone="Asia/Tokyo")):
        if isinstance(entry, ParsedRecord):
            records.append(entry.record)
        elif isinstance(entry, PersonInfo):
            person = entry
    return Parsed(records, person)


def parse_bytes(data: bytes, tmp_path: Path, name: str = "in.txt") -> Parsed:
    path = tmp_path / name
    path.write_bytes(data)
    return parse_source(ImportSource.from_path(path))


def comparable(records: Sequence[Record]) -> list[str]:
    out = []
    for record in records:
        data = to_json(record, "p")
        for key in ("id", "profile", "provenance", "source", "created_at", "updated_at"):
            data.pop(key)
        if isinstance(record, MedicationRecord):
            data["note"] = record.note
        out.append(repr(sorted(data.items())))
    return sorted(out)


def profile_of(parsed: Parsed) -> Profile:
    person = parsed.person
    if person is None:
        return Profile(name="本人")
    return Profile(name="本人", sex=person.sex, birth_date=person.birth_date,
                   name_kana=person.name_kana)


def export(profile: Profile, medications: Sequence[MedicationRecord],
           allergies: Sequence[Allergy], progress: list[tuple[int, int]] | None = None
           ) -> tuple[dict[str, bytes], dict[str, int], JahisStats]:
    exporter = JahisExporter()
    sink = MemorySink()
    data = ExportData(profile=profile, records={RecordKind.MEDICATIONS: list(medications),
                                                RecordKind.ALLERGIES: list(allergies)})
    request = ExportRequest(profile=profile, out=Path("unused"), kinds=JahisExporter.kinds)
    counts = exporter.emit(request, data, sink,
                           (lambda d, t: progress.append((d, t))) if progress is not None
                           else None)
    return sink.files, counts, exporter.last_stats


def importable() -> list[Path]:
    out = []
    for path in FIXTURES:
        try:
            parse_source(ImportSource.from_path(path))
        except PhrError:
            continue
        out.append(path)
    return out


IMPORTABLE = importable()


def test_fixture_coverage() -> None:
    names = {p.name for p in IMPORTABLE}
    assert {"full_cp932_crlf.txt", "category2_cp932_crlf.txt", "full_utf8_lf.txt",
            "tc-output-category-2-full.txt", "tc-multi-dispensing.txt"} <= names
    assert len(IMPORTABLE) >= 9


# -- round trips of the fixtures --------------------------------------------------------------


def check_round_trip(parsed: Parsed, tmp_path: Path) -> bytes:
    profile = profile_of(parsed)
    files, counts, stats = export(profile, parsed.medications, parsed.allergies)
    [(name, content)] = files.items()
    assert name == file_name(profile)
    assert counts == {"medications": len(parsed.medications),
                      "allergies": len(parsed.allergies)}
    assert stats.replaced_total == 0
    back = parse_bytes(content, tmp_path, "back.txt")
    assert comparable(back.records) == comparable(parsed.records)
    if parsed.person is not None:
        assert back.person is not None
        assert (back.person.name, back.person.name_kana, back.person.sex,
                back.person.birth_date) == (parsed.person.name, parsed.person.name_kana,
                                            parsed.person.sex, parsed.person.birth_date)
    # Export -> import -> export is stable.
    again, _, _ = export(profile, back.medications, back.allergies)
    assert list(again.values()) == [content]
    return content


@pytest.mark.parametrize("path", IMPORTABLE, ids=lambda p: p.name)
def test_fixture_round_trip_identical(path: Path, tmp_path: Path) -> None:
    check_round_trip(parse_source(ImportSource.from_path(path)), tmp_path)


def test_split_parts_joined_round_trip(tmp_path: Path) -> None:
    parts = [ImportSource.from_path(JAHIS / f"split_{n}_of_3.txt") for n in (1, 2, 3)]
    parsed = parse_source(JoinedSource.of(parts))
    assert parsed.medications
    content = check_round_trip(parsed, tmp_path)
    assert b"\r\n911," not in content  # one file: no 分割制御


# -- the file format ------------------------------------------------------------------------


def full_export(tmp_path: Path) -> tuple[bytes, Parsed]:
    parsed = parse_source(ImportSource.from_path(JAHIS / "full_cp932_crlf.txt"))
    files, _, _ = export(profile_of(parsed), parsed.medications, parsed.allergies)
    return next(iter(files.values())), parsed


def test_file_rules(tmp_path: Path) -> None:
    content, _ = full_export(tmp_path)
    assert not content.startswith(b"\xef\xbb\xbf")
    text = content.decode("cp932")  # strict: raises on anything else
    assert text.startswith("JAHISTC08,2\r\n") and text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[1:-1]
    for line in lines:
        number, *fields = line.split(",")
        assert len(fields) == len(FIELDS[number]), line  # a fixed field count per record
    records = [line.split(",")[0] for line in lines]
    # §4 order: 1, 2, 3/31, 4, blocks, 701.
    assert records[0] == "1"
    assert records.index("2") < records.index("3") < records.index("31") < \
        records.index("4") < records.index("5")
    assert records[-1] == "701"
    dates = [line.split(",")[1] for line in lines if line.startswith("5,")]
    assert dates == sorted(dates, reverse=True)  # newest block first, 西暦
    assert all(len(d) == 8 and d.isdigit() for d in dates)
    patient = lines[0].split(",")
    assert patient[2:4] == ["2", "19700615"]
    # 201 before its 301, paired by RP; supplements after their parent.
    block = lines[records.index("5"):records.index("5", records.index("5") + 1)]
    numbers = [line.split(",")[0] for line in block]
    assert numbers.index("201") < numbers.index("281") < numbers.index("291") < \
        numbers.index("301") < numbers.index("311") < numbers.index("391")


def test_pharmacy_fields_and_authors_are_kept(tmp_path: Path) -> None:
    content, _ = full_export(tmp_path)
    text = content.decode("cp932")
    assert "11,架空調剤薬局 本町店,13,4,1234567,100-0002,東京都千代田区本町１－２," \
           "03-1111-2222,1\r\n" in text
    assert "201,1,アムロジピン錠５ｍｇ「架空」,1,錠,4,2171022F1999,1,【般】アムロジピン錠５ｍｇ,2," \
           "2171022F1ZZZ\r\n" in text
    assert "31,1,ロキソプロフェンナトリウム水和物,2,1149019,2\r\n" in text


# -- text rules -----------------------------------------------------------------------------


def test_clean_text_rule() -> None:
    stats = JahisStats()
    assert clean_text("A,B", stats) == "A，B"
    assert clean_text("朝\r\n夕\n寝る前", stats) == "朝　夕　寝る前"
    assert clean_text("〜", stats) == "～"  # JIS form folded to CP932, as the importer does
    assert stats.replaced_total == 0
    assert clean_text("𠮷野家", stats, "name") == "〓野家"  # not in CP932
    assert clean_text("ｶﾌｪ é ①", stats, "name") == "ｶﾌｪ 〓 ①"
    assert clean_text("\u2474", stats, "name") == "(1)"  # NFKC when that is encodable
    assert clean_text("\ue000", stats, "name") == "〓"  # 外字 is forbidden by JAHIS
    assert stats.replaced == {"name": 4}


def test_unencodable_characters_do_not_crash_and_are_counted(tmp_path: Path) -> None:
    record = MedicationRecord(
        profile_id=PROFILE.id, origin=MedicationOrigin.DISPENSING,
        dispensed_on=dt.date(2024, 5, 1), pharmacy="𠮷田薬局",
        drugs=(Drug(name="薬😀A,B", dose=1.0, unit="錠", usage="朝食後\n1回", quantity=7.0,
                    quantity_unit="日分", form="内服"),))
    allergy = Allergy(profile_id=PROFILE.id, kind=AllergyKind.ALLERGY, text="そば🌾")
    files, counts, stats = export(PROFILE, [record], [allergy])
    assert counts == {"medications": 1, "allergies": 1}
    assert stats.replaced == {"11.name": 1, "201.name": 1, "2.text": 1}
    back = parse_bytes(next(iter(files.values())), tmp_path)
    [medication] = back.medications
    assert medication.pharmacy == "〓田薬局"
    assert medication.drugs[0].name == "薬〓A，B"
    assert medication.drugs[0].usage == "朝食後　1回"
    assert back.allergies[0].text == "そば〓"


# -- records typed in phrapp ----------------------------------------------------------------


def test_manual_medicine_is_a_patient_block(tmp_path: Path) -> None:
    manual = MedicationRecord(
        profile_id=PROFILE.id, origin=MedicationOrigin.MANUAL,
        dispensed_on=dt.date(2024, 6, 1), doctor="山田",
        drugs=(Drug(name="アムロジピン錠5mg", code="2171022F1999",
                    code_system=DrugCodeSystem.YJ, dose=1.0, unit="錠", usage="朝食後",
                    quantity=30.0, quantity_unit="日分", form="内服",
                    start=dt.date(2024, 6, 1)),),
        note="自分で記録\n2行目")
    files, _, _ = export(PROFILE, [manual], [])
    text = next(iter(files.values())).decode("cp932")
    assert "5,20240601,2\r\n" in text
    assert "55,山田,,2\r\n" in text
    assert "201,1,アムロジピン錠5mg,1,錠,4,2171022F1999,2,,,\r\n" in text
    assert "301,1,朝食後,30,日分,1,1,,2\r\n" in text
    assert "601,自分で記録,\r\n601,2行目,\r\n" in text
    [back] = parse_bytes(text.encode("cp932"), tmp_path).medications
    assert back.origin is MedicationOrigin.MANUAL  # a patient-written block without pharmacy
    assert comparable([back]) == \
        comparable([dataclasses.replace(manual, drugs=(dataclasses.replace(
            manual.drugs[0], end=dt.date(2024, 6, 30)),))])


def test_progress_and_empty_export(tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    parsed = parse_source(ImportSource.from_path(JAHIS / "full_cp932_crlf.txt"))
    export(profile_of(parsed), parsed.medications, parsed.allergies, progress)
    total = len(parsed.records)
    assert progress == [(n, total) for n in range(1, total + 1)]
    files, counts, _ = export(PROFILE, [], [])
    assert counts == {"medications": 0, "allergies": 0}
    assert next(iter(files.values())) == \
        "JAHISTC08,2\r\n1,本人,2,19700615,,,,,,,ﾀｶﾊｼ ﾊﾅｺ\r\n".encode("cp932")


def test_file_name() -> None:
    assert file_name(Profile(name="Taro Yamada")) == "okusuri_Taro_Yamada.txt"
    japanese = Profile(name="本人")
    assert file_name(japanese) == f"okusuri_{japanese.id.replace('-', '')[:8]}.txt"


# -- property: generated records ------------------------------------------------------------

SAFE = "あいうえおかきくけこアイウエオカキクケコ薬錠散液朝昼夕食後前ｱｲｳｴｵABCxyz0123456789（）【】・ー％"
texts = st.text(alphabet=st.sampled_from(SAFE + " "), min_size=1, max_size=20).map(
    str.strip).filter(bool)
numbers = st.one_of(st.integers(min_value=0, max_value=99999).map(float),
                    st.decimals(min_value=0, max_value=9999, places=3,
                                allow_nan=False, allow_infinity=False).map(float))
FORM_NAMES = [FORMS[c] for c in ("1", "3", "5", "10")]


@st.composite
def drugs(draw: st.DrawFn, day: dt.date) -> Drug:
    system = draw(st.one_of(st.none(), st.sampled_from(list(DrugCodeSystem))))
    code = draw(st.text(alphabet="0123456789ABCF", min_size=9, max_size=12)) \
        if system is not None else None
    form = draw(st.one_of(st.none(), st.sampled_from(FORM_NAMES)))
    unit: str | None = {"内服": "日分", "頓服": "回分"}.get(form or "", "調剤")
    quantity = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=90).map(float)))
    if quantity is None:
        unit = None
    end = None
    if quantity is not None and unit == "日分":
        end = day + dt.timedelta(days=int(quantity) - 1)
    return Drug(name=draw(texts), code=code, code_system=system,
                dose=draw(st.one_of(st.none(), numbers)), unit=draw(st.one_of(st.none(), texts)),
                usage=draw(st.one_of(st.none(), texts)), quantity=quantity, quantity_unit=unit,
                form=form, start=day, end=end)


@st.composite
def medication_records(draw: st.DrawFn) -> MedicationRecord:
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
    if draw(st.booleans()):
        start = draw(st.one_of(st.none(), st.just(day)))
        end = draw(st.one_of(st.none(), st.dates(min_value=day,
                                                 max_value=day + dt.timedelta(days=60))))
        if start is None and end is None:
            start = day
        return MedicationRecord(profile_id=PROFILE.id, origin=MedicationOrigin.OTC,
                                dispensed_on=start or end or day,
                                drugs=(Drug(name=draw(texts), start=start, end=end),))
    lines = draw(st.lists(texts, max_size=3))
    # A dispensing names its pharmacy; a block without one that the patient wrote is a
    # medicine typed in by hand (origin manual), as an お薬手帳 app's manual entry is.
    pharmacy = draw(st.one_of(st.none(), texts))
    return MedicationRecord(
        profile_id=PROFILE.id,
        origin=MedicationOrigin.DISPENSING if pharmacy else MedicationOrigin.MANUAL,
        dispensed_on=day, pharmacy=pharmacy,
        prescriber_institution=draw(st.one_of(st.none(), texts)),
        doctor=draw(st.one_of(st.none(), texts)),
        drugs=tuple(draw(st.lists(drugs(day), min_size=1, max_size=4))),
        note="\n".join(lines) or None)


allergies = st.builds(Allergy, profile_id=st.just(PROFILE.id),
                      kind=st.sampled_from(list(AllergyKind)), text=texts)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(medications=st.lists(medication_records(), max_size=5),
       allergy_list=st.lists(allergies, max_size=3))
def test_property_generated_records_round_trip(
        medications: list[MedicationRecord], allergy_list: list[Allergy],
        tmp_path: Path) -> None:
    stats = JahisStats()
    content = build_jahis(PROFILE, medications, allergy_list, stats=stats)
    assert stats.replaced_total == 0
    content.decode("cp932")
    back = parse_bytes(content, tmp_path)
    assert comparable(back.records) == comparable([*medications, *allergy_list])
    assert back.person is not None and (back.person.sex, back.person.birth_date) == \
        (PROFILE.sex, PROFILE.birth_date)


def test_a_line_per_record_count(tmp_path: Path) -> None:
    record = MedicationRecord(profile_id=PROFILE.id, origin=MedicationOrigin.DISPENSING,
                              dispensed_on=dt.date(2024, 1, 2),
                              drugs=(Drug(name="A", start=dt.date(2024, 1, 2)),
                                     Drug(name="B", start=dt.date(2024, 1, 2))))
    text = build_jahis(PROFILE, [record], []).decode("cp932")
    body: list[Any] = text.split("\r\n")[2:-1]
    assert [line.split(",")[:2] for line in body] == [
        ["5", "20240102"], ["201", "1"], ["201", "2"], ["301", "1"], ["301", "2"]]
