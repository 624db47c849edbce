import { evaluate } from './dist/index.js';
import { largeScenario } from './bench/lib.mjs';
const s = largeScenario();
for (let i = 0; i < 3; i++) { const t = performance.now(); evaluate(s, { today: '2026-11-22' }); console.log((performance.now() - t).toFixed(1), 'ms'); }
