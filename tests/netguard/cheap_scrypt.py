"""The tests' scrypt cost: real scrypt, at the lowest cost safecheck reads.

What safecheck writes costs half a second of CPU for each key (`sealing.SCRYPT_COST`); the
suite derives such keys about seventy times, in itself and in the programs it starts, and
each only shows that a key comes from a passphrase, which the cheap cost shows as well: the
cost travels in the file's header, and the same code derives, seals and opens.

In the test process, tests/conftest.py sets it for every test (the `real_scrypt` marker keeps
safecheck's own). A program the tests start gets it through this folder's `sitecustomize`
when SAFECHECK_TEST_SCRYPT is set (child_env passes it on): the cost is set as the module
that holds it is loaded, so nothing is imported earlier than safecheck imports it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

ENV = "SAFECHECK_TEST_SCRYPT"
# The module that holds safecheck's cost for what it writes (state files and backups).
HOLDER = "safecheck.storage.sealing"
LOG2_N, R, P = 10, 8, 1  # `Cost.reasonable`'s lowest n, with safecheck's r and p


def cost() -> Any:
    """The cheap cost, as a `sealing.Cost` (once safecheck has loaded it)."""
    return sys.modules["safecheck.storage.sealing"].Cost(log2_n=LOG2_N, r=R, p=P)


class _Finder:
    """On sys.meta_path: finds nothing itself, and cheapens the holder once it has run."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != HOLDER:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec: ModuleSpec | None = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                load: Any = spec.loader.exec_module

                def exec_module(module: ModuleType, load: Any = load) -> None:
                    load(module)
                    setattr(module, "SCRYPT_COST", cost())  # noqa: B010  (mypy: no such name yet)

                spec.loader.exec_module = exec_module  # type: ignore[method-assign]
                return spec
        return None


def install() -> None:
    sys.meta_path.insert(0, _Finder())
