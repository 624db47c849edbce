// Fuzzing scenario text: `parseScenarioText` on any text (JSON, YAML, junk) returns a value or the
// package's own error, never anything else; and what it returns goes through `safeEvaluate` under
// the same contract as fuzz-evaluate.test.ts. Counts and seeds: see fuzz-arbitraries.ts.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isKernelcountError } from '../src/errors.js';
import { safeEvaluate } from '../src/evaluate.js';
import { MAX_SCENARIO_BYTES, MAX_YAML_NESTING, MAX_YAML_TOKENS, parseScenarioText } from '../src/scenario/text.js';
import { TODAY, baseScenario } from './helpers.js';
import { FUZZ_TIMEOUT_MS, Slowest, checkOutcome, edgeString, fuzzParams, mutatedScenarioArb, safely, scenarioArb } from './fuzz-arbitraries.js';

type Parsed = { ok: true; value: unknown } | { ok: false; error: unknown };

function parse(text: string, format: 'json' | 'yaml' | 'auto'): Parsed {
  try {
    return { ok: true, value: parseScenarioText(text, format) };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/** A text parse either gives a value or a KernelcountError whose issues are about the text. */
function checkParsed(p: Parsed, text: string): void {
  if (p.ok) return;
  if (!isKernelcountError(p.error)) throw new Error(`parseScenarioText threw ${String(p.error)}\n${(p.error as Error)?.stack}`);
  expect(p.error.issues.length).toBeGreaterThan(0);
  for (const issue of p.error.issues) {
    expect(['parse_error', 'too_large_input', 'invalid_type']).toContain(issue.code);
    expect(issue.message.trim()).not.toBe('');
    // A syntax error may quote the text; otherwise no placeholder words.
    for (const word of ['undefined', '[object ']) if (!text.includes(word)) expect(issue.message).not.toContain(word);
  }
}

/** Pieces of YAML and JSON syntax, put together at random. */
const YAML_PIECES = [
  '- ', ': ', '? ', '[', ']', '{', '}', ',', '"', "'", '\\', '#', '&a ', '*a', '!!str ', '!!int ', '!!binary ', '!!set ', '!!omap ', '!custom ', '|', '>', '|-', '>+2',
  '---', '...', '%YAML 1.2', '%TAG ! tag:x,2000:', '<<: ', '\n', '\n  ', '\n    ', '\t', ' ', 'hosts', 'workloads', 'name', 'instances', '__proto__', 'constructor',
  '1', '-1', '1e999', '.nan', '.inf', '0x1F', '0o17', 'null', '~', 'true', 'yes', '2026-11-22', '"\\u0000"', '"\\uD800"', '\uFEFF', '\r\n',
];
const yamlSoup = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

/** A scenario written as YAML or JSON, then damaged: a slice cut, a piece inserted, a line repeated or re-indented. */
const damagedText = fc
  .tuple(fc.oneof(scenarioArb, mutatedScenarioArb.filter((s) => s !== undefined && typeof s !== 'symbol' && typeof s !== 'function')), fc.boolean(), fc.nat(), fc.nat(), fc.constantFrom(...YAML_PIECES), fc.integer({ min: 0, max: 3 }))
  .map(([s, asYaml, a, b, piece, how]) => {
    let text: string;
    try {
      text = asYaml ? stringify(s) : (JSON.stringify(s) ?? 'null');
    } catch {
      text = String(a);
    }
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 40));
    const lines = text.split('\n');
    const l = a % lines.length;
    switch (how) {
      case 0:
        return text.slice(0, i) + text.slice(j);
      case 1:
        return text.slice(0, i) + piece + text.slice(i);
      case 2:
        return [...lines.slice(0, l + 1), lines[l], ...lines.slice(l + 1)].join('\n');
      default:
        return [...lines.slice(0, l), ' '.repeat(b % 7) + lines[l], ...lines.slice(l + 1)].join('\n');
    }
  });

const anyText = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: edgeString },
  { weight: 3, arbitrary: yamlSoup },
  { weight: 6, arbitrary: damagedText },
);

describe('fuzz: parseScenarioText', () => {
  const slow = new Slowest('parseScenarioText + safeEvaluate');
  afterAll(() => slow.report());

  it('parses any text into a value or a KernelcountError, and the value evaluates under the safeEvaluate contract', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('json' as const, 'yaml' as const, 'auto' as const), (text, format) => {
        slow.time(text, () => {
          const parsed = parse(text, format);
          checkParsed(parsed, text);
          if (parsed.ok) checkOutcome(parsed.value, safely(() => safeEvaluate(parsed.value, { today: TODAY })), 'safeEvaluate(parseScenarioText(text))');
        });
      }),
      fuzzParams('parseScenarioText', 400, 7101) as fc.Parameters<[string, 'json' | 'yaml' | 'auto']>,
    );
  }, FUZZ_TIMEOUT_MS);
});

// Regressions found by the fuzzing above, and the limits it relies on.
describe('scenario text limits', () => {
  const deepFlow = (n: number) => `hosts: ${'['.repeat(n)}${']'.repeat(n)}`;
  // Each line opens a list and a map inside the previous line's map: two levels a line.
  const deepBlock = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x${i}:`).join('\n');

  it(`refuses YAML nested deeper than ${MAX_YAML_NESTING} levels before parsing it, the same way every time`, () => {
    // Before the limit, a YAML parse that ran out of stack could abort the next parse in the
    // same Node 20 process (a V8 regular-expression failure); so parse the deep text twice.
    for (const text of [deepFlow(1000), deepFlow(1000), deepBlock(1000), deepBlock(1000), deepFlow(2_000_000)]) {
      const p = parse(text, 'yaml');
      expect(p.ok).toBe(false);
      if (p.ok || !isKernelcountError(p.error)) throw new Error('expected a KernelcountError');
      expect(p.error.issues).toEqual([{ code: 'too_large_input', path: '', message: expect.stringMatching(/^scenario text nests too deeply at line \d+: at most 128 levels/) }]);
    }
    expect(parse(deepBlock(1000), 'yaml').ok === false && (parse(deepBlock(1000), 'yaml') as { error: Error }).error.message).toMatch(/at line 65:/);
  });

  it('still reads deep-ish but real YAML: JSON on one line, a long flow map, 60 levels of nesting', () => {
    const oneLine = JSON.stringify({ ...baseScenario(), description: '['.repeat(150) });
    expect(parse(oneLine, 'yaml')).toEqual({ ok: true, value: JSON.parse(oneLine) });
    const flowMap = `{${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join(', ')}}`;
    expect(parse(flowMap, 'yaml').ok).toBe(true);
    expect(parse(deepFlow(60), 'yaml').ok).toBe(true);
    expect(parse(deepBlock(60), 'yaml').ok).toBe(true);
  });

  it('finds a repeated key in a map of 20,000 keys without comparing every pair, and says where once', () => {
    // The YAML parser's own check compared every key with every other: 40,000 keys took 30 s, and
    // this case about 8 s (over Vitest's 5 s limit); a set per map takes a fraction of a second.
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
    const p = parse([...keys, 'k7: again'].join('\n'), 'yaml');
    expect(p.ok).toBe(false);
    if (p.ok || !isKernelcountError(p.error)) throw new Error('expected a KernelcountError');
    expect(p.error.issues).toEqual([{ code: 'parse_error', path: '', message: 'not valid YAML at line 20001, column 1: Map keys must be unique' }]);
  });

  it('keeps the YAML rules on keys: a number and a string are different keys, nested maps are checked too', () => {
    expect(parse('1: a\n"1": b', 'yaml')).toEqual({ ok: true, value: { 1: 'b' } });
    const p = parse('hosts:\n  - name: a\n    name: b\n', 'yaml');
    expect(p.ok === false && (p.error as Error).message).toBe('not valid YAML at line 3, column 5: Map keys must be unique');
  });

  it('names the position of a syntax error once', () => {
    const p = parse('a: [1, 2\nb: 3', 'yaml');
    expect(p.ok).toBe(false);
    if (p.ok || !isKernelcountError(p.error)) throw new Error('expected a KernelcountError');
    for (const issue of p.error.issues) expect(issue.message.match(/at line \d+, column \d+/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it(`refuses YAML of more than ${MAX_YAML_TOKENS} tokens before parsing it, and reads a scenario at the workload limit`, () => {
    // Two JSON objects one after the other: each number after the first object is one more YAML
    // error, and 5 MiB of them ran out of a 4 GiB heap.
    const list = `[${Array(170_000).fill(1).join(',')}]`;
    const p = parse(`{"k":${list}}\n{"k":${list}}`, 'auto');
    expect(p.ok).toBe(false);
    if (p.ok || !isKernelcountError(p.error)) throw new Error('expected a KernelcountError');
    expect(p.error.issues).toEqual([{ code: 'too_large_input', path: '', message: expect.stringMatching(/^scenario text has more than 1,000,000 YAML tokens \(at line 2\)/) }]);
    // 5,000 workloads (the validator's limit) written as YAML: about 315,000 tokens.
    const big = { ...baseScenario(), workloads: Array.from({ length: 5000 }, (_, i) => ({ name: `w${i}`, instances: 2, vcpus: 0.5, memoryGiB: 1, storageGiB: 1, imageMiB: 100, licences: [{ product: 'sql-server-standard' }] })) };
    expect(parse(stringify(big), 'yaml')).toEqual({ ok: true, value: big });
  });

  it(`refuses text over ${MAX_SCENARIO_BYTES} characters without reading it`, () => {
    const p = parse(' '.repeat(MAX_SCENARIO_BYTES + 1), 'auto');
    expect(p.ok === false && isKernelcountError(p.error) && p.error.issues[0]!.code).toBe('too_large_input');
  });
});
