# Two commands for a fresh machine: `make run` starts Sil with a demo review, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

run: $(BIN)/.installed
	$(BIN)/python run.py --demo

serve: $(BIN)/.installed
	$(BIN)/python run.py

test: $(BIN)/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/pip install --quiet "bib-dedupe>=0.11,<1"
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV)
