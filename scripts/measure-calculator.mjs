#!/usr/bin/env node
// Measures the calculator in Debian's Chromium, alone on the machine (not during the test run,
// whose parallel workers would distort it): for each preset, 21 edits of an instance count, and
// the median and 90th percentile of (a) evaluate + render, from the evaluation to React having
// committed the results, and (b) the same to the next frame, which adds the charts' redraw and the
// wait for the display refresh. Needs a built site: `npm run build` first.
//   node scripts/measure-calculator.mjs      (or npm run measure:site)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { env: { ...process.env, PORT: '4711' }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
    if (m) resolve(m[0].replace(/\/$/, ''));
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_FLAGS,
});
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)], n: s.length };
};
const results = {};
try {
  for (const preset of ['linux-microservices', 'vmware-to-kubernetes', 'windows-lob-sql']) {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(`${base}/calculator`);
    await page.waitForSelector('[data-testid=summary]');
    await page.waitForTimeout(800);
    await page.selectOption('.toolbar select', preset);
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      window.__kernelcountTimings = [];
      window.__kernelcountFrames = [];
    });
    const input = page.locator('input[data-path="workloads[0].instances"]');
    for (let i = 0; i < 21; i++) {
      await input.fill(String(10 + i * 7));
      await page.waitForTimeout(300);
    }
    const t = await page.evaluate(() => ({ render: window.__kernelcountTimings, frame: window.__kernelcountFrames }));
    results[preset] = { evaluateRender: stat(t.render), toNextFrame: stat(t.frame) };
    await page.context().close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log('preset                  evaluate+render median / p90    to next frame median / p90   (ms)');
for (const [k, v] of Object.entries(results)) {
  console.log(`${k.padEnd(24)}${v.evaluateRender.median.toFixed(1).padStart(8)} / ${v.evaluateRender.p90.toFixed(1).padEnd(18)}${v.toNextFrame.median.toFixed(1).padStart(8)} / ${v.toNextFrame.p90.toFixed(1)}`);
}
mkdirSync(path.join(root, 'test-results'), { recursive: true });
writeFileSync(path.join(root, 'test-results', 'calculator-timings.json'), JSON.stringify(results, null, 2));
