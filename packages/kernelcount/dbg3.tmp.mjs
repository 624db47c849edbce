import { parseScenarioWithCatalog } from './dist/scenario/validate.js';
import { sizePlatform } from './dist/platforms/size.js';
import { evaluate } from './dist/index.js';
const base = {"name":"test","hosts":[{"name":"host-0","sockets":1,"coresPerSocket":19,"memoryGiB":128,"price":3000,"powerIdleW":80,"diskGiB":20000,"powerMaxW":80}],"workloads":[{"name":"w0","instances":27,"os":"windows","cpuMillicores":50,"memoryMiB":64,"storageGiB":0,"imageMiB":0},{"name":"w1","instances":23,"os":"windows","cpuMillicores":1001,"memoryMiB":64,"storageGiB":0,"imageMiB":0}],"platforms":[{"type":"vm","hypervisor":"esxi-6.7","hypervisorLicence":"none","windowsLicensing":"cheapest","name":"p-vm","host":"host-0"}],"policy":{"ha":{"spareHosts":1}},"prices":{"electricityPerKWh":"0.01","adminCostPerYear":0,"licences":{"windows-server-standard":200}}};
for (const mem of [64, 64+996]) {
  const s = structuredClone(base); s.workloads[0].memoryMiB = mem;
  const { scenario, catalog } = parseScenarioWithCatalog(s, { today: '2026-11-22' });
  const sz = sizePlatform(scenario.platforms[0], scenario, catalog);
  for (const p of sz.pools) console.log(mem, p.key, 'load', p.loadHosts, 'spare', p.spareHosts, 'usable', JSON.stringify(p.usablePerHost), 'oses', JSON.stringify(p.osesPerHost), 'paired', JSON.stringify(p.pairedOsesPerHost()), p.workloads.map(w => `${w.workload}:${w.perInstance.cpuMillicores}m max${w.maxPerHost}`).join(' '));
  const e = evaluate(s, { today: '2026-11-22' }); const pl = e.platforms[0];
  console.log('  tco', pl.tco.toString()); for (const li of pl.lineItems.filter(l => l.component === 'windows-server')) console.log('   ', li.name, li.quantity.toString(), li.total.toString(), li.formula.slice(0,300));
  for (const n of pl.notes) console.log('   note:', n);
}
