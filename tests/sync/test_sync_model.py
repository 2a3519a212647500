"""The sync model (``sync_model.run_schedule``) driven by Hypothesis, against SQLite and PostgreSQL.

Three desktops (the head office's and two of one studio) make random edits of several fields of shows
and script segments, deletions, syncs, cut connections, duplicate deliveries, killed `studio-app sync`
runs, ±1 day clock jumps and hostile raw pushes; afterwards every desktop and the server hold the same
live records, nothing doubled, nothing hostile stored, no edit lost (see ``sync_model``). A few examples
per backend here; ``bench/sync_model.py`` runs a thousand seeded schedules.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sync_harness import Backend, PostgresCluster
from sync_model import (
    DESKTOPS,
    KINDS,
    close_desktops,
    desktop_template,
    new_backend,
    open_desktops,
    run_schedule,
    scratch_dir,
    wipe_backend,
)


@pytest.fixture
def model_backend(backend_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """One server for all the examples of a backend; each example wipes it first."""
    if backend_kind == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        url = cluster.new_database()
    else:
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    backend = new_backend(backend_kind, url)
    yield backend
    backend.server.stop()
    backend.engine.dispose()


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return desktop_template(tmp_path / "template")


step = st.tuples(st.sampled_from(KINDS), st.integers(0, len(DESKTOPS) - 1))


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    # No shrinking: each example runs real processes, and shrinking one failure could take many minutes;
    # the failing steps and seed are printed as generated, and the bench replays a seed.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=4, max_size=16), seed=st.integers(0, 2**32 - 1))
def test_random_edits_and_faults_converge(
    model_backend: Backend, template: Path, steps: list[tuple[str, int]], seed: int
) -> None:
    wipe_backend(model_backend)
    root = scratch_dir()
    desktops = open_desktops(model_backend, template, root)
    try:
        log = run_schedule(model_backend, desktops, steps, random.Random(seed))
    finally:
        close_desktops(desktops)
        shutil.rmtree(root, ignore_errors=True)
    # The schedule did something: each create left a record (run_schedule checked where each one is).
    assert len(log.created) >= sum(kind == "create" for kind, _ in steps)
    assert log.refused == sum(kind == "hostile" for kind, _ in steps)
