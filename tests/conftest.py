"Shared pytest fixtures: run folders on the bundled sample repository, built once per session."
from __future__ import annotations

from pathlib import Path

import pytest

from autocode.core import load_settings, parse_stages, sample_repo, stage_module

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_settings():
    "The project's settings pointed at the bundled sample repository (the run folder is set per test)."
    return load_settings(ROOT / "settings.ini", {"run.repo": str(sample_repo())})


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory, sample_settings):
    """A function `sample_run("01-06") -> Path`: the stages run in-process, once per session, into one
    shared run folder on the sample repo (stages already done are skipped by their manifests)."""
    out = tmp_path_factory.mktemp("sample_run")

    def _run(spec: str = "01-03") -> Path:
        s = sample_settings.model_copy(deep=True)
        s.run.out = str(out)
        s.run.quiet = True
        for st in parse_stages(spec):
            stage_module(st).run(s, out)
        return out
    return _run
