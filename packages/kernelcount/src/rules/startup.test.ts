import { describe, expect, it } from 'vitest';
import { warmSpareForSpike } from './startup.js';
import { CATALOG } from '../catalog/catalog.js';
import { isKernelcountError } from '../errors.js';

const spike = (baselineInstances: number, peakInstances: number, rampSeconds: number, startSeconds: number) =>
  warmSpareForSpike({ baselineInstances, peakInstances, rampSeconds, startSeconds });

// Demand rises linearly from baseline to peak over the ramp; new instances serve `start` seconds
// after demand asks for them, so the spares must cover the rise over one start time:
// spare = ceil((peak - baseline) x min(start, ramp) / ramp).
describe('warm spare for a linear spike', () => {
  it.each([
    // baseline, peak, ramp s, start s, spare
    [100, 300, 60, 30, 100], // half the ramp passes while a VM boots: half the 200 rise
    [100, 300, 60, 6, 20], // a tenth of the ramp: 200 x 6 / 60
    [100, 300, 600, 30, 10], // 200 x 30 / 600
    [100, 300, 60, 0.568, 2], // 200 x 0.568 / 60 = 1.89, rounded up
    [100, 300, 60, 0.125, 1], // 200 x 0.125 / 60 = 0.42, rounded up: any shortfall needs one instance
    [10, 11, 3600, 30, 1], // a rise of 1 over an hour still needs a whole spare
  ])('baseline %i, peak %i over %i s with start %i s: %i spare', (b, p, r, s, want) => {
    expect(spike(b, p, r, s)).toBe(want);
  });

  it('start 0: no spare at any ramp, even an instant step', () => {
    expect(spike(100, 300, 60, 0)).toBe(0);
    expect(spike(100, 300, 0, 0)).toBe(0);
  });

  it('start at or beyond the ramp: nothing new arrives in time, so the whole rise must be warm', () => {
    expect(spike(100, 300, 30, 30)).toBe(200);
    expect(spike(100, 300, 30, 30.001)).toBe(200);
    expect(spike(100, 300, 10, 3600)).toBe(200);
  });

  it('an instant spike (ramp 0) needs the whole rise for any start time above 0', () => {
    expect(spike(100, 300, 0, 0.125)).toBe(200);
    expect(spike(100, 300, 0, 30)).toBe(200);
    expect(spike(100, 250.5, 0, 1)).toBe(151); // a fractional rise rounds up
  });

  it('just below the ramp the spare is just below the whole rise', () => {
    expect(spike(100, 300, 30, 29.99)).toBe(200); // 199.87 -> 200
    expect(spike(100, 300, 30, 29.85)).toBe(199); // 199.0 exactly
  });

  it('no rise needs no spare', () => {
    expect(spike(100, 100, 60, 30)).toBe(0);
    expect(spike(0, 0, 0, 30)).toBe(0);
  });

  it('rounds in decimal: a result that is a whole number in decimal is not pushed up by float error', () => {
    // 3 x 0.1 / 0.3 is 1.0000000000000002 in binary floating point; the rule gets 1.
    expect(spike(0, 3, 0.3, 0.1)).toBe(1);
    expect(spike(0, 7, 0.7, 0.1)).toBe(1);
  });

  it('grows with the start time and shrinks with the ramp', () => {
    const starts = [0, 0.125, 0.568, 0.71, 5, 30, 60, 120].map((s) => spike(100, 400, 60, s));
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
    const ramps = [0, 1, 10, 60, 600, 3600].map((r) => spike(100, 400, r, 30));
    for (let i = 1; i < ramps.length; i++) expect(ramps[i]!).toBeLessThanOrEqual(ramps[i - 1]!);
  });

  it('with the catalog start times, a VM needs far more spares than a container or a micro-VM', () => {
    const vm = spike(100, 300, 60, CATALOG['vm.bootSeconds'].value);
    const container = spike(100, 300, 60, CATALOG['runtime.containerStartSeconds'].value);
    const kata = spike(100, 300, 60, CATALOG['sandbox.kata.startSeconds'].value);
    const firecracker = spike(100, 300, 60, CATALOG['hypervisor.firecracker.startMs'].value / 1000);
    expect([vm, container, kata, firecracker]).toEqual([100, 2, 3, 1]); // 30 s, 0.568 s, 0.71 s, 0.125 s
  });
});

describe('warm spare input checks', () => {
  it('refuses a peak below the baseline, naming the field', () => {
    try {
      spike(300, 100, 60, 30);
      expect.unreachable();
    } catch (e) {
      expect(isKernelcountError(e)).toBe(true);
      if (isKernelcountError(e)) expect(e.issues.map((i) => [i.code, i.path])).toEqual([['too_small', 'peakInstances']]);
    }
  });

  it('refuses negative, non-finite and non-numeric inputs with the field named', () => {
    expect(() => spike(-1, 10, 60, 30)).toThrow(/baselineInstances: must be at least 0/);
    expect(() => spike(1, 10, -5, 30)).toThrow(/rampSeconds: must be at least 0/);
    expect(() => spike(1, 10, 60, Number.POSITIVE_INFINITY)).toThrow(/startSeconds: must be a finite number/);
    expect(() => spike(1, Number.NaN, 60, 30)).toThrow(/peakInstances: must be a number/);
    expect(() => warmSpareForSpike({ baselineInstances: 1, peakInstances: 2, rampSeconds: '60' as unknown as number, startSeconds: 1 })).toThrow(/rampSeconds/);
  });
});

describe('start-time catalog figures', () => {
  it('carry the figures of their sources', () => {
    expect(CATALOG['hypervisor.firecracker.startMs'].value).toBe(125); // SPECIFICATION.md: <= 125 ms to /sbin/init
    expect(CATALOG['hypervisor.firecracker.startMs'].trust).toBe('vendor');
    expect(CATALOG['runtime.containerStartSeconds'].value).toBe(0.568); // arXiv 2602.15214: SSD 568 ms
    expect(CATALOG['runtime.containerStartSeconds'].versions?.hdd?.value).toBe(1.157); // HDD 1157 ms
    expect(CATALOG['sandbox.kata.startSeconds'].value).toBe(0.71); // kata-qemu CI to-workload baseline
    expect(CATALOG['vm.bootSeconds'].value).toBe(30);
    expect(CATALOG['vm.bootSeconds'].trust).toBe('weak'); // a placeholder for "tens of seconds"
  });
});
