// The machine's Node 20 (the floor of package.json's engines): $KERNELCOUNT_NODE20, else
// /usr/bin/node (Debian's). Exits with a message when it is missing or not version 20.
import { spawnSync } from 'node:child_process';

/** The Node 20 binary and its version, or exit 1 naming what to set. */
export function node20() {
  const node = process.env.KERNELCOUNT_NODE20 || '/usr/bin/node';
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    console.error(`node20: no Node at ${node}; set KERNELCOUNT_NODE20 to a Node 20 binary`);
    process.exit(1);
  }
  if (!/^v20\./.test(r.stdout)) {
    console.error(`node20: ${node} is ${r.stdout.trim()}, not Node 20; set KERNELCOUNT_NODE20 to a Node 20 binary`);
    process.exit(1);
  }
  return { node, version: r.stdout.trim() };
}
