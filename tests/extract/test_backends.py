"""Conformance of the extractor backends (extract/__init__.py's REGISTRY): each registered
backend is a Backend declaring its own suffixes, no suffix is read by two, the README's
list of supported input is the registry's, and what a backend says of its format is what
its Documents say."""

import re
from pathlib import Path

import pytest

from actionplan.extract import REGISTRY, SUPPORTED_SUFFIXES, Backend, Format, backend, load

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("registration", REGISTRY, ids=lambda registration: registration.module)
def test_a_registered_backend_declares_the_suffixes_it_is_registered_for(registration):
    found = backend(registration)
    assert isinstance(found, Backend)
    assert found.suffixes == registration.suffixes
    assert all(re.fullmatch(r"\.[a-z]+", suffix) for suffix in found.suffixes)


def test_no_suffix_is_read_by_two_backends():
    suffixes = [suffix for registration in REGISTRY for suffix in registration.suffixes]
    assert len(suffixes) == len(set(suffixes)) and sorted(suffixes) == list(SUPPORTED_SUFFIXES)


def test_the_readmes_supported_input_is_the_registry():
    """Each bullet of "Supported input" names one backend's suffixes, in its first brackets."""
    section = README.split("Supported input:", 1)[1].split("\n\n", 2)[1]
    bullets = [line for line in section.splitlines() if line.startswith("- **")]
    listed = {tuple(re.findall(r"`(\.[a-z]+)`", line.split("(", 1)[1].split(")", 1)[0])) for line in bullets}
    assert listed == {registration.suffixes for registration in REGISTRY}


def _csv(folder: Path) -> Path:
    path = folder / "plan.csv"
    path.write_text("Action,Lead,Timescale\nWrite the policy,Head of Service,March 2014\n", encoding="utf-8")
    return path


# A plan per format (the office formats need LibreOffice and have tests of their own: tests/extract/test_office.py)
SAMPLES = {
    "text": lambda folder: Path("samples/southend-2012.txt"),
    "docx": lambda folder: Path("samples/docx/southend-2012.docx"),
    "pdf": lambda folder: Path("samples/pdf/southend-2012.pdf"),
    "html": lambda folder: Path("samples/html/southend-2012.html"),
    "xlsx": lambda folder: Path("samples/xlsx/southend-2012-lac.xlsx"),
    "csv": _csv,
}


@pytest.mark.parametrize("registration", [r for r in REGISTRY if r.module in SAMPLES], ids=lambda r: r.module)
def test_a_backends_documents_are_as_it_declares(registration, tmp_path):
    path = SAMPLES[registration.module](tmp_path)
    document = load(path)
    assert path.suffix in registration.suffixes
    assert document.pages_cut_rows == backend(registration).pages_cut_rows
    assert Format(document.format).value == registration.module and document.tables


def test_every_format_the_schema_publishes_has_a_backend():
    modules = {registration.module for registration in REGISTRY}
    # the office backend reads .odt, .doc, .rtf and .ods, each keeping its own format
    assert {fmt.value for fmt in Format} == (modules - {"office"}) | {"odt", "doc", "rtf", "ods"}
