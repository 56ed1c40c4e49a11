"""Repositories: one mapper per record kind, one generic repository over them."""

from phrapp.storage.repositories.meta import MetaRepository
from phrapp.storage.repositories.profiles import ProfileRepository
from phrapp.storage.repositories.records import RecordRepository, Repositories

__all__ = ["MetaRepository", "ProfileRepository", "RecordRepository", "Repositories"]
