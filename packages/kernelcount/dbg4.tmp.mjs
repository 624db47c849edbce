import { evaluate } from './dist/index.js';
const scenario = (memoryMiB) => ({
  hosts: [{ name: 'h', sockets: 2, coresPerSocket: 8, memoryGiB: 128, price: 3000, diskGiB: 20000, powerIdleW: 80, powerMaxW: 80 }],
  workloads: [{ name: 'w', instances: 21, os: 'windows', cpuMillicores: 50, memoryMiB }],
  platforms: [{ type: 'vm', hypervisor: 'esxi-6.7', hypervisorLicence: 'none', windowsLicensing: 'standard' }],
  policy: { ha: { spareHosts: 1 } },
  prices: { electricityPerKWh: '0.01', adminCostPerYear: 0, licences: { 'windows-server-standard': 1088 } },
});
for (const m of [64, 3063]) {
  const p = evaluate(scenario(m), { today: '2026-11-22' }).platforms[0];
  console.log(m, p.hosts, p.addedHosts, p.tco.toString());
  for (const li of p.lineItems.filter(l => l.component === 'windows-server')) console.log('  ', li.quantity.toString(), li.formula);
  for (const n of p.notes) console.log('  note:', n);
}
