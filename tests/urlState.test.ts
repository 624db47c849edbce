// The scenario in the URL: round trip, and every kind of bad or hostile link refused in words.
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
