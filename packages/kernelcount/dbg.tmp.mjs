import { evaluate } from './dist/index.js';
const base = {"name":"test","hosts":[{"name":"host-0","sockets":1,"coresPerSocket":8,"memoryGiB":128,"price":3000,"powerIdleW":80,"diskGiB":20000,"powerMaxW":80}],"workloads":[{"name":"w0","instances":3,"os":"windows","cpuMillicores":50,"memoryMiB":64,"storageGiB":0,"imageMiB":0},{"name":"w1","instances":11,"os":"windows","cpuMillicores":2939,"memoryMiB":64,"storageGiB":0,"imageMiB":0}],"platforms":[{"type":"microvm","runtime":"kata-qemu","name":"p-microvm","host":"host-0"}],"policy":{"ha":{"spareHosts":0}},"prices":{"electricityPerKWh":"0.01","adminCostPerYear":0,"licences":{"windows-server-standard":200}}};
for (const cpu of [50, 928]) {
  const s = structuredClone(base); s.workloads[0].cpuMillicores = cpu;
  const e = evaluate(s, { today: '2026-11-22' });
  const p = e.platforms[0];
  console.log('cpu', cpu, 'hosts', p.hosts, 'tco', p.tco.toString());
  for (const li of p.lineItems.filter(l => l.component === 'windows-server')) console.log('  ', li.name, li.quantity.toString(), li.formula);
  for (const n of p.notes) console.log('  note:', n);
}
