#!/usr/bin/env node
// Checks plangraph's Cypher with Neo4j's own Cypher front end (parser and semantic analysis
// from @neo4j-cypher/language-support), against plangraph's schema and Neo4j's built-in
// functions.
//
//   node lint.mjs ../../queries/*.cypher          canned queries (their Neo4j variant)
//   node lint.mjs statements.json                 [{"name", "cypher", "params"}, …]
//
// The schema (labels, relationship types and their ends, property keys) comes from
// graph/schema.py through `python -m plangraph.graph.neo4j_cypher --lint-schema`; the Python
// is $PLANGRAPH_PYTHON, else the repo's .venv, else python3.
//
// Errors: syntax and semantic errors, unknown labels, relationship types, property keys and
// functions, parameters a canned query does not declare, patterns the schema does not allow.
// Exit code: 0 clean, 1 any error, 2 bad usage or a linter that no longer catches known errors.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const CYPHER_VERSION = 'CYPHER 5'; // Neo4j 5, as README-neo4j.md starts it
const ERROR = 1;
// Warnings that are errors here: the schema is complete, so anything it lacks is a mistake.
const FATAL_WARNING = [
  /is not present in the database/, // label, relationship type, property key
  /^\[:.*\] has no |^\(:.*\) has no /, // a pattern graph/schema.py does not allow
];
const DIALECT = /^\s*(?:\/\/|--)\s*dialect\s*:\s*(\S+)\s*$/;
const PARAM = /^\s*\/\/\s*param\s*:\s*(\w+)\s*\|/;

function usage(message) {
  console.error(`lint.mjs: ${message}\nusage: node lint.mjs FILE.cypher|FILE.json…`);
  process.exit(2);
}

function python() {
  if (process.env.PLANGRAPH_PYTHON) return process.env.PLANGRAPH_PYTHON;
  const venv = join(REPO, '.venv', 'bin', 'python');
  return existsSync(venv) ? venv : 'python3';
}

function plangraphSchema() {
  const json = execFileSync(python(), ['-m', 'plangraph.graph.neo4j_cypher', '--lint-schema'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return JSON.parse(json);
}

// Neo4j's built-in functions and procedures, as a Neo4j server lists them (SHOW FUNCTIONS,
// SHOW PROCEDURES). The package ships that listing as its test schema; plugins such as APOC are
// left out: a plain Neo4j has none.
function builtIns() {
  const functions = {};
  const procedures = {};
  for (const [version, registry] of Object.entries(testData.mockSchema.functions)) {
    functions[version] = Object.fromEntries(
      Object.entries(registry).filter(([, fn]) => fn.isBuiltIn),
    );
  }
  for (const [version, registry] of Object.entries(testData.mockSchema.procedures)) {
    procedures[version] = Object.fromEntries(
      Object.entries(registry).filter(([name]) => !name.startsWith('apoc.')),
    );
  }
  return { functions, procedures };
}

function dbSchema(schema, parameters) {
  return {
    ...builtIns(),
    labels: schema.labels,
    relationshipTypes: schema.relationshipTypes,
    propertyKeys: schema.propertyKeys,
    graphSchema: schema.graphSchema,
    defaultLanguage: CYPHER_VERSION,
    parameters: Object.fromEntries(parameters.map((p) => [p, null])),
  };
}

// The Neo4j variant of a canned query: the common body, or the `// dialect: neo4j` part.
// Lines of other dialects become blank so that line numbers stay those of the file.
function neo4jVariant(text) {
  let current = '';
  const dialects = new Set();
  const lines = text.split(/\r?\n/).map((line) => {
    const m = line.match(DIALECT);
    if (m) {
      current = m[1];
      dialects.add(current);
      return '';
    }
    return current === '' || current === 'neo4j' ? line : '';
  });
  if (dialects.size && !dialects.has('neo4j')) return null;
  return lines.join('\n');
}

function statementsOf(file) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    return JSON.parse(text).map((s) => ({
      where: `${file}#${s.name}`,
      cypher: s.cypher,
      parameters: Object.keys(s.params ?? {}),
    }));
  }
  const cypher = neo4jVariant(text);
  const parameters = text
    .split(/\r?\n/)
    .map((line) => line.match(PARAM))
    .filter(Boolean)
    .map((m) => m[1]);
  return [{ where: file, cypher, parameters }];
}

function problems(cypher, schema, parameters) {
  if (cypher === null) {
    return [{ fatal: true, line: 1, column: 1, message: 'no Neo4j variant (// dialect: neo4j)' }];
  }
  const { diagnostics } = lintCypherQuery(cypher, dbSchema(schema, parameters));
  return diagnostics.map((d) => ({
    fatal: d.severity === ERROR || FATAL_WARNING.some((re) => re.test(d.message)),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    message: d.message.replace(/\s+/g, ' '),
  }));
}

// The guard must not pass silently: a linter that stops catching these is broken.
function selfCheck(schema) {
  const mustFail = [
    'MATCH (n) RETURN label(n)', // a LadybugDB function Neo4j lacks
    'MATCH (n:Plan RETURN n', // syntax
    'MATCH (n:Plan) RETURN m', // semantics: undefined variable
    'MATCH (n:Nope) RETURN n', // label not in the schema
  ];
  const missed = mustFail.filter((q) => !problems(q, schema, []).some((p) => p.fatal));
  if (missed.length) {
    console.error(`lint.mjs: the linter no longer catches: ${missed.join(' | ')}`);
    process.exit(2);
  }
}

const files = process.argv.slice(2);
if (!files.length) usage('no files');
const unknown = files.find((f) => f.startsWith('-'));
if (unknown) usage(`unknown option ${unknown}`);

const schema = plangraphSchema();
selfCheck(schema);
let errors = 0;
let warnings = 0;
let statements = 0;
for (const file of files) {
  if (!existsSync(file)) usage(`no such file: ${file}`);
  for (const { where, cypher, parameters } of statementsOf(file)) {
    statements += 1;
    for (const p of problems(cypher, schema, parameters)) {
      if (p.fatal) errors += 1;
      else warnings += 1;
      console.log(`${where}:${p.line}:${p.column}: ${p.fatal ? 'error' : 'warning'}: ${p.message}`);
    }
  }
}
console.log(`${statements} statements: ${errors} errors, ${warnings} warnings`);
process.exit(errors ? 1 : 0);
