"""The core's modules import one way: lookup uses query, query never uses lookup."""

import ast
from pathlib import Path

import quotes

PACKAGE = Path(quotes.__file__).parent


def imported_modules(module: str) -> set[str]:
    """Every module ``quotes/<module>.py`` imports, at the top or inside a function."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_query_does_not_import_lookup():
    assert "quotes.query" in imported_modules("lookup")
    assert "quotes.lookup" not in imported_modules("query")


def test_the_name_errors_are_the_same_classes_wherever_imported():
    from quotes import errors, lookup

    assert lookup.UnknownName is errors.UnknownName
    assert lookup.AmbiguousName is errors.AmbiguousName
    assert issubclass(errors.UnknownName, errors.QuotesError)
