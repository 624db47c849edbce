// `npm run bench:xlsx`: size and time to write the xlsx workbook of each example scenario and of
// the generated 100,000-instance scenario (the same scenarios as `npm run bench`, from lib.mjs).
// "build" is scenarioWorkbook (evaluate + lay out the sheets); "write" is scenarioXlsx (the same
// plus exceljs zipping the file). Median, p95 and the ratio to the same reference as `npm run
// bench` (a JSON parse + stringify of the scenario, timed just before its tasks). Run after
// `npm run build` (the npm script builds first).
import { loadavg } from 'node:os';
import { scenarioWorkbook, scenarioXlsx } from '../dist/report/xlsx.js';
import { PROFILES, TODAY, environment, formatFigure, headerLines, largeScenario, loadExamples, markdownTable, measure, ratio, referenceOf } from './lib.mjs';

const scenarios = [...(await loadExamples()), { name: 'large (100,000 instances / 200 workloads)', scenario: largeScenario() }];
const profile = { ...PROFILES.quick, time: 2000 };
const env = environment();
const rows = [];
for (const { name, scenario } of scenarios) {
  const bytes = (await scenarioXlsx(scenario, { today: TODAY })).length;
  const reference = await measure(`reference ${name}`, referenceOf(scenario), PROFILES.quick);
  const build = await measure(`build ${name}`, () => scenarioWorkbook(scenario, { today: TODAY }), profile);
  const write = await measure(`write ${name}`, async () => {
    await scenarioXlsx(scenario, { today: TODAY });
  }, profile);
  process.stderr.write(`${name}: build ${formatFigure(build.median)} ms, write ${formatFigure(write.median)} ms\n`);
  rows.push([name, `${(bytes / 1000).toFixed(1)} kB`, formatFigure(build.median), formatFigure(write.median), formatFigure(write.p95), formatFigure(ratio(write.median, reference.median))]);
}
console.log([
  ...headerLines(env, loadavg()[0]).map((l) => `${l}  `),
  '',
  markdownTable(['scenario', 'xlsx size', 'build median ms', 'write median ms', 'write p95 ms', 'write x reference'], rows, ['l', 'r', 'r', 'r', 'r', 'r']),
].join('\n'));
