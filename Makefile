# Uses the project's venv (.venv, made by the README's set-up) when there is one.
PYTHON ?= $(if $(wildcard .venv/bin/python),.venv/bin/python,python3)
OUT ?= out

.PHONY: install run test golden bench schema accuracy corpus clean

install:  ## install actionplan with its test tools (editable)
	$(PYTHON) -m pip install -e ".[test]"

run: install  ## convert the shipped samples into $(OUT)/
	$(PYTHON) -m actionplan.cli extract samples -o $(OUT)

test:  ## the test suite (what CI runs)
	$(PYTHON) -m pytest

accuracy:  ## score actionplan against the answer keys (hand keys + generated corpus); fails below thresholds
	$(PYTHON) tests/accuracy/run.py --check --json $(OUT)-accuracy.json

corpus:  ## regenerate the layout-variation corpus (needs the [corpus] extra and LibreOffice)
	$(PYTHON) tests/accuracy/corpus/generate.py --seed 1
	$(PYTHON) tests/accuracy/corpus/generate.py --seed 2

golden:  ## regenerate tests/golden/*.json from samples/ for review (git diff them!)
	ACTIONPLAN_UPDATE_GOLDEN=1 $(PYTHON) -m pytest tests/test_golden.py -q

schema:  ## regenerate schema/actionplan.schema.json from the pydantic models
	$(PYTHON) -m actionplan.cli schema > schema/actionplan.schema.json

bench:  ## speed and memory figures against baselines measured in the same run
	$(PYTHON) tests/benchmarks/bench.py

clean:
	rm -rf $(OUT) $(OUT)-accuracy.json .pytest_cache build *.egg-info
