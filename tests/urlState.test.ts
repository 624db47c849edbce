// The scenario in the URL: round trip, and every kind of bad or hostile link refused in words.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { evaluate, parseScenarioText } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { MAX_ENCODED_CHARS, decodeScenario, encodeScenario, scenarioParam } from '../src/lib/urlState';

const scenario = {
  name: 'test <b>bold</b> "quoted" ünïcödé',
  hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 4000, price: '20000.10' }],
  workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
};

describe('scenario links', () => {
  it('round-trips a scenario exactly', async () => {
    const hash = await encodeScenario(scenario);
    expect(hash).toMatch(/^#s=v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(hash)).toEqual({ ok: true, scenario });
    expect(await decodeScenario(`#other=1&${hash.slice(1)}`)).toEqual({ ok: true, scenario });
  });
  it('compresses: a scenario with 200 similar workloads stays a short link', async () => {
    const big = { ...scenario, workloads: Array.from({ length: 200 }, (_, i) => ({ name: `w${i}`, instances: 10, vcpus: 1, memoryGiB: 2 })) };
    const hash = await encodeScenario(big);
    expect(JSON.stringify(big).length).toBeGreaterThan(8000);
    expect(hash.length).toBeLessThan(2500);
  });
  it.each([
    ['', /carries no scenario/],
    ['#x=1', /carries no scenario/],
    ['#s=v2.abc', /another version/],
    ['#s=v1.', /damaged/],
    ['#s=v1.<script>alert(1)</script>', /characters a scenario link never has/],
    ['#s=v1.AAAA', /damaged|cut short/],
  ])('refuses %j with a reason', async (hash, reason) => {
    const d = await decodeScenario(hash);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(reason);
  });
  it('refuses a truncated link', async () => {
    const hash = await encodeScenario(scenario);
    const d = await decodeScenario(hash.slice(0, Math.floor(hash.length / 2)));
    expect(d.ok).toBe(false);
  });
  it('refuses an oversized link before unpacking it', async () => {
    const d = await decodeScenario(`#s=v1.${'A'.repeat(MAX_ENCODED_CHARS + 1)}`);
    expect(d).toEqual({ ok: false, reason: expect.stringMatching(/too long/) });
  });
  it('refuses a small link that unpacks to more than 1 MiB (a zip bomb)', async () => {
    const hash = await encodeScenario({ hosts: [], pad: 'x'.repeat(2 * 1024 * 1024) });
    expect(hash.length).toBeLessThan(MAX_ENCODED_CHARS);
    const d = await decodeScenario(hash);
    expect(d).toEqual({ ok: false, reason: expect.stringMatching(/more than 1 MiB/) });
  });
  it('refuses JSON that is not a scenario object', async () => {
    for (const v of [[1, 2], 'text', 42, null]) {
      const d = await decodeScenario(await encodeScenario(v));
      expect(d.ok).toBe(false);
    }
  });
  it('finds the parameter among others', () => {
    expect(scenarioParam('#a=1&s=v1.xyz&b=2')).toBe('v1.xyz');
    expect(scenarioParam('s=v1.q')).toBe('v1.q');
  });
});

describe('scenario links as a property', () => {
  // Any JSON object (unicode, deep nesting, big and tiny numbers, keys such as __proto__) comes back
  // from its link exactly; the package's examples, with every section the calculator writes, also
  // evaluate to the same figures after the trip.
  it('any JSON scenario-shaped object survives the link exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }), async (obj) => {
        const decoded = await decodeScenario(await encodeScenario(obj));
        expect(decoded).toEqual({ ok: true, scenario: JSON.parse(JSON.stringify(obj)) });
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('every example, with ranges, growth, finance and a grid region, evaluates the same after the trip', async () => {
    const dir = new URL('../packages/kernelcount/examples/', import.meta.url);
    for (const file of ['linux-microservices.yaml', 'vmware-to-kubernetes.yaml', 'windows-lob-sql.yaml']) {
      const base = parseScenarioText(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;
      const full = {
        ...base,
        growth: { percentPerYear: 7.5 },
        finance: { discountRatePercent: 8, hardware: 'lease', leaseRatePercent: 5 },
        catalogVersions: { ...((base.catalogVersions as object) ?? {}), 'carbon.gridIntensity': 'germany-2023' },
        uncertainty: { 'prices.electricityPerKWh': { low: 0.08, likely: 0.11, high: 0.2 } },
      };
      const decoded = await decodeScenario(await encodeScenario(full));
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(decoded.scenario).toEqual(full);
      const [a, b] = [evaluate(full, { today: '2026-11-22' }), evaluate(decoded.scenario, { today: '2026-11-22' })];
      expect(b.platforms.map((p) => [p.name, p.hosts, p.tco.toString(), p.energy.co2eKgOverHorizon.toString()])).toEqual(
        a.platforms.map((p) => [p.name, p.hosts, p.tco.toString(), p.energy.co2eKgOverHorizon.toString()]),
      );
    }
  });
});
