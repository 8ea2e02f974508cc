from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

ROOT = Path(__file__).resolve().parent.parent

SMALL_CHECKLIST = """\
id: small
title: {nl: Klein, en: Small}
intro: {nl: Een korte lijst., en: A short list.}
sections:
  - id: first
    title: {nl: Eerste deel, en: First part}
    items:
      - id: alpha
        priority: essential
        title: {nl: Alfa doen, en: Do alpha}
        why: {nl: Omdat alfa telt., en: Because alpha matters.}
        how: {nl: Zo doe je alfa., en: This is how you do alpha.}
        platforms:
          instagram: {nl: Alfa op Instagram., en: Alpha on Instagram.}
        source: test
      - id: beta
        priority: recommended
        title: {nl: Beta doen, en: Do beta}
        why: {nl: Omdat beta telt., en: Because beta matters.}
        how: {nl: Zo doe je beta., en: This is how you do beta.}
        source: test
  - id: second
    title: {nl: Tweede deel, en: Second part}
    items:
      - id: gamma
        priority: advanced
        title: {nl: Gamma doen, en: Do gamma}
        why: {nl: Omdat gamma telt., en: Because gamma matters.}
        how: {nl: Zo doe je gamma., en: This is how you do gamma.}
        source: test
      - id: delta
        priority: essential
        title: {nl: Delta doen, en: Do delta}
        why: {nl: Omdat delta telt., en: Because delta matters.}
        how: {nl: Zo doe je delta., en: This is how you do delta.}
        source: test
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own state folder and an English locale."""
    folder = tmp_path / "home"
    monkeypatch.setenv("SAFECHECK_HOME", str(folder))
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    return folder


@pytest.fixture
def small_checklist(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_CHECKLIST, encoding="utf-8")
    return path


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    """A pipe that real questionary prompts read keys from, as from a terminal."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for running safecheck as a separate program."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFECHECK_")}
    env.update(SAFECHECK_HOME=str(home), LANG="en_GB.UTF-8", TERM="xterm-256color")
    env.update(extra)
    return env
