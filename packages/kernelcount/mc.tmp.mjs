import { monteCarlo } from './dist/index.js';
import { loadExamples, withRanges } from './bench/lib.mjs';
for (const { name, scenario } of (await loadExamples()).filter((e) => !process.env.ONLY || e.name === process.env.ONLY)) {
  const r = withRanges(name, scenario); if (!r) continue;
  monteCarlo(r.scenario, { samples: 200, seed: 1, today: '2026-11-22' });
  const t = performance.now();
  monteCarlo(r.scenario, { samples: 2000, seed: 1, today: '2026-11-22' });
  console.log(name, (performance.now() - t).toFixed(0), 'ms / 2000');
}
