"""Any input gives either a valid result or safecheck's own error, never another exception."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safecheck import checklist
from safecheck.errors import InputFileError, StateError
from safecheck.state import decode
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
    assert error is None or error.line is None or error.line >= 1


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_are_a_state_or_a_state_error(data: bytes) -> None:
    try:
        decode(data)
    except StateError:
        pass
