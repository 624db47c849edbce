import type { EsxiOverheadTable } from '../catalog/defaults.js';
import { RULE_LIMITS, checkInputs } from './inputs.js';

export interface EsxiOverheadResult {
  /** Overhead memory rounded up to whole MiB. */
  overheadMiB: number;
  /** The unrounded value read from (or between) the table's cells. */
  exactMiB: number;
  /**
   * How the value was obtained: a table cell; interpolated between cells; extrapolated beyond the
   * table; or estimated because a cell the calculation needs is missing from the source.
   */
  method: 'table' | 'interpolated' | 'extrapolated' | 'estimated';
  formula: string;
}

function bracket(xs: readonly number[], x: number): [number, number] {
  // Index pair to interpolate between; beyond either end, the last two (extrapolation).
  if (xs.length < 2) return [0, 0];
  let i = 0;
  while (i < xs.length - 2 && x > xs[i + 1]!) i++;
  return [i, i + 1];
}

function lerp(x: number, x0: number, x1: number, y0: number, y1: number): number {
  if (x1 === x0) return y0;
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/**
 * Per-VM overhead memory on ESXi, read from VMware's published sample table (vSphere Resource
 * Management guide 6.5/6.7, "Sample Overhead Memory on Virtual Machines", as of 2018-04; or the 4.0
 * guide's table for contrast). The tables give MB (VMware's MB are MiB) by configured memory and
 * vCPUs. Between cells the value is interpolated linearly in both directions; outside the table it
 * is extrapolated from the two nearest rows or columns. Where the source lacks a cell (the 4.0
 * table above 2 GB), the cell is estimated as the row's 1-vCPU value plus the per-vCPU step of the
 * largest complete row. `method` says which happened.
 *
 * @example
 * esxiOverheadMiB(ESXI_67_OVERHEAD_TABLE, 4096, 2).overheadMiB //=> 53 (52.72 rounded up)
 */
export function esxiOverheadMiB(table: EsxiOverheadTable, memoryMiB: number, vcpus: number): EsxiOverheadResult {
  checkInputs({
    memoryMiB: [memoryMiB, { min: 1, max: RULE_LIMITS.memoryMiB, unit: 'MiB' }],
    vcpus: [vcpus, { min: 1, max: RULE_LIMITS.vcpus, integer: true, unit: 'vCPUs' }],
  });
  const mems = table.rows.map((r) => r.memoryMiB);
  const cpus = table.vcpus;
  let estimated = false;
  const at = (r: number, c: number): number => {
    const v = table.rows[r]!.overheadMiB[c];
    if (v !== null && v !== undefined) return v;
    // Missing cell: this row's 1-vCPU value plus the step to column c in the largest row that has it.
    estimated = true;
    for (let k = r - 1; k >= 0; k--) {
      const full = table.rows[k]!.overheadMiB;
      const vc = full[c];
      const v0 = full[0];
      if (vc !== null && vc !== undefined && v0 !== null && v0 !== undefined) return (table.rows[r]!.overheadMiB[0] ?? 0) + (vc - v0);
    }
    return table.rows[r]!.overheadMiB[0] ?? 0;
  };
  const exactRow = mems.indexOf(memoryMiB);
  const exactCol = cpus.indexOf(vcpus);
  const [r0, r1] = bracket(mems, memoryMiB);
  const [c0, c1] = bracket(cpus, vcpus);
  const byCpu = (r: number) => (exactCol >= 0 ? at(r, exactCol) : lerp(vcpus, cpus[c0]!, cpus[c1]!, at(r, c0), at(r, c1)));
  const exact = exactRow >= 0 ? byCpu(exactRow) : lerp(memoryMiB, mems[r0]!, mems[r1]!, byCpu(r0), byCpu(r1));
  const outside = memoryMiB < mems[0]! || memoryMiB > mems[mems.length - 1]! || vcpus < cpus[0]! || vcpus > cpus[cpus.length - 1]!;
  const method = estimated ? 'estimated' : exactRow >= 0 && exactCol >= 0 ? 'table' : outside ? 'extrapolated' : 'interpolated';
  // A tiny guard: extrapolating below the smallest row can never go under zero.
  const value = Math.max(0, exact);
  const overheadMiB = Math.ceil(Number(value.toFixed(6)));
  const how = method === 'table' ? 'cell' : method === 'estimated' ? 'value estimated (a cell the source lacks)' : `${method} value`;
  return {
    overheadMiB,
    exactMiB: Number(value.toFixed(4)),
    method,
    formula: `ESXi sample table ${how} for ${memoryMiB} MiB, ${vcpus} vCPU = ${value.toFixed(2)} MiB, rounded up to ${overheadMiB} MiB`,
  };
}

/**
 * What an ESXi host keeps for itself under the common design guidance of reserving a share of
 * host CPU and memory (VMware Telco Cloud reference architecture: 8%; treat as a weak default),
 * rounded up to whole millicores and MiB.
 *
 * @example
 * esxiHostReserve({ cpuMillicores: 64000, memoryMiB: 524288 }, 8) //=> { cpuMillicores: 5120, memoryMiB: 41944, formula: '...' }
 */
export function esxiHostReserve(host: { cpuMillicores: number; memoryMiB: number }, percent: number): { cpuMillicores: number; memoryMiB: number; formula: string } {
  const cpuMillicores = Math.ceil((host.cpuMillicores * percent) / 100);
  const memoryMiB = Math.ceil((host.memoryMiB * percent) / 100);
  return { cpuMillicores, memoryMiB, formula: `ESXi keeps ${percent}% of host CPU and memory: ${cpuMillicores} m, ${memoryMiB} MiB` };
}
