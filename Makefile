# frontwatch: the two commands of the README, plus lint and benchmarks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: example test lint bench compiled pure clean

$(BIN)/frontwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Install, then run the main job on the bundled example corpus.
example: $(BIN)/frontwatch
	@mkdir -p out
	rm -f out/example.db
	$(BIN)/frontwatch ingest examples/articles --db out/example.db
	$(BIN)/frontwatch events --db out/example.db
	$(BIN)/frontwatch export --db out/example.db --format geojson -o out/example.geojson

test: $(BIN)/frontwatch
	$(BIN)/pytest

lint: $(BIN)/frontwatch
	$(BIN)/ruff check .

bench: $(BIN)/frontwatch
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/run.py

# Optional: compile the stages' modules with mypyc (about 2x faster); `make pure` undoes it.
compiled: $(BIN)/frontwatch
	$(BIN)/pip install --quiet -e '.[dev,compiled]'
	$(BIN)/python scripts/build_compiled.py

pure: $(BIN)/frontwatch
	$(BIN)/python scripts/build_compiled.py --clean

clean:
	rm -rf out .pytest_cache .ruff_cache
