import { describe, it, expect } from 'vitest';
import { esxiOverheadMiB } from './esxi.js';
import { ESXI_67_OVERHEAD_TABLE, type EsxiOverheadTable } from '../catalog/defaults.js';
import { CATALOG } from '../catalog/catalog.js';

// vSphere Resource Management guide 6.5 & 6.7, "Sample Overhead Memory on Virtual Machines"
// (FACTS.md section 1): MB by configured memory (rows) and vCPUs (columns 1/2/4/8).
const VENDOR_TABLE: ReadonlyArray<[memoryMiB: number, byVcpu: Record<1 | 2 | 4 | 8, number>]> = [
  [256, { 1: 20.29, 2: 24.28, 4: 32.23, 8: 48.16 }],
  [1024, { 1: 25.9, 2: 29.91, 4: 37.86, 8: 53.82 }],
  [4096, { 1: 48.64, 2: 52.72, 4: 60.67, 8: 76.78 }],
  [16384, { 1: 139.62, 2: 143.98, 4: 151.93, 8: 168.6 }],
];

const CELLS = VENDOR_TABLE.flatMap(([memoryMiB, byVcpu]) =>
  ([1, 2, 4, 8] as const).map((vcpus) => ({ memoryMiB, vcpus, value: byVcpu[vcpus] })),
);

const table = ESXI_67_OVERHEAD_TABLE;

describe('ESXi 6.5/6.7 sample overhead table: every published cell', () => {
  it.each(CELLS)('cell $memoryMiB MB x $vcpus vCPU = $value MB is read as a table value, rounded up', ({ memoryMiB, vcpus, value }) => {
    const r = esxiOverheadMiB(table, memoryMiB, vcpus);
    expect(r.method).toBe('table');
    expect(r.exactMiB).toBeCloseTo(value, 4);
    expect(r.overheadMiB).toBe(Math.ceil(value));
  });

  it('the 6.5 and the 6.7 catalog entries both carry the published table', () => {
    for (const id of ['hypervisor.esxi-6.5.overheadTable', 'hypervisor.esxi-6.7.overheadTable'] as const) {
      const t = CATALOG[id].value;
      for (const { memoryMiB, vcpus, value } of CELLS) {
        expect(esxiOverheadMiB(t, memoryMiB, vcpus).exactMiB).toBeCloseTo(value, 4);
      }
    }
  });
});

describe('ESXi sample table: between rows and columns is interpolated', () => {
  it('between rows (2048 MiB, 2 vCPU) lies strictly between the 1024 and 4096 cells', () => {
    const r = esxiOverheadMiB(table, 2048, 2);
    expect(r.method).toBe('interpolated');
    expect(r.exactMiB).toBeGreaterThan(29.91);
    expect(r.exactMiB).toBeLessThan(52.72);
    // linear: 29.91 + (52.72 - 29.91) x (2048 - 1024) / (4096 - 1024) = 29.91 + 22.81 / 3 = 37.5133
    expect(r.exactMiB).toBeCloseTo(37.5133, 3);
    expect(r.overheadMiB).toBe(38);
  });

  it('between columns (1024 MiB, 3 vCPU) lies strictly between the 2 and 4 vCPU cells', () => {
    const r = esxiOverheadMiB(table, 1024, 3);
    expect(r.method).toBe('interpolated');
    expect(r.exactMiB).toBeGreaterThan(29.91);
    expect(r.exactMiB).toBeLessThan(37.86);
    // (29.91 + 37.86) / 2 = 33.885
    expect(r.exactMiB).toBeCloseTo(33.885, 3);
    expect(r.overheadMiB).toBe(34);
  });

  it('between rows and columns (2048 MiB, 3 vCPU) lies strictly between the four surrounding cells', () => {
    const r = esxiOverheadMiB(table, 2048, 3);
    expect(r.method).toBe('interpolated');
    expect(r.exactMiB).toBeGreaterThan(29.91); // 1024 MiB, 2 vCPU
    expect(r.exactMiB).toBeLessThan(60.67); // 4096 MiB, 4 vCPU
    // at 3 vCPU: 1024 row 33.885, 4096 row (52.72 + 60.67) / 2 = 56.695; 33.885 + 22.81 / 3 = 41.4883
    expect(r.exactMiB).toBeCloseTo(41.4883, 3);
  });
});

describe('ESXi sample table: outside the table is extrapolated', () => {
  it('above the largest row (32768 MiB, 1 vCPU) is extrapolated and above the 16384 MiB cell', () => {
    const r = esxiOverheadMiB(table, 32768, 1);
    expect(r.method).toBe('extrapolated');
    expect(r.exactMiB).toBeGreaterThan(139.62);
    // 48.64 + (139.62 - 48.64) x (32768 - 4096) / (16384 - 4096) = 48.64 + 90.98 x 7/3 = 260.9267
    expect(r.exactMiB).toBeCloseTo(260.9267, 3);
  });

  it('beyond the widest column (4096 MiB, 16 vCPU) is extrapolated and above the 8 vCPU cell', () => {
    const r = esxiOverheadMiB(table, 4096, 16);
    expect(r.method).toBe('extrapolated');
    expect(r.exactMiB).toBeGreaterThan(76.78);
    // 60.67 + (76.78 - 60.67) x (16 - 4) / (8 - 4) = 60.67 + 16.11 x 3 = 109.0
    expect(r.exactMiB).toBeCloseTo(109.0, 3);
  });

  it('below the smallest row (128 MiB, 1 vCPU) is extrapolated, below the 256 MiB cell and not negative', () => {
    const r = esxiOverheadMiB(table, 128, 1);
    expect(r.method).toBe('extrapolated');
    expect(r.exactMiB).toBeLessThan(20.29);
    expect(r.exactMiB).toBeGreaterThanOrEqual(0);
    expect(r.overheadMiB).toBeGreaterThanOrEqual(0);
  });

  it('an extrapolation that would run below zero is held at zero, never negative', () => {
    // A steep table whose straight line crosses zero above 1 MiB: 10 - 90 x 255 / 768 = -19.9 at 1 MiB.
    const steep = {
      vcpus: [1, 2],
      rows: [
        { memoryMiB: 256, overheadMiB: [10, 10] },
        { memoryMiB: 1024, overheadMiB: [100, 100] },
      ],
    } as unknown as EsxiOverheadTable;
    const r = esxiOverheadMiB(steep, 1, 1);
    expect(r.method).toBe('extrapolated');
    expect(r.exactMiB).toBe(0);
    expect(r.overheadMiB).toBe(0);
  });
});

describe('ESXi overhead formula says what happened', () => {
  it('a table cell says "cell" and names the size and the rounded value', () => {
    const f = esxiOverheadMiB(table, 4096, 2).formula;
    expect(f).toContain('cell');
    expect(f).toContain('4096 MiB');
    expect(f).toContain('2 vCPU');
    expect(f).toContain('53 MiB');
    expect(f).not.toMatch(/interpolated|extrapolated/);
  });

  it('an in-between size says "interpolated"', () => {
    const f = esxiOverheadMiB(table, 2048, 2).formula;
    expect(f).toContain('interpolated');
    expect(f).toContain('2048 MiB');
    expect(f).toContain('38 MiB');
  });

  it('a size outside the table says "extrapolated"', () => {
    expect(esxiOverheadMiB(table, 32768, 1).formula).toContain('extrapolated');
    expect(esxiOverheadMiB(table, 4096, 16).formula).toContain('extrapolated');
  });
});

// vSphere Resource Management Guide, ESX 4.0, Table 3-2 "Overhead Memory on Virtual Machines"
// (read from manual copies): cells as printed, and the estimate where the copies show no cell.
describe('ESX/ESXi 4.0 overhead table (for contrast)', () => {
  const t40 = CATALOG['hypervisor.esxi-4.0.overheadTable'].value;
  it.each([
    [256, 1, 113.17, 114],
    [1024, 1, 123.73, 124], // FACTS: about 5x the 6.x figure of 25.90
    [2048, 8, 484.18, 485],
    [4096, 4, 324.99, 325],
    [262144, 1, 3714.99, 3715],
  ])('%s MB, %s vCPU: printed %s MB -> %s MiB', (memoryMiB, vcpus, exact, rounded) => {
    const r = esxiOverheadMiB(t40, memoryMiB, vcpus);
    expect(r.method).toBe('table');
    expect(r.exactMiB).toBe(exact);
    expect(r.overheadMiB).toBe(rounded);
  });
  it('interpolates between printed rows: 1536 MB at 1 vCPU = (123.73 + 137.81) / 2 = 130.77', () => {
    const r = esxiOverheadMiB(t40, 1536, 1);
    expect(r.method).toBe('interpolated');
    expect(r.exactMiB).toBe(130.77);
  });
  it('estimates a cell the source lacks from the 1-vCPU value plus the step of the largest complete row, and says so', () => {
    // 4096 MB, 8 vCPU: 165.98 + (484.18 - 137.81) = 512.35
    const a = esxiOverheadMiB(t40, 4096, 8);
    expect(a.method).toBe('estimated');
    expect(a.exactMiB).toBe(512.35);
    expect(a.formula).toMatch(/estimated/);
    // 8192 MB, 2 vCPU: 222.30 + (242.51 - 165.98) = 298.83 (the 4096 row has the 2-vCPU cell)
    expect(esxiOverheadMiB(t40, 8192, 2).exactMiB).toBe(298.83);
  });
});

describe('bad input to the ESXi rule', () => {
  it('refuses zero memory and fractional vCPUs with the field named', () => {
    expect(() => esxiOverheadMiB(table, 0, 1)).toThrow(/memoryMiB: must be at least 1 MiB/);
    expect(() => esxiOverheadMiB(table, 1024, 2.5)).toThrow(/vcpus: must be a whole number/);
    expect(() => esxiOverheadMiB(table, NaN, 1)).toThrow(/memoryMiB: must be a number/);
  });
});
