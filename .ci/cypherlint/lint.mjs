// Lints every .cypher file of the repository with @neo4j-cypher/language-support:
// syntax, semantics (undefined variables, type errors), unknown functions and
// procedures, undeclared parameters, and labels, relationship types and
// property keys outside Rawabit's data model.
//
// Usage: node lint.mjs [FILE.cypher ...]
// Without arguments it lints `git ls-files '*.cypher'` (tracked and untracked,
// not ignored) from the repository root; arguments are linted in addition.
//
// Each file declares its parameters in a header comment:
//   // params: article, actors      (or `// params: none`)
// A $name in the query that the header does not declare is an error, and so
// is a file without the header. Output: file:line:col: severity: message.
// Exit status: 0 clean, 1 problems found, 2 usage or I/O error.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

// Rawabit's data model (graph/neo4jstore, docs/neo4j.md "The model").
const MODEL = {
  labels: ['Actor', 'Person', 'State', 'Organisation', 'Article',
    // review (graph/neo4jstore/review.go)
    'Decision', 'RejectedClaim', 'ReviewLog'],
  relationshipTypes: ['MET', 'SUPPORTED', 'OPPOSED', 'MENTIONED_IN', 'AFFILIATED_WITH',
    // review
    'CONCERNS', 'REJECTED'],
  propertyKeys: [
    // Actor
    'id', 'name', 'name_ar', 'aliases', 'aliases_text', 'search_keys', 'kind', 'affiliation',
    // Article
    'title', 'source', 'url', 'published', 'date_source', 'language', 'text', 'sha256',
    // claim relationships
    'article', 'quote', 'start', 'end', 'certainty', 'confidence', 'extractor',
    // MENTIONED_IN
    'count',
    // keys of the UNWIND $rows maps the store writes (row.actor, row.target)
    'actor', 'target',
    // review: claim relationships (status, decision), Decision nodes (key,
    // seq, kind, reviewer, time, reason, claim, occurrence, actor_id, into and
    // the actor_* of an added actor), RejectedClaim nodes (type, rule,
    // source), the ReviewLog (seq)
    'status', 'decision', 'key', 'seq', 'reviewer', 'time', 'reason', 'claim', 'occurrence',
    'actor_id', 'into', 'type', 'rule',
  ],
};

// Functions and procedures that a stock Neo4j 5 server has: the package's own
// catalogue (testData.mockSchema, taken from a live server) without plugins
// such as APOC or GDS, so that calling one of those is reported as unknown.
const BUILTIN_PROCEDURE = /^(db|dbms|tx)\./;

function builtins(registry, keep) {
  const out = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries).filter(([name, entry]) => keep(name, entry)));
  }
  return out;
}

const FUNCTIONS = builtins(testData.mockSchema.functions, (name, fn) => fn.isBuiltIn === true || !name.includes('.'));
const PROCEDURES = builtins(testData.mockSchema.procedures, (name) => BUILTIN_PROCEDURE.test(name));

// Diagnostics that are errors although the package may report them as
// warnings: anything outside the data model (a misspelt label, type or
// property), deprecated syntax, functions or procedures, and undefined
// variables or parameters.
const WARNING_IS_ERROR = [/is not present in the database/, /is deprecated/, /not defined/];

// blank replaces the comments of a Cypher text by spaces, keeping every other
// character (and so every line and column) where it was. String literals and
// backquoted names are left alone.
export function blankComments(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        j += text[j] === '\\' && c !== '`' ? 2 : 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      let j = text.indexOf('\n', i);
      if (j < 0) j = text.length;
      out += ' '.repeat(j - i);
      i = j;
    } else if (text.startsWith('/*', i)) {
      let j = text.indexOf('*/', i + 2);
      j = j < 0 ? text.length : j + 2;
      out += text.slice(i, j).replace(/[^\n]/g, ' ');
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// declaredParams returns the names listed by the file's `// params:` header,
// or null when there is none.
export function declaredParams(text) {
  const m = text.match(/^\s*\/\/\s*params:\s*(.*)$/m);
  if (!m) return null;
  const list = m[1].trim();
  if (list === '' || list === 'none') return [];
  return list.split(',').map((p) => p.trim().replace(/^\$/, '')).filter(Boolean);
}

function lintFile(file) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  const params = declaredParams(text);
  if (params === null) {
    problems.push({ line: 1, col: 1, severity: 'error', message: "no '// params: a, b' (or '// params: none') header" });
  }
  const query = blankComments(text);
  if (query.trim() === '') {
    problems.push({ line: 1, col: 1, severity: 'error', message: 'no Cypher statement' });
    return problems;
  }
  const schema = {
    ...MODEL,
    functions: FUNCTIONS,
    procedures: PROCEDURES,
    parameters: Object.fromEntries((params ?? []).map((p) => [p, true])),
  };
  const { diagnostics } = lintCypherQuery(query, schema, { consoleCommandsEnabled: false });
  for (const d of diagnostics) {
    // DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
    const isError = d.severity === 1 || (d.severity === 2 && WARNING_IS_ERROR.some((re) => re.test(d.message)));
    if (d.severity > 2) continue;
    problems.push({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      severity: isError ? 'error' : 'warning',
      message: d.message.replace(/\s+/g, ' ').trim(),
    });
  }
  return problems;
}

function repoFiles(root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.cypher'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\0').filter(Boolean).map((f) => path.join(root, f));
}

// display names a file relative to the repository root, or absolutely when
// it lies outside.
function display(root, file) {
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

function main(args) {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const files = [...new Set([...repoFiles(root), ...args.map((a) => path.resolve(a))])].sort();
  if (files.length === 0) {
    console.error('cypherlint: no .cypher files found');
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let problems;
    try {
      problems = lintFile(file);
    } catch (err) {
      console.error(`${display(root, file)}: ${err.message}`);
      return 2;
    }
    for (const p of problems) {
      console.log(`${display(root, file)}:${p.line}:${p.col}: ${p.severity}: ${p.message}`);
      if (p.severity === 'error') errors++;
      else warnings++;
    }
  }
  console.log(`cypherlint: ${files.length} files, ${errors} errors, ${warnings} warnings`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
