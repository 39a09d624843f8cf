PYTHON ?= python3
OUT ?= out

.PHONY: install run test golden bench schema clean

install:  ## install actionplan with its test tools (editable)
	$(PYTHON) -m pip install -e ".[test]"

run: install  ## convert the shipped samples into $(OUT)/
	actionplan extract samples -o $(OUT)

test:  ## the test suite (what CI runs)
	$(PYTHON) -m pytest

golden:  ## regenerate tests/golden/*.json from samples/ for review (git diff them!)
	ACTIONPLAN_UPDATE_GOLDEN=1 $(PYTHON) -m pytest tests/test_golden.py -q

schema:  ## regenerate schema/actionplan.schema.json from the pydantic models
	actionplan schema > schema/actionplan.schema.json

bench:  ## speed and memory figures (filled in by the PDF / DOCX / batch work)
	$(PYTHON) tests/benchmarks/bench.py

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info
