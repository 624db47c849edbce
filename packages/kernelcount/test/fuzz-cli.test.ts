// Fuzzing the command line in-process: arbitrary argument lists (known verbs and flags mixed with
// junk values, repeated flags, `--flag=`, unicode) always end with exit code 0 or 2, never the
// "unexpected error" exit 1 or a stack trace; a refusal names what it refuses (a flag, a file, a
// field); nothing printed shows NaN, Infinity, undefined or an object's default text unless the
// arguments themselves hold it. Files live in memory: nothing on disk is read or written.
// Counts and seeds: see fuzz-arbitraries.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo, type CliResult } from '../src/cli/run.js';
import { baseScenario, examplesDir, pkgRoot } from './helpers.js';
import { FUZZ_TIMEOUT_MS, Slowest, edgeString, fuzzParams } from './fuzz-arbitraries.js';

const VERBS = ['evaluate', 'reserve', 'overhead', 'license', 'breakeven', 'sensitivity', 'diff', 'import', 'uncertainty', 'project', 'init', 'catalog'];

const fixture = (name: string) => readFileSync(path.join(pkgRoot, 'test', 'fixtures', name), 'utf8');
const example = (name: string) => readFileSync(path.join(examplesDir, name), 'utf8');

/** The files the fuzzed commands can name; `-` is standard input. */
const FILES: Record<string, string> = {
  's.yaml': example('linux-microservices.yaml'),
  'w.yaml': example('windows-lob-sql.yaml'),
  'u.json': JSON.stringify({ ...baseScenario(), uncertainty: { 'workloads[0].instances': { low: 10, likely: 20, high: 30 }, 'hosts[0].price': { low: 15000, likely: 20000, high: 30000 } } }),
  'b.json': JSON.stringify(baseScenario()),
  'bad.yaml': 'hosts: []\nworkloads: [{ name: 1 }]\n',
  'junk.yaml': 'a: [1\n  - b: }',
  'deep.yaml': `hosts: ${'['.repeat(5000)}`,
  'pods.json': fixture('kubectl-pods.json'),
  'nodes.json': fixture('kubectl-nodes.json'),
  'pods-bad.json': fixture('kubectl-pods-malformed.json'),
  'vinfo.csv': fixture('rvtools-4.x-vInfo.csv'),
  'vhost.csv': fixture('rvtools-vHost-not-vInfo.csv'),
  'odd.csv': fixture('rvtools-non-numeric.csv'),
  'book.xlsx': 'PK\u0003\u0004 not really a workbook',
  '-': example('vmware-to-kubernetes.yaml'),
};
const FILE_NAMES = [...Object.keys(FILES), 'missing.yaml', 'out.csv', 'new.yaml', '', '.', '..', '__proto__', 'constructor', 'dir/'];

/** A CliIo over a Map: prototype names are ordinary file names, and nothing touches the disk. */
function mapIo(): CliIo {
  const files = new Map(Object.entries(FILES));
  const enoent = () => Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return {
    readFile: (p) => {
      const t = files.get(p);
      if (t === undefined) throw enoent();
      return t;
    },
    readStdin: () => files.get('-') ?? '',
    writeFile: (p, t) => {
      if (files.has(p)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      files.set(p, t);
    },
    overwriteFile: (p, t) => {
      if (p.endsWith('/')) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      files.set(p, t);
    },
    exists: (p) => files.has(p),
    readBytes: (p) => {
      const t = files.get(p);
      if (t === undefined) throw enoent();
      return new TextEncoder().encode(t);
    },
    writeBytes: (p, b) => void files.set(p, `${b.length} bytes`),
    stdoutIsTerminal: () => false,
  };
}

/** Flags and words of each verb, read from its own --help so new options are fuzzed too. */
const known: { flags: Map<string, string[]>; words: string[] } = { flags: new Map(), words: [] };

beforeAll(async () => {
  const words = new Set<string>();
  for (const verb of VERBS) {
    const r = await run([verb, '--help'], mapIo());
    const help = r.stdout + r.stderr;
    known.flags.set(verb, [...new Set(help.match(/--[a-z][a-z0-9-]*/g) ?? [])]);
    for (const w of help.split(/[^A-Za-z0-9._-]+/)) if (w.length >= 2 && w.length <= 30 && !w.startsWith('-')) words.add(w);
  }
  known.words = [...words].sort();
});

/** Values for flags: plausible ones, edge numbers as text, paths, ranges, formats, junk. */
const VALUES = [
  '0', '1', '2', '3', '10', '64', '100', '-1', '-0', '0.5', '2.5', '1e3', '1e9', '1e309', '1000001', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1,5', ' 4 ', '',
  '4GiB', '16Gi', '512Mi', '512MiB', '1.5TiB', '2T', '-4GiB', '0GiB', '1e400GiB', 'GiB', '8 GiB',
  '20%', '0%', '-5%', '100%', '1000%', '%', '1..5', '5..1', '0..0', '..', '1..', 'a..b', 'NaN..1',
  'vm,containers', 'containers,vm', 'vm,vm', 'vm', 'a,b', ',', 'vm,', 'vm,containers,microvm',
  'workloads[0].instances', 'hosts[0].price', 'prices.electricityPerKWh', 'workloads[api].instances', 'workloads[99].instances', 'policy.targetUtilization.cpu', 'catalog.licence.vvf', '__proto__.x', 'constructor.prototype', 'a[', 'hosts[-1].price',
  'table', 'json', 'csv', 'md', 'xlsx', 'pdf', 'en-US', 'de-DE', 'ja-JP', 'xx-YY', 'not a locale', '2026-11-22', '2026-02-30', '1999-01-01', 'yesterday',
  'purchase', 'lease', 'kube-system,monitoring', 'Windows', 'linux', 'cpu', 'vInfo', 'vHost', 'Sheet1',
];
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...FILE_NAMES) },
  { weight: 2, arbitrary: edgeString.filter((s) => s.length <= 4001) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** One argument list: a verb (or junk), then a mix of its flags, other flags, values and words. */
const argvArb = fc
  .tuple(
    fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...VERBS) }, { weight: 1, arbitrary: fc.constantFrom('help', '--help', '-h', '--version', '-v', '', '-', '--', 'evaluate=1', 'EVALUATE', '__proto__', 'constructor') }, { weight: 1, arbitrary: edgeString }),
    fc.array(
      fc.tuple(fc.nat({ max: 9 }), fc.nat(), value, fc.nat({ max: 9 })),
      { maxLength: 8 },
    ),
  )
  .map(([verb, parts]) => {
    const flags = known.flags.get(verb) ?? [];
    const all = [...new Set([...known.flags.values()].flat())];
    const out: string[] = [verb];
    for (const [kind, n, v, form] of parts) {
      if (kind <= 3 && flags.length) {
        const f = flags[n % flags.length]!;
        out.push(...(form < 5 ? [f, v] : form < 8 ? [`${f}=${v}`] : form < 9 ? [`${f}=`] : [f]));
      } else if (kind <= 4) out.push(all[n % all.length]!, v);
      else if (kind <= 6) out.push(FILE_NAMES[n % FILE_NAMES.length]!);
      else if (kind <= 7) out.push(known.words[n % known.words.length]!);
      else if (kind <= 8) out.push(v);
      else out.push(['-x', '--', '---', '-', '--=', '--help', '-h', '--no-such-flag', '--format'][n % 9]!);
    }
    return out;
  });

/**
 * Command lines that work, one or more per verb: the near-valid inputs below change one thing in
 * one of them, which is where mistakes in handling hide.
 */
const VALID: string[][] = [
  ['evaluate', 's.yaml', '--format', 'json', '--today', '2026-11-22'],
  ['evaluate', 'w.yaml', '--format', 'md', '--locale', 'de-DE', '--baseline', 'containers'],
  ['evaluate', 'b.json', '--format', 'csv', '--out', 'out.csv'],
  ['evaluate', '-', '--format', 'xlsx', '--out', 'out.xlsx'],
  ['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58'],
  ['reserve', 'eks', '--vcpus', '2', '--memory', '8GiB', '--enis', '3', '--ips-per-eni', '10'],
  ['reserve', 'aks', '--vcpus', '4', '--memory', '16GiB', '--version', '1.28', '--format', 'json'],
  ['reserve', 'generic', '--vcpus', '4', '--memory', '16Gi', '--kube-reserved-cpu', '100m', '--kube-reserved-memory', '1GiB', '--system-reserved-cpu', '0.1', '--system-reserved-memory', '512MiB', '--eviction-memory', '100MiB'],
  ['overhead', 'esxi-6.7', '--vcpus', '4', '--memory', '16GiB'],
  ['overhead', 'kubevirt', '--vcpus', '2', '--memory', '8GiB', '--vfio', '--format', 'json'],
  ['overhead', 'hyperv', '--vcpus', '2', '--memory', '4096', '--per-vm-overhead', '300MiB'],
  ['license', 'windows-server-standard', '--sockets', '2', '--cores-per-socket', '16', '--vms', '12'],
  ['license', 'sql-server-enterprise', '--sockets', '2', '--cores-per-socket', '8', '--per-vm', '--vcpus-per-vm', '4', '--vms', '3', '--software-assurance'],
  ['license', 'eks', '--clusters', '2', '--hours', '730'],
  ['license', 'docker-pro', '--users', '40', '--format', 'json'],
  ['license', 'vvf', '--sockets', '2', '--cores-per-socket', '16', '--years', '3', '--price', '150'],
  ['breakeven', 's.yaml', '--input', 'workloads[0].instances', '--between', 'vm,containers', '--range', '1..200'],
  ['sensitivity', 's.yaml', '--between', 'vm,containers', '--range', '20%', '--top', '3'],
  ['diff', 's.yaml', 'w.yaml', '--format', 'json'],
  ['import', 'rvtools', 'vinfo.csv'],
  ['import', 'kubectl', 'pods.json', '--nodes', 'nodes.json', '--format', 'json'],
  ['uncertainty', 'u.json', '--samples', '40', '--seed', '7', '--between', 'vm,containers'],
  ['project', 's.yaml', '--growth', '10', '--discount-rate', '5', '--hardware', 'lease', '--lease-rate', '3'],
  ['init', 'new.yaml'],
  ['catalog', '--format', 'json', '--defaults'],
  ['catalog', '--rules'],
];

/** A working command line with one change: a value, a flag's form, a dropped or repeated part, or an extra part. */
const nearValidArb = fc
  .tuple(fc.constantFrom(...VALID), fc.nat(), fc.integer({ min: 0, max: 6 }), value, fc.nat())
  .map(([line, n, how, v, m]) => {
    const out = [...line];
    const i = 1 + (n % (out.length - 1 || 1));
    switch (how) {
      case 0: // another value where one was
        out[i] = v;
        break;
      case 1: // drop one part
        out.splice(i, 1);
        break;
      case 2: // repeat one part
        out.splice(i, 0, out[i]!);
        break;
      case 3: {
        // a flag of this command, with a value
        const flags = known.flags.get(out[0]!) ?? ['--help'];
        out.splice(i, 0, flags[m % flags.length]!, v);
        break;
      }
      case 4: {
        // `--flag value` written `--flag=value` or `--flag=`
        const at = out.findIndex((a, k) => k > 0 && a.startsWith('--') && k + 1 < out.length && !out[k + 1]!.startsWith('--'));
        if (at > 0) out.splice(at, 2, m % 2 ? `${out[at]}=${out[at + 1]}` : `${out[at]}=`);
        else out.push(v);
        break;
      }
      case 5: // an extra positional
        out.splice(i, 0, v);
        break;
      default: // a flag of another command
        out.splice(i, 0, [...known.flags.values()].flat()[m % 60] ?? '--x', v);
    }
    return out;
  });

/** Prints stripped of what the user typed, which a message may echo. */
function withoutEchoes(text: string, argv: readonly string[]): string {
  let t = text.replace(/got "(?:[^"\\]|\\.)*"/g, 'got …');
  for (const a of [...argv].sort((x, y) => y.length - x.length)) if (a.length >= 2) t = t.split(a).join('…');
  return t;
}

function check(argv: readonly string[], r: CliResult): void {
  const label = JSON.stringify(argv);
  expect([0, 2], `${label}: exit code (1 is an unexpected error)\n${r.stderr}`).toContain(r.code);
  const printed = r.stdout + '\n' + r.stderr;
  expect(printed, `${label}: no stack trace`).not.toMatch(/\n\s+at .*:\d+:\d+|kernelcount: unexpected error/);
  const shown = withoutEchoes(printed, argv);
  for (const word of ['NaN', 'Infinity', 'undefined', '[object ']) {
    if (!argv.some((a) => a.includes(word))) expect(shown, `${label}: prints ${word}`).not.toContain(word);
  }
  if (r.code === 2) {
    expect(r.stderr, label).toMatch(/^kernelcount: invalid input\n/);
    // The first issue names what it is about: `  path: message [code]`.
    const first = r.stderr.split('\n')[1] ?? '';
    // A path has no spaces outside quotes (`--vcpus`, `s.yaml`, `workloads[0].name`, `"my file.yaml"`),
    // except the importers' places in a file: `vInfo row 12`, `vInfo row 3, column "CPUs"`,
    // `pods.json items[3]`, `x.xlsx sheet vInfo`.
    expect(first, `${label}: the issue names a flag, file or field`).toMatch(/^ {2}(?:[^\s"]|"(?:[^"\\]|\\.)*")+(?: (?:row \d+(?:, column "[^"]*")?|items\[\d+\]\S*|sheet [^:]+))?: .+ \[[a-z_]+\]$/);
    const named = /^ {2}(--[a-z][a-z0-9-]*)(?=[:\s])/.exec(first)?.[1];
    if (named !== undefined) {
      const verbFlags = known.flags.get(argv[0]!) ?? [];
      // A flag named in a refusal is one the command line gave, or one of the command's own
      // (e.g. --out, required for a workbook).
      expect(argv.some((a) => a === named || a.startsWith(`${named}=`)) || verbFlags.includes(named), `${label}: names ${named}`).toBe(true);
    }
  }
}

describe('fuzz: kernelcount CLI', () => {
  const slow = new Slowest('CLI');
  afterAll(() => slow.report());

  it('exits 0 or 2 with a plain message for any argument list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(argvArb, nearValidArb), async (argv) => {
        const r = await slow.timeAsync(argv, () => run(argv, mapIo()));
        if (process.env.FUZZ_DEBUG) console.log(r.code, JSON.stringify(argv).slice(0, 150), '=>', (r.stderr.split('\n')[1] ?? r.stdout.slice(0, 60)).slice(0, 120));
        check(argv, r);
      }),
      fuzzParams('CLI', 300, 7201) as fc.Parameters<[string[]]>,
    );
  }, FUZZ_TIMEOUT_MS);

  it('reaches past argument parsing: some generated command lines succeed', async () => {
    // Without this, a generator that only produced refused flags would pass the property above.
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(nearValidArb, async (argv) => {
        if ((await run(argv, mapIo())).code === 0) ok++;
      }),
      { numRuns: 100, seed: 7202 },
    );
    expect(ok).toBeGreaterThan(5);
  });

  it('runs every working command line it starts from', async () => {
    for (const argv of VALID) {
      const r = await run(argv, mapIo());
      expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
    }
  });
});

// Regressions found by the fuzzing above, each reduced from its counterexample.
describe('CLI fuzz findings', () => {
  it('refuses --vcpus above the rules\' 4,096 CPUs naming the flag, instead of an unexpected error', async () => {
    for (const argv of [
      ['overhead', 'esxi-6.7', '--vcpus', '67921', '--memory', '16GiB'],
      ['overhead', 'kubevirt', '--vcpus', '4097', '--memory', '16GiB'],
      ['reserve', 'eks', '--vcpus', '5000', '--memory', '32GiB'],
    ]) {
      const r = await run(argv, mapIo());
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[1]).toMatch(/^ {2}--vcpus: must be at most 4096 cores, got "\d+" \[too_big\]$/);
    }
    expect((await run(['overhead', 'esxi-6.7', '--vcpus', '4096', '--memory', '16GiB'], mapIo())).code).toBe(0);
  });

  it('refuses what a rule refuses at the flag that carries it, instead of an unexpected error', async () => {
    for (const [argv, line] of [
      [['reserve', 'aks', '--vcpus', '4', '--max-pods', '2045', '--memory', '16GiB', '--version', '1.28', '--format', 'json'], '  --max-pods: must be at most 250 pods (AKS admits at most 250 pods per node), got 2045 [too_big]'],
      [['overhead', 'openshift-virt', '--vcpus', '2', '--memory', '4GiB', '--graphics-devices', '20'], '  --graphics-devices: must be at most 16 devices, got 20 [too_big]'],
    ] as Array<[string[], string]>) {
      const r = await run(argv, mapIo());
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[1]).toBe(line);
    }
  });

  it('names the scenario file when its text does not parse or holds no object', async () => {
    for (const [argv, line] of [
      [['breakeven', 'book.xlsx', '--input', 'workloads[0].instances', '--between', 'vm,containers'], '  book.xlsx: a scenario must be an object (a YAML mapping or a JSON object), got "PK\\u0003\\u0004 not really a workbook" [invalid_type]'],
      [['evaluate', 'junk.yaml'], /^ {2}junk\.yaml: not valid YAML at line 1, column \d+: .+ \[parse_error\]$/],
      [['diff', 'junk.yaml', 's.yaml'], /^ {2}junk\.yaml: not valid YAML at line 1, column \d+: .+ \[parse_error\]$/],
      [['project', 'deep.yaml'], /^ {2}deep\.yaml: scenario text nests too deeply at line 1: .+ \[too_large_input\]$/],
    ] as Array<[string[], string | RegExp]>) {
      const r = await run(argv, mapIo());
      expect(r.code, argv.join(' ')).toBe(2);
      if (typeof line === 'string') expect(r.stderr.split('\n')[1]).toBe(line);
      else expect(r.stderr.split('\n')[1]).toMatch(line);
    }
  });

  it('quotes an empty or spaced argument where a refusal names it', async () => {
    expect((await run(['catalog', ''], mapIo())).stderr.split('\n')[1]).toBe('  "": catalog takes no arguments, only options [unknown_key]');
    expect((await run(['evaluate', 'my file.yaml'], mapIo())).stderr.split('\n')[1]).toBe('  "my file.yaml": cannot read the scenario: no such file [unreadable]');
    expect((await run(['evaluate', 's.yaml', '-x y'], mapIo())).stderr.split('\n')[1]).toBe('  "-x y": unknown option -x y [unknown_key]');
    expect((await run(['import', 'kubectl', 'pods.json', '--nodes', 'a"b'], mapIo())).stderr.split('\n')[1]).toBe('  "a\\"b": cannot read: no such file [unreadable]');
    const tab = await run(['sensitivity', 's.yaml', '--between', 'vm,containers', '--input', '\t\n'], mapIo());
    expect(tab.stderr.split('\n')[1]).toMatch(/^ {2}--input: "\\t\\n": .+ \[[a-z_]+\]$/);
  });
});
