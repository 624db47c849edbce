import { parseScenarioWithCatalog } from './dist/scenario/validate.js';
import { sizePlatform } from './dist/platforms/size.js';
const base = {"name":"test","hosts":[{"name":"host-0","sockets":1,"coresPerSocket":8,"memoryGiB":128,"price":3000,"powerIdleW":80,"diskGiB":20000,"powerMaxW":80}],"workloads":[{"name":"w0","instances":3,"os":"windows","cpuMillicores":50,"memoryMiB":64,"storageGiB":0,"imageMiB":0},{"name":"w1","instances":11,"os":"windows","cpuMillicores":2939,"memoryMiB":64,"storageGiB":0,"imageMiB":0}],"platforms":[{"type":"microvm","runtime":"kata-qemu","name":"p-microvm","host":"host-0"}],"policy":{"ha":{"spareHosts":0}},"prices":{"electricityPerKWh":"0.01","adminCostPerYear":0,"licences":{"windows-server-standard":200}}};
for (const cpu of [50, 928]) {
  const s = structuredClone(base); s.workloads[0].cpuMillicores = cpu;
  const { scenario, catalog } = parseScenarioWithCatalog(s, { today: '2026-11-22' });
  const sz = sizePlatform(scenario.platforms[0], scenario, catalog);
  for (const p of sz.pools) console.log(cpu, p.key, 'load', p.loadHosts, 'usable', JSON.stringify(p.usablePerHost), 'oses', JSON.stringify(p.osesPerHost), 'paired', JSON.stringify(p.pairedOsesPerHost()), p.workloads.map(w => `${w.workload}:${w.perInstance.cpuMillicores}m max${w.maxPerHost}`).join(' '));
}
