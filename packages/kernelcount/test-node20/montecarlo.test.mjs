import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import * as esm from 'kernelcount';
import { TODAY, exampleText, pkgRoot } from './helpers.mjs';

const cjs = createRequire(import.meta.url)('kernelcount');
const UNCERTAINTY = `
uncertainty:
  prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.20 }
  workloads[api].instances: { low: 20, likely: 24, high: 40 }
`;
const text = exampleText('linux-microservices.yaml') + UNCERTAINTY;
const scenario = () => esm.parseScenarioText(text);
const run = (k, seed) => JSON.stringify(k.monteCarlo(k.parseScenarioText(text), { samples: 300, seed, today: TODAY }));

const dir = mkdtempSync(path.join(tmpdir(), 'kernelcount-node20-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('Monte Carlo: the same seed gives the same result, another seed another', () => {
  assert.equal(run(esm, 42), run(esm, 42));
  assert.notEqual(run(esm, 42), run(esm, 43));
  const r = esm.monteCarlo(scenario(), { samples: 300, seed: 42, today: TODAY });
  assert.equal(r.samples, 300);
  assert.deepEqual(r.inputs.map((i) => i.path), ['prices.electricityPerKWh', 'workloads[api].instances']);
});

test('Monte Carlo: the ES module and CommonJS builds give the same result', () => {
  assert.equal(run(cjs, 42), run(esm, 42));
});

test('Monte Carlo: the CLI on Node 20 gives the same figures as the API', () => {
  const file = path.join(dir, 'uncertain.yaml');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [path.join(pkgRoot, 'bin/kernelcount.js'), 'uncertainty', file, '--samples', '300', '--seed', '42', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const fromCli = JSON.parse(r.stdout);
  const fromApi = JSON.parse(run(esm, 42));
  assert.deepEqual(
    fromCli.platforms.map((p) => [p.platform, p.tco.p10, p.tco.p50, p.tco.p90]),
    fromApi.platforms.map((p) => [p.platform, p.tco.p10, p.tco.p50, p.tco.p90]),
  );
});

// The repo pins a newer Node (the `node` devDependency) for its own scripts: the same seed must give
// the same samples there as on Node 20, so a figure is reproducible on any supported Node.
test('Monte Carlo: Node 20 and the repo Node give the same result for the same seed', () => {
  const newer = path.join(pkgRoot, '../../node_modules/node/bin/node');
  assert.ok(existsSync(newer), `the repo's pinned Node is missing at ${newer}; run npm ci`);
  const built = path.join(pkgRoot, 'dist/index.js');
  const code = `import(${JSON.stringify(built)}).then((k) => process.stdout.write(JSON.stringify(k.monteCarlo(k.parseScenarioText(${JSON.stringify(text)}), { samples: 300, seed: 42, today: '${TODAY}' }))))`;
  assert.notEqual(spawnSync(newer, ['--version'], { encoding: 'utf8' }).stdout.split('.')[0], 'v20');
  const r = spawnSync(newer, ['-e', code], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, run(esm, 42));
});
