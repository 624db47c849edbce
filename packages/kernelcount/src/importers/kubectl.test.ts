// kubectl import. Expected figures are worked out by hand from the fixture pods (see comments),
// using the Kubernetes rules for a pod's effective request: the larger of (sum of app containers
// + sidecars) and (each init container + the sidecars started before it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { parseScenario } from '../scenario/validate.js';
import { importKubectl } from './kubectl.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const read = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const pods = read('kubectl-pods.json');
const nodes = read('kubectl-nodes.json');

function issuesOf(fn: () => unknown): KernelcountError['issues'] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelcountError);
    return (e as KernelcountError).issues;
  }
  throw new Error('expected a KernelcountError');
}

/** A pod as kubectl prints it, cut to what the importer reads. */
function pod(name: string, spec: Record<string, unknown>, extra: { phase?: string; owner?: [string, string]; labels?: Record<string, string>; namespace?: string } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'default',
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: extra.owner[0], name: extra.owner[1], uid: 'u', controller: true }] } : {}),
    },
    spec,
    status: { phase: extra.phase ?? 'Running' },
  };
}
const list = (...items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, more: Record<string, unknown> = {}) => ({
  name,
  image: `example/${name}:1`,
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
  ...more,
});

describe('importKubectl: a small cluster with pods and nodes', () => {
  const { scenario, report } = importKubectl(pods, { nodes, file: 'pods.json', nodesFile: 'nodes.json' });

  it('groups pods by controller and namespace into workloads', () => {
    expect(scenario.workloads).toEqual([
      // 250m + 50m sidecar = 300m (the 50m init container is smaller); 256Mi + 64Mi sidecar = 320 MiB
      { name: 'shop/web', instances: 3, os: 'linux', cpuMillicores: 300, memoryMiB: 320, image: 'ghcr.io/example/shop-web:1.4.2' },
      // the rollout's new ReplicaSet asks 0.3 CPU: 300m + 50m = 350m
      { name: 'shop/web (2)', instances: 1, os: 'linux', cpuMillicores: 350, memoryMiB: 320, image: 'ghcr.io/example/shop-web:1.5.0' },
      // "1" + 100m = 1100m; 4Gi + 129e6 bytes = 4,423,967,296 bytes = 4219.02 MiB -> 4220; 2Gi ephemeral storage
      { name: 'shop/db', instances: 2, os: 'linux', cpuMillicores: 1100, memoryMiB: 4220, storageGiB: 2, image: 'postgres:16.4' },
      // no requests: kube-scheduler's 100m and 200 MiB
      { name: 'shop/cache', instances: 2, os: 'linux', cpuMillicores: 100, memoryMiB: 200, image: 'redis:7.2-alpine' },
      // Pending: 1500m, 1.5Gi = 1536 MiB
      { name: 'shop/worker', instances: 1, os: 'linux', cpuMillicores: 1500, memoryMiB: 1536, image: 'ghcr.io/example/shop-worker:1.4.2' },
      { name: 'kube-system/coredns', instances: 2, os: 'linux', cpuMillicores: 100, memoryMiB: 70, image: 'registry.k8s.io/coredns/coredns:v1.11.1' },
      // a DaemonSet on 4 nodes, the control-plane one skipped
      { name: 'kube-system/kube-proxy', instances: 3, os: 'linux', cpuMillicores: 100, memoryMiB: 200, image: 'registry.k8s.io/kube-proxy:v1.30.4' },
      { name: 'sandbox/untrusted-runner', instances: 1, os: 'linux', cpuMillicores: 500, memoryMiB: 512, image: 'ghcr.io/example/runner:3.2', needsOwnKernel: true },
      { name: 'win/iis', instances: 2, os: 'windows', cpuMillicores: 1000, memoryMiB: 2048, image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022' },
    ]);
  });

  it('reports skipped pods and nodes with where and why', () => {
    expect(report.skipped.map((s) => [s.where, s.reason, s.column])).toEqual([
      ['pods.json items[11]', 'control-plane', 'spec.nodeName'],
      ['pods.json items[15]', 'control-plane', 'spec.nodeName'],
      ['pods.json items[16]', 'completed', 'status.phase'],
      ['pods.json items[17]', 'failed', 'status.phase'],
      ['nodes.json items[0]', 'control-plane', 'metadata.labels'],
    ]);
    expect(report.skipped[1]!.name).toBe('kube-system/etcd-cp-1');
    expect(report.read).toBe(21);
    expect(report.imported).toBe(17);
  });

  it('reports the default requests it used, per workload and container, with pod counts', () => {
    const lines = report.adjusted.map((a) => `${a.name}: ${a.message} x${a.count}`);
    expect(lines).toContain("shop/cache: container redis: no cpu request or limit: 100 m used (kube-scheduler's figure for a missing request) x2");
    expect(lines).toContain("shop/cache: container redis: no memory request or limit: 200 MiB used (kube-scheduler's figure for a missing request) x2");
    expect(lines).toContain("kube-system/kube-proxy: container kube-proxy: no cpu request or limit: 100 m used (kube-scheduler's figure for a missing request) x3");
    expect(lines).toContain('shop/web (2): pods of shop/web differ in requests: 1 pod of another shape made a workload of their own x1');
  });

  it('turns worker nodes into host types by shape, most common first', () => {
    expect(scenario.hosts).toEqual([
      // 32780112Ki = 32011.8 MiB, rounded down; 101430960Ki = 99053.7 MiB -> 99053 MiB of disk
      { name: 'linux-8cpu-32011mib', sockets: 1, coresPerSocket: 4, threadsPerCore: 2, memoryMiB: 32011, diskGiB: 99053 / 1024, price: 0 },
      // 16776756Ki = 16383.6 MiB; 133625852Ki = 130494.0 MiB -> 130493
      { name: 'windows-4cpu-16383mib', sockets: 1, coresPerSocket: 2, threadsPerCore: 2, memoryMiB: 16383, diskGiB: 130493 / 1024, price: 0 },
    ]);
    expect(report.hosts.map((h) => [h.name, h.count, h.from])).toEqual([
      ['linux-8cpu-32011mib', 3, ['worker-1', 'worker-2', 'worker-3']],
      ['windows-4cpu-16383mib', 1, ['win-1']],
    ]);
    expect(report.warnings).toContain('hosts: node shapes carry price 0 (kubectl does not know what a node costs): set each host price');
    // allocatable 7910m and 32063312Ki = 31311.8 -> 31311 MiB: the cluster keeps 90m and 700 MiB
    expect(report.notes).toContain(
      'linux-8cpu-32011mib: capacity 8000 m, 32011 MiB; allocatable 7910 m, 31311 MiB (the cluster keeps 90 m, 700 MiB; the model applies its reservation rule to capacity)',
    );
  });

  it('totals: CPU, memory and storage as read equal the scenario, which equals its workloads', () => {
    // CPU 3x300 + 350 + 2x1100 + 2x100 + 1500 + 2x100 + 3x100 + 500 + 2x1000 = 8150 m
    // memory 3x320 + 320 + 2x4220 + 2x200 + 1536 + 2x70 + 3x200 + 512 + 2x2048 = 17004 MiB
    expect(report.totals.source).toEqual({ items: 17, cpuMillicores: 8150, memoryMiB: 17004, storageMiB: 4096 });
    expect(report.totals.scenario).toEqual({ instances: 17, cpuMillicores: 8150, memoryMiB: 17004, storageMiB: 4096 });
  });

  it('sets the platforms: the cluster as baseline with its max pods, node VMs that fit its nodes', () => {
    expect(scenario.baseline).toBe('kubernetes');
    expect(scenario.platforms).toEqual([
      { type: 'containers', name: 'kubernetes', reservation: 'generic', maxPods: 110 },
      // half of an 8-thread, 31 GiB, 96.7 GiB host: 4 vCPU (room for a 2-CPU control-plane node twice), 15 GiB, 48 GiB
      { type: 'containers-in-vms', name: 'kubernetes-in-vms', nodeVm: { vcpus: 4, memoryGiB: 15, diskGiB: 48 } },
      { type: 'microvm', name: 'kata', runtime: 'kata-clh' },
      { type: 'vm', name: 'vm-per-pod' },
    ]);
    expect(() => parseScenario(scenario)).not.toThrow();
    expect(evaluate(scenario, { today: '2026-11-22' }).platforms.map((p) => p.name)).toEqual(['kubernetes', 'kubernetes-in-vms', 'kata', 'vm-per-pod']);
  });

  it('notes sandboxes, RuntimeClass overhead, PVCs and Pending pods', () => {
    const notes = report.notes.join('\n');
    expect(notes).toContain('1 pod with a sandbox runtimeClassName (Kata, gVisor, Firecracker) marked needsOwnKernel');
    expect(notes).toContain('RuntimeClass overhead (spec.overhead) left out of 1 pod');
    expect(notes).toContain('PersistentVolumeClaims mounted by 2 pods');
    expect(notes).toContain('Pending pods counted as demand the cluster has not placed yet: 1');
    expect(notes).toContain('5 pods had containers without requests: counted at 100 m CPU and 200 MiB per container');
  });

  it('reads the same output as YAML (kubectl get pods -o yaml)', () => {
    const y = importKubectl(stringify(JSON.parse(pods)), { nodes: stringify(JSON.parse(nodes)) });
    expect(y.scenario.workloads).toEqual(scenario.workloads);
  });
});

describe('importKubectl with namespaces left out', () => {
  it('leaves out every pod of an excluded namespace and lists each one in the report', () => {
    const { scenario, report } = importKubectl(pods, { nodes, file: 'pods.json', nodesFile: 'nodes.json', excludeNamespaces: ['kube-system'] });
    // the fixture's seven kube-system pods: 2 coredns, 4 kube-proxy (one on the control plane), etcd
    const out = report.skipped.filter((s) => s.reason === 'excluded-namespace');
    expect(out.map((s) => s.where)).toEqual([9, 10, 11, 12, 13, 14, 15].map((i) => `pods.json items[${i}]`));
    expect(out.every((s) => s.column === 'metadata.namespace' && s.name.startsWith('kube-system/'))).toBe(true);
    expect(scenario.workloads.map((w) => w.name)).not.toContain('kube-system/coredns');
    // 21 read: 7 excluded, 1 completed, 1 failed; 12 pods in 7 workloads
    expect([report.read, report.imported, scenario.workloads.length]).toEqual([21, 12, 7]);
  });

  it('refuses a namespace name Kubernetes would not accept, naming the list entry', () => {
    expect(() => importKubectl(pods, { excludeNamespaces: ['kube-system', 'Kube_System'] })).toThrow(/excludeNamespaces\[1\]: must be a namespace name/);
    expect(() => importKubectl(pods, { excludeNamespaces: 'kube-system' as unknown as string[] })).toThrow(/excludeNamespaces: must be a list/);
  });
});

describe('importKubectl without nodes', () => {
  it('uses the placeholder host and warns', () => {
    const { scenario, report } = importKubectl(pods);
    expect(scenario.hosts[0]!.name).toMatch(/^example/);
    expect(report.hosts[0]!.placeholder).toBe(true);
    expect(report.warnings[0]).toMatch(/placeholder .* give --nodes/);
    // Without nodes, pods on the control plane cannot be told apart: kube-proxy has 4 pods, etcd is a workload.
    expect(scenario.workloads.find((w) => w.name === 'kube-system/kube-proxy')!.instances).toBe(4);
    expect(scenario.workloads.find((w) => w.name === 'kube-system/etcd')).toMatchObject({ instances: 1, cpuMillicores: 100, memoryMiB: 100 });
  });
});

describe('pod sizing rules', () => {
  it('init containers: the largest one wins when it is bigger than the app', () => {
    const doc = list(pod('p', { containers: [c('app', { cpu: '100m', memory: '64Mi' })], initContainers: [c('migrate', { cpu: '2', memory: '1Gi' })] }));
    expect(importKubectl(doc).scenario.workloads[0]).toMatchObject({ cpuMillicores: 2000, memoryMiB: 1024 });
  });

  it('sidecars add to the app and to every init container after them', () => {
    // sidecar 200m starts first; init 1 after it: 500m + 200m = 700m; app 300m + 200m = 500m -> 700m
    const doc = list(
      pod('p', {
        containers: [c('app', { cpu: '300m', memory: '100Mi' })],
        initContainers: [c('proxy', { cpu: '200m', memory: '50Mi' }, undefined, { restartPolicy: 'Always' }), c('init', { cpu: '500m', memory: '10Mi' })],
      }),
    );
    // memory: app 100 + sidecar 50 = 150; init 10 + 50 = 60 -> 150
    expect(importKubectl(doc).scenario.workloads[0]).toMatchObject({ cpuMillicores: 700, memoryMiB: 150 });
  });

  it('sums exact quantities before rounding up to whole MiB', () => {
    // 1.5 MiB + 1.5 MiB = 3 MiB exactly (rounding each container up first would give 4)
    const doc = list(pod('p', { containers: [c('a', { cpu: '1m', memory: '1572864' }), c('b', { cpu: '1m', memory: '1536Ki' })] }));
    expect(importKubectl(doc).scenario.workloads[0]).toMatchObject({ cpuMillicores: 2, memoryMiB: 3 });
  });

  it('a limit without a request is the request (as Kubernetes sets it); --resources limits uses limits', () => {
    const doc = list(pod('p', { containers: [c('app', { memory: '1Gi' }, { cpu: '2', memory: '2Gi' })] }));
    const r = importKubectl(doc);
    expect(r.scenario.workloads[0]).toMatchObject({ cpuMillicores: 2000, memoryMiB: 1024 });
    expect(r.report.adjusted[0]!.message).toBe('container app: no cpu request: its limit "2" used, as Kubernetes does');
    const l = importKubectl(doc, { resources: 'limits' });
    expect(l.scenario.workloads[0]).toMatchObject({ cpuMillicores: 2000, memoryMiB: 2048 });
    const noLimit = importKubectl(list(pod('p', { containers: [c('app', { cpu: '250m', memory: '1Gi' }, { memory: '2Gi' })] })), { resources: 'limits' });
    expect(noLimit.scenario.workloads[0]).toMatchObject({ cpuMillicores: 250, memoryMiB: 2048 });
    expect(noLimit.report.adjusted[0]!.message).toBe('container app: no cpu limit: its request "250m" used');
  });

  it('uses the stated defaults for containers that ask for nothing, and your own when given', () => {
    const doc = list(pod('p', { containers: [c('a'), c('b', { cpu: '1' })] }));
    expect(importKubectl(doc).scenario.workloads[0]).toMatchObject({ cpuMillicores: 1100, memoryMiB: 400 });
    expect(importKubectl(doc, { defaultCpuMillicores: 50, defaultMemoryMiB: 64 }).scenario.workloads[0]).toMatchObject({ cpuMillicores: 1050, memoryMiB: 128 });
    expect(issuesOf(() => importKubectl(doc, { defaultCpuMillicores: 0 }))[0]).toMatchObject({ path: 'defaultCpuMillicores' });
  });

  it('an explicit zero request becomes 1 m / 1 MiB, reported', () => {
    const r = importKubectl(list(pod('p', { containers: [c('a', { cpu: '0', memory: '0' })] })));
    expect(r.scenario.workloads[0]).toMatchObject({ cpuMillicores: 1, memoryMiB: 1 });
    expect(r.report.adjusted.map((a) => a.message)).toEqual(['CPU of 0 set to 1 m (the model needs some)', 'memory of 0 set to 1 MiB (the model needs some)']);
  });

  it('groups by owner: Deployment via the pod-template-hash, StatefulSet, bare pods, static pods across nodes', () => {
    const doc = list(
      pod('api-6b7c9d-x1', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }, { owner: ['ReplicaSet', 'api-6b7c9d'], labels: { 'pod-template-hash': '6b7c9d' } }),
      pod('api-6b7c9d-x2', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }, { owner: ['ReplicaSet', 'api-6b7c9d'], labels: { 'pod-template-hash': '6b7c9d' } }),
      pod('rs-only-abc', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }, { owner: ['ReplicaSet', 'rs-only'] }),
      pod('lonely', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }),
      pod('etcd-n1', { containers: [c('a', { cpu: '1', memory: '1Gi' })], nodeName: 'n1' }, { owner: ['Node', 'n1'] }),
      pod('etcd-n2', { containers: [c('a', { cpu: '1', memory: '1Gi' })], nodeName: 'n2' }, { owner: ['Node', 'n2'] }),
      pod('api', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }, { owner: ['StatefulSet', 'api'] }),
    );
    const w = importKubectl(doc).scenario.workloads.map((x) => [x.name, x.instances]);
    expect(w).toEqual([
      ['default/deployment/api', 2],
      ['default/rs-only', 1],
      ['default/lonely', 1],
      ['default/etcd', 2],
      ['default/statefulset/api', 1],
    ]);
  });

  it('reads the OS from spec.os, the node selector or the node, and marks sandbox runtimes', () => {
    const doc = list(
      pod('a', { containers: [c('a', { cpu: '1', memory: '1Gi' })], os: { name: 'windows' } }),
      pod('b', { containers: [c('a', { cpu: '1', memory: '1Gi' })], nodeSelector: { 'kubernetes.io/os': 'windows' } }),
      pod('g', { containers: [c('a', { cpu: '1', memory: '1Gi' })], runtimeClassName: 'gvisor' }),
      pod('n', { containers: [c('a', { cpu: '1', memory: '1Gi' })], runtimeClassName: 'nvidia' }),
    );
    const r = importKubectl(doc);
    expect(r.scenario.workloads.map((w) => [w.name, w.os, w.needsOwnKernel ?? false])).toEqual([
      ['default/a', 'windows', false],
      ['default/b', 'windows', false],
      ['default/g', 'linux', true],
      ['default/n', 'linux', false],
    ]);
    expect(r.report.notes.join('\n')).toContain('runtimeClassName "nvidia" not known as a sandbox');
  });

  it('uses the managed service the node labels show for the reservation rule', () => {
    const node = (labels: Record<string, string>, kubelet = 'v1.30.2') => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: { 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': 'm6i.2xlarge', ...labels } },
      status: { capacity: { cpu: '8', memory: '32386524Ki', 'ephemeral-storage': '83873772Ki', pods: '58' }, nodeInfo: { kubeletVersion: kubelet } },
    });
    const doc = list(pod('a', { containers: [c('a', { cpu: '1', memory: '1Gi' })], nodeName: 'n1' }));
    const eks = importKubectl(doc, { nodes: list(node({ 'eks.amazonaws.com/nodegroup': 'ng-1' })) });
    expect(eks.scenario.platforms![0]).toEqual({ type: 'containers', name: 'kubernetes', reservation: 'eks', controlPlane: 'eks', maxPods: 58 });
    expect(eks.scenario.hosts[0]!.name).toBe('m6i.2xlarge');
    const aks = importKubectl(doc, { nodes: list(node({ 'kubernetes.azure.com/agentpool': 'np1' }, 'v1.28.9')) });
    expect(aks.scenario.platforms![0]).toMatchObject({ reservation: 'aks-pre-1.29', controlPlane: 'aks' });
    expect(() => evaluate(eks.scenario, { today: '2026-11-22' })).not.toThrow();
  });
});

describe('malformed kubectl input', () => {
  it('names the pod and field of a bad quantity and of a pod without containers', () => {
    expect(() => importKubectl(read('kubectl-pods-malformed.json'))).toThrowErrorMatchingInlineSnapshot(`
      [KernelcountError: pods.json items[0].spec.containers[0].resources.requests.memory: unknown suffix "GB" in "1GB"; use Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), n, u, m, k, M, G, T, P, E (powers of 1000) or an exponent such as e6 (case matters: m is 1/1000, M is 10^6)
      pods.json items[1].spec.containers: pod shop/no-containers: must list at least one container]
    `);
  });

  it('tells nodes given as pods, and pods given as nodes', () => {
    expect(issuesOf(() => importKubectl(nodes))[0]).toMatchObject({ path: 'pods.json items[0]', message: 'is a Node, not a Pod: give nodes with --nodes' });
    expect(issuesOf(() => importKubectl(pods, { nodes: pods }))[0]).toMatchObject({ path: 'nodes.json items[0]', message: 'is a Pod, not a Node: give pods as the first file' });
  });

  it('refuses empty files, broken JSON, other documents and negative requests', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      ['', 'pods.json', /is empty/],
      ['{"items": [', 'pods.json', /is not valid JSON/],
      ['[1, 2]', 'pods.json', /must be the output of kubectl get pods -A -o json/],
      [JSON.stringify({ kind: 'Deployment' }), 'pods.json', /an object with an items list/],
      [list({ kind: 'Service', metadata: { name: 's' } }), 'pods.json items[0]', /is a "Service", not a Pod/],
      [list(pod('p', { containers: [c('a', { cpu: '-1', memory: '1Gi' })] })), 'pods.json items[0].spec.containers[0].resources.requests.cpu', /must not be negative/],
      [list(pod('p', { containers: [c('a', { cpu: '1', memory: '1Pi' })] })), 'pods.json items[0].spec', /more than any host holds/],
      [list({ kind: 'Pod', spec: { containers: [c('a')] } }), 'pods.json items[0].metadata.name', /is required/],
      [list(pod('done', { containers: [c('a')] }, { phase: 'Succeeded' })), 'pods.json', /no pod to import: every one was skipped: 1 completed/],
    ];
    for (const [doc, p, pattern] of cases) {
      const issue = issuesOf(() => importKubectl(doc))[0]!;
      expect(issue.path, String(doc)).toBe(p);
      expect(issue.message, String(doc)).toMatch(pattern);
    }
  });

  it('refuses nodes without capacity and bad node quantities', () => {
    const doc = list(pod('a', { containers: [c('a', { cpu: '1', memory: '1Gi' })] }));
    const bad = list({ kind: 'Node', metadata: { name: 'n1' }, status: { capacity: { cpu: '8', memory: '32 Gi' } } });
    expect(issuesOf(() => importKubectl(doc, { nodes: bad }))[0]!.path).toBe('nodes.json items[0].status.capacity.memory');
    const none = list({ kind: 'Node', metadata: { name: 'n1' }, status: {} });
    expect(issuesOf(() => importKubectl(doc, { nodes: none }))[0]!.message).toMatch(/capacity\.cpu and capacity\.memory are required/);
  });

  it('refuses YAML nested too deeply before parsing it, at the file, and reads YAML with repeated keys', () => {
    // 200 levels of indentation under one key: the depth check stops it (at most 128 levels).
    const deep = 'apiVersion: v1\nkind: List\nitems:\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n') + ' 1\n';
    const issue = issuesOf(() => importKubectl(deep))[0]!;
    expect(issue.path).toBe('pods.json');
    expect(issue.message).toMatch(/^the YAML nests too deeply at line \d+: at most 128 levels/);
    // A run of [ in YAML (not JSON: the text does not start with one) is refused the same way.
    expect(issuesOf(() => importKubectl('items: ' + '['.repeat(100_000)))[0]!.message).toMatch(/nests too deeply/);
    // kubectl -o yaml of a real pod list is read as before; a repeated key keeps its last value.
    const yamlPods = stringify(JSON.parse(list(pod('web', { containers: [c('a', { cpu: '250m', memory: '256Mi' })] })))).replace('kind: List', 'kind: Pod\nkind: List');
    expect(importKubectl(yamlPods).scenario.workloads).toHaveLength(1);
  });
});

