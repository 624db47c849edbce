import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { pkgRoot } from './helpers.mjs';

// Found by fuzzing (test/fuzz-text.test.ts): on Node 20, a YAML parse that ran out of stack could
// make the next parse in the same process abort it (a V8 regular-expression allocation failure,
// not an exception). Deep YAML is now refused before parsing; the parses run in a child process so
// that a regression shows as a failed test, not a crashed runner.
test('deeply nested YAML is refused with too_large_input, twice in one process, without aborting it', () => {
  const script = `
    const { parseScenarioText } = await import('kernelcount');
    for (const text of ['hosts: ' + '['.repeat(1000), Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + '- ').join('\\n')]) {
      for (let k = 0; k < 2; k++) {
        try { parseScenarioText(text, 'yaml'); console.log('parsed'); }
        catch (e) { console.log(e.name, e.issues?.[0]?.code); }
      }
    }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkgRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.deepEqual(r.stdout.trim().split('\n'), Array(4).fill('KernelcountError too_large_input'));
});
