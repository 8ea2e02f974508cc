"""The suite's own schedule: whole files go to the workers in the order conftest gives them
(FIRST, then the command line's), never pytest-xdist's own (the files with the most tests
first), which started the longest waits last and made the run 15-30 s longer on 2 cores."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, cheap_scrypt_module

SMALL = "tests/test_translate_at_edge.py"  # 2 tests
LARGER = "tests/test_french_texts.py"  # more


@pytest.mark.slow
def test_files_reach_a_worker_in_the_order_given_not_by_their_number_of_tests() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "1", "--dist", "loadfile", "-p", "no:randomly"]
        + ["-p", "no:cacheprovider", "-v", SMALL, LARGER],
        cwd=ROOT,
        # as `make test` starts pytest: the cheap scrypt cost is the inner conftest's to set
        env={k: v for k, v in os.environ.items() if k != cheap_scrypt_module.ENV},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ran = re.findall(r"PASSED (tests/test_\w+\.py)::", done.stdout)
    assert len(set(ran)) == 2, done.stdout
    assert ran[0] == SMALL, f"{LARGER} ran first:\n{done.stdout}"
