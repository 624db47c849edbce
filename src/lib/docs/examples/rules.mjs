import {
  CATALOG, ESXI_67_OVERHEAD_TABLE, esxiOverheadMiB, kubevirtOverheadMiB,
  nodeReservation,
} from 'kernelcount';

// What an EKS node of 8 vCPU and 32 GiB keeps back, and what pods get.
const node = { cpuMillicores: 8000, memoryMiB: 32768, maxPods: 58 };
console.log(nodeReservation('eks', node).allocatable);

// ESXi 6.7 overhead of a 6 GiB, 3 vCPU VM: between cells of VMware's table.
const esxi = esxiOverheadMiB(ESXI_67_OVERHEAD_TABLE, 6144, 3);
console.log(esxi.overheadMiB, esxi.method);

// KubeVirt's overhead for the same VM, with the catalog's default formula.
const formula = CATALOG['hypervisor.kubevirt.formula'].value;
console.log(kubevirtOverheadMiB(formula, 6144, 3).formula);
