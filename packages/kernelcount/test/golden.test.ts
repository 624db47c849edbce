import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { formatCsv, formatTable } from '../src/report/format.js';
import { TODAY, exampleFiles, loadExample } from './helpers.js';

// Golden files pin the rendered result of each example scenario: any change to a rule, a default
// or the packing shows up as a readable diff to review (update with `npx vitest run -u`).
describe('example scenarios (golden files)', () => {
  const files = exampleFiles();
  it('ships at least three examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    const name = file.replace(/\.yaml$/, '');
    it(`${name}: table report`, async () => {
      const e = evaluate(loadExample(file), { today: TODAY });
      await expect(formatTable(e)).toMatchFileSnapshot(`golden/${name}.table.txt`);
    });
    it(`${name}: line items as CSV`, async () => {
      const e = evaluate(loadExample(file), { today: TODAY });
      await expect(formatCsv(e)).toMatchFileSnapshot(`golden/${name}.line-items.csv`);
    });
  }
});
