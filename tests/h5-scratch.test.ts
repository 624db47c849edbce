import { test } from 'vitest';
import { opsLabour, opsLabourFigures } from '../src/lib/learn/charts/opsLabour';
test('scratch', () => {
console.log(opsLabour.compute(opsLabour.defaults).summary);
console.log(opsLabourFigures());
});
