# newslens — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= data/samples
JOBS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup test test-fast report lab bench lock clean

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP)  ## create .venv and install everything (a no-op when up to date)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'newslens.pth').write_text('$(CURDIR)\n')"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslens)" > /dev/null
	touch $(STAMP)

test: setup  ## run the whole test suite, end-to-end notebook runs included
	$(BIN)/python -m pytest

test-fast: setup  ## run the tests without the slow end-to-end ones
	$(BIN)/python -m pytest -m "not slow"

report: setup  ## batch HTML reports over $(CORPUS) into outputs/ (open outputs/index.html)
	$(BIN)/python -m analysis report $(CORPUS) --jobs $(JOBS)

lab: setup  ## start JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

bench: setup  ## run the benchmarks in bench/ (prints ratios; throughput alone takes ~10 min)
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lock:  ## re-pin requirements.txt (with hashes) from requirements.in
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.txt requirements.in
	$(BIN)/python .ci/pin_model.py  # the model only as the wheel DEVELOPERS.md names, by hash

clean:  ## remove the NLP cache and generated outputs (keeps .venv)
	rm -rf .cache outputs/*/ outputs/index.html
