"""The layering: cli -> library -> extract / normalise -> schema. Checked on the imports."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imports_of(folder: str) -> set[str]:
    names = set()
    for path in (REPO / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names.add(("." * node.level) + (node.module or ""))
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return names


def test_schema_imports_no_other_layer():
    assert not {n for n in imports_of("schema") if n.startswith("..")}


def test_extractors_do_not_know_the_normaliser():
    assert not {n for n in imports_of("extract") if "normalise" in n or "cli" in n}


def test_nothing_below_the_cli_prints_or_exits():
    for folder in ("extract", "normalise", "schema"):
        names = imports_of(folder)
        assert not names & {"typer", "rich", "click"}, folder
        for path in (REPO / folder).glob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "print(" not in source and "sys.exit" not in source, path


def test_library_modules_beside_the_cli_do_not_print_either():
    writers = [f"outputs/{path.name}" for path in (REPO / "outputs").glob("*.py")]
    for name in ("__init__.py", "batch.py", "executors.py", "report.py", "report_tally.py", "files.py", "errors.py",
                 *writers):
        source = (REPO / name).read_text(encoding="utf-8")
        tree = ast.parse(source)
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & {"typer", "rich", "click"}, name
        assert "print(" not in source and "sys.exit" not in source, name


def test_the_package_root_imports_absolutely():
    """Regression: in a checkout whose folder name is no identifier ("actionplan-main"),
    pytest imports the root __init__.py under that name and every test failed on its
    relative imports."""
    tree = ast.parse((REPO / "__init__.py").read_text(encoding="utf-8"))
    assert not [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level]


def test_one_module_reads_toml():
    """The tomllib / tomli shim lives in toml_files.py only: every data file is read the same way."""
    readers = set()
    for path in REPO.rglob("*.py"):
        relative = path.relative_to(REPO)
        if relative.parts[0] in (".venv", "tests", "build") or relative.parts[0].endswith(".egg-info"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(alias.name in ("tomllib", "tomli") for alias in node.names):
                readers.add(str(relative))
    assert readers == {"toml_files.py"}
