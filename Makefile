PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup report build notebooks reports test lint lab bench quality clean
.DEFAULT_GOAL := help

# JupyterLab flags: --no-browser (headless: print the address instead of opening a browser),
# --ip=127.0.0.1 (this machine only) and --allow-root when run as root (JupyterLab refuses
# root without it). Override with `make lab LAB_FLAGS="..."`.
LAB_FLAGS ?= --no-browser --ip=127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root,)

help:  ## list the targets (this text)
	@echo "make TARGET, where TARGET is one of:"
	@awk -F':.*## ' '/^[a-z]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name sahel-analysis --display-name "sahel-analysis" >/dev/null
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the package with its dev tools

build: $(STAMP)  ## build the tables from seeds/ into data/processed
	$(BIN)/sahel-analysis build --input seeds --output data/processed

notebooks: build  ## run the analysis notebooks into reports/notebooks
	$(BIN)/sahel-analysis notebooks --data data/processed --output reports/notebooks

reports: build  ## run the briefings of reports.yaml into reports/ (index.html)
	$(BIN)/sahel-analysis reports --config reports.yaml --data data/processed --output reports

report: build notebooks reports  ## all of the above, then a short quality summary
	@echo "== quality on the seeds (the documents the rules were written on; real documents: README)"
	@$(BIN)/sahel-analysis evaluate --gold tests/fixtures/gold --tables data/processed --summary

test: $(STAMP)  ## ruff and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(STAMP)  ## ruff only
	$(BIN)/ruff check .

lab: $(STAMP) build  ## JupyterLab on notebooks/, headless, also as root (see LAB_FLAGS)
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

bench: $(STAMP)  ## build speed on a 10 MB synthetic corpus
	$(BIN)/python bench/run.py --size 10MB

# scores on the documents written for the tests (blind sets: see tests/fixtures/blind*/README.md),
# then on the real documents of ../shared/realdev with their sources manifest (skipped where absent)
QUALITY_SETS := unseen blind1 blind2 blind3 blind4 blind5
REALDEV ?= ../shared/realdev
quality: $(STAMP)  ## scores on every test document set (unseen, blind1-5) and on ../shared/realdev where present
	@for set in $(QUALITY_SETS); do \
		echo "== $$set"; \
		$(BIN)/sahel-analysis build --input tests/fixtures/$$set/docs --output data/quality/$$set --quiet >/dev/null && \
		$(BIN)/sahel-analysis evaluate --gold tests/fixtures/$$set --tables data/quality/$$set --summary || exit 1; \
	done
	@if [ -d "$(REALDEV)/docs" ] && [ -d "$(REALDEV)/gold" ]; then \
		echo "== realdev (with its sources.csv)"; \
		$(BIN)/sahel-analysis build --input $(REALDEV)/docs --sources $(REALDEV)/sources.csv \
			--output data/quality/realdev --quiet >/dev/null && \
		$(BIN)/sahel-analysis evaluate --gold $(REALDEV)/gold --tables data/quality/realdev --summary || exit 1; \
	else \
		echo "== realdev: skipped ($(REALDEV) not found: the real documents live beside the project, not in it)"; \
	fi

clean:  ## remove .venv, built tables and reports
	rm -rf $(VENV) data/processed/* data/quality reports/*
