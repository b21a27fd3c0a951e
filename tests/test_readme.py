"""The README stays true: its schema tables are the schema, its question list is the catalogue,
and its quick-start command names a question that exists."""

import re
from pathlib import Path

from plangraph.graph.schema import schema_markdown
from plangraph.queries.catalog import catalog

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_schema_tables_match_the_schema():
    block = README.split("<!-- schema:begin", 1)[1].split("<!-- schema:end -->", 1)[0]
    assert block.split("-->", 1)[1].strip() == schema_markdown().strip()


def test_every_canned_question_is_listed_and_only_those():
    section = README.split("## The questions", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M))
    assert listed == set(catalog())


def test_quick_start_runs_an_existing_question():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    asked = set(re.findall(r"plangraph query ([a-z_]+)", quick))
    assert asked and asked <= set(catalog())


def test_the_readme_says_what_optional_parts_of_the_suite_need_and_ci_shows_skips():
    tests = README.split("Run the tests", 1)[1].split("\n## ", 1)[0]
    for needed in ("Chromium", "npm ci", "../shared/gold", "Neo4j", "minutes"):
        assert needed in tests, needed
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -rs" in ci
