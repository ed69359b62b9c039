PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup report build notebooks reports test lint lab bench quality clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name sahel-analysis --display-name "sahel-analysis" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/sahel-analysis build --input seeds --output data/processed

notebooks: build
	$(BIN)/sahel-analysis notebooks --data data/processed --output reports/notebooks

reports: build
	$(BIN)/sahel-analysis reports --config reports.yaml --data data/processed --output reports

report: build notebooks reports
	$(BIN)/sahel-analysis evaluate --gold tests/fixtures/gold --tables data/processed

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

lab: $(STAMP) build
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python bench/run.py --size 10MB

# scores on the documents written for the tests (blind sets: see tests/fixtures/blind*/README.md),
# then on the real documents of ../shared/realdev with their sources manifest (skipped where absent)
QUALITY_SETS := unseen blind1 blind2 blind3 blind4 blind5
REALDEV ?= ../shared/realdev
quality: $(STAMP)
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

clean:
	rm -rf $(VENV) data/processed/* data/quality reports/*
