# autocode — every set-up step lives here, so a fresh clone needs only `make demo` / `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-nbs test-py lint export clean-nbs sync-check lab docs schemas bench clean

install: $(STAMP)

# torch first (the local CPU build), then the project with its extras.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[train,dev]"
	touch $(STAMP)

demo: install
	$(BIN)/autocode run

test: install sync-check test-nbs test-py

test-nbs: install
	AUTOCODE_QUIET=1 $(BIN)/nbdev-test --n-workers 1

test-py: install
	AUTOCODE_QUIET=1 $(BIN)/pytest tests

lint: install
	$(BIN)/ruff check autocode tests bench

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

schemas: install
	$(PY) -c "from autocode.schema import contract_schemas; import json,pathlib; [pathlib.Path('data/schemas',f'{k}.json').write_text(json.dumps(v,indent=1,ensure_ascii=False)+'\n') for k,v in contract_schemas().items()]"

clean:
	rm -rf data/runs _docs _proc .pytest_cache
