import { parseScenarioWithCatalog } from './dist/scenario/validate.js';
import { sizePlatform } from './dist/platforms/size.js';
import { evaluate } from './dist/index.js';
const [, , json] = process.argv;
const [base, g] = JSON.parse(json);
const variants = [base, structuredClone(base)];
const w = variants[1].workloads[g.which % base.workloads.length]; w[g.field] += g.by;
for (const s of variants) {
  const { scenario, catalog } = parseScenarioWithCatalog(s, { today: '2026-11-22' });
  const sz = sizePlatform(scenario.platforms[0], scenario, catalog);
  for (const p of sz.pools) console.log(p.key, 'load', p.loadHosts, 'spare', p.spareHosts, 'usable', JSON.stringify(p.usablePerHost), 'oses', JSON.stringify(p.osesPerHost), 'paired', JSON.stringify(p.pairedOsesPerHost()), p.workloads.map(w => `${w.workload}:${w.perInstance.cpuMillicores}m/${JSON.stringify(w.perInstance.memoryMiB)} max${w.maxPerHost}`).join(' '));
  const e = evaluate(s, { today: '2026-11-22' }); const pl = e.platforms[0];
  console.log('  tco', pl.tco.toString(), 'hosts', pl.hosts, 'added', pl.addedHosts);
  for (const n of pl.notes) console.log('   note:', n.slice(0, 250));
}
