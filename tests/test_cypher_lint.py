"""Neo4j's own Cypher front end (tools/cypher-lint) accepts every canned query (its Neo4j
variant) and every statement the Neo4j store sends, and still rejects what Neo4j would."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plangraph.graph.neo4j_cypher import all_statements

REPO = Path(__file__).resolve().parent.parent
LINT = REPO / "tools" / "cypher-lint"
QUERIES = sorted((REPO / "queries").glob("*.cypher"))

if shutil.which("node") is None:
    pytest.skip("node is not installed: the Cypher linter needs Node.js 20+",
                allow_module_level=True)
if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
    pytest.skip("the linter's packages are not installed: cd tools/cypher-lint && npm ci",
                allow_module_level=True)


def lint(*files):
    """(exit code, {file or file#statement: [problems]}, closing line)."""
    args = ["node", str(LINT / "lint.mjs"), *map(str, files)]
    env = {**os.environ, "PLANGRAPH_PYTHON": sys.executable}
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    found: dict[str, list[str]] = {}
    for line in done.stdout.splitlines()[:-1]:
        m = re.match(r"(.+?):(\d+):(\d+): (error|warning): (.*)", line)
        assert m, line
        found.setdefault(m[1], []).append(f"{m[4]}: {m[5]}")
    return done.returncode, found, done.stdout.splitlines()[-1]


BAD = {
    "ladybug_function.cypher": ("MATCH (n:Plan) RETURN label(n)", "Function label is not present"),
    "syntax.cypher": ("MATCH (p:Plan RETURN p", "Invalid input"),
    "unknown_label.cypher": ("MATCH (p:KeHoach) RETURN p.id", "KeHoach is not present"),
    "unknown_type.cypher": ("MATCH (a:Agency)-[:CHUTRI]->(t:Task) RETURN t.id",
                            "CHUTRI is not present"),
    "unknown_property.cypher": ("MATCH (p:Plan) RETURN p.tinh", "tinh is not present"),
    "wrong_ends.cypher": ("MATCH (p:Plan)-[:CHU_TRI]->(t:Task) RETURN t.id",
                          "[:CHU_TRI] has no incoming (:Plan)"),
    "undeclared_param.cypher": ("// name: q\n// param: a | string | | x\n"
                                "MATCH (p:Plan) WHERE p.province = $b RETURN p.id",
                                "Parameter $b is not defined"),
    "dialect_neo4j_bad.cypher": ("// name: q\n// dialect: ladybug\nMATCH (p:Plan) RETURN p.id\n"
                                 "// dialect: neo4j\nMATCH (p:Plan) RETURN list_sort([p.id])",
                                 "Function list_sort is not present"),
    "no_neo4j_variant.cypher": ("// name: q\n// dialect: ladybug\nMATCH (p:Plan) RETURN p.id",
                                "no Neo4j variant"),
}
GOOD = {
    # the LadybugDB variant is not Neo4j's business; the Neo4j one is fine
    "dialects.cypher": ("// name: q\n// dialect: ladybug\nMATCH (a)-[r]->(b) RETURN label(r)\n"
                        "// dialect: neo4j\nMATCH (a:Agency)-[r]->(t:Task) RETURN type(r)"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """One run of the linter (Node starts in ~1 s) over the canned queries, the store's
    statements and the examples above."""
    tmp = tmp_path_factory.mktemp("lint")
    statements = tmp / "neo4j_store.json"
    statements.write_text(json.dumps(all_statements(), ensure_ascii=False), encoding="utf-8")
    examples = tmp / "examples"
    examples.mkdir()
    for name, cypher in [*((n, c) for n, (c, _) in BAD.items()), *GOOD.items()]:
        (examples / name).write_text(cypher, encoding="utf-8")
    return examples, lint(*QUERIES, statements, *sorted(examples.iterdir()))


def test_neo4j_accepts_every_canned_query_and_every_store_statement(report):
    examples, (code, found, closing) = report
    assert QUERIES
    rejected = {where: problems for where, problems in found.items()
                if not where.startswith(str(examples))}
    assert rejected == {}
    total = len(QUERIES) + len(all_statements()) + len(BAD) + len(GOOD)
    assert closing.startswith(f"{total} statements: ")


def test_the_linter_rejects_what_neo4j_would_reject(report):
    examples, (code, found, _) = report
    assert code == 1
    for name, (_, expected) in BAD.items():
        problems = found.get(str(examples / name), [])
        assert any(p.startswith("error: ") and expected in p for p in problems), (name, problems)
    assert not any(str(examples / name) in found for name in GOOD)

