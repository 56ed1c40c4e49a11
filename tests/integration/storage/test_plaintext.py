"""T1: the database, WAL and SHM never hold plaintext health data; a plain control does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlcipher3

from phrapp.domain.records import BloodPressure, Sex
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

PASS = "correct horse battery staple 7"
MARKER = "MARKER-ZQX-しるし-血圧メモ"
NAME = "検証用 太郎 PROFILE-ZQX"
JST = dt.timezone(dt.timedelta(hours=9))


def needles() -> list[bytes]:
    out = []
    for text in (MARKER, NAME, "MARKER-ZQX", "PROFILE-ZQX"):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return out


def raw_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.is_file() and p.name.startswith("phrapp.db")}


def _fill(session: Session) -> None:
    profile = ProfileService(session).add(NAME, sex=Sex.FEMALE, birth_date=dt.date(1980, 5, 5))
    records = RecordService(session)
    for i in range(300):
        records.add(BloodPressure(
            profile_id=profile.id, systolic=120 + i % 10, diastolic=80, note=f"{MARKER} {i}",
            measured_at=dt.datetime(2025, 1, 1, 7, 0, tzinfo=JST) + dt.timedelta(hours=i)))


def test_vault_files_hold_no_plaintext(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    session, _ = Session.create(folder, PASS)
    _fill(session)
    # While open: the WAL holds the latest pages.
    files_open = raw_bytes(folder)
    assert "phrapp.db" in files_open
    session.close()
    files_closed = raw_bytes(folder)
    for files in (files_open, files_closed):
        for name, data in files.items():
            for needle in needles():
                assert needle not in data, f"plaintext {needle!r} in {name}"
    # The data is really there (the test would be vacuous otherwise).
    with Session.open(folder, passphrase=PASS) as again:
        assert again.db.scalar("SELECT count(*) FROM bp WHERE note LIKE 'MARKER-ZQX%'") == 300


def test_control_without_encryption_shows_the_marker(tmp_path: Path) -> None:
    path = tmp_path / "control.db"
    conn = sqlcipher3.connect(str(path))  # no PRAGMA key: plaintext SQLite
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (note TEXT, name TEXT)")
    conn.execute("INSERT INTO t VALUES (?, ?)", (MARKER, NAME))
    conn.commit()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    conn.close()
    assert MARKER.encode("utf-8") in data
    assert NAME.encode("utf-8") in data


def test_no_values_in_the_audit_log(tmp_path: Path) -> None:
    session, _ = Session.create(tmp_path / "v", PASS)
    _fill(session)
    details = session.db.query("SELECT event, detail FROM audit_log")
    session.close()
    text = repr(details)
    assert "MARKER" not in text and "PROFILE-ZQX" not in text and "120" not in text
