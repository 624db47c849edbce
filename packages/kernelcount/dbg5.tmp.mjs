import { evaluate } from './dist/index.js';
const scenario = (price) => ({
  hosts: [{ name: 'h', sockets: 2, coresPerSocket: 8, memoryGiB: 128, price, diskGiB: 20000, powerIdleW: 80, powerMaxW: 80 }],
  workloads: [{ name: 'w', instances: 21, os: 'windows', cpuMillicores: 50, memoryMiB: 64 }],
  platforms: [{ type: 'vm', hypervisor: 'esxi-6.7', hypervisorLicence: 'none', windowsLicensing: 'standard' }],
  policy: { ha: { spareHosts: 1 } },
  prices: { electricityPerKWh: '0.01', adminCostPerYear: 0, licences: { 'windows-server-standard': 1088 } },
});
for (const pr of [3000, 3001, 3002]) {
  const p = evaluate(scenario(pr), { today: '2026-11-22' }).platforms[0];
  console.log(pr, p.hosts, p.addedHosts, p.tco.toString());
  for (const li of p.lineItems) console.log('  ', li.component, li.name, li.quantity.toString(), li.total.toString(), li.formula.slice(0, 140));
  console.log(p.notes[0]);
}
