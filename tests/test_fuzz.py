"""Any input gives either a valid result or safecheck's own error, never another exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecheck.content import answers, checklist
from safecheck.core.errors import InputFileError, StateError
from safecheck.evidence import importer, log, model
from safecheck.storage.state import decode
from tests.conftest import SMALL_CHECKLIST

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PATH = Path("fuzz.yaml")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "kind",
                    "title",
                    "intro",
                    "sections",
                    "items",
                    "priority",
                    "nl",
                    "en",
                    "why",
                    "how",
                    "source",
                    "platforms",
                    "instagram",
                    "fuzz",
                ]
            ),
            children,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def load_error(text: str, path: Path = PATH) -> InputFileError | None:
    try:
        checklist.load(path, text)
    except InputFileError as error:
        return error
    return None


@FUZZ
@given(st.text(max_size=400))
def test_any_text_is_a_checklist_or_an_input_error(text: str) -> None:
    error = load_error(text)
    assert error is None or str(error).startswith("fuzz.yaml")


@pytest.mark.slow
@FUZZ
@given(documents)
def test_any_yaml_document_is_a_checklist_or_an_input_error(document: object) -> None:
    error = load_error(yaml.safe_dump(document))
    assert error is None or str(error).startswith("fuzz.yaml")


@FUZZ
@given(st.integers(min_value=0, max_value=len(SMALL_CHECKLIST) - 1), st.text(max_size=5))
def test_a_damaged_valid_checklist_is_a_checklist_or_an_input_error(at: int, junk: str) -> None:
    damaged = SMALL_CHECKLIST[:at] + junk + SMALL_CHECKLIST[at + 1 :]
    error = load_error(damaged, Path("small.yaml"))
    assert error is None or str(error).startswith("small.yaml")
    if error is not None and error.line is not None:  # a line that is really in the file
        assert 1 <= error.line <= len(damaged.splitlines()) + 1


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_are_a_state_or_a_state_error(data: bytes) -> None:
    try:
        log.entries(decode(data))
    except StateError:
        pass


# -- the evidence importer and saved evidence (issue 5) -----------------------------------

evidence_values = st.one_of(
    scalars,
    st.sampled_from(
        ["2026-03-02 21:15", "2026-03-02", "250,50", "EUR", "money", "+32 470", "a.png", "€"]
    ),
    st.datetimes(),
    st.dates(),
)
evidence_documents = st.recursive(
    evidence_values,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(
            st.sampled_from(
                ["entries", "files", "path", "keep_copy", "extra", *sorted(model.FIELDS)]
            ),
            children,
            max_size=8,
        ),
    ),
    max_leaves=25,
)


def import_error(text: str) -> InputFileError | None:
    try:
        importer.load_file(PATH, text=text, fingerprint_files=False)
    except InputFileError as error:
        return error
    return None


@pytest.mark.slow
@FUZZ
@given(evidence_documents)
def test_any_evidence_file_is_entries_or_an_input_error(document: object) -> None:
    error = import_error(yaml.safe_dump({"entries": [document]}, allow_unicode=True))
    assert error is None or str(error).startswith("fuzz.yaml")


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_an_evidence_file_or_an_input_error(text: str) -> None:
    error = import_error(text)
    assert error is None or str(error).startswith("fuzz.yaml")


@pytest.mark.slow
@FUZZ
@given(evidence_documents)
def test_any_saved_evidence_is_a_state_or_a_state_error(document: object) -> None:
    data = json.dumps(
        {"schema": 2, "evidence": [document]}, default=str, ensure_ascii=False
    ).encode()
    try:
        log.entries(decode(data))
    except StateError:
        pass


# -- answers files (issue 6) --------------------------------------------------------------

SMALL = checklist.load(Path("small.yaml"), SMALL_CHECKLIST)
answer_documents = st.one_of(
    documents,
    st.fixed_dictionaries(
        {
            "checklist": st.sampled_from(["small", "prevention", 1, None]),
            "answers": st.dictionaries(
                st.sampled_from(["alpha", "beta", "gamma", "delta", "nope", "1"]),
                st.one_of(st.sampled_from(["done", "not_yet", "not_for_me", "skipped"]), scalars),
                max_size=5,
            ),
        }
    ),
)


def answers_error(text: str) -> InputFileError | None:
    try:
        answers.load(PATH, SMALL, text)
    except InputFileError as error:
        return error
    return None


@pytest.mark.slow
@FUZZ
@given(answer_documents)
def test_any_answers_document_is_answers_or_an_input_error(document: object) -> None:
    error = answers_error(yaml.safe_dump(document, allow_unicode=True))
    assert error is None or str(error).startswith("fuzz.yaml")


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_an_answers_file_or_an_input_error(text: str) -> None:
    error = answers_error(text)
    assert error is None or str(error).startswith("fuzz.yaml")
