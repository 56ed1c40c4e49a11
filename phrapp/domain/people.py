"""The people rule (CONTRACT §5 "People"): which profile an identity-bearing input goes to.

Pure: the import service feeds it the persons found in the files and the profiles in
the vault, and carries out the decision. Two people are never merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from phrapp.domain.records import Profile, Sex
from phrapp.domain.records.profile import normalise_kana
from phrapp.errors import AmbiguousPerson, UnknownPerson


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """A person as a file names them (CDA examinee, JAHIS patient, FHIR Patient)."""

    ref: str
    name: str | None = None
    name_kana: str | None = None
    sex: Sex | None = None
    birth_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where a person's records go: an existing profile, the adopting active profile,
    or a profile to create (``create_name``)."""

    ref: str
    profile_id: str | None
    adopt: bool = False
    create_name: str | None = None


@dataclass(slots=True)
class Resolution:
    assignments: dict[str, Assignment] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def matches(person: PersonInfo, profile: Profile) -> bool:
    """Birth date + sex equal, and kana equal when both have one."""
    if person.birth_date is None or person.sex is None or not profile.has_identity():
        return False
    if person.birth_date != profile.birth_date or person.sex != profile.sex:
        return False
    if person.name_kana and profile.name_kana:
        return normalise_kana(person.name_kana) == normalise_kana(profile.name_kana)
    return True


def resolve(persons: list[PersonInfo], profiles: list[Profile], active: Profile | None, *,
            requested: Profile | None = None, create_profiles: bool = False) -> Resolution:
    """Decide a profile for every person, or raise UnknownPerson / AmbiguousPerson."""
    result = Resolution()
    if not persons:
        return result
    # 1. An active profile without an identity adopts the only person of the input.
    if (len(persons) == 1 and active is not None and not active.has_identity()
            and (requested is None or requested.id == active.id)
            and not any(matches(persons[0], p) for p in profiles)):
        person = persons[0]
        result.assignments[person.ref] = Assignment(person.ref, active.id, adopt=True)
        result.warnings.append(
            f"profile {active.name!r} took the birth date and sex from the file")
        return result
    taken_names = {p.name for p in profiles}
    for index, person in enumerate(persons, start=1):
        candidates = [p for p in profiles if matches(person, p)]
        if len(candidates) == 1:
            if requested is not None and requested.id != candidates[0].id:
                result.warnings.append(
                    f"the person in the file matches profile {candidates[0].name!r}; "
                    f"--profile {requested.name!r} was not used")
            result.assignments[person.ref] = Assignment(person.ref, candidates[0].id)
            continue
        if len(candidates) > 1:
            chosen = next((c for c in candidates if requested and c.id == requested.id), None)
            if chosen is None:
                raise AmbiguousPerson(
                    "the person in the file matches several profiles: "
                    + ", ".join(repr(c.name) for c in candidates) + " (use --profile)")
            result.assignments[person.ref] = Assignment(person.ref, chosen.id)
            continue
        if create_profiles:
            name = _unique_name(person, index, taken_names)
            taken_names.add(name)
            result.assignments[person.ref] = Assignment(person.ref, None, create_name=name)
        elif requested is not None and len(persons) == 1:
            adopt = not requested.has_identity()
            result.assignments[person.ref] = Assignment(person.ref, requested.id, adopt=adopt)
            if adopt:
                result.warnings.append(
                    f"profile {requested.name!r} took the birth date and sex from the file")
        else:
            raise UnknownPerson(
                "the file belongs to a person who has no profile yet: use --create-profiles "
                "or --profile NAME")
    return result


def _unique_name(person: PersonInfo, index: int, taken: set[str]) -> str:
    base = (person.name or person.name_kana or "").strip() or f"person {index}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name
