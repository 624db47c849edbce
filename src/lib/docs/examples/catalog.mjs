import { CATALOG, CatalogView, RULES, versionNames } from 'kernelcount';

const gdc = CATALOG['k8s.gdc.baseMemoryMiB'];
console.log(gdc.value, gdc.unit, gdc.asOf, gdc.trust, versionNames(gdc));

// What one evaluation sees: an override, a named version, flags as of a day.
const view = new CatalogView(
  { 'power.pue': 1.3 },
  '2026-11-22',
  { 'licence.windows-server-standard': '2025' },
);
view.get('power.pue');
view.get('licence.windows-server-standard');
for (const a of view.assumptions()) {
  console.log(a.id, a.value, a.trust, a.version ?? '-', a.flags);
}
console.log(RULES.filter((r) => r.kind === 'vm-overhead').map((r) => r.id));
