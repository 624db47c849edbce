import { evaluate } from './dist/index.js';
const base = JSON.parse(process.argv[2]);
const field = process.argv[3]; const vals = process.argv.slice(4);
for (const v of vals) {
  const s = structuredClone(base);
  const [wi, f] = field.split('.'); s.workloads[+wi][f] = +v;
  const e = evaluate(s, { today: '2026-11-22' });
  for (const p of e.platforms) {
    console.log(v, p.name, 'hosts', p.hosts, 'tco', p.tco.toString(), p.pools.map(x => [x.key, x.loadHosts, x.spareHosts, x.vms, JSON.stringify(x.osesPerHost)]).join(' | '));
    for (const d of p.licensing) console.log('   ', d.subject, d.hostGroups.map(g => `${g.hosts}x${g.guests}:${g.chosen.product}`).join(', '));
  }
}
