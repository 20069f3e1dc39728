# autocode — every set-up step lives here, so a fresh clone needs only `make demo` / `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the CPU build of torch is installed first, so the [train] extra does not pull a CUDA build
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
# `make demo STAGES=01-08` runs fewer stages; `make demo ARGS=--inline` skips the notebooks
STAGES ?= all
ARGS ?=
OUT ?= data/runs/sample_repo
# `make docs DOCS_ARGS=--execute` also executes the notebooks that the run in OUT has no executed copy of
DOCS_ARGS ?=

.PHONY: install browser demo test test-nbs test-py lint export clean-nbs sync-check lab docs schemas readme bench clean help

help:
	@echo "make demo    run the pipeline on the bundled sample repository (papermill; notebooks in data/runs/sample_repo/notebooks)"
	@echo "make test    sync-check + notebook tests + pytest"
	@echo "make docs    build the docs site into _docs/ (open _docs/index.html); outputs from the run in OUT (default data/runs/sample_repo)"
	@echo "make schemas regenerate data/schemas/*.json and docs/01_dataset_schema.md from the schema"
	@echo "make readme  rewrite README.md from nbs/index.ipynb"
	@echo "make bench   run bench/*.py;  make lint;  make export;  make lab;  make clean"

install: $(STAMP)

# a fresh clone: the venv, torch first, the project with its extras (ray: tests/test_corpus.py runs corpora on local Ray), and a Jupyter kernel that runs
# this venv's python (papermill executes the stage notebooks with the `python3` kernel)
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(TORCH) $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(PY) -m pip install -q -e ".[train,dev,ray,llm]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (autocode)" >/dev/null
	@# plots label Chinese text (status meanings, messages): a CJK font, where apt is available (core.use_cjk_fonts finds it)
	@if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then { apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q fonts-noto-cjk >/dev/null; }; } || echo "fonts-noto-cjk not installed: Chinese plot labels will be boxes"; \
	  else echo "Chinese plot labels need a CJK font: sudo apt-get install fonts-noto-cjk"; fi; fi
	touch $(STAMP)

# headless Chromium (and a CJK font) for tests/test_docs_site.py, which is skipped without it; apt-get where it exists
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
	      || echo "could not install chromium: the browser test will be skipped"; \
	  else echo "no apt-get: install Chromium to run the browser test"; fi; }

# every stage on the sample repository through papermill, then the demo write-up from the run
demo: install
	$(BIN)/autocode run --stages $(STAGES) --out $(OUT) $(ARGS)
	$(PY) tools/demo_doc.py $(OUT)

test: install sync-check test-nbs test-py

test-nbs: install
	AUTOCODE_QUIET=1 $(BIN)/nbdev-test --n-workers 1

test-py: install browser
	AUTOCODE_QUIET=1 $(BIN)/pytest tests

lint: install
	$(BIN)/ruff check autocode tests bench tools

export: install
	$(BIN)/nbdev-export

clean-nbs: install
	$(BIN)/nbdev-clean

# the package must be exactly what the notebooks export
sync-check: install
	$(BIN)/nbdev-export
	@git diff --quiet -- autocode || { echo "autocode/ is out of sync with nbs/: run make export and commit"; git diff --stat -- autocode; exit 1; }

lab: install
	$(BIN)/jupyter lab nbs

# the docs site of this checkout: nbdev-docs (quarto) when quarto is installed, else mkdocs-material offline
# (tools/build_docs.py); notebook pages show the outputs of the executed notebooks in $(OUT)/notebooks (make demo)
docs: install
	@if command -v quarto >/dev/null 2>&1; then $(BIN)/nbdev-docs; else $(PY) tools/build_docs.py _docs --run $(OUT) $(DOCS_ARGS); fi

# the JSON-schema snapshots (tests/test_contract.py) and the schema reference (docs/01_dataset_schema.md)
schemas: install
	$(PY) -c "from autocode.docs import write_schema_docs; [print(p) for p in write_schema_docs()]"

# README.md is the markdown of nbs/index.ipynb (nbdev-readme needs quarto)
readme: install
	$(PY) -c "from autocode.docs import write_readme; print(write_readme())"

bench: install
	@set -e; for f in bench/*.py; do [ -e "$$f" ] || continue; echo "== $$f"; AUTOCODE_QUIET=1 $(PY) "$$f"; done

clean:
	rm -rf data/runs _docs _docs.broken _proc .pytest_cache
