/**
 * `kubectl get pods -A -o json` (and optionally `kubectl get nodes -o json`) -> kernelcount
 * workloads and hosts.
 *
 * Pods are grouped by their controller (a Deployment through its ReplicaSet, a StatefulSet, a
 * DaemonSet, a Job; a pod without one stands alone) and namespace; each group becomes a workload
 * whose instances are its pods. A pod's CPU and memory are what the scheduler reserves for it:
 * the larger of the sum of its containers (plus sidecars, init containers with restartPolicy
 * Always) and its largest init container (plus the sidecars started before it), as in the
 * Kubernetes docs "Resource Management for Pods and Containers" and "Sidecar containers".
 * Nodes are grouped by shape into host types.
 */
import { parse as parseYaml } from 'yaml';
import { yamlShapeProblem } from '../scenario/text.js';
import { KernelcountError, describeValue, isKernelcountError } from '../errors.js';
import { LIMITS } from '../scenario/validate.js';
import type { ReservationProfile } from '../rules/reservations.js';
import type { ControlPlane, HostInput, PlatformInput, WorkloadInput } from '../scenario/types.js';
import { QuantityDecimal, cpuMillicores as quantityMillicores, memoryMiBFloor, parseQuantity } from './quantity.js';
import {
  IssueList,
  MAX_IMPORT_BYTES,
  PLACEHOLDER_HOST,
  nodeVmFor,
  nothingImported,
  scenarioTotals,
  sizeLabel,
  type Adjustment,
  type ImportReport,
  type ImportResult,
  type ImportedHost,
  type ImportedWorkload,
  type SkippedItem,
} from './report.js';

/**
 * What a container that requests nothing is counted at: kube-scheduler's own figures for a missing
 * request (k8s.io/kubernetes pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest = 100,
 * DefaultMemoryRequest = 200 * 1024 * 1024), which it uses when it spreads such pods.
 */
export const KUBE_SCHEDULER_DEFAULT_REQUEST = { cpuMillicores: 100, memoryMiB: 200 } as const;

/** Runtime classes that run each pod in its own kernel (a sandbox VM or a user-space kernel). */
const SANDBOX_RUNTIME_CLASS = /kata|gvisor|runsc|firecracker/i;

/** Options for reading kubectl output. */
export interface KubectlImportOptions {
  /** `kubectl get nodes -o json` output (text or parsed), for hosts and the OS of each node. */
  nodes?: unknown;
  /** Size pods by their `requests` (default, what the scheduler packs) or their `limits`. */
  resources?: 'requests' | 'limits';
  /** CPU for a container that gives neither a request nor a limit (default 100, kube-scheduler's). */
  defaultCpuMillicores?: number;
  /** Memory for a container that gives neither (default 200 MiB, kube-scheduler's). */
  defaultMemoryMiB?: number;
  /** Hosts of the scenario instead of the node shapes (or the placeholder when no nodes are given). */
  hosts?: HostInput[];
  /**
   * Namespaces whose pods stay out (e.g. `kube-system`, `monitoring`: cluster add-ons the new
   * platform brings its own of); each pod left out is listed in the report. Default none.
   */
  excludeNamespaces?: readonly string[];
  /** File names for the report and messages. */
  file?: string;
  nodesFile?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, key: string): unknown => (isObj(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parses kubectl output: JSON (`-o json`) or YAML (`-o yaml`). */
function parseDocumentText(input: unknown, file: string): unknown {
  if (typeof input !== 'string') return input;
  if (input.length > MAX_IMPORT_BYTES) {
    throw new KernelcountError([{ code: 'too_large_input', path: file, message: `is ${input.length} characters; the limit is ${MAX_IMPORT_BYTES}` }]);
  }
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new KernelcountError([{ code: 'required', path: file, message: 'is empty: expected the output of kubectl get ... -o json' }]);
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new KernelcountError([{ code: 'parse_error', path: file, message: `is not valid JSON: ${(e as Error).message}` }]);
    }
  }
  // The scenario parser's depth check first: deep YAML is slow to parse and can run the parser out of
  // stack (on Node 20 that aborted the next parse). No token limit: kubectl's YAML is verbose.
  const shape = yamlShapeProblem(text, { maxTokens: Number.POSITIVE_INFINITY, what: 'the YAML' });
  if (shape) throw new KernelcountError([{ code: 'too_large_input', path: file, message: shape }]);
  try {
    // uniqueKeys off: the parser's own check compares every key of a map with every other.
    return parseYaml(text, { maxAliasCount: 100, uniqueKeys: false }) as unknown;
  } catch (e) {
    throw new KernelcountError([{ code: 'parse_error', path: file, message: `is neither JSON nor YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
}

/** The items of a List, or a single object as a list of one; checks each is of `kind`. */
function listItems(doc: unknown, kind: 'Pod' | 'Node', file: string): Obj[] {
  const other = kind === 'Pod' ? 'Node' : 'Pod';
  const hint = kind === 'Pod' ? 'kubectl get pods -A -o json' : 'kubectl get nodes -o json';
  if (isObj(doc) && get(doc, 'kind') === kind) return [doc];
  const items = get(doc, 'items');
  if (!Array.isArray(items)) {
    throw new KernelcountError([{ code: 'invalid_type', path: file, message: `must be the output of ${hint}: an object with an items list, got ${describeValue(doc)}` }]);
  }
  const issues = new IssueList();
  items.forEach((item, i) => {
    const k = get(item, 'kind');
    if (!isObj(item)) issues.add({ code: 'invalid_type', path: `${file} items[${i}]`, message: `must be a ${kind} object, got ${describeValue(item)}` });
    else if (k === other) {
      issues.add({
        code: 'invalid_type',
        path: `${file} items[${i}]`,
        message: `is a ${other}, not a ${kind}: ${kind === 'Pod' ? 'give nodes with --nodes' : 'give pods as the first file'}`,
      });
    } else if (k !== undefined && k !== kind) issues.add({ code: 'invalid_type', path: `${file} items[${i}]`, message: `is a ${describeValue(k)}, not a ${kind}` });
  });
  issues.throwIfAny();
  return items as Obj[];
}

/* ------------------------------------------------------------------------------------------ */
/* Nodes                                                                                       */
/* ------------------------------------------------------------------------------------------ */

interface NodeInfo {
  index: number;
  name: string;
  os: 'linux' | 'windows' | undefined;
  osText: string;
  controlPlane: boolean;
  instanceType: string;
  cpuMillicores: number;
  memoryMiB: number;
  diskMiB: number | undefined;
  pods: number | undefined;
  allocatable: { cpuMillicores: number; memoryMiB: number } | undefined;
  provider: 'eks' | 'gke' | 'aks' | undefined;
  kubeletVersion: string;
}

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

function readNodes(doc: unknown, file: string): NodeInfo[] {
  const items = listItems(doc, 'Node', file);
  const issues = new IssueList();
  const nodes: NodeInfo[] = [];
  items.forEach((item, i) => {
    const base = `${file} items[${i}]`;
    const meta = get(item, 'metadata');
    const name = str(get(meta, 'name'));
    if (!name) {
      issues.add({ code: 'required', path: `${base}.metadata.name`, message: 'is required (a node name)' });
      return;
    }
    const labels = isObj(get(meta, 'labels')) ? (get(meta, 'labels') as Obj) : {};
    const status = get(item, 'status');
    const capacity = get(status, 'capacity');
    const allocatable = get(status, 'allocatable');
    const info = get(status, 'nodeInfo');
    const read = <T>(f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        if (isKernelcountError(e)) {
          for (const issue of e.issues) issues.add(issue);
          return undefined;
        }
        throw e;
      }
    };
    const cpuRaw = get(capacity, 'cpu');
    const memRaw = get(capacity, 'memory');
    if (cpuRaw === undefined || memRaw === undefined) {
      issues.add({ code: 'required', path: `${base}.status.capacity`, message: `node ${name}: capacity.cpu and capacity.memory are required` });
      return;
    }
    const cpu = read(() => quantityMillicores(cpuRaw, `${base}.status.capacity.cpu`));
    const mem = read(() => memoryMiBFloor(memRaw, `${base}.status.capacity.memory`));
    const diskRaw = get(capacity, 'ephemeral-storage');
    const disk = diskRaw === undefined ? undefined : read(() => memoryMiBFloor(diskRaw, `${base}.status.capacity.ephemeral-storage`));
    const podsRaw = get(capacity, 'pods');
    const pods = podsRaw === undefined ? undefined : read(() => quantityMillicores(podsRaw, `${base}.status.capacity.pods`) / 1000);
    const aCpu = get(allocatable, 'cpu');
    const aMem = get(allocatable, 'memory');
    const alloc =
      aCpu !== undefined && aMem !== undefined
        ? read(() => ({ cpuMillicores: quantityMillicores(aCpu, `${base}.status.allocatable.cpu`), memoryMiB: memoryMiBFloor(aMem, `${base}.status.allocatable.memory`) }))
        : undefined;
    if (cpu === undefined || mem === undefined || (diskRaw !== undefined && disk === undefined) || (podsRaw !== undefined && pods === undefined)) return;
    const osText = str(labels['kubernetes.io/os']) ?? str(labels['beta.kubernetes.io/os']) ?? str(get(info, 'operatingSystem')) ?? '';
    const os = /^windows$/i.test(osText) ? 'windows' : /^linux$/i.test(osText) ? 'linux' : undefined;
    const provider = labels['eks.amazonaws.com/nodegroup'] !== undefined || labels['eks.amazonaws.com/compute-type'] !== undefined
      ? 'eks'
      : labels['cloud.google.com/gke-nodepool'] !== undefined
        ? 'gke'
        : labels['kubernetes.azure.com/agentpool'] !== undefined || labels['kubernetes.azure.com/cluster'] !== undefined
          ? 'aks'
          : undefined;
    nodes.push({
      index: i,
      name,
      os,
      osText,
      controlPlane: CONTROL_PLANE_LABELS.some((l) => labels[l] !== undefined),
      instanceType: str(labels['node.kubernetes.io/instance-type']) ?? str(labels['beta.kubernetes.io/instance-type']) ?? '',
      cpuMillicores: cpu,
      memoryMiB: mem,
      diskMiB: disk,
      pods: pods === undefined || !Number.isInteger(pods) ? undefined : pods,
      allocatable: alloc,
      provider,
      kubeletVersion: str(get(info, 'kubeletVersion')) ?? '',
    });
  });
  issues.throwIfAny();
  return nodes;
}

interface HostGroup {
  name: string;
  nodes: NodeInfo[];
  host: HostInput;
}

/** Groups worker nodes by shape into host types, the most common first. */
function hostGroups(workers: NodeInfo[], adjusted: Adjustment[], nodesFile: string): HostGroup[] {
  const map = new Map<string, NodeInfo[]>();
  for (const n of workers) {
    const key = [n.instanceType, n.os ?? '', n.cpuMillicores, n.memoryMiB, n.diskMiB ?? ''].join('|');
    const list = map.get(key) ?? [];
    list.push(n);
    map.set(key, list);
  }
  const groups = [...map.values()].sort((a, b) => b.length - a.length || a[0]!.index - b[0]!.index);
  const used = new Set<string>();
  return groups.map((nodes) => {
    const n = nodes[0]!;
    const cpus = Math.floor(n.cpuMillicores / 1000);
    let name = n.instanceType || `${n.os ?? 'node'}-${cpus}cpu-${sizeLabel(n.memoryMiB)}`;
    for (let k = 2; used.has(name); k++) name = `${n.instanceType || 'node'}-${cpus}cpu-${sizeLabel(n.memoryMiB)}${k > 2 ? `-${k}` : ''}`;
    used.add(name);
    const where = `${nodesFile} items[${n.index}]`;
    // Kubernetes reports logical CPUs (hardware threads, or a cloud VM's vCPUs): read an even count
    // as cores with 2 threads each, an odd one as single-thread cores.
    const threadsPerCore = cpus % 2 === 0 ? 2 : 1;
    adjusted.push({
      where,
      column: 'status.capacity.cpu',
      name,
      message: `${cpus} CPUs read as 1 socket x ${cpus / threadsPerCore} cores x ${threadsPerCore} thread${threadsPerCore === 1 ? '' : 's'} (Kubernetes counts logical CPUs; set sockets and cores from your hardware)`,
      count: nodes.length,
    });
    if (n.cpuMillicores % 1000 !== 0) {
      adjusted.push({ where, column: 'status.capacity.cpu', name, message: `${n.cpuMillicores} m of CPU rounded down to ${cpus} whole CPUs`, count: nodes.length });
    }
    let diskMiB = n.diskMiB;
    if (!diskMiB) {
      diskMiB = 100 * 1024;
      adjusted.push({ where, column: 'status.capacity.ephemeral-storage', name, message: 'no ephemeral-storage capacity: disk set to a 100 GiB placeholder', count: nodes.length });
    }
    const host: HostInput = {
      name,
      sockets: 1,
      coresPerSocket: cpus / threadsPerCore,
      threadsPerCore,
      memoryMiB: n.memoryMiB,
      diskGiB: diskMiB / 1024,
      price: 0,
    };
    return { name, nodes, host };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Pods                                                                                        */
/* ------------------------------------------------------------------------------------------ */

type Resource = 'cpu' | 'memory' | 'ephemeral-storage';

interface PodShape {
  cpuMillicores: number;
  memoryMiB: number;
  storageMiB: number;
  os: 'linux' | 'windows';
  needsOwnKernel: boolean;
}

interface PodRead {
  index: number;
  ref: string;
  /** status.phase as given (Running, Pending, or something else or nothing, counted as running). */
  phase: string | undefined;
  group: { namespace: string; kind: string; name: string };
  shape: PodShape;
  image: string | undefined;
  /** Per container and resource, how a missing figure was filled. */
  filled: Array<{ container: string; resource: Resource; how: string }>;
  zeroed: Array<{ resource: 'cpu' | 'memory'; how: string }>;
}

/** The controller a pod belongs to: its Deployment (via the ReplicaSet), StatefulSet, DaemonSet, Job, or itself. */
function ownerOf(meta: unknown, podName: string, nodeName: string | undefined): { kind: string; name: string } {
  const refs = get(meta, 'ownerReferences');
  const list = Array.isArray(refs) ? refs.filter(isObj) : [];
  const ref = list.find((r) => get(r, 'controller') === true) ?? list[0];
  const kind = str(get(ref, 'kind'));
  const name = str(get(ref, 'name'));
  if (!kind || !name) return { kind: 'Pod', name: podName };
  if (kind === 'ReplicaSet') {
    // A Deployment names its ReplicaSets <deployment>-<pod-template-hash>; the pod carries the hash.
    const hash = str(get(get(meta, 'labels'), 'pod-template-hash'));
    if (hash && name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: name.slice(0, -hash.length - 1) };
    return { kind, name };
  }
  if (kind === 'Node') {
    // A static pod's mirror is named <name>-<node>; group the same static pod across nodes.
    const node = nodeName ?? name;
    return { kind: 'StaticPod', name: podName.endsWith(`-${node}`) ? podName.slice(0, -node.length - 1) : podName };
  }
  return { kind, name };
}

interface ContainerFigure {
  /** Exact amount in the base unit: cores for CPU, bytes for memory and storage. */
  value: QuantityDecimal;
  how: string | undefined;
}

const BYTES_PER_MIB = 2 ** 20;

function containerFigure(
  container: unknown,
  resource: Resource,
  basis: 'requests' | 'limits',
  path: string,
  issues: IssueList,
  defaults: { cpu: number; memory: number },
): ContainerFigure | undefined {
  const res = get(container, 'resources');
  const first = basis;
  const second = basis === 'requests' ? 'limits' : 'requests';
  const parse = (raw: unknown, where: string): QuantityDecimal | undefined => {
    try {
      const q = parseQuantity(raw, where).value;
      if (q.isNegative()) {
        issues.add({ code: 'too_small', path: where, message: `must not be negative, got ${describeValue(raw)}` });
        return undefined;
      }
      return q;
    } catch (e) {
      if (isKernelcountError(e)) {
        for (const issue of e.issues) issues.add(issue);
        return undefined;
      }
      throw e;
    }
  };
  const a = get(get(res, first), resource);
  if (a !== undefined) {
    const v = parse(a, `${path}.resources.${first}.${resource}`);
    return v === undefined ? undefined : { value: v, how: undefined };
  }
  const b = get(get(res, second), resource);
  if (b !== undefined) {
    const v = parse(b, `${path}.resources.${second}.${resource}`);
    // With only a limit, Kubernetes sets the request to the limit; with only a request there is no limit.
    return v === undefined
      ? undefined
      : { value: v, how: basis === 'requests' ? `no ${resource} request: its limit ${describeValue(b)} used, as Kubernetes does` : `no ${resource} limit: its request ${describeValue(b)} used` };
  }
  if (resource === 'ephemeral-storage') return { value: new QuantityDecimal(0), how: undefined };
  const value = resource === 'cpu' ? new QuantityDecimal(defaults.cpu).div(1000) : new QuantityDecimal(defaults.memory).times(BYTES_PER_MIB);
  const shown = resource === 'cpu' ? `${defaults.cpu} m` : `${defaults.memory} MiB`;
  return { value, how: `no ${resource} request or limit: ${shown} used (kube-scheduler's figure for a missing request)` };
}

function readPod(
  item: Obj,
  i: number,
  file: string,
  nodes: Map<string, NodeInfo>,
  basis: 'requests' | 'limits',
  defaults: { cpu: number; memory: number },
  issues: IssueList,
  excluded: ReadonlySet<string>,
): PodRead | { skip: Omit<SkippedItem, 'where'> & { where: string } } | undefined {
  const base = `${file} items[${i}]`;
  const meta = get(item, 'metadata');
  const name = str(get(meta, 'name'));
  if (!name) {
    issues.add({ code: 'required', path: `${base}.metadata.name`, message: 'is required (a pod name)' });
    return undefined;
  }
  const namespace = str(get(meta, 'namespace')) ?? 'default';
  const ref = `${namespace}/${name}`;
  if (excluded.has(namespace)) {
    return { skip: { where: base, column: 'metadata.namespace', name: ref, reason: 'excluded-namespace', message: `namespace ${namespace} is excluded by the import options` } };
  }
  const spec = get(item, 'spec');
  const containers = get(spec, 'containers');
  if (!Array.isArray(containers) || containers.length === 0) {
    issues.add({ code: 'required', path: `${base}.spec.containers`, message: `pod ${ref}: must list at least one container` });
    return undefined;
  }
  const initRaw = get(spec, 'initContainers');
  if (initRaw !== undefined && !Array.isArray(initRaw)) {
    issues.add({ code: 'invalid_type', path: `${base}.spec.initContainers`, message: `must be a list, got ${describeValue(initRaw)}` });
    return undefined;
  }
  const phase = str(get(get(item, 'status'), 'phase'));
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Unknown') {
    return {
      skip: {
        where: base,
        column: 'status.phase',
        name: ref,
        reason: phase === 'Succeeded' ? 'completed' : phase === 'Failed' ? 'failed' : 'phase-unknown',
        message: `status.phase is ${phase}: ${phase === 'Unknown' ? 'its node cannot be reached' : 'it no longer runs'}`,
      },
    };
  }
  const nodeName = str(get(spec, 'nodeName'));
  const node = nodeName ? nodes.get(nodeName) : undefined;
  if (node?.controlPlane) {
    return {
      skip: {
        where: base,
        column: 'spec.nodeName',
        name: ref,
        reason: 'control-plane',
        message: `runs on control-plane node ${node.name} (the platforms' controlPlane setting covers the control plane)`,
      },
    };
  }
  const filled: PodRead['filled'] = [];
  // Exact sums in the base unit, turned into whole millicores and MiB (rounded up) at the end.
  const totals: Partial<Record<Resource, QuantityDecimal>> = {};
  let ok = true;
  for (const resource of ['cpu', 'memory', 'ephemeral-storage'] as const) {
    let appSum = new QuantityDecimal(0);
    containers.forEach((c, k) => {
      const f = containerFigure(c, resource, basis, `${base}.spec.containers[${k}]`, issues, defaults);
      if (!f) return void (ok = false);
      appSum = appSum.plus(f.value);
      if (f.how) filled.push({ container: str(get(c, 'name')) ?? `containers[${k}]`, resource, how: f.how });
    });
    // Init containers run one after another before the app; sidecars (restartPolicy Always) keep running.
    let sidecars = new QuantityDecimal(0);
    let initPeak = new QuantityDecimal(0);
    ((initRaw as unknown[] | undefined) ?? []).forEach((c, k) => {
      const f = containerFigure(c, resource, basis, `${base}.spec.initContainers[${k}]`, issues, defaults);
      if (!f) return void (ok = false);
      if (f.how) filled.push({ container: str(get(c, 'name')) ?? `initContainers[${k}]`, resource, how: f.how });
      if (get(c, 'restartPolicy') === 'Always') {
        sidecars = sidecars.plus(f.value);
        initPeak = QuantityDecimal.max(initPeak, sidecars);
      } else initPeak = QuantityDecimal.max(initPeak, f.value.plus(sidecars));
    });
    totals[resource] = QuantityDecimal.max(appSum.plus(sidecars), initPeak);
  }
  if (!ok) return undefined;
  const zeroed: PodRead['zeroed'] = [];
  const toMiB = (d: QuantityDecimal) => d.div(BYTES_PER_MIB).ceil().toNumber();
  let cpu = totals.cpu!.times(1000).ceil().toNumber();
  let memory = toMiB(totals.memory!);
  const storageMiB = toMiB(totals['ephemeral-storage']!);
  if (cpu > 4_096_000 || memory > LIMITS.hostMemoryMiB || storageMiB > LIMITS.hostDiskMiB) {
    issues.add({ code: 'too_big', path: `${base}.spec`, message: `pod ${ref} asks for more than any host holds (${cpu} m, ${memory} MiB, ${storageMiB} MiB of storage)` });
    return undefined;
  }
  if (cpu === 0) {
    cpu = 1;
    zeroed.push({ resource: 'cpu', how: 'CPU of 0 set to 1 m (the model needs some)' });
  }
  if (memory === 0) {
    memory = 1;
    zeroed.push({ resource: 'memory', how: 'memory of 0 set to 1 MiB (the model needs some)' });
  }
  const osName = str(get(get(spec, 'os'), 'name')) ?? str(get(get(spec, 'nodeSelector'), 'kubernetes.io/os')) ?? node?.os ?? 'linux';
  const os = osName.toLowerCase() === 'windows' ? 'windows' : 'linux';
  const runtimeClass = str(get(spec, 'runtimeClassName'));
  return {
    index: i,
    ref,
    phase,
    group: { namespace, ...ownerOf(meta, name, nodeName) },
    shape: { cpuMillicores: cpu, memoryMiB: memory, storageMiB, os, needsOwnKernel: runtimeClass !== undefined && SANDBOX_RUNTIME_CLASS.test(runtimeClass) },
    image: str(get(containers[0], 'image')),
    filled,
    zeroed,
  };
}

/**
 * Imports `kubectl get pods -A -o json` (text or the parsed object; `-o yaml` also reads) and,
 * when given, `kubectl get nodes -o json`: pods become workloads grouped by controller and
 * namespace, worker nodes become host types grouped by shape.
 *
 * @example
 * const { scenario, report } = importKubectl(readFileSync('pods.json', 'utf8'), { nodes: readFileSync('nodes.json', 'utf8') });
 * scenario.workloads[0] //=> { name: 'shop/web', instances: 3, os: 'linux', cpuMillicores: 250, memoryMiB: 256, image: 'ghcr.io/example/web:1.4.2' }
 */
export function importKubectl(pods: unknown, options: KubectlImportOptions = {}): ImportResult {
  const file = options.file ?? 'pods.json';
  const nodesFile = options.nodesFile ?? 'nodes.json';
  const basis = options.resources ?? 'requests';
  if (basis !== 'requests' && basis !== 'limits') {
    throw new KernelcountError([{ code: 'unknown_value', path: 'resources', message: `must be requests or limits, got ${describeValue(basis)}` }]);
  }
  const defaults = {
    cpu: checkDefault(options.defaultCpuMillicores, KUBE_SCHEDULER_DEFAULT_REQUEST.cpuMillicores, 'defaultCpuMillicores', 4_096_000),
    memory: checkDefault(options.defaultMemoryMiB, KUBE_SCHEDULER_DEFAULT_REQUEST.memoryMiB, 'defaultMemoryMiB', LIMITS.hostMemoryMiB),
  };
  const excluded = checkNamespaces(options.excludeNamespaces);
  const podItems = listItems(parseDocumentText(pods, file), 'Pod', file);
  const nodeList = options.nodes === undefined ? [] : readNodes(parseDocumentText(options.nodes, nodesFile), nodesFile);
  const nodeMap = new Map(nodeList.map((n) => [n.name, n]));

  const skipped: SkippedItem[] = [];
  const adjusted: Adjustment[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const issues = new IssueList();
  const read: PodRead[] = [];
  podItems.forEach((item, i) => {
    const r = readPod(item, i, file, nodeMap, basis, defaults, issues, excluded);
    if (!r) return;
    if ('skip' in r) skipped.push(r.skip);
    else read.push(r);
  });
  issues.throwIfAny();
  if (read.length === 0) throw nothingImported(file, 'pod', skipped, {});

  // Group by controller, then split a group whose pods differ in shape (as during a rollout).
  const groupMap = new Map<string, PodRead[]>();
  for (const p of read) {
    const key = `${p.group.namespace}\u0000${p.group.kind}\u0000${p.group.name}`;
    const list = groupMap.get(key) ?? [];
    list.push(p);
    groupMap.set(key, list);
  }
  const usedNames = new Map<string, number>();
  for (const list of groupMap.values()) {
    const base = `${list[0]!.group.namespace}/${list[0]!.group.name}`;
    usedNames.set(base, (usedNames.get(base) ?? 0) + 1);
  }
  const workloads: WorkloadInput[] = [];
  const imported: ImportedWorkload[] = [];
  const entries = [...groupMap.values()].sort((a, b) => a[0]!.index - b[0]!.index);
  const taken = new Set<string>();
  for (const list of entries) {
    const g = list[0]!.group;
    let baseName = `${g.namespace}/${g.name}`;
    if ((usedNames.get(baseName) ?? 0) > 1) baseName = `${g.namespace}/${g.kind.toLowerCase()}/${g.name}`;
    const shapes = new Map<string, PodRead[]>();
    for (const p of list) {
      const s = p.shape;
      const key = [s.cpuMillicores, s.memoryMiB, s.storageMiB, s.os, s.needsOwnKernel].join('|');
      const l = shapes.get(key) ?? [];
      l.push(p);
      shapes.set(key, l);
    }
    const ordered = [...shapes.values()].sort((a, b) => b.length - a.length || a[0]!.index - b[0]!.index);
    ordered.forEach((pods, k) => {
      let name = k === 0 ? baseName : `${baseName} (${k + 1})`;
      while (taken.has(name)) name += "'";
      taken.add(name);
      if (k > 0) {
        adjusted.push({
          where: `${file} items[${pods[0]!.index}]`,
          name,
          message: `pods of ${baseName} differ in ${basis}: ${pods.length} pod${pods.length === 1 ? '' : 's'} of another shape made a workload of their own`,
          count: pods.length,
        });
      }
      const s = pods[0]!.shape;
      // Fill-ins and zero fixes, one line per container and resource with the number of pods.
      const counted = new Map<string, { where: string; message: string; count: number }>();
      for (const p of pods) {
        for (const f of p.filled) {
          const key = `${f.container}|${f.resource}|${f.how}`;
          const c = counted.get(key) ?? { where: `${file} items[${p.index}]`, message: `container ${f.container}: ${f.how}`, count: 0 };
          c.count++;
          counted.set(key, c);
        }
        for (const z of p.zeroed) {
          const key = `|${z.resource}|${z.how}`;
          const c = counted.get(key) ?? { where: `${file} items[${p.index}]`, message: z.how, count: 0 };
          c.count++;
          counted.set(key, c);
        }
      }
      for (const c of counted.values()) adjusted.push({ where: c.where, name, message: c.message, count: c.count });
      const images = new Map<string, number>();
      for (const p of pods) if (p.image) images.set(p.image, (images.get(p.image) ?? 0) + 1);
      const image = [...images.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const w: WorkloadInput = { name, instances: pods.length, os: s.os, cpuMillicores: s.cpuMillicores, memoryMiB: s.memoryMiB };
      if (s.storageMiB > 0) w.storageGiB = s.storageMiB / 1024;
      if (image) w.image = image;
      if (s.needsOwnKernel) w.needsOwnKernel = true;
      workloads.push(w);
      imported.push({ name, instances: pods.length, cpuMillicores: s.cpuMillicores, memoryMiB: s.memoryMiB, storageMiB: s.storageMiB, os: s.os, from: pods.map((p) => p.ref) });
    });
  }
  if (workloads.length > LIMITS.workloads) {
    throw new KernelcountError([{ code: 'too_large_input', path: file, message: `${workloads.length} workloads is more than a scenario holds (${LIMITS.workloads})` }]);
  }

  // Hosts from worker nodes.
  const workers: NodeInfo[] = [];
  for (const n of nodeList) {
    const where = `${nodesFile} items[${n.index}]`;
    if (n.controlPlane) {
      skipped.push({ where, column: 'metadata.labels', name: n.name, reason: 'control-plane', message: 'a control-plane node: not a host for workloads (the controlPlane setting covers it)' });
    } else if (n.memoryMiB < 1024 || n.cpuMillicores < 1000) {
      skipped.push({ where, column: 'status.capacity', name: n.name, reason: 'too-small', message: `capacity ${n.cpuMillicores} m, ${n.memoryMiB} MiB is below a host's 1 CPU and 1024 MiB` });
    } else workers.push(n);
  }
  const groups = options.hosts ? [] : hostGroups(workers, adjusted, nodesFile);
  if (groups.length > LIMITS.hosts) {
    throw new KernelcountError([{ code: 'too_large_input', path: nodesFile, message: `${groups.length} node shapes is more than a scenario holds (${LIMITS.hosts} host types)` }]);
  }
  const hosts: HostInput[] = options.hosts ?? (groups.length ? groups.map((g) => g.host) : [{ ...PLACEHOLDER_HOST }]);
  const importedHosts: ImportedHost[] = options.hosts
    ? options.hosts.map((h) => ({ name: h.name, count: 0, placeholder: false, from: [] }))
    : groups.length
      ? groups.map((g) => ({ name: g.name, count: g.nodes.length, placeholder: false, from: g.nodes.map((n) => n.name) }))
      : [{ name: PLACEHOLDER_HOST.name, count: 0, placeholder: true, from: [] }];
  if (!options.hosts && groups.length === 0) {
    warnings.push(`hosts: ${PLACEHOLDER_HOST.name} is a placeholder (price ${PLACEHOLDER_HOST.price}); give --nodes, or replace it with your hardware`);
  }
  if (!options.hosts && groups.length > 0) {
    warnings.push('hosts: node shapes carry price 0 (kubectl does not know what a node costs): set each host price');
  }
  for (const g of groups) {
    const a = g.nodes.filter((n) => n.allocatable);
    if (a.length) {
      const n = a[0]!;
      notes.push(
        `${g.name}: capacity ${n.cpuMillicores} m, ${n.memoryMiB} MiB; allocatable ${n.allocatable!.cpuMillicores} m, ${n.allocatable!.memoryMiB} MiB ` +
          `(the cluster keeps ${n.cpuMillicores - n.allocatable!.cpuMillicores} m, ${n.memoryMiB - n.allocatable!.memoryMiB} MiB; the model applies its reservation rule to capacity)`,
      );
    }
    if (g.nodes[0]!.os === 'windows') notes.push(`${g.name}: Windows nodes (${g.nodes.length})`);
  }

  // The managed service the worker nodes show, and its reservation rule.
  const first = groups[0]?.nodes[0];
  let reservation: ReservationProfile = 'generic';
  let controlPlane: ControlPlane | undefined;
  if (first?.provider) {
    reservation = first.provider;
    controlPlane = first.provider;
    if (first.provider === 'aks') {
      const m = /^v?(\d+)\.(\d+)/.exec(first.kubeletVersion);
      if (m && Number(m[1]) === 1 && Number(m[2]) < 29) reservation = 'aks-pre-1.29';
    }
    notes.push(`nodes carry ${first.provider.toUpperCase()} labels: the kubernetes platform uses reservation ${reservation} and controlPlane ${controlPlane}`);
  }
  const maxPods = first?.pods !== undefined && groups[0]!.nodes.every((n) => n.pods === first.pods) ? first.pods : undefined;

  const withDefaults = read.filter((p) => p.filled.some((f) => f.how.startsWith(`no ${f.resource} request or limit`))).length;
  if (withDefaults) {
    notes.push(
      `${withDefaults} pod${withDefaults === 1 ? '' : 's'} had containers without ${basis}: counted at ${defaults.cpu} m CPU and ${defaults.memory} MiB per container ` +
        `(kube-scheduler's figures for a missing request; set your own with --default-cpu and --default-memory)`,
    );
  }
  notes.push(`pods sized by their ${basis} (--resources ${basis === 'requests' ? 'limits' : 'requests'} for the other)`);
  const importedItems = read.map((p) => podItems[p.index]!);
  const sandboxed = read.filter((p) => p.shape.needsOwnKernel).length;
  if (sandboxed) notes.push(`${sandboxed} pod${sandboxed === 1 ? '' : 's'} with a sandbox runtimeClassName (Kata, gVisor, Firecracker) marked needsOwnKernel`);
  const otherClasses = new Set(
    importedItems.map((p) => str(get(get(p, 'spec'), 'runtimeClassName'))).filter((c): c is string => c !== undefined && !SANDBOX_RUNTIME_CLASS.test(c)),
  );
  if (otherClasses.size) notes.push(`runtimeClassName ${[...otherClasses].map((c) => JSON.stringify(c)).join(', ')} not known as a sandbox: treated as ordinary containers`);
  const overheadPods = importedItems.filter((p) => get(get(p, 'spec'), 'overhead') !== undefined).length;
  if (overheadPods) notes.push(`RuntimeClass overhead (spec.overhead) left out of ${overheadPods} pod${overheadPods === 1 ? '' : 's'}: the microvm platform adds its runtime's own`);
  const pvcPods = importedItems.filter((p) => {
    const vols = get(get(p, 'spec'), 'volumes');
    return Array.isArray(vols) && vols.some((v) => get(v, 'persistentVolumeClaim') !== undefined);
  }).length;
  if (pvcPods) notes.push(`PersistentVolumeClaims mounted by ${pvcPods} pod${pvcPods === 1 ? '' : 's'}: kubectl get pods does not show their size; add it as storageGiB`);
  const pending = read.filter((p) => p.phase === 'Pending').length;
  if (pending) notes.push(`Pending pods counted as demand the cluster has not placed yet: ${pending}`);
  const noPhase = read.filter((p) => p.phase !== 'Running' && p.phase !== 'Pending').length;
  if (noPhase) notes.push(`${noPhase} pod${noPhase === 1 ? '' : 's'} without a Running or Pending status.phase (a manifest rather than kubectl output?) counted as running`);

  const sourceTotals = read.reduce(
    (t, p) => ({ items: t.items + 1, cpuMillicores: t.cpuMillicores + p.shape.cpuMillicores, memoryMiB: t.memoryMiB + p.shape.memoryMiB, storageMiB: t.storageMiB + p.shape.storageMiB }),
    { items: 0, cpuMillicores: 0, memoryMiB: 0, storageMiB: 0 },
  );
  const nodeVm = nodeVmFor(hosts[0]!, imported);
  if (nodeVm) notes.push(nodeVm.note);
  const platforms: PlatformInput[] = [
    { type: 'containers', name: 'kubernetes', reservation, ...(controlPlane ? { controlPlane } : {}), ...(maxPods !== undefined ? { maxPods } : {}) },
    { type: 'containers-in-vms', name: 'kubernetes-in-vms', ...(nodeVm ? { nodeVm: nodeVm.size } : {}) },
    { type: 'microvm', name: 'kata', runtime: 'kata-clh' },
    { type: 'vm', name: 'vm-per-pod' },
  ];
  const report: ImportReport = {
    source: 'kubectl',
    file,
    read: podItems.length,
    imported: read.length,
    skipped,
    adjusted,
    workloads: imported,
    hosts: importedHosts,
    totals: { source: sourceTotals, scenario: scenarioTotals(imported) },
    notes,
    warnings,
  };
  return {
    scenario: {
      name: `kubectl import: ${file}`,
      description: `${read.length} pods from ${file}${nodeList.length ? ` on ${workers.length} worker nodes from ${nodesFile}` : ''}, sized by ${basis}`,
      baseline: 'kubernetes',
      hosts,
      workloads,
      platforms,
    },
    report,
  };
}

/** A namespace name as Kubernetes allows it: an RFC 1123 label, lower case, at most 63 characters. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function checkNamespaces(value: readonly string[] | undefined): ReadonlySet<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) {
    throw new KernelcountError([{ code: 'invalid_type', path: 'excludeNamespaces', message: `must be a list of namespace names, got ${describeValue(value)}` }]);
  }
  const bad = value.flatMap((n, i) =>
    typeof n === 'string' && NAMESPACE.test(n)
      ? []
      : [{ code: 'invalid_type' as const, path: `excludeNamespaces[${i}]`, message: `must be a namespace name (lower-case letters, digits and -, at most 63 characters), got ${describeValue(n)}` }],
  );
  if (bad.length) throw new KernelcountError(bad);
  return new Set(value);
}

function checkDefault(value: number | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new KernelcountError([{ code: 'invalid_type', path: name, message: `must be a whole number from 1 to ${max}, got ${describeValue(value)}` }]);
  }
  return value;
}
