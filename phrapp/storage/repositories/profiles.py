"""Profiles (the people in a vault)."""

from __future__ import annotations

from typing import Any

from phrapp.domain.records import Profile, Sex
from phrapp.domain.time import to_utc_text, utc_now
from phrapp.storage.database import Database
from phrapp.storage.repositories.rows import day, to_day

_COLUMNS = ("id", "name", "sex", "birth_date", "home_zone", "name_kana")


class ProfileRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, profile: Profile) -> None:
        now = to_utc_text(utc_now())
        self.db.execute(
            "INSERT INTO profiles (id, name, sex, birth_date, home_zone, name_kana, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (profile.id, profile.name, profile.sex.value if profile.sex else None,
             day(profile.birth_date), profile.home_zone, profile.name_kana, now, now))

    def update(self, profile: Profile) -> None:
        self.db.execute(
            "UPDATE profiles SET name = ?, sex = ?, birth_date = ?, home_zone = ?, "
            "name_kana = ?, updated_at = ? WHERE id = ?",
            (profile.name, profile.sex.value if profile.sex else None, day(profile.birth_date),
             profile.home_zone, profile.name_kana, to_utc_text(utc_now()), profile.id))

    def delete(self, profile_id: str) -> None:
        self.db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))

    def all(self) -> list[Profile]:
        rows = self.db.query(f"SELECT {', '.join(_COLUMNS)} FROM profiles ORDER BY created_at, name")
        return [_profile(r) for r in rows]

    def by_name(self, name: str) -> Profile | None:
        row = self.db.query_one(f"SELECT {', '.join(_COLUMNS)} FROM profiles WHERE name = ?",
                                (name,))
        return _profile(row) if row else None

    def by_id(self, profile_id: str) -> Profile | None:
        row = self.db.query_one(f"SELECT {', '.join(_COLUMNS)} FROM profiles WHERE id = ?",
                                (profile_id,))
        return _profile(row) if row else None


def _profile(row: tuple[Any, ...]) -> Profile:
    values = dict(zip(_COLUMNS, row, strict=True))
    return Profile(id=values["id"], name=values["name"],
                   sex=Sex(values["sex"]) if values["sex"] else None,
                   birth_date=to_day(values["birth_date"]), home_zone=values["home_zone"],
                   name_kana=values["name_kana"])
