import type { EsxiOverheadTable } from '../catalog/defaults.js';

export interface EsxiOverheadResult {
  /** Overhead memory rounded up to whole MiB. */
  overheadMiB: number;
  /** The unrounded value read from (or between) the table's cells. */
  exactMiB: number;
  /** How the value was obtained from the sample table. */
  method: 'table' | 'interpolated' | 'extrapolated';
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
 * Management guide 6.5/6.7, "Sample Overhead Memory on Virtual Machines", as of 2018-04). The table gives
 * MB (VMware's MB are MiB) for 256 MB / 1 GB / 4 GB / 16 GB of configured memory and 1/2/4/8 vCPUs.
 * Between cells the value is interpolated linearly in both directions; outside the table it is
 * extrapolated from the two nearest rows or columns, and `method` says which happened.
 *
 * @example
 * esxiOverheadMiB(ESXI_67_OVERHEAD_TABLE, 4096, 2).overheadMiB //=> 53 (52.72 rounded up)
 */
export function esxiOverheadMiB(table: EsxiOverheadTable, memoryMiB: number, vcpus: number): EsxiOverheadResult {
  const mems: readonly number[] = table.rows.map((r) => r.memoryMiB as number);
  const cpus = table.vcpus as readonly number[];
  const exactRow = mems.indexOf(memoryMiB);
  const exactCol = cpus.indexOf(vcpus);
  const [r0, r1] = bracket(mems, memoryMiB);
  const [c0, c1] = bracket(cpus, vcpus);
  const at = (r: number, c: number): number => table.rows[r]!.overheadMiB[c]!;
  const byCpu = (r: number) =>
    exactCol >= 0 ? at(r, exactCol) : lerp(vcpus, cpus[c0]!, cpus[c1]!, at(r, c0), at(r, c1));
  const exact =
    exactRow >= 0 ? byCpu(exactRow) : lerp(memoryMiB, mems[r0]!, mems[r1]!, byCpu(r0), byCpu(r1));
  const outside =
    memoryMiB < mems[0]! || memoryMiB > mems[mems.length - 1]! || vcpus < cpus[0]! || vcpus > cpus[cpus.length - 1]!;
  const method = exactRow >= 0 && exactCol >= 0 ? 'table' : outside ? 'extrapolated' : 'interpolated';
  // A tiny guard: extrapolating below the smallest row can never go under zero.
  const value = Math.max(0, exact);
  const overheadMiB = Math.ceil(Number(value.toFixed(6)));
  return {
    overheadMiB,
    exactMiB: Number(value.toFixed(4)),
    method,
    formula: `ESXi sample table ${method === 'table' ? 'cell' : method + ' value'} for ${memoryMiB} MiB, ${vcpus} vCPU = ${value.toFixed(2)} MiB, rounded up to ${overheadMiB} MiB`,
  };
}
