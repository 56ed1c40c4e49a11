"""``clinic open`` checks CDA files (and each exam in a zip) against the official hc08 XSD."""

from __future__ import annotations

from pathlib import Path

import pytest

from phrapp.clinic import open_file
from phrapp.errors import HostileInput
from phrapp.io.cda_schema import validate_cda

CDA = Path(__file__).resolve().parents[2] / "fixtures" / "cda"


def _no_passphrase() -> str:
    raise AssertionError("a CDA file needs no passphrase")


@pytest.mark.parametrize("name", ["full_period4.xml", "period3_2019.xml", "edge_groups.xml"])
def test_valid_documents_have_no_issues(name: str) -> None:
    assert validate_cda((CDA / name).read_bytes(), name) == []


def test_a_pq_with_text_is_reported_with_its_line() -> None:
    issues = validate_cda((CDA / "edge_format.xml").read_bytes(), "edge_format.xml")
    assert issues and issues[0].path.startswith("edge_format.xml:")
    assert "real" in issues[0].message


def test_hostile_xml_is_refused_before_the_schema() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(HostileInput):
        validate_cda(bomb, "bomb.xml")


def test_clinic_open_reports_schema_errors_as_invalid() -> None:
    report = open_file(CDA / "edge_format.xml", _no_passphrase)
    assert report.kind == "tokutei-cda" and report.valid is False
    assert any("hc08 XSD" in e["message"] for e in report.errors)
    good = open_file(CDA / "archive_standard.zip", _no_passphrase)
    assert good.valid is True and good.counts == {"checkups": 2}
