# The two commands of the README, and the tools behind them.
#   make course   install everything and open the course in JupyterLab
#   make test     install everything and run every test
# Needs only Python 3.11+ and access to the package registries.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.medialit-installed
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg
PORT   ?= 8888

.PHONY: course test lint check unit notebooks-test notebooks bench release clean lock lock-check

# Every install takes the exact, hashed versions of requirements.lock (see `make lock`).
$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "medialit needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) tools/lockfile.py check
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --no-deps -e .
	# An editable install skips data files: the course's JupyterLab page settings, by hand.
	mkdir -p $(VENV)/etc/jupyter/labconfig
	cp jupyter-settings/page_config.json $(VENV)/etc/jupyter/labconfig/page_config.json
	@touch $(STAMP)

# Recompile requirements.lock after changing pyproject.toml's dependencies (needs uv).
lock:
	$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --user uv
	$(PYTHON) tools/lockfile.py write

# Fails when requirements.lock no longer matches pyproject.toml (CI runs it).
lock-check:
	$(PYTHON) tools/lockfile.py check

course: $(STAMP)
	$(BIN)/medialit check
	$(BIN)/jupyter lab --notebook-dir=notebooks --ServerApp.port=$(PORT) 00-start-here.ipynb

test: lint check unit notebooks-test

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

check: $(STAMP)
	$(BIN)/medialit check

# The class service's end-to-end test drives its own browser, which cannot share a pytest
# session with the browser suite's Playwright: it runs in a session of its own.
unit: $(STAMP)
	$(BIN)/pytest tests --ignore=tests/classroom
	$(BIN)/pytest tests/classroom

notebooks-test: $(STAMP)
	MEDIALIT_LEARNER=nbval MEDIALIT_DATA_DIR=$$(mktemp -d) MEDIALIT_CACHE_DIR=$$(mktemp -d) $(BIN)/pytest $(NBVAL) -p no:cacheprovider notebooks
	MEDIALIT_LEARNER=nbval MEDIALIT_DATA_DIR=$$(mktemp -d) MEDIALIT_CACHE_DIR=$$(mktemp -d) $(BIN)/pytest $(NBVAL) -p no:cacheprovider cases/*/notebooks

# Re-execute the course notebooks in place after changing the engine.
notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

release: $(STAMP)
	$(BIN)/medialit release $(or $(OUT),release)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
