"""safecheck: protect yourself against sextortion, and act well when it happens."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`safecheck.__version__`, read from the installed package's metadata when asked for
    (importlib.metadata is not loaded at every start)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("safecheck")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
