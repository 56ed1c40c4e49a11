"""Profiles: add, list, choose the active one, set identity and home zone."""

from __future__ import annotations

import dataclasses
import datetime as dt

from phrapp.domain.records import Profile, Sex
from phrapp.domain.time import DEFAULT_ZONE, utc_now, zone
from phrapp.errors import InvalidValue, NotFound, Refused
from phrapp.services.session import Session
from phrapp.storage import audit

ACTIVE_KEY = "active_profile"


class ProfileService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repos = session.repos

    def add(self, name: str, *, sex: Sex | None = None, birth_date: dt.date | None = None,
            home_zone: str = DEFAULT_ZONE, name_kana: str | None = None) -> Profile:
        """Create a profile; the first profile in a vault becomes the active one."""
        name = name.strip()
        if not name:
            raise InvalidValue("a profile needs a name")
        _check_zone(home_zone)
        _check_birth(birth_date)
        with self.session.db.transaction():
            if self.repos.profiles.by_name(name) is not None:
                raise Refused(f"a profile named {name!r} already exists", code="profile-exists")
            profile = Profile(name=name, sex=sex, birth_date=birth_date, home_zone=home_zone,
                              name_kana=name_kana)
            self.repos.profiles.add(profile)
            if self.repos.meta.get(ACTIVE_KEY) is None:
                self.repos.meta.set(ACTIVE_KEY, profile.id)
            audit.record(self.session.db, "profile-added", profile_id=profile.id)
        return profile

    def list(self) -> list[Profile]:
        return self.repos.profiles.all()

    def get(self, name: str) -> Profile:
        profile = self.repos.profiles.by_name(name)
        if profile is None:
            raise NotFound(f"no profile named {name!r}")
        return profile

    def active(self) -> Profile:
        """The active profile (NotFound when the vault has none)."""
        active_id = self.repos.meta.get(ACTIVE_KEY)
        if active_id:
            profile = self.repos.profiles.by_id(active_id)
            if profile is not None:
                return profile
        profiles = self.repos.profiles.all()
        if not profiles:
            raise NotFound("this vault has no profile yet (run `phrapp profile add NAME`)")
        return profiles[0]

    def active_or_none(self) -> Profile | None:
        try:
            return self.active()
        except NotFound:
            return None

    def resolve(self, name: str | None) -> Profile:
        """The named profile, or the active one when ``name`` is None."""
        return self.get(name) if name else self.active()

    def use(self, name: str) -> Profile:
        profile = self.get(name)
        with self.session.db.transaction():
            self.repos.meta.set(ACTIVE_KEY, profile.id)
        return profile

    def update(self, profile: Profile, **changes: object) -> Profile:
        """Change fields (``sex``, ``birth_date``, ``home_zone``, ``name_kana``, ``name``)."""
        updated = dataclasses.replace(profile, **changes)  # type: ignore[arg-type]
        _check_zone(updated.home_zone)
        _check_birth(updated.birth_date)
        with self.session.db.transaction():
            other = self.repos.profiles.by_name(updated.name)
            if other is not None and other.id != profile.id:
                raise Refused(f"a profile named {updated.name!r} already exists",
                              code="profile-exists")
            self.repos.profiles.update(updated)
            audit.record(self.session.db, "profile-updated", profile_id=profile.id)
        return updated


def _check_zone(name: str) -> None:
    try:
        zone(name)
    except ValueError as exc:
        raise InvalidValue(str(exc)) from None


def _check_birth(value: dt.date | None) -> None:
    latest = utc_now().date() + dt.timedelta(days=1)  # today in any zone
    if value is not None and not dt.date(1900, 1, 1) <= value <= latest:
        raise InvalidValue("the birth date must be between 1900 and today")
