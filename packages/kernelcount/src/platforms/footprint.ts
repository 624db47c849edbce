/** Where each MiB on a host goes, from the bottom of the stack to the application. */
export type Layer = 'hostReserve' | 'hypervisor' | 'guestOs' | 'runtime' | 'app';
export const LAYERS: readonly Layer[] = ['hostReserve', 'hypervisor', 'guestOs', 'runtime', 'app'];
export const LAYER_LABELS: Record<Layer | 'free', string> = {
  hostReserve: 'host reserve',
  hypervisor: 'hypervisor',
  guestOs: 'guest OS',
  runtime: 'runtime / node agents',
  app: 'app',
  free: 'free',
};

export type LayerAmounts = Record<Layer, number>;

/** What one item (a VM, a pod, a node VM, a host's own reservation) takes, split by layer. */
export interface Footprint {
  cpuMillicores: number;
  memoryMiB: LayerAmounts;
  diskMiB: LayerAmounts;
  /** Pod slots used (max pods per node); 0 for VMs. */
  pods: number;
}

export function layers(partial: Partial<LayerAmounts> = {}): LayerAmounts {
  return { hostReserve: 0, hypervisor: 0, guestOs: 0, runtime: 0, app: 0, ...partial };
}

export function total(l: LayerAmounts): number {
  return l.hostReserve + l.hypervisor + l.guestOs + l.runtime + l.app;
}

export function addInto(into: LayerAmounts, l: LayerAmounts, times = 1): void {
  for (const k of LAYERS) into[k] += l[k] * times;
}

export function emptyFootprint(): Footprint {
  return { cpuMillicores: 0, memoryMiB: layers(), diskMiB: layers(), pods: 0 };
}
