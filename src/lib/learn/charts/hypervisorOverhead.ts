/**
 * Article 2 (hypervisors): the memory a hypervisor keeps for each VM on top of the VM's configured
 * memory, by configured memory, one series per hypervisor the package models. Every value comes
 * from the package's rules and catalog: VMware's sample tables (6.7, and 4.0 for contrast) read
 * with `esxiOverheadMiB`, KubeVirt's estimate (`kubevirtOverheadMiB`, any catalog version of its
 * formula), OpenShift Virtualization's documented formula (`openshiftVirtOverheadMiB`), and the
 * catalog's weak placeholder for Hyper-V, which publishes no figure.
 */
import { CATALOG, catalogEntries, entryVersion, esxiOverheadMiB, kubevirtOverheadMiB, openshiftVirtOverheadMiB, versionNames } from 'kernelcount';
import type { CatalogEntry, EsxiOverheadResult } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, mib, numericTable } from './common';

export interface HypervisorOverheadParams {
  [key: string]: number | string;
  vcpus: number;
  kubevirt: string;
}

/** Configured VM memory the chart is drawn at (MiB): each step doubles. */
export const VM_SIZES_MIB = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536] as const;

const KUBEVIRT_ENTRY = catalogEntries().find((e) => e.id === 'hypervisor.kubevirt.formula') as CatalogEntry;
type KubevirtFormula = (typeof CATALOG)['hypervisor.kubevirt.formula']['value'];

/** KubeVirt's estimate as of one catalog version (`2025`, `2023`, `2018`). */
export function kubevirtFormula(version: string): KubevirtFormula {
  const v = entryVersion(KUBEVIRT_ENTRY, version);
  if (!v) throw new Error(`KubeVirt overhead has no catalog version "${version}"`);
  return v.value as KubevirtFormula;
}

const KUBEVIRT_VERSIONS = versionNames(KUBEVIRT_ENTRY)
  .slice()
  .sort((a, b) => b.localeCompare(a));

const METHOD_WORDS: Record<EsxiOverheadResult['method'], string> = {
  table: '',
  interpolated: ' (between cells)',
  extrapolated: ' (beyond the table)',
  estimated: ' (cell estimated)',
};

export interface OverheadRow {
  memoryMiB: number;
  esxi67: EsxiOverheadResult;
  esxi40: EsxiOverheadResult;
  kubevirt: number;
  openshift: number;
  hyperv: number;
}

export function hypervisorOverheadModel(p: HypervisorOverheadParams): OverheadRow[] {
  const esxi67 = CATALOG['hypervisor.esxi-6.7.overheadTable'].value;
  const esxi40 = CATALOG['hypervisor.esxi-4.0.overheadTable'].value;
  const kv = kubevirtFormula(p.kubevirt);
  const os = CATALOG['hypervisor.openshift-virt.formula'].value;
  const hyperv = CATALOG['hypervisor.hyperv.perVmMiB'].value;
  return VM_SIZES_MIB.map((m) => ({
    memoryMiB: m,
    esxi67: esxiOverheadMiB(esxi67, m, p.vcpus),
    esxi40: esxiOverheadMiB(esxi40, m, p.vcpus),
    kubevirt: kubevirtOverheadMiB(kv, m, p.vcpus).overheadMiB,
    openshift: openshiftVirtOverheadMiB(os, m, p.vcpus).overheadMiB,
    hyperv,
  }));
}

const gibLabel = (m: number) => `${m >= 1024 ? int(m / 1024) : (m / 1024).toString()} GiB`;
const vcpuWords = (n: number) => `${n} vCPU${n === 1 ? '' : 's'}`;

export const hypervisorOverhead: LearnChartDef<HypervisorOverheadParams> = {
  id: 'hypervisor-overhead',
  defaults: { vcpus: 2, kubevirt: KUBEVIRT_VERSIONS[0]! },
  controls: [
    { kind: 'range', key: 'vcpus', label: 'vCPUs per VM', min: 1, max: 8, step: 1, unit: 'vCPUs' },
    {
      kind: 'select',
      key: 'kubevirt',
      label: 'KubeVirt estimate as of',
      options: KUBEVIRT_VERSIONS.map((v) => ({ value: v, label: `${v} (fixed part ${int(kubevirtFormula(v).fixedMiB)} MiB)` })),
    },
  ],
  compute(p) {
    const rows = hypervisorOverheadModel(p);
    const at4 = rows.find((r) => r.memoryMiB === 4096)!;
    const top = rows.at(-1)!;
    const summary =
      `A VM of ${gibLabel(4096)} and ${vcpuWords(p.vcpus)} costs ${mib(at4.esxi67.overheadMiB)} of hypervisor memory on ESXi 6.7 (${mib(at4.esxi40.overheadMiB)} on ESXi 4.0), ` +
      `${mib(at4.kubevirt)} on KubeVirt, ${mib(at4.openshift)} on OpenShift Virtualization and a placeholder ${mib(at4.hyperv)} on Hyper-V; ` +
      `at ${gibLabel(top.memoryMiB)} ESXi 6.7 reaches ${mib(top.esxi67.overheadMiB)}${top.esxi67.method === 'table' ? '' : ` (${top.esxi67.method === 'extrapolated' ? 'extrapolated beyond' : 'estimated from'} VMware's table)`} and KubeVirt ${mib(top.kubevirt)}.`;
    const series = [
      { label: 'ESXi 6.7 (VMware table)', key: 'esxi-6.7', data: rows.map((r) => r.esxi67.overheadMiB) },
      { label: 'ESXi 4.0 (2009 table)', key: 'esxi-4.0', data: rows.map((r) => r.esxi40.overheadMiB) },
      { label: `KubeVirt (${p.kubevirt} estimate)`, key: 'kubevirt', data: rows.map((r) => r.kubevirt) },
      { label: 'OpenShift Virtualization', key: 'openshift-virt', data: rows.map((r) => r.openshift) },
      { label: 'Hyper-V (weak placeholder)', key: 'hyperv', data: rows.map((r) => r.hyperv) },
    ].map((s) => ({ ...s, type: 'line' as const }));
    return {
      id: 'hypervisor-overhead',
      title: 'Hypervisor memory per VM, by the VM’s configured memory',
      summary,
      kind: 'line',
      labels: rows.map((r) => gibLabel(r.memoryMiB)),
      series,
      x: 'configured VM memory (each step doubles)',
      y: 'MiB of overhead per VM',
      table: numericTable(
        `Per-VM overhead memory (MiB) for a VM of ${vcpuWords(p.vcpus)}; ESXi cells read from VMware's sample tables, marked where the value lies between or beyond them`,
        ['VM memory', 'ESXi 6.7', 'ESXi 4.0', `KubeVirt ${p.kubevirt}`, 'OpenShift Virt.', 'Hyper-V (weak)'],
        rows.map((r) => [
          gibLabel(r.memoryMiB),
          `${int(r.esxi67.overheadMiB)}${METHOD_WORDS[r.esxi67.method]}`,
          `${int(r.esxi40.overheadMiB)}${METHOD_WORDS[r.esxi40.method]}`,
          int(r.kubevirt),
          int(r.openshift),
          int(r.hyperv),
        ]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults (and the 1 vCPU table cells). */
export function hypervisorOverheadFigures() {
  const d = hypervisorOverhead.defaults;
  const rows = hypervisorOverheadModel(d);
  const one = hypervisorOverheadModel({ ...d, vcpus: 1 });
  const eight = hypervisorOverheadModel({ ...d, vcpus: 8 });
  const by = (rs: OverheadRow[], m: number) => rs.find((r) => r.memoryMiB === m)!;
  const old2018 = hypervisorOverheadModel({ ...d, kubevirt: '2018' });
  const r4 = by(rows, 4096);
  const current = [r4.esxi67.overheadMiB, r4.kubevirt, r4.openshift, r4.hyperv];
  return {
    spreadAt4: mib(Math.max(...current) - Math.min(...current)),
    vcpus: vcpuWords(d.vcpus),
    vmSize: gibLabel(4096),
    esxi67At4: mib(by(rows, 4096).esxi67.overheadMiB),
    esxi40At4: mib(by(rows, 4096).esxi40.overheadMiB),
    kubevirtAt4: mib(by(rows, 4096).kubevirt),
    openshiftAt4: mib(by(rows, 4096).openshift),
    hypervAt4: mib(by(rows, 4096).hyperv),
    esxi67OneVcpu1G: mib(by(one, 1024).esxi67.overheadMiB),
    esxi40OneVcpu1G: mib(by(one, 1024).esxi40.overheadMiB),
    esxiRatio: (by(one, 1024).esxi40.exactMiB / by(one, 1024).esxi67.exactMiB).toFixed(1),
    esxi67EightVcpu1G: mib(by(eight, 1024).esxi67.overheadMiB),
    esxi67At16: mib(by(rows, 16384).esxi67.overheadMiB),
    esxi67At64: mib(by(rows, 65536).esxi67.overheadMiB),
    kubevirtAt512: mib(by(rows, 512).kubevirt),
    kubevirtAt64: mib(by(rows, 65536).kubevirt),
    kubevirt2018At4: mib(by(old2018, 4096).kubevirt),
    smallest: gibLabel(VM_SIZES_MIB[0]),
    largest: gibLabel(VM_SIZES_MIB.at(-1)!),
    tableTop: gibLabel(16384),
  };
}
