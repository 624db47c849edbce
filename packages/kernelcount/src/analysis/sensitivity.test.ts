import { describe, expect, it } from 'vitest';
import type { KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { Money, money } from '../money.js';
import { TODAY, baseScenario, loadExample } from '../../test/helpers.js';
import { getInput, setInput } from './paths.js';
import { sensitivity, variedValues } from './sensitivity.js';

type Raw = Record<string, any>;

function errorOf(f: () => unknown): KernelcountError {
  try {
    f();
  } catch (e) {
    return e as KernelcountError;
  }
  throw new Error('expected a KernelcountError');
}

/**
 * The price-versus-power pair of breakEven.test.ts: two container platforms on hosts that differ
 * only in price (10,000 and 20,000) and power (7,884 and 2,628 kWh a year each), every other cost
 * zeroed, the same N hosts each. Difference = N x [(10,000 - 20,000) + 5 x (7,884 - 2,628) x p].
 */
function twoHosts(): Raw {
  const shape = { sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000 };
  return {
    hosts: [
      { name: 'hungry', ...shape, price: 10000, powerIdleW: 400, powerMaxW: 800 },
      { name: 'frugal', ...shape, price: 20000, powerIdleW: 100, powerMaxW: 300 },
    ],
    workloads: [{ name: 'api', instances: 40, vcpus: 1, memoryGiB: 2, imageMiB: 100 }],
    platforms: [
      { type: 'containers', name: 'on-hungry', host: 'hungry' },
      { type: 'containers', name: 'on-frugal', host: 'frugal' },
    ],
    prices: { electricityPerKWh: 0.1, pue: 1.5, averageLoad: 0.5, adminCostPerYear: 0, colocationPerKWMonth: 0, hardwareSupportPercentPerYear: 0 },
  };
}

describe('sensitivity', () => {
  it('moves each input by 20% and measures the swing of the difference, worked by hand', () => {
    const s = twoHosts();
    const n = evaluate(s, { today: TODAY }).platforms[0]!.hosts;
    const t = sensitivity(s, {
      between: ['on-hungry', 'on-frugal'],
      inputs: ['prices.electricityPerKWh', 'hosts[hungry].price', 'hosts[frugal].price'],
      today: TODAY,
    });
    // Host prices: +/-20% of 20,000 moves the frugal platform by 2 x 4,000 x N; of 10,000, 2 x 2,000 x N.
    // Electricity: 0.08..0.12 moves the difference by 5 x 5,256 x 0.04 x N = 1,051.2 N.
    expect(t.rows.map((r) => r.input)).toEqual(['hosts[frugal].price', 'hosts[hungry].price', 'prices.electricityPerKWh']);
    expect(t.rows.map((r) => r.swing.toString())).toEqual([String(8000 * n), String(4000 * n), new Money('1051.2').times(n).toString()]);
    const frugal = t.rows[0]!;
    expect([frugal.low.value.toString(), frugal.high.value.toString()]).toEqual(['16000', '24000']);
    expect(frugal.swingEach.map(String)).toEqual(['0', String(8000 * n)]);
    // Difference at base: N x (-10,000 + 26,280 x 0.1) = -7,372 N.
    expect(t.base.difference.toString()).toBe(String(-7372 * n));
    const elec = t.rows[2]!;
    expect(elec.low.ok && elec.low.difference.toString()).toBe(new Money(-10000).plus(new Money(26280).times('0.08')).times(n).toString());
    expect(t.evaluations).toBe(7);
  });

  it('ranks every input of an example, largest swing first, and each row matches an independent evaluation', () => {
    const s = loadExample('linux-microservices.yaml');
    const t = sensitivity(s, { between: ['vm', 'containers'], today: TODAY });
    expect(t.rows.length).toBeGreaterThan(30);
    for (let i = 1; i < t.rows.length; i++) {
      const [a, b] = [t.rows[i - 1]!, t.rows[i]!];
      if ((a.low.ok || a.high.ok) && (b.low.ok || b.high.ok)) expect(a.swing.gte(b.swing), `${a.input} before ${b.input}`).toBe(true);
    }
    for (const row of t.rows.slice(0, 5)) {
      if (!row.high.ok) continue;
      const e = evaluate(setInput(s, row.input, row.high.value), { today: TODAY });
      const [va, vb] = ['vm', 'containers'].map((n) => e.platforms.find((p) => p.name === n)!.tco);
      expect(row.high.difference.toString()).toBe(va!.minus(vb!).toString());
    }
  });

  it('rounds whole-number inputs away from their value and keeps them within bounds', () => {
    const whole = (value: number, min = 0) => ({ path: 'x', label: '', value: money(value), source: 'scenario' as const, unit: 'hosts', kind: 'number' as const, integer: true, step: money(1), min: money(min), minExclusive: false, max: money(100) });
    const r20 = { down: money('0.2'), up: money('0.2') };
    expect(Object.values(variedValues(whole(3), r20)).slice(0, 2).map(String)).toEqual(['2', '4']); // 2.4 -> 2, 3.6 -> 4
    expect(Object.values(variedValues(whole(10), r20)).slice(0, 2).map(String)).toEqual(['8', '12']);
    expect(Object.values(variedValues(whole(1), r20)).slice(0, 2).map(String)).toEqual(['0', '2']);
    const one = variedValues(whole(1, 1), r20);
    expect([one.low.toString(), one.high.toString()]).toEqual(['1', '2']);
    expect(one.notes.join('; ')).toMatch(/low clamped to 1 \(the minimum is 1\)/);
    const zero = variedValues(whole(0), r20);
    expect([zero.low.toString(), zero.high.toString()]).toEqual(['0', '0']);
    expect(zero.notes.join('; ')).toMatch(/the value is 0/);
    // A fraction that would cross its maximum is clamped.
    const util = getInput({ ...baseScenario(), policy: { targetUtilization: { memory: 0.9 } } }, 'policy.targetUtilization.memory');
    const u = variedValues(util, r20);
    expect([u.low.toString(), u.high.toString()]).toEqual(['0.72', '1']);
    expect(u.notes).toEqual(['high clamped to the maximum 1']);
  });

  it('reports a value that makes the scenario invalid on its row, and carries on', () => {
    const s = baseScenario();
    s.hosts = [{ ...(s.hosts as Raw[])[0], powerIdleW: 500, powerMaxW: 550 }];
    const t = sensitivity(s, { between: ['vm', 'containers'], inputs: ['hosts[h].powerIdleW', 'hosts[h].price'], today: TODAY });
    const idle = t.rows.find((r) => r.input === 'hosts[h].powerIdleW')!;
    // +20% of 500 W idle is 600 W, above the 550 W maximum.
    expect(idle.high.ok).toBe(false);
    expect(!idle.high.ok && idle.high.issues[0]).toMatchObject({ code: 'conflict', path: 'hosts[0].powerMaxW' });
    expect(idle.low.ok).toBe(true);
    expect(idle.notes.join(' ')).toMatch(/^at 600 the scenario is invalid: hosts\[0\]\.powerMaxW: must be >= powerIdleW/);
    expect(t.failed).toEqual(['hosts[h].powerIdleW']);
    expect(t.rows.find((r) => r.input === 'hosts[h].price')!.high.ok).toBe(true);
  });

  it('takes an asymmetric range', () => {
    const t = sensitivity(twoHosts(), { between: ['on-hungry', 'on-frugal'], inputs: ['hosts[hungry].price'], range: { down: '0.1', up: '0.3' }, today: TODAY });
    expect([t.rows[0]!.low.value.toString(), t.rows[0]!.high.value.toString()]).toEqual(['9000', '13000']);
  });

  it('throws for an unknown path, a bad range or unknown platforms', () => {
    const s = twoHosts();
    const between = ['on-hungry', 'on-frugal'];
    expect(() => sensitivity(s, { between, inputs: ['hosts[cheap].price'] })).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: inputs[0]: hosts[cheap].price: no host named "cheap"; hosts are "hungry", "frugal"]`,
    );
    expect(errorOf(() => sensitivity(s, { between, range: 1 })).issues[0]).toMatchObject({ code: 'too_big', path: 'range' });
    expect(errorOf(() => sensitivity(s, { between, range: -0.1 })).issues[0]).toMatchObject({ code: 'too_small', path: 'range' });
    expect(errorOf(() => sensitivity(s, { between, range: 0 })).issues[0]).toMatchObject({ code: 'too_small', path: 'range' });
    expect(errorOf(() => sensitivity(s, { between, range: { down: 'x', up: 0.2 } })).issues[0]).toMatchObject({ code: 'invalid_type', path: 'range.down' });
    expect(errorOf(() => sensitivity(s, { between: ['on-hungry', 'vm'] })).issues[0]).toMatchObject({ code: 'unknown_value', path: 'between[1]' });
  });
});
