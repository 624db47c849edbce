/**
 * Shared pieces for the article charts: a reference host, scenario building, evaluation that fails
 * loudly (an article chart runs on scenarios we wrote, so a rejection is a bug to see at build time),
 * and number wording. No formulas live here: the numbers come from the package.
 */
import { evaluate, LAYERS, LAYER_LABELS } from 'kernelcount';
import type { Evaluation, Money, HostInput, Layer, PlatformInput, PlatformResult, PlatformType, ScenarioInput, WorkloadInput } from 'kernelcount';
import type { TableData } from '../chart';
import { formatCurrency } from '../../format';

/** The reference server the articles use unless a chart says otherwise: two 32-core sockets, 1 TiB. */
export const REFERENCE_HOST: HostInput = {
  name: '2x32-core, 1 TiB',
  sockets: 2,
  coresPerSocket: 32,
  threadsPerCore: 2,
  memoryGiB: 1024,
  diskGiB: 7680,
  price: 38000,
  powerIdleW: 250,
  powerMaxW: 900,
  rackUnits: 2,
};

/** The reference host in words: `2 sockets x 32 cores, 1,024 GiB of memory`. */
export function hostWords(h: HostInput = REFERENCE_HOST): string {
  return `${h.sockets} sockets of ${h.coresPerSocket} cores, ${int(h.memoryGiB ?? 0)} GiB of memory`;
}

export const PLATFORM_LABELS: Record<PlatformType, string> = {
  vm: 'VMs',
  containers: 'Containers (bare metal)',
  'containers-in-vms': 'Containers in VMs',
  microvm: 'Micro-VMs',
};

/** The four platform types as the articles compare them. */
export const FOUR_PLATFORMS: PlatformInput[] = [
  { type: 'vm', hypervisor: 'esxi-6.7' },
  { type: 'containers', reservation: 'generic' },
  { type: 'containers-in-vms' },
  { type: 'microvm', runtime: 'kata-fc' },
];

export function scenario(parts: { name?: string; hosts?: HostInput[]; workloads: WorkloadInput[]; platforms?: PlatformInput[] } & Partial<ScenarioInput>): ScenarioInput {
  const { name = 'Article chart', hosts = [REFERENCE_HOST], platforms = FOUR_PLATFORMS, ...rest } = parts;
  return { currency: 'USD', horizonYears: 5, ...rest, name, hosts, platforms } as ScenarioInput;
}

/** Evaluates a scenario written for an article; a rejection names the article's mistake. */
export function run(s: ScenarioInput): Evaluation {
  try {
    return evaluate(s);
  } catch (e) {
    throw new Error(`Article chart scenario "${s.name}" was rejected: ${(e as Error).message}`);
  }
}

export function platformOf(e: Evaluation, type: PlatformType): PlatformResult {
  const p = e.platforms.find((x) => x.type === type);
  if (!p) throw new Error(`No ${type} platform in "${e.scenario.name}"`);
  return p;
}

/** Memory per instance by layer (MiB, averaged over the fleet, host reserve and spares included). */
export function memoryPerInstanceByLayer(p: PlatformResult): Record<Layer, number> {
  const out = {} as Record<Layer, number>;
  for (const l of LAYERS) out[l] = p.layers.memoryMiB[l] / p.instances;
  return out;
}

export const layerLabel = (l: Layer) => LAYER_LABELS[l];

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const n1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Whole number with separators: `1,024`. */
export const int = (n: number) => n0.format(n);
/** One decimal at most: `12.5`. */
export const dec1 = (n: number) => n1.format(n);
/** MiB worded: under 10 GiB as MiB, else GiB with one decimal. */
export function mib(n: number): string {
  return n < 10 * 1024 ? `${n0.format(n)} MiB` : `${n1.format(n / 1024)} GiB`;
}
export const pct = (fraction: number) => `${n0.format(fraction * 100)}%`;

/** A data table whose first column is a label and the rest numbers. */
export function numericTable(caption: string, columns: string[], rows: string[][]): TableData {
  return { caption, columns, numeric: columns.map((_, i) => i > 0), rows };
}

/** Whole US dollars as the articles quote them (the catalog's prices are in USD), through Intl like every amount on the site. */
export const usd = (m: Money | number): string => formatCurrency(m, 'USD');
