"""The Dask settings file for a cluster (analysis/dask.yaml) gives the measured worker and client settings."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from analysis import store

CONFIG = Path(__file__).resolve().parents[1] / "analysis" / "dask.yaml"

PROBE = """
import json, dask, distributed
from distributed.nanny import _get_env_variables
print(json.dumps([dask.config.get("distributed.worker.profile.enabled"),
                  dask.config.get("distributed.admin.low-level-log-length"),
                  _get_env_variables("distributed.nanny.pre-spawn-environ")]))
"""


def _settings(env: dict[str, str]) -> list:
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_cluster_config_file_sets_the_measured_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
    default = _settings(env)
    assert "MALLOC_TRIM_THRESHOLD_" in default[2] and default[:2] == [True, 1000]  # dask's defaults
    profile, log_length, environ = _settings({**env, "DASK_CONFIG": str(CONFIG)})
    assert profile is store.WORKER_CONFIG["distributed.worker.profile.enabled"] is False
    assert log_length == store.CLIENT_CONFIG["distributed.admin.low-level-log-length"]
    assert "MALLOC_TRIM_THRESHOLD_" not in environ
    assert environ.get("OMP_NUM_THREADS") == "1"  # the other defaults stay
