import { evaluate } from './dist/index.js';
import { largeScenario } from './bench/lib.mjs';
const s = largeScenario();
const ts = [];
for (let i = 0; i < 15; i++) { const t = performance.now(); evaluate(s, { today: '2026-11-22' }); ts.push(performance.now() - t); }
ts.sort((a, b) => a - b); console.log('median', ts[7].toFixed(1), 'min', ts[0].toFixed(1));
