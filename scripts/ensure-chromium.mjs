#!/usr/bin/env node
// Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests
// (playwright.config.ts launches it; Playwright's own browser downloads do not work here).
//   node scripts/ensure-chromium.mjs
// When it is missing and this runs as root with apt-get, installs the `chromium`
// package (running `apt-get update` first if the plain install fails). Otherwise
// prints the command to run and exits 1. Exit 0 means the browser starts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium.mjs';

const INSTALL = 'apt-get update && apt-get install -y chromium';

function works() {
  if (!existsSync(CHROMIUM)) return false;
  const res = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (res.status === 0 && /chromium/i.test(res.stdout)) {
    console.log(`chromium: ${res.stdout.trim()} at ${CHROMIUM}`);
    return true;
  }
  console.error(`chromium: ${CHROMIUM} exists but \`--version\` failed: ${(res.stderr || res.error?.message || '').trim()}`);
  return false;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function apt(args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  const res = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return res.status === 0;
}

function giveUp(why) {
  console.error(`chromium: ${why}`);
  console.error(`chromium: the browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:`);
  console.error(`    ${process.getuid?.() === 0 ? '' : 'sudo '}sh -c '${INSTALL}'`);
  process.exit(1);
}

if (!works()) {
  if (process.getuid?.() !== 0) giveUp(`${CHROMIUM} is missing and this is not root, so it cannot be installed here`);
  if (!hasAptGet()) giveUp(`${CHROMIUM} is missing and apt-get is not available`);
  console.log(`chromium: ${CHROMIUM} is missing; installing Debian's chromium package`);
  // The package lists may be absent or stale on a fresh machine: update and retry once.
  if (!apt(['install', '-y', 'chromium'])) {
    if (!apt(['update']) || !apt(['install', '-y', 'chromium'])) {
      giveUp('apt-get could not install chromium');
    }
  }
  if (!works()) giveUp(`apt-get installed chromium but ${CHROMIUM} does not start`);
}
