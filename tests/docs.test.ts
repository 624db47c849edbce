// Checks the built /docs page (dist/) against the package as it is now: the examples' output,
// every command's --help, the scenario fields of the JSON Schema and the exports.
// `npm test` builds the package and the site before Vitest runs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as kernelcount from 'kernelcount';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_GROUPS, otherExports, runtimeExports, signatureOf } from '../src/lib/docs/api.ts';
import { brokenLinks, elementByAttr, elementById, idsOf, innerText, readPage, textOf } from '../src/lib/docs/builtHtml.ts';
import { CLI_EXAMPLES, EXAMPLE_FILES } from '../src/lib/docs/examples.ts';
import { EXAMPLES_DIR, cliCommands, runCliAsync, runExampleAsync } from '../src/lib/docs/run.ts';
import type { RunResult } from '../src/lib/docs/run.ts';
import { schemaFields } from '../src/lib/docs/schemaFields.ts';

let html = '';
let commands: string[] = [];
/** What each example and command line prints now, run once and in parallel before the tests. */
const now = new Map<string, RunResult>();

beforeAll(async () => {
  html = readPage('/docs');
  commands = cliCommands();
  const runs: Array<[string, Promise<RunResult>]> = [
    ...EXAMPLE_FILES.map((f): [string, Promise<RunResult>] => [`example ${f}`, runExampleAsync(f)]),
    ...[['--help'], ...commands.map((c) => [c, '--help']), ['init', '-'], ...CLI_EXAMPLES].map(
      (args): [string, Promise<RunResult>] => [`cli ${args.join(' ')}`, runCliAsync(args)],
    ),
  ];
  for (const [key, result] of await Promise.all(runs.map(async ([k, p]) => [k, await p] as const))) now.set(key, result);
}, 120_000);

/** Output of a run made in beforeAll; fails the test if it did not exit 0. */
function printed(key: string): string {
  const r = now.get(key);
  if (!r) throw new Error(`not run: ${key}`);
  if (r.code !== 0) throw new Error(`${key} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The text of the `<pre>` the page shows for a command line. */
function shownCli(args: string): string | undefined {
  const el = elementByAttr(html, 'data-cli', args);
  return el === undefined ? undefined : innerText(el);
}

describe('/docs', () => {
  it('ships no JavaScript', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });

  it('has a title, the install command and the package version', () => {
    expect(html).toMatch(/<title>Package and CLI \| kernelcount<\/title>/);
    expect(textOf(html)).toContain('npm install kernelcount');
    expect(textOf(html)).toContain(`kernelcount ${kernelcount.version} when this page was built`);
  });

  it('shows every example file with the output it prints now', () => {
    const onDisk = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.mjs'));
    expect([...onDisk].sort()).toEqual([...EXAMPLE_FILES].sort());
    for (const file of EXAMPLE_FILES) {
      const code = elementByAttr(html, 'data-source', file);
      expect(code, file).toBeDefined();
      const shownCode = innerText(code!).replace(new RegExp(`^${file.replace('.', '\\.')}`), '');
      expect(shownCode.trim(), file).toBe(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8').trim());

      const output = elementByAttr(html, 'data-example', file);
      expect(output, file).toBeDefined();
      expect(innerText(output!), file).toBe(printed(`example ${file}`));
    }
  });

  it('shows the help of the CLI and of every command, as the command prints it now', () => {
    expect(commands).toEqual(expect.arrayContaining(['evaluate', 'init', 'catalog', 'reserve', 'overhead', 'license']));
    expect(shownCli('--help')).toBe(`$ kernelcount --help\n${printed('cli --help')}`);
    for (const c of commands) {
      expect(shownCli(`${c} --help`), c).toBe(`$ kernelcount ${c} --help\n${printed(`cli ${c} --help`)}`);
      expect(idsOf(html), c).toContain(`cli-${c}`);
    }
  });

  it('shows each command-line example with its output now', () => {
    for (const args of CLI_EXAMPLES) {
      expect(shownCli(args.join(' ')), args.join(' ')).toBe(`$ kernelcount ${args.join(' ')}\n${printed(`cli ${args.join(' ')}`)}`);
    }
  });

  it('shows the scenario template kernelcount init writes', () => {
    const figure = html.slice(html.indexOf('kernelcount init - (scenario.yaml)'));
    const pre = /<pre\b[\s\S]*?<\/pre>/.exec(figure)?.[0] ?? '';
    expect(innerText(pre).trim()).toBe(printed('cli init -').trim());
  });

  it('lists every field of the scenario JSON Schema with its type, default and description', () => {
    const fields = schemaFields(kernelcount.scenarioJsonSchema);
    const top = Object.keys((kernelcount.scenarioJsonSchema as { properties: object }).properties);
    for (const key of top) expect(fields.map((f) => f.path), key).toContain(key);
    for (const f of fields) {
      const row = elementByAttr(html, 'data-field', f.path);
      expect(row, f.path).toBeDefined();
      const text = innerText(row!);
      expect(text.replace(/\s+/g, ''), f.path).toContain(f.path);
      if (f.values) for (const v of f.values) expect(text, `${f.path} ${v}`).toContain(v);
      else expect(text, f.path).toContain(f.type);
      if (f.default) expect(text, f.path).toContain(f.default);
      if (f.description) expect(text, f.path).toContain(f.description);
      if (f.required) expect(text, f.path).toContain('required');
    }
  });

  it('documents only names the package exports, each with an anchor and its declared signature', () => {
    const exported = new Set(runtimeExports());
    for (const g of API_GROUPS) {
      expect(idsOf(html), g.id).toContain(g.id);
      for (const item of g.items) {
        expect(exported.has(item.name), `${item.name} is not exported by kernelcount`).toBe(true);
        const dt = elementById(html, `api-${item.name}`);
        expect(dt, item.name).toBeDefined();
        const sig = signatureOf(item.name);
        expect(innerText(dt!), item.name).toBe(sig ?? item.name);
        expect(innerText(dt!), item.name).toMatch(new RegExp(`\\b${item.name}\\b`));
      }
    }
  });

  it('lists every other export of the package', () => {
    const others = otherExports();
    expect(others.length).toBeGreaterThan(0);
    for (const name of runtimeExports()) expect(idsOf(html), name).toContain(`api-${name}`);
    for (const name of others) expect(innerText(elementById(html, `api-${name}`)!), name).toBe(signatureOf(name) ?? name);
  });

  it('reads signatures from the type declarations of the built package', () => {
    expect(signatureOf('evaluate')).toBe('evaluate(input: unknown, options?: EvaluateOptions): Evaluation');
    expect(signatureOf('CatalogView')).toMatch(/^new CatalogView\(overrides\?: /);
    expect(signatureOf('STALE_AFTER_MONTHS')).toBe(`const STALE_AFTER_MONTHS = ${kernelcount.STALE_AFTER_MONTHS}`);
  });

  it('gives every element a unique id', () => {
    const ids = idsOf(html);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has no broken internal links', () => {
    expect(brokenLinks(html, '/docs')).toEqual([]);
  });
});

describe('scenario fields from the JSON Schema', () => {
  const fields = schemaFields(kernelcount.scenarioJsonSchema);
  const byPath = (p: string) => fields.filter((f) => f.path === p);

  it('merges the platform variants, naming the types a field applies to', () => {
    expect(byPath('platforms[].type')).toHaveLength(1);
    expect(byPath('platforms[].type')[0]!.values).toEqual([...kernelcount.PLATFORM_TYPES].map((t) => JSON.stringify(t)));
    expect(byPath('platforms[].name')[0]!.appliesTo).toEqual([]);
    expect(byPath('platforms[].hypervisor')[0]!.appliesTo).toContain('vm');
    expect(byPath('platforms[].runtime')[0]!.appliesTo).toEqual(['microvm']);
  });

  it('marks required fields and the either-or pairs', () => {
    expect(byPath('hosts')[0]!.required).toBe(true);
    expect(byPath('hosts[].sockets')[0]!.required).toBe(true);
    expect(byPath('hosts[].memoryGiB')[0]!.description).toContain('Give one of memoryGiB or memoryMiB.');
  });

  it('collapses the catalog overrides into one row and keeps dotted ids in brackets', () => {
    expect(byPath('catalog')[0]!.map).toBe(true);
    expect(fields.some((f) => f.path.startsWith('catalog.'))).toBe(false);
    expect(byPath("catalogVersions['k8s.gdc.baseMemoryMiB']")[0]!.key).toBe('k8s.gdc.baseMemoryMiB');
  });
});
