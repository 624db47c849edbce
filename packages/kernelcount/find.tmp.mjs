import { packGroups as ffd } from '/work/wt/base/packages/kernelcount/dist/packing/pack.js';
import { packGroups } from './dist/packing/pack.js';
let seed = 7; const rnd = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
let best = null;
for (let t = 0; t < 200000; t++) {
  const cap = [100, 100];
  const groups = [
    { id: 'a', count: 1 + rnd(6), size: [10 + rnd(60), 1 + rnd(10)] },
    { id: 'b', count: 1 + rnd(12), size: [1 + rnd(10), 10 + rnd(60)] },
  ];
  const f = ffd(cap, groups).bins, s = packGroups(cap, groups).bins;
  if (s < f && (!best || groups[0].count + groups[1].count < best.n)) best = { n: groups[0].count + groups[1].count, groups, f, s };
}
console.log(JSON.stringify(best));
