"""Write a small fixture vault at the current schema into tests/fixtures/vaults/vNNNN/.

Run once per released schema version and commit the folder, so tests keep opening
(and migrating) vaults written by every released phrapp (Electrum's upgrade tests).
The vault uses the test KDF parameters (only accepted with the test hook on) and the
test passphrase of CONTRACT §6. Usage: python tools/make_fixture_vault.py
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from phrapp.domain.records import BloodPressure, Sex
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage import kdf, migrate

PASS = "correct horse battery staple 7"
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    kdf.use_fast_kdf_for_tests()
    target = ROOT / "tests" / "fixtures" / "vaults" / f"v{migrate.latest_version():04d}"
    shutil.rmtree(target, ignore_errors=True)
    session, _ = Session.create(target, PASS)
    profile = ProfileService(session).add("fixture", sex=Sex.MALE,
                                          birth_date=dt.date(1960, 1, 1))
    jst = dt.timezone(dt.timedelta(hours=9))
    RecordService(session).add_many([
        BloodPressure(profile_id=profile.id, systolic=120 + i, diastolic=80, note="fixture",
                      measured_at=dt.datetime(2024, 1, 1 + i, 7, 0, tzinfo=jst))
        for i in range(3)])
    session.close()
    (target / "phrapp.lock").unlink(missing_ok=True)
    print(f"wrote {target}")  # noqa: T201


if __name__ == "__main__":
    main()
