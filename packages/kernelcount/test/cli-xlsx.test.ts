import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/run.js';
import { evaluate } from '../src/evaluate.js';
import { formatCsv } from '../src/report/format.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { TODAY, examplesDir, memoryIo, pkgRoot } from './helpers.js';

const example = readFileSync(path.join(examplesDir, 'windows-lob-sql.yaml'), 'utf8');

/** An in-memory CliIo that also takes bytes, with standard output a terminal or not. */
function io(terminal: boolean | undefined, files: Record<string, string> = { 's.yaml': example }) {
  const bytes: Record<string, Uint8Array> = {};
  const base = memoryIo(files);
  const out: CliIo & { bytes: typeof bytes; files: Record<string, string> } = {
    ...base,
    bytes,
    writeBytes: (p, b) => {
      if (p.startsWith('/no/such/dir/')) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      bytes[p] = b;
    },
  };
  if (terminal !== undefined) out.stdoutIsTerminal = () => terminal;
  return out;
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

describe('kernelcount evaluate --format xlsx', () => {
  it('writes the workbook to --out and says so on standard error', async () => {
    const x = io(true);
    const r = await run(['evaluate', 's.yaml', '--format', 'xlsx', '--out', 'tco.xlsx', '--today', TODAY], x);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote tco\.xlsx \(\d+ KiB\)\n$/);
    expect(r.stdoutBytes).toBeUndefined();
    expect(await sheetNames(x.bytes['tco.xlsx']!)).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
  });

  it('refuses to write binary to a terminal, naming --out', async () => {
    for (const terminal of [true, undefined]) {
      const r = await run(['evaluate', 's.yaml', '--format', 'xlsx'], io(terminal));
      expect(r.code).toBe(2);
      expect(r.stdoutBytes).toBeUndefined();
      expect(r.stderr).toMatch(/--out: an xlsx workbook is binary: give --out FILE\.xlsx, or redirect standard output/);
    }
  });

  it('gives the bytes for standard output when it is piped (and for --out -)', async () => {
    for (const args of [[], ['--out', '-']]) {
      const r = await run(['evaluate', 's.yaml', '--format', 'xlsx', ...args], io(false));
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(await sheetNames(r.stdoutBytes!)).toContain('Summary');
    }
  });

  it('exits 2 with paths for a bad scenario or an unwritable --out', async () => {
    const bad = example.replace('instances: 24', 'instances: -1');
    expect(bad).not.toBe(example);
    const r = await run(['evaluate', 'bad.yaml', '--format', 'xlsx', '--out', 'x.xlsx'], io(false, { 'bad.yaml': bad }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/workloads\[0\]\.instances: .* \[too_small\]/);
    const w = await run(['evaluate', 's.yaml', '--format', 'xlsx', '--out', '/no/such/dir/x.xlsx'], io(false));
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/--out: cannot write "\/no\/such\/dir\/x\.xlsx": no such directory \[unreadable\]/);
    const f = await run(['evaluate', 's.yaml', '--format', 'xls'], io(false));
    expect(f.stderr).toMatch(/--format: must be one of table, json, csv, md, xlsx, got "xls"/);
  });

  it('--out also takes the text formats, replacing the file', async () => {
    const x = io(true, { 's.yaml': example, 'old.csv': 'stale' });
    const r = await run(['evaluate', 's.yaml', '--format', 'csv', '--out', 'old.csv', '--today', TODAY], x);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'wrote old.csv\n' });
    expect(x.files['old.csv']).toBe(formatCsv(evaluate(parseScenarioText(example), { today: TODAY })));
  });
});

describe('the kernelcount command with --format xlsx (built dist/)', () => {
  const cli = path.join(pkgRoot, 'bin/kernelcount.js');
  it('pipes a workbook to standard output and writes one with --out', async () => {
    const piped = spawnSync(process.execPath, [cli, 'evaluate', path.join(examplesDir, 'vmware-to-kubernetes.yaml'), '--format', 'xlsx']);
    expect(piped.status).toBe(0);
    expect(piped.stderr.toString()).toBe('');
    expect(await sheetNames(new Uint8Array(piped.stdout))).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-xlsx-'));
    const file = path.join(dir, 'tco.xlsx');
    const written = spawnSync(process.execPath, [cli, 'evaluate', path.join(examplesDir, 'vmware-to-kubernetes.yaml'), '--format', 'xlsx', '--out', file], { encoding: 'utf8' });
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(await sheetNames(new Uint8Array(readFileSync(file)))).toContain('Assumptions');
  });
});
