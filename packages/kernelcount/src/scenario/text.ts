import { CST, isMap, isScalar, isSeq, isPair, Lexer, LineCounter, parseDocument, type Node } from 'yaml';
import { KernelcountError } from '../errors.js';

/** Largest scenario text accepted (5 MiB): bigger inputs are refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

export type ScenarioTextFormat = 'json' | 'yaml';

// ---- robustness limits for YAML (found by fuzzing, see test/fuzz-text.test.ts) ----
/**
 * Deepest YAML a scenario may be, measured on each line as its indentation in columns plus the
 * `[`/`{` still open plus the `-`, `?` and `:` indicators on it outside brackets (a real scenario
 * reaches about 20). Deeper text is refused before it is parsed: the YAML parser slows down with
 * depth (a 5 MiB run of `[` took 20 s) and runs out of stack near 800 levels, which on Node 20 can
 * abort the process.
 */
export const MAX_YAML_NESTING = 128;

/**
 * Most lexical tokens (scalars, indicators, spaces, line breaks) a YAML scenario may have: about
 * three times a scenario at the 5,000-workload limit (315,000 tokens written by `yaml`). The YAML
 * parser holds about 200 MiB per million tokens of valid text and more when the text is broken
 * (each bad token is one error): 5 MiB of broken YAML ran out of a 4 GiB heap.
 */
export const MAX_YAML_TOKENS = 1_000_000;

/**
 * @internal Why YAML text is refused before parsing (too deep, or more than `maxTokens` tokens), or
 * null. Linear in the text. `what` names the text in the message. The kubectl importer uses it too,
 * with no token limit (its files may be far larger than a scenario).
 */
export function yamlShapeProblem(text: string, opts: { maxTokens?: number; what?: string } = {}): string | null {
  const maxTokens = opts.maxTokens ?? MAX_YAML_TOKENS;
  const what = opts.what ?? 'scenario text';
  let line = 1;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  let scalarSource = false;
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > maxTokens) return `${what} has more than ${maxTokens.toLocaleString('en-US')} YAML tokens (at line ${line}); a scenario at the 5,000-workload limit has about 315,000`;
    if (scalarSource) {
      // The token after a scalar marker is the scalar's own text (a block scalar spans lines).
      scalarSource = false;
      for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++;
      continue;
    }
    if (token === CST.SCALAR) {
      scalarSource = true;
      lineStart = false;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line++;
      indent = 0;
      indicators = 0;
      lineStart = true;
      continue;
    }
    if (type === 'space' && lineStart) indent = token.length;
    else {
      lineStart = false;
      if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
      else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow--;
      else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) indicators++;
    }
    if (indent + flow + indicators > MAX_YAML_NESTING) {
      return `${what} nests too deeply at line ${line}: at most ${MAX_YAML_NESTING} levels (indentation columns, open brackets, and - ? : indicators outside brackets on a line)`;
    }
  }
  return null;
}

/**
 * A key repeated within one map (the first one found), checked with a set per map rather than by
 * the YAML parser's `uniqueKeys`, which compares every key with every other (40,000 keys took 30 s).
 * Keys are equal as the parser's check has them: scalars with the same value.
 */
function firstDuplicateKey(root: Node | null): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) return key;
          seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    } else if (isPair(node)) stack.push(node.key, node.value);
  }
  return undefined;
}
// ---- end robustness limits ----

/**
 * Parses scenario text (JSON or YAML; YAML is a superset, so either parses as YAML) into a plain
 * value for `evaluate`. Syntax errors become a KernelcountError with code `parse_error` and the line.
 *
 * @example
 * parseScenarioText('hosts: []\nworkloads: []').hosts //=> []
 */
export function parseScenarioText(text: string, format: ScenarioTextFormat | 'auto' = 'auto'): unknown {
  if (typeof text !== 'string') {
    throw new KernelcountError([{ code: 'invalid_type', path: '', message: 'scenario text must be a string' }]);
  }
  if (text.length > MAX_SCENARIO_BYTES) {
    throw new KernelcountError([{ code: 'too_large_input', path: '', message: `scenario text is ${text.length} characters; the limit is ${MAX_SCENARIO_BYTES}` }]);
  }
  const trimmed = text.replace(/^\uFEFF/, '');
  if (format === 'json' || (format === 'auto' && /^\s*[{[]/.test(trimmed))) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (e) {
      if (format === 'json') {
        throw new KernelcountError([{ code: 'parse_error', path: '', message: `not valid JSON: ${(e as Error).message}` }]);
      }
      // fall through: YAML flow syntax may still parse
    }
  }
  const shape = yamlShapeProblem(trimmed);
  if (shape) throw new KernelcountError([{ code: 'too_large_input', path: '', message: shape }]);
  const lineCounter = new LineCounter();
  // logLevel 'error': no process warnings on standard error (e.g. for a list used as a map key,
  // which toJS turns into text; the validator then reports it as an unknown field).
  // prettyErrors is off: it formats every error with its context, and broken text can hold tens of
  // thousands of errors (96 KB of it took 4.5 s); only the first 20 are shown, positioned here.
  const doc = parseDocument(trimmed, { uniqueKeys: false, prettyErrors: false, strict: true, lineCounter, logLevel: 'error' });
  if (doc.errors.length) {
    throw new KernelcountError(
      doc.errors.slice(0, 20).map((err) => {
        const at = err.pos?.[0] === undefined ? undefined : lineCounter.linePos(err.pos[0]);
        return {
          code: 'parse_error' as const,
          path: '',
          message: `not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${err.message.split('\n')[0]}`,
        };
      }),
    );
  }
  const duplicate = firstDuplicateKey(doc.contents);
  if (duplicate) {
    const at = lineCounter.linePos(duplicate.range?.[0] ?? 0);
    throw new KernelcountError([{ code: 'parse_error', path: '', message: `not valid YAML at line ${at.line}, column ${at.col}: Map keys must be unique` }]);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    throw new KernelcountError([{ code: 'parse_error', path: '', message: `not valid YAML: ${(e as Error).message}` }]);
  }
}
