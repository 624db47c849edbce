import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { evaluate } from '../src/evaluate.js';
import { TODAY, examplesDir, memoryIo, pkgRoot } from './helpers.js';


const example = readFileSync(path.join(examplesDir, 'linux-microservices.yaml'), 'utf8');

describe('kernelcount CLI', () => {
  it('evaluates a scenario in every format with exit 0', async () => {
    const io = memoryIo({ 's.yaml': example });
    for (const format of ['table', 'json', 'csv', 'md']) {
      const r = await run(['evaluate', 's.yaml', '--format', format, '--today', TODAY], io);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
    }
  });

  it('prints JSON whose TCO matches the library', async () => {
    const r = await run(['evaluate', 's.yaml', '--format=json', '--today', TODAY], memoryIo({ 's.yaml': example }));
    const json = JSON.parse(r.stdout);
    const lib = evaluate(parseScenarioText(example), { today: TODAY });
    expect(json.platforms.map((p: { tco: string }) => p.tco)).toEqual(lib.platforms.map((p) => p.tco.toString()));
  });

  it('honours --baseline and reads standard input', async () => {
    const r = await run(['evaluate', '-', '--baseline', 'containers', '--format', 'json'], memoryIo({ '-': example }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario.baseline).toBe('containers');
  });

  it('exits 2 with paths for bad input, bad flags and missing files', async () => {
    const bad = example.replace('memoryGiB: 1       # the app', 'memoryGiB: -4      # the app');
    const cases: Array<[string[], RegExp]> = [
      [['evaluate', 'bad.yaml'], /workloads\[0\]\.memoryGiB: must be > 0 GiB, got -4 \[too_small\]/],
      [['evaluate', 's.yaml', '--format', 'pdf'], /--format: must be one of table, json, csv, md/],
      [['evaluate', 's.yaml', '--colour'], /unknown option --colour/],
      [['evaluate', 'missing.yaml'], /missing\.yaml: cannot read the scenario: no such file \[unreadable\]/],
      [['evaluate'], /give a scenario file/],
      [['evaluate', 's.yaml', '--today', 'yesterday'], /--today: must be a date/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['evaluate', 's.yaml', '--baseline', 'nope'], /baseline: no platform named "nope"/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run(args, memoryIo({ 's.yaml': example, 'bad.yaml': bad }));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces for user mistakes
    }
  });

  it('has --help on every command', async () => {
    for (const args of [['--help'], ['evaluate', '--help'], ['init', '--help'], ['catalog', '--help']]) {
      const r = await run(args, memoryIo());
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage/);
    }
  });

  it('init writes a commented example that evaluates, and will not overwrite without --force', async () => {
    const io = memoryIo();
    expect((await run(['init'], io)).code).toBe(0);
    expect(io.files['scenario.yaml']).toMatch(/^# kernelcount scenario/);
    expect((await run(['evaluate', 'scenario.yaml'], io)).code).toBe(0);
    const again = await run(['init'], io);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect((await run(['init', '--force'], io)).code).toBe(0);
  });

  it('lists the catalog with sources', async () => {
    const r = await run(['catalog', '--format', 'json'], memoryIo());
    const entries = (JSON.parse(r.stdout) as { defaults: Array<{ id: string; source: { title: string }; asOf: string; trust: string }> }).defaults;
    expect(entries.length).toBeGreaterThan(40);
    for (const e of entries) {
      expect(e.source.title.length).toBeGreaterThan(0);
      expect(e.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(['vendor', 'secondary', 'weak']).toContain(e.trust);
    }
  });
});

describe('the kernelcount command (bin/kernelcount.js over the built dist/)', () => {
  const cli = path.join(pkgRoot, 'bin/kernelcount.js');
  it('runs as a process with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, [cli, 'evaluate', path.join(examplesDir, 'vmware-to-kubernetes.yaml')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/VMware estate considering Kubernetes/);
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"hosts": "many"}');
    const fail = spawnSync(process.execPath, [cli, 'evaluate', bad], { encoding: 'utf8' });
    expect(fail.status).toBe(2);
    expect(fail.stderr).toMatch(/hosts: must be a list/);
  });

  it('ends quietly with success when the reader closes the pipe early (| head)', () => {
    // The shell's own pipe into a reader that takes one line and exits, as `| head -1` does.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" catalog --format json | head -c 1 >/dev/null; echo "exit $?"`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" catalog --format json | head -c 1 >/dev/null`], { encoding: 'utf8' });
    expect(piped.status, piped.stderr).toBe(0);
  });
});
