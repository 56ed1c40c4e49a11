"""Typed errors shared by every layer.

Each error carries the CONTRACT §2 exit code and a stable slug, so the CLI, the GUI
and the clinic side report the same failure the same way. Messages never hold health
values: they name the field or the file, not what was in it.
"""

from __future__ import annotations


class PhrError(Exception):
    """Base class: ``code`` is the CONTRACT slug, ``exit_code`` the CLI exit status."""

    exit_code: int = 4
    code: str = "internal"

    def __init__(self, message: str, *, path: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        if code is not None:
            self.code = code

    def to_json(self) -> dict[str, object]:
        """The CONTRACT §2 error object (without the outer ``{"error": ...}``)."""
        out: dict[str, object] = {"code": self.code, "message": self.message.replace("\n", " ")}
        if self.path is not None:
            out["path"] = self.path
        return out


class UsageError(PhrError):
    """Bad flags or arguments (exit 1)."""

    exit_code = 1
    code = "usage"


class Refused(PhrError):
    """Refused, nothing changed (exit 2)."""

    exit_code = 2
    code = "refused"


class WrongPassphrase(Refused):
    code = "wrong-passphrase"


class MissingSecret(Refused):
    code = "missing-secret"


class WeakPassphrase(Refused):
    code = "weak-passphrase"


class InvalidValue(Refused):
    """A record value outside the possible range, or a malformed field."""

    code = "invalid-value"


class NotFound(Refused):
    code = "not-found"


class UnsupportedFormat(Refused):
    code = "unsupported-format"


class MalformedInput(Refused):
    code = "malformed"


class HostileInput(Refused):
    code = "hostile-input"


class TooLarge(Refused):
    code = "too-large"


class EncodingRefused(Refused):
    code = "encoding"


class UnknownPerson(Refused):
    code = "unknown-person"


class AmbiguousPerson(Refused):
    code = "ambiguous-person"


class VaultUnavailable(PhrError):
    """The vault cannot be used (exit 3)."""

    exit_code = 3
    code = "vault-unavailable"


class VaultMissing(VaultUnavailable):
    code = "vault-missing"


class VaultBusy(VaultUnavailable):
    code = "vault-busy"


class VaultDamaged(VaultUnavailable):
    code = "vault-damaged"


class VaultExists(Refused):
    code = "vault-exists"
