/**
 * `kernelcount import rvtools|kubectl`: an inventory in, a scenario out (YAML on standard output or
 * --out FILE), and the import report (every row skipped or value adjusted) on standard error.
 *
 * The importers are loaded when the command runs, so other commands never load the CSV and
 * workbook parsers.
 */
import { stringify } from 'yaml';
import { isKernelcountError } from '../errors.js';
import type { ImportResult } from '../importers/report.js';
import { argPath, fail, isIssue, parseArgs, readFormat, type CliResult } from './args.js';
import type { CliIo } from './run.js';
import { parseCpuMillicores, parseSizeMiB } from './units.js';

export const IMPORT_HELP = `Usage:
  kernelcount import rvtools <vInfo.csv|RVTools.xlsx|-> [options]
  kernelcount import kubectl <pods.json|-> [--nodes nodes.json] [options]

Turns an inventory into a scenario: YAML on standard output (or --out FILE), and a report of every
row or pod skipped and every value adjusted, with totals, on standard error. Then edit the hosts
and prices and run  kernelcount evaluate scenario.yaml

rvtools: the vInfo tab of an RVTools export, saved as CSV (any of RVTools' column names, comma,
semicolon or tab separated, UTF-8 or UTF-16), or the .xlsx workbook itself (- reads CSV only).
  --storage provisioned|in-use   disk per VM: Provisioned MiB (default) or In Use MiB
  --include-powered-off          include powered-off and suspended VMs (default: skip and report)
  --include-templates            include templates (default: skip and report)
  --group shape|vm               one workload per OS, vCPUs and memory size (default), or per VM
  --guest-os subtract|keep       take the guest OS's memory, CPU and disk off each VM so the VM
                                 platforms add it back (default), or keep VM figures as they are
  --sheet NAME                   the workbook sheet to read (default vInfo)
  --host-sheet NAME|none         the workbook's sheet of ESXi hosts, which become the host types
                                 (default vHost; none keeps the placeholder host)

kubectl: kubectl get pods -A -o json (or -o yaml); --nodes adds kubectl get nodes -o json.
  --nodes FILE                   worker nodes become host types by shape (price 0: set yours)
  --resources requests|limits    size pods by requests (default) or limits
  --default-cpu CPU              for a container without requests or limits (default 100m,
                                 kube-scheduler's figure)
  --default-memory SIZE          likewise (default 200MiB)
  --exclude-namespaces NS,NS     leave out the pods of these namespaces (e.g. kube-system);
                                 each is listed in the report

Both:
  --format yaml|json             scenario format (default yaml)
  --out FILE                     write the scenario to FILE instead of standard output
  --force                        overwrite FILE
  -h, --help                     this help

Exit codes: 0 imported (skips are reported, not errors), 2 a malformed file or a bad option (every
problem with its row and column, or its field), 1 an unexpected error.
`;

const FORMATS = ['yaml', 'json'] as const;

function unreadable(file: string, e: unknown): CliResult {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return fail([{ code: 'unreadable', path: argPath(file), message: `cannot read: ${why}` }]);
}

/** The scenario text with a header saying where it came from and what to do next. */
function scenarioText(result: ImportResult, format: 'yaml' | 'json', tool: string): string {
  if (format === 'json') return JSON.stringify(result.scenario, null, 2) + '\n';
  const r = result.report;
  const unit = r.source === 'kubectl' ? 'pods' : 'VMs';
  const header = [
    `# kernelcount scenario imported from ${r.file} by kernelcount import ${tool}`,
    `# ${r.imported} of ${r.read} ${unit} imported into ${r.workloads.length} workloads; ${r.read - r.imported} skipped (the import report lists each).`,
    ...r.warnings.map((w) => `# ${w}`),
    '# Edit hosts and prices, then run: kernelcount evaluate <this file>',
    '',
  ];
  return header.join('\n') + stringify(result.scenario, { lineWidth: 0 });
}

/** Runs `kernelcount import`. */
export async function cmdImport(args: string[], io: CliIo): Promise<CliResult> {
  const p = parseArgs(
    args,
    ['storage', 'group', 'guest-os', 'sheet', 'host-sheet', 'nodes', 'resources', 'default-cpu', 'default-memory', 'exclude-namespaces', 'format', 'out'],
    ['help', 'include-powered-off', 'include-templates', 'force'],
  );
  if (isIssue(p)) return fail([p], IMPORT_HELP);
  if (p.flags.has('help')) return { code: 0, stdout: IMPORT_HELP, stderr: '' };
  const [tool, file, ...extra] = p.positional;
  if (tool !== 'rvtools' && tool !== 'kubectl') {
    return fail(
      [{ code: tool === undefined ? 'required' : 'unknown_value', path: 'source', message: tool === undefined ? 'give rvtools or kubectl, then a file' : `must be rvtools or kubectl, got ${JSON.stringify(tool)}` }],
      IMPORT_HELP,
    );
  }
  if (file === undefined) return fail([{ code: 'required', path: 'file', message: `give the ${tool === 'rvtools' ? 'vInfo CSV or RVTools .xlsx' : 'kubectl get pods -A -o json output'} (or - for standard input)` }], IMPORT_HELP);
  if (extra.length) return fail([{ code: 'conflict', path: 'file', message: `give one file, got ${p.positional.length - 1}` }], IMPORT_HELP);
  const format = readFormat(p.flags, FORMATS, 'yaml');
  if (typeof format !== 'string') return fail([format]);
  const own = tool === 'rvtools' ? ['storage', 'group', 'guest-os', 'sheet', 'host-sheet', 'include-powered-off', 'include-templates'] : ['nodes', 'resources', 'default-cpu', 'default-memory', 'exclude-namespaces'];
  const other = tool === 'rvtools' ? ['nodes', 'resources', 'default-cpu', 'default-memory', 'exclude-namespaces'] : ['storage', 'group', 'guest-os', 'sheet', 'host-sheet', 'include-powered-off', 'include-templates'];
  const misplaced = other.filter((f) => p.flags.has(f));
  if (misplaced.length) {
    return fail(misplaced.map((f) => ({ code: 'conflict' as const, path: `--${f}`, message: `applies to import ${tool === 'rvtools' ? 'kubectl' : 'rvtools'}, not ${tool} (options of ${tool}: ${own.map((o) => '--' + o).join(', ')})` })));
  }
  const choice = <T extends string>(flag: string, allowed: readonly T[]): T | undefined | CliResult => {
    const v = p.flags.get(flag);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      return fail([{ code: 'unknown_value', path: `--${flag}`, message: `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}` }]);
    }
    return v as T;
  };
  const isResult = (x: unknown): x is CliResult => typeof x === 'object' && x !== null && 'code' in x && 'stdout' in x;

  let result: ImportResult;
  try {
    if (tool === 'rvtools') {
      const storage = choice('storage', ['provisioned', 'in-use'] as const);
      const group = choice('group', ['shape', 'vm'] as const);
      const guestOs = choice('guest-os', ['subtract', 'keep'] as const);
      for (const x of [storage, group, guestOs]) if (isResult(x)) return x;
      const sheet = p.flags.get('sheet');
      const hostSheet = p.flags.get('host-sheet');
      let input: string | Uint8Array;
      try {
        input = file === '-' ? io.readStdin() : io.readBytes ? io.readBytes(file) : io.readFile(file);
      } catch (e) {
        return unreadable(file, e);
      }
      const { importRvtools } = await import('../importers/rvtools.js');
      result = await importRvtools(input, {
        file: file === '-' ? 'standard input' : file,
        ...(storage ? { storage: storage as 'provisioned' | 'in-use' } : {}),
        ...(group ? { group: group as 'shape' | 'vm' } : {}),
        ...(guestOs ? { guestOs: guestOs as 'subtract' | 'keep' } : {}),
        ...(typeof sheet === 'string' ? { sheet } : {}),
        ...(typeof hostSheet === 'string' ? { hostSheet: hostSheet === 'none' ? false : hostSheet } : {}),
        includePoweredOff: p.flags.has('include-powered-off'),
        includeTemplates: p.flags.has('include-templates'),
      });
    } else {
      const resources = choice('resources', ['requests', 'limits'] as const);
      if (isResult(resources)) return resources;
      const cpuRaw = p.flags.get('default-cpu');
      const memRaw = p.flags.get('default-memory');
      const cpu = cpuRaw === undefined ? undefined : parseCpuMillicores('--default-cpu', cpuRaw, { maxMillicores: 4_096_000 });
      const mem = memRaw === undefined ? undefined : parseSizeMiB('--default-memory', memRaw, { maxMiB: 64 * 1024 * 1024 });
      const bad = [cpu, mem].filter(isIssue);
      if (bad.length) return fail(bad);
      const nsRaw = p.flags.get('exclude-namespaces');
      if (nsRaw === true) return fail([{ code: 'required', path: '--exclude-namespaces', message: 'give namespace names separated by commas, e.g. kube-system,monitoring' }]);
      const excludeNamespaces = typeof nsRaw === 'string' ? nsRaw.split(',').map((n) => n.trim()) : undefined;
      const nodesFile = p.flags.get('nodes');
      let pods: string;
      let nodes: string | undefined;
      try {
        pods = file === '-' ? io.readStdin() : io.readFile(file);
      } catch (e) {
        return unreadable(file, e);
      }
      if (typeof nodesFile === 'string') {
        try {
          nodes = io.readFile(nodesFile);
        } catch (e) {
          return unreadable(nodesFile, e);
        }
      }
      const { importKubectl } = await import('../importers/kubectl.js');
      result = importKubectl(pods, {
        file: file === '-' ? 'standard input' : file,
        ...(nodes !== undefined ? { nodes, nodesFile: nodesFile as string } : {}),
        ...(resources ? { resources: resources as 'requests' | 'limits' } : {}),
        ...(cpu && !isIssue(cpu) ? { defaultCpuMillicores: cpu.value } : {}),
        ...(mem && !isIssue(mem) ? { defaultMemoryMiB: mem.value } : {}),
        ...(excludeNamespaces ? { excludeNamespaces } : {}),
      });
    }
  } catch (e) {
    // The importer names its options as the API spells them; here the user typed a flag.
    if (isKernelcountError(e)) return fail(e.issues.map((i) => (i.path.startsWith('excludeNamespaces') ? { ...i, path: i.path.replace('excludeNamespaces', '--exclude-namespaces') } : i)));
    throw e;
  }
  const { formatImportReport } = await import('../importers/report.js');
  const text = scenarioText(result, format, tool);
  const report = formatImportReport(result.report);
  const out = p.flags.get('out');
  if (typeof out === 'string') {
    try {
      if (p.flags.has('force')) io.overwriteFile(out, text);
      else {
        if (io.exists(out)) return fail([{ code: 'conflict', path: out, message: 'already exists; use --force to overwrite it' }]);
        io.writeFile(out, text);
      }
    } catch (e) {
      return fail([{ code: 'unreadable', path: out, message: `cannot write: ${(e as Error).message}` }]);
    }
    return { code: 0, stdout: `wrote ${out}; edit its hosts and prices, then run: kernelcount evaluate ${out}\n`, stderr: report };
  }
  return { code: 0, stdout: text, stderr: report };
}
