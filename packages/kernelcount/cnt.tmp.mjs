import { evaluate } from './dist/index.js';
import { loadExamples } from './bench/lib.mjs';
for (const { name, scenario } of await loadExamples()) { globalThis.__calls = 0; globalThis.__ns = []; evaluate(scenario, { today: '2026-11-22' }); console.log(name, globalThis.__calls, globalThis.__ns.join(',')); }
