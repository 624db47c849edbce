// `npm run bench:import`: median, p95 and p99 time of the importers on generated inventories: an
// RVTools vInfo of 5,000 VMs as CSV and as an .xlsx workbook (read with exceljs), and kubectl
// output of 10,000 pods on 200 nodes. Run after `npm run build` (the npm script builds first).
// Deterministic data (a small LCG, no Math.random); nothing here is real inventory. Timing,
// statistics and output come from lib.mjs, as for `npm run bench`; an import has no scenario to
// start from, so there is no reference ratio here.
import { loadavg } from 'node:os';
import ExcelJS from 'exceljs';
import { importKubectl, importRvtoolsCsv, importRvtoolsXlsx } from '../dist/importers/index.js';
import { PROFILES, environment, formatFigure, headerLines, markdownTable, measure } from './lib.mjs';

let seed = 4242;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rnd() * list.length)];

const header = ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'CPUs', 'Memory', 'NICs', 'Disks', 'Provisioned MiB', 'In Use MiB', 'Annotation',
  'Datacenter', 'Cluster', 'Host', 'OS according to the configuration file', 'OS according to the VMware Tools'];
const oses = ['Red Hat Enterprise Linux 9 (64-bit)', 'Microsoft Windows Server 2022 (64-bit)', 'Ubuntu Linux (64-bit)', 'SUSE Linux Enterprise 15 (64-bit)'];
const rows = [];
for (let i = 0; i < 5000; i++) {
  const prov = 20480 + Math.floor(rnd() * 400000);
  rows.push([`vm-${i}`, rnd() < 0.9 ? 'poweredOn' : 'poweredOff', rnd() < 0.02 ? 'True' : 'False', 'False', pick([1, 2, 4, 8, 16]), pick([2048, 4096, 8192, 16384, 32768]),
    1, 2, prov, Math.floor(prov * rnd()), i % 7 === 0 ? 'owner: team, "core"' : '', 'DC1', `CL-${i % 8}`, `esx${i % 64}.example`, pick(oses), pick(oses)]);
}
const quote = (v) => `"${String(v).replace(/"/g, '""')}"`;
const csv = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('vInfo');
ws.addRow(header);
for (const r of rows) ws.addRow(r.map((v, i) => (i === 2 || i === 3 ? v === 'True' : v)));
wb.addWorksheet('vHost').addRow(['Host']);
const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());

const nodes = [];
for (let n = 0; n < 200; n++) {
  nodes.push({ kind: 'Node', metadata: { name: `node-${n}`, labels: { 'kubernetes.io/os': 'linux' } },
    status: { capacity: { cpu: '16', memory: '65843016Ki', 'ephemeral-storage': '203056560Ki', pods: '110' }, allocatable: { cpu: '15890m', memory: '64692040Ki' } } });
}
const pods = [];
for (let i = 0; i < 10000; i++) {
  const app = `app-${i % 400}`;
  pods.push({ apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `${app}-7d9c6b5f4d-${i}`, namespace: `ns-${i % 20}`, labels: { 'pod-template-hash': '7d9c6b5f4d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-7d9c6b5f4d`, uid: 'u', controller: true }] },
    spec: { nodeName: `node-${i % 200}`, containers: [
      { name: 'app', image: `registry.example/${app}:1`, resources: { requests: { cpu: `${100 + (i % 400)}m`, memory: `${128 + (i % 400)}Mi` }, limits: { memory: '1Gi' } } },
      { name: 'sidecar', image: 'registry.example/proxy:1', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] },
    status: { phase: i % 50 === 0 ? 'Succeeded' : 'Running' } });
}
const podsText = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods });
const nodesText = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: nodes });

const env = environment();
const profile = { ...PROFILES.quick, time: 3000 };
const tasks = [
  [`RVTools vInfo CSV, 5,000 VMs (${(csv.length / 1024).toFixed(0)} KiB)`, () => importRvtoolsCsv(csv)],
  ['RVTools vInfo CSV, 5,000 VMs, --group vm', () => importRvtoolsCsv(csv, { group: 'vm' })],
  [`RVTools .xlsx, 5,000 VMs (${(xlsx.length / 1024).toFixed(0)} KiB)`, async () => importRvtoolsXlsx(xlsx)],
  [`kubectl, 10,000 pods on 200 nodes (${(podsText.length / 1024 / 1024).toFixed(1)} MiB)`, () => importKubectl(podsText, { nodes: nodesText })],
];
const table = [];
for (const [name, fn] of tasks) {
  const f = await measure(name, fn, profile);
  process.stderr.write(`${name}: ${formatFigure(f.median)} ms\n`);
  table.push([name, f.iterations, formatFigure(f.median), formatFigure(f.p95), formatFigure(f.p99)]);
}
console.log([...headerLines(env, loadavg()[0]).map((l) => `${l}  `), '', markdownTable(['task', 'iterations', 'median ms', 'p95 ms', 'p99 ms'], table, ['l', 'r', 'r', 'r', 'r'])].join('\n'));
