# Two commands for a fresh machine: `make run` starts Sil with a demo review, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

run: $(BIN)/.installed
	$(BIN)/python run.py --demo

serve: $(BIN)/.installed
	$(BIN)/python run.py

# axe-core for the accessibility test, where npm exists (without it that one test skips and says why)
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
		if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi \
		&& touch $@; \
	else echo "npm not found: the accessibility test will skip (apt-get install npm)"; fi

lint: $(BIN)/.installed
	$(BIN)/ruff check .

test: $(BIN)/.installed node_modules/.installed lint
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/pip install --quiet "bib-dedupe>=0.11,<1"
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV)
