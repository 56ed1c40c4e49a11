"""The clinic side: open a file a patient brought, without a vault (issue 8 item 9).

``open_file(path, passphrase_provider)`` recognises a share package, FHIR JSON (phrapp,
JP Core, JP-CLINS, eCheckup), a 特定健診 CDA file or zip, or a JAHIS TC file, verifies
it and returns a :class:`ClinicReport` (CONTRACT §4 ``clinic open --json``);
``write_outputs(report, folder)`` writes FHIR and CSV for the clinic's own system.
This package never imports Qt and never opens a vault.
"""

from phrapp.clinic.opener import open_file
from phrapp.clinic.outputs import NothingWritten, write_outputs
from phrapp.clinic.report import ClinicReport

__all__ = ["ClinicReport", "NothingWritten", "open_file", "write_outputs"]
