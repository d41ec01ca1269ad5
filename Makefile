# newslens — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK_VENV := .venv-lock
PIP_QUIET := --quiet --disable-pip-version-check
CORPUS ?= data/samples
JOBS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup test test-fast report lab bench lock lock-tools clean

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP)  ## create .venv and install everything (a no-op when up to date)

$(STAMP): requirements.txt pyproject.toml .ci/pip.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# The interpreter's bundled pip fetches one hash-checked wheel, the pinned pip (.ci/pip.txt), which
	@# then installs the lock as wheels without resolving anything (--no-deps): no release can change it.
	$(BIN)/python -m pip install $(PIP_QUIET) --require-hashes --no-deps -r .ci/pip.txt
	$(BIN)/python -m pip install $(PIP_QUIET) --require-hashes --no-deps --only-binary :all: -r requirements.txt
	$(BIN)/python -m pip check
	$(BIN)/python -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'newslens.pth').write_text('$(CURDIR)\n')"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslens)" > /dev/null
	touch $(STAMP)

test: setup  ## run the whole test suite, end-to-end notebook runs included
	$(BIN)/python -m pytest

test-fast: setup  ## run the tests without the slow end-to-end ones
	$(BIN)/python -m pytest -m "not slow"

report: setup  ## batch HTML reports over $(CORPUS) into outputs/ (open outputs/index.html)
	$(BIN)/python -m analysis report "$(CORPUS)" --jobs $(JOBS)

lab: setup  ## start JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

bench: setup  ## run the benchmarks in bench/ (prints ratios; throughput alone takes ~45 min)
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

$(LOCK_VENV)/.installed: .ci/pip.txt .ci/lock-tools.txt
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install $(PIP_QUIET) --require-hashes --no-deps -r .ci/pip.txt
	$(LOCK_VENV)/bin/python -m pip install $(PIP_QUIET) --require-hashes --no-deps -r .ci/lock-tools.txt
	touch $@

COMPILE := $(LOCK_VENV)/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -q

lock: $(LOCK_VENV)/.installed  ## re-pin requirements.txt (with hashes) from requirements.in, with the pip of make setup
	$(COMPILE) -o requirements.txt requirements.in
	$(LOCK_VENV)/bin/python .ci/pin_model.py  # the spaCy model only as the one wheel named there, by hash

lock-tools: $(LOCK_VENV)/.installed  ## re-pin .ci/pip.txt and .ci/lock-tools.txt (after a bump in .ci/*.in)
	$(COMPILE) -o .ci/pip.txt .ci/pip.in
	$(COMPILE) -o .ci/lock-tools.txt .ci/lock-tools.in

clean:  ## remove the NLP cache and generated outputs (keeps .venv)
	rm -rf .cache outputs/*/ outputs/index.html
