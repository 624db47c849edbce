/**
 * Article 3 (anatomy of per-VM overhead): what N VMs of one small app cost the host in memory and
 * disk beyond the app itself, as Linux and as Windows guests on ESXi 6.7. The package evaluates the
 * fleet on the reference host; the chart reads each pool's layers (app, guest OS, hypervisor), so
 * every number is the model's own. The host's one-off reserve is left out: it is paid per host,
 * not per VM.
 */
import { FIGURES } from 'kernelcount';
import type { OsFamily, PoolResult } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { dec1, int, mib, numericTable, pct, platformOf, run, scenario } from './common';

export type VmOverheadView = 'memory' | 'disk-thick' | 'disk-thin';

export interface VmOverheadParams {
  [key: string]: number | string;
  vms: number;
  view: VmOverheadView;
}

/** The app each VM runs: small, as most services are. */
export const VM_APP = { vcpus: 0.5, memoryGiB: 1, storageGiB: 20 } as const;

const OS_LABEL: Record<OsFamily, string> = { linux: 'Linux VMs', windows: 'Windows VMs' };

export interface OsTotals {
  os: OsFamily;
  vms: number;
  memory: { app: number; guestOs: number; hypervisor: number };
  disk: { app: number; guestOs: number };
}

function totals(pool: PoolResult): OsTotals {
  const m = pool.layers.memoryMiB;
  const d = pool.layers.diskMiB;
  return {
    os: pool.os,
    vms: pool.instances,
    memory: { app: m.app, guestOs: m.guestOs, hypervisor: m.hypervisor },
    disk: { app: d.app, guestOs: d.guestOs },
  };
}

/** Memory and disk of `vms` Linux VMs and as many Windows VMs, by layer (MiB), for one disk mode. */
export function vmOverheadModel(vms: number, disk: 'thick' | 'thin'): Record<OsFamily, OsTotals> {
  const e = run(
    scenario({
      name: 'Per-VM overhead: one app as Linux and as Windows VMs',
      policy: { ha: { spareHosts: 0 } },
      workloads: (['linux', 'windows'] as const).map((os) => ({ name: `${os} app`, os, instances: vms, ...VM_APP })),
      platforms: [{ type: 'vm', hypervisor: 'esxi-6.7', disk }],
    }),
  );
  const p = platformOf(e, 'vm');
  const by = (os: OsFamily) => {
    const pool = p.pools.find((x) => x.os === os);
    if (!pool) throw new Error(`no ${os} pool`);
    return totals(pool);
  };
  return { linux: by('linux'), windows: by('windows') };
}

const gib1 = (m: number) => Math.round((m / 1024) * 10) / 10;
const memBeyond = (t: OsTotals) => t.memory.guestOs + t.memory.hypervisor;
const memTotal = (t: OsTotals) => t.memory.app + memBeyond(t);
const diskTotal = (t: OsTotals) => t.disk.app + t.disk.guestOs;
const vmWords = (n: number, os: OsFamily) => `${int(n)} ${os === 'linux' ? 'Linux' : 'Windows'} VM${n === 1 ? '' : 's'}`;

export const vmOverhead: LearnChartDef<VmOverheadParams> = {
  id: 'vm-overhead',
  defaults: { vms: 20, view: 'memory' },
  controls: [
    { kind: 'range', key: 'vms', label: 'Number of VMs of each kind', min: 1, max: 200, step: 1, unit: 'VMs' },
    {
      kind: 'select',
      key: 'view',
      label: 'Show',
      options: [
        { value: 'memory', label: 'Host memory' },
        { value: 'disk-thick', label: 'Host disk, thick disks' },
        { value: 'disk-thin', label: 'Host disk, thin disks' },
      ],
    },
  ],
  compute(p) {
    const disk = p.view === 'disk-thin' ? 'thin' : 'thick';
    const r = vmOverheadModel(p.vms, disk);
    const rows = [r.linux, r.windows];
    const appWords = `a ${dec1(VM_APP.memoryGiB)} GiB app`;
    if (p.view === 'memory') {
      const summary =
        `${vmWords(p.vms, 'linux')} of ${appWords} take ${mib(memTotal(r.linux))} of host memory, ${mib(memBeyond(r.linux))} of it beyond the app (${pct(memBeyond(r.linux) / r.linux.memory.app)} on top); ` +
        `as Windows VMs they take ${mib(memTotal(r.windows))}, ${mib(memBeyond(r.windows))} beyond the app (${pct(memBeyond(r.windows) / r.windows.memory.app)}).`;
      return {
        id: 'vm-overhead',
        title: `Host memory for ${int(p.vms)} VMs of one app, by layer`,
        summary,
        kind: 'stacked-bar',
        horizontal: true,
        labels: rows.map((t) => OS_LABEL[t.os]),
        series: [
          { label: 'App', key: 'app', data: rows.map((t) => gib1(t.memory.app)) },
          { label: 'Guest OS', key: 'guestOs', data: rows.map((t) => gib1(t.memory.guestOs)) },
          { label: 'Hypervisor, per VM', key: 'hypervisor', data: rows.map((t) => gib1(t.memory.hypervisor)) },
        ],
        x: 'GiB of host memory',
        y: '',
        table: numericTable(
          `Host memory (MiB) for ${int(p.vms)} VMs of each kind running ${appWords} on ESXi 6.7; the host's own reserve is not included`,
          ['Guest', 'App', 'Guest OS', 'Hypervisor', 'Total', 'Beyond the app'],
          rows.map((t) => [OS_LABEL[t.os], int(t.memory.app), int(t.memory.guestOs), int(t.memory.hypervisor), int(memTotal(t)), `${int(memBeyond(t))} (${pct(memBeyond(t) / t.memory.app)})`]),
        ),
      };
    }
    const thinNote = disk === 'thin' ? `, each virtual disk counted at ${pct(FIGURES['vm.thinUsedFraction'].value)} of its size (a weak default)` : '';
    const summary =
      `With ${disk} disks${thinNote}, ${vmWords(p.vms, 'linux')} take ${mib(diskTotal(r.linux))} of host disk, ${mib(r.linux.disk.guestOs)} of it for the guest OS; ` +
      `as Windows VMs they take ${mib(diskTotal(r.windows))}, ${mib(r.windows.disk.guestOs)} of it for the guest OS.`;
    return {
      id: 'vm-overhead',
      title: `Host disk for ${int(p.vms)} VMs of one app, ${disk} provisioning`,
      summary,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((t) => OS_LABEL[t.os]),
      series: [
        { label: 'App data', key: 'app', data: rows.map((t) => gib1(t.disk.app)) },
        { label: 'Guest OS disk', key: 'guestOs', data: rows.map((t) => gib1(t.disk.guestOs)) },
      ],
      x: 'GiB of host disk',
      y: '',
      table: numericTable(
        `Host disk (GiB) for ${int(p.vms)} VMs of each kind with ${dec1(VM_APP.storageGiB)} GiB of app data each, ${disk} provisioning`,
        ['Guest', 'App data', 'Guest OS', 'Total', 'Beyond the app'],
        rows.map((t) => [OS_LABEL[t.os], dec1(t.disk.app / 1024), dec1(t.disk.guestOs / 1024), dec1(diskTotal(t) / 1024), `${dec1(t.disk.guestOs / 1024)} (${pct(t.disk.guestOs / t.disk.app)})`]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults (thick and thin). */
export function vmOverheadFigures() {
  const n = vmOverhead.defaults.vms;
  const thick = vmOverheadModel(n, 'thick');
  const thin = vmOverheadModel(n, 'thin');
  const per = (t: OsTotals, m: number) => mib(m / t.vms);
  return {
    vms: int(n),
    app: `${dec1(VM_APP.memoryGiB)} GiB`,
    appData: `${dec1(VM_APP.storageGiB)} GiB`,
    linuxGuestPerVm: per(thick.linux, thick.linux.memory.guestOs),
    windowsGuestPerVm: per(thick.windows, thick.windows.memory.guestOs),
    linuxHvPerVm: per(thick.linux, thick.linux.memory.hypervisor),
    windowsHvPerVm: per(thick.windows, thick.windows.memory.hypervisor),
    linuxVmMemory: per(thick.linux, thick.linux.memory.app + thick.linux.memory.guestOs),
    windowsVmMemory: per(thick.windows, thick.windows.memory.app + thick.windows.memory.guestOs),
    linuxBeyond: mib(memBeyond(thick.linux)),
    windowsBeyond: mib(memBeyond(thick.windows)),
    linuxBeyondPct: pct(memBeyond(thick.linux) / thick.linux.memory.app),
    windowsBeyondPct: pct(memBeyond(thick.windows) / thick.windows.memory.app),
    linuxOsDiskThick: mib(thick.linux.disk.guestOs),
    windowsOsDiskThick: mib(thick.windows.disk.guestOs),
    linuxOsDiskThin: mib(thin.linux.disk.guestOs),
    windowsOsDiskThin: mib(thin.windows.disk.guestOs),
    windowsDiskThick: mib(diskTotal(thick.windows)),
  };
}
