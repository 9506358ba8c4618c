# Two commands for a fresh machine: `make run` starts Sil with a demo review, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet "bottle>=0.13,<0.14" "waitress>=3.0,<4" "rapidfuzz>=3.6,<4" "rispy>=0.10,<0.11" \
		"snowballstemmer>=2.2,<4" "scikit-learn>=1.4,<2" "openpyxl>=3.1,<4" "python-docx>=1.1,<2" "cairosvg>=2.7,<3" \
		"pytest>=8,<10" "pytest-timeout>=2.3,<3" "webtest>=3.0,<4" "hypothesis>=6.100,<7" "playwright>=1.45,<2"
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
