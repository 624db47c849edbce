// Releases: changesets drive the package's version and CHANGELOG. This runs `changeset version` (the
// first half of `npm run release`) on a copy of the repo's changesets and manifests in a temporary
// directory, so the checked-out repo is left alone, and checks what a release would write: the next
// version and a CHANGELOG entry for every changeset. Publishing itself is not done here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'node_modules', '.bin');
const changesetFiles = readdirSync(path.join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** A changeset's bump and its summary's first line. */
function readChangeset(file: string): { bump: string; first: string } {
  const text = readFileSync(path.join(root, '.changeset', file), 'utf8');
  const m = /^---\n(['"])kernelcount\1: (major|minor|patch)\n---\n\n([^\n]+)/.exec(text);
  if (!m) throw new Error(`${file}: not a kernelcount changeset`);
  return { bump: m[2]!, first: m[3]! };
}

let dir = '';
let status = -1;
let output = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kernelcount-release-'));
  for (const f of ['package.json', 'package-lock.json']) cpSync(path.join(root, f), path.join(dir, f));
  cpSync(path.join(root, '.changeset'), path.join(dir, '.changeset'), { recursive: true });
  mkdirSync(path.join(dir, 'packages', 'kernelcount'), { recursive: true });
  cpSync(path.join(root, 'packages', 'kernelcount', 'package.json'), path.join(dir, 'packages', 'kernelcount', 'package.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // node_modules/.bin first, as `npm run release` has it: changesets 3 needs the pinned Node 24.
  const r = spawnSync('changeset', ['version'], { cwd: dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, encoding: 'utf8', timeout: 60_000 });
  status = r.status ?? -1;
  output = `${r.stdout}\n${r.stderr}`;
}, 90_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run release (versioning half)', () => {
  it('is changeset version, then the package build, then changeset publish', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['release']).toBe('changeset version && npm run build -w kernelcount && changeset publish');
    const config = JSON.parse(readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config['access']).toBe('public');
    expect(config['baseBranch']).toBe('main');
  });

  it('has a changeset for the package and every one of them is a kernelcount bump', () => {
    expect(changesetFiles.length).toBeGreaterThan(0);
    for (const f of changesetFiles) expect(['major', 'minor', 'patch'], f).toContain(readChangeset(f).bump);
  });

  it('bumps the version by the largest change and writes every changeset into the CHANGELOG', () => {
    expect(status, output).toBe(0);
    const before = (JSON.parse(readFileSync(path.join(root, 'packages', 'kernelcount', 'package.json'), 'utf8')) as { version: string }).version;
    const after = (JSON.parse(readFileSync(path.join(dir, 'packages', 'kernelcount', 'package.json'), 'utf8')) as { version: string }).version;
    const bumps = changesetFiles.map((f) => readChangeset(f).bump);
    const [major, minor, patch] = before.split('.').map(Number) as [number, number, number];
    const expected = bumps.includes('major') ? `${major + 1}.0.0` : bumps.includes('minor') ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
    expect(after).toBe(expected);
    const log = readFileSync(path.join(dir, 'packages', 'kernelcount', 'CHANGELOG.md'), 'utf8');
    expect(log.startsWith(`# kernelcount\n\n## ${expected}\n`)).toBe(true);
    for (const f of changesetFiles) expect(log, f).toContain(readChangeset(f).first);
    // The changesets are used up by the release.
    expect(readdirSync(path.join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
  });
});
