// Fuzzing the scenario link: whatever a hash holds (any text, damaged or cut links, valid deflate
// of junk, links at the size limits), `decodeScenario` gives a scenario object or a reason in words
// and never throws; and what it gives goes through `safeEvaluate` (as the calculator does) under
// the package's contract. Counts and seeds: packages/kernelcount/test/fuzz-arbitraries.ts.
import fc from 'fast-check';
import { safeEvaluate } from 'kernelcount';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ENCODED_CHARS, MAX_JSON_BYTES, decodeScenario, encodeScenario, scenarioParam } from '../src/lib/urlState';
import { FUZZ_TIMEOUT_MS, Slowest, checkOutcome, edgeString, edgeTree, fuzzParams, mutatedScenarioArb, safely, scenarioArb } from '../packages/kernelcount/test/fuzz-arbitraries';

const TODAY = '2026-11-22';

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A JSON-safe copy, or undefined for values JSON cannot carry (what a link can hold). */
function jsonSafe(v: unknown): unknown {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Hashes of every kind, as a builder (links need an await to make). */
type HashCase =
  | { kind: 'text'; text: string }
  | { kind: 'payload'; text: string }
  | { kind: 'deflated'; bytes: Uint8Array }
  | { kind: 'link'; value: unknown; damage: number; at: number; piece: string };

const hashCase: fc.Arbitrary<HashCase> = fc.oneof(
  // Any text at all, with or without the parts of a link.
  fc.tuple(fc.constantFrom('', '#', '#s=', '#s=v1.', 's=v1.', '#a=1&s=', '#s=v2.', '#S=v1.', '#s=v1.&s=v1.'), fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), edgeString)).map(([p, t]) => ({ kind: 'text' as const, text: p + t })),
  // The link's alphabet, so decoding reaches the inflater.
  fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 300 }).map((text) => ({ kind: 'payload' as const, text })),
  // Valid deflate of junk bytes: not UTF-8, not JSON, or JSON that is not a scenario.
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom('[1,2]', '"text"', '42', 'null', 'true', '{"a":', '{}', '{"__proto__":{"x":1}}', '\uFEFF{}', '{"a":1}\u0000', `${'['.repeat(100_000)}${']'.repeat(100_000)}`).map((s) => new TextEncoder().encode(s)),
  ).map((bytes) => ({ kind: 'deflated' as const, bytes })),
  // Links the page could have made, damaged in one place (or not at all).
  fc
    .tuple(fc.oneof(scenarioArb, mutatedScenarioArb, edgeTree), fc.integer({ min: 0, max: 6 }), fc.nat(), fc.constantFrom('A', '_', '-', '=', '+', '/', '%', '#', '&', ' ', '\u00e9', '\uD800', '.'))
    .map(([value, damage, at, piece]) => ({ kind: 'link' as const, value: jsonSafe(value), damage, at, piece })),
);

async function buildHash(c: HashCase): Promise<{ hash: string; original?: unknown }> {
  switch (c.kind) {
    case 'text':
      return { hash: c.text };
    case 'payload':
      return { hash: `#s=v1.${c.text}` };
    case 'deflated':
      return { hash: `#s=v1.${base64url(await deflateRaw(c.bytes))}` };
    case 'link': {
      const link = await encodeScenario(c.value ?? null);
      const i = 6 + (c.at % Math.max(1, link.length - 6));
      switch (c.damage) {
        case 0:
          return { hash: link, original: c.value };
        case 1: // one character changed
          return { hash: link.slice(0, i) + c.piece + link.slice(i + 1) };
        case 2: // cut short
          return { hash: link.slice(0, i) };
        case 3: // a character added
          return { hash: link.slice(0, i) + c.piece + link.slice(i) };
        case 4: // among other parameters
          return { hash: `#x=${c.piece}&${link.slice(1)}&s=v1.AAAA`, original: c.value };
        case 5: // doubled
          return { hash: link + link.slice(6) };
        default: // the data of one link under another's prefix
          return { hash: `#s=v0.${link.slice(6)}` };
      }
    }
  }
}

describe('fuzz: scenario links', () => {
  const slow = new Slowest('decodeScenario + safeEvaluate');
  afterAll(() => slow.report());

  it('decodes any hash into a scenario object or a reason, and the scenario evaluates under the package contract', async () => {
    await fc.assert(
      fc.asyncProperty(hashCase, async (c) => {
        const { hash, original } = await buildHash(c);
        await slow.timeAsync(hash.slice(0, 200), async () => {
          expect(() => scenarioParam(hash)).not.toThrow();
          let d: Awaited<ReturnType<typeof decodeScenario>>;
          try {
            d = await decodeScenario(hash);
          } catch (e) {
            throw new Error(`decodeScenario threw for ${JSON.stringify(hash.slice(0, 200))}: ${String(e)}`);
          }
          if (!d.ok) {
            expect(typeof d.reason).toBe('string');
            expect(d.reason.trim()).not.toBe('');
            expect(d.reason).not.toMatch(/undefined|NaN|\[object /);
            // An undamaged link to a scenario object always decodes.
            if (original !== undefined) expect(original === null || typeof original !== 'object' || Array.isArray(original), d.reason).toBe(true);
            return;
          }
          expect(d.scenario !== null && typeof d.scenario === 'object' && !Array.isArray(d.scenario)).toBe(true);
          if (original !== undefined) expect(d.scenario).toEqual(original);
          checkOutcome(d.scenario, safely(() => safeEvaluate(d.scenario, { today: TODAY })), 'safeEvaluate(decodeScenario(hash))');
        });
      }),
      fuzzParams('decodeScenario', 300, 7301) as fc.Parameters<[HashCase]>,
    );
  }, FUZZ_TIMEOUT_MS);

  it('refuses links at and past the size limits with a reason, and keeps one just under', async () => {
    const payload = (n: number) => `#s=v1.${'A'.repeat(n - 3)}`;
    for (const hash of [payload(MAX_ENCODED_CHARS), payload(MAX_ENCODED_CHARS + 1), `#s=v1.${'_'.repeat(10 * MAX_ENCODED_CHARS)}`, `#${'&'.repeat(100_000)}s=v1.AAAA`]) {
      const d = await decodeScenario(hash);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason).toMatch(/too long|damaged|cut short/);
    }
    // Deflated JSON of exactly the limit decodes; a byte more is refused before it is all unpacked.
    const exact = `{"hosts":[],"pad":"${'x'.repeat(MAX_JSON_BYTES - 21)}"}`;
    expect(new TextEncoder().encode(exact).length).toBe(MAX_JSON_BYTES);
    expect((await decodeScenario(`#s=v1.${base64url(await deflateRaw(new TextEncoder().encode(exact)))}`)).ok).toBe(true);
    const over = `{"hosts":[],"pad":"${'x'.repeat(MAX_JSON_BYTES - 20)}"}`;
    const d = await decodeScenario(`#s=v1.${base64url(await deflateRaw(new TextEncoder().encode(over)))}`);
    expect(d).toEqual({ ok: false, reason: expect.stringMatching(/more than 1 MiB/) });
  });
});
