#!/usr/bin/env node
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { run, type CliIo } from './run.js';

const io: CliIo = {
  readFile: (p) => readFileSync(p, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  writeFile: (p, text) => writeFileSync(p, text, { flag: 'wx' }),
  overwriteFile: (p, text) => writeFileSync(p, text),
  exists: (p) => existsSync(p),
  readBytes: (p) => readFileSync(p),
  writeBytes: (p, bytes) => writeFileSync(p, bytes),
  stdoutIsTerminal: () => process.stdout.isTTY === true,
};
// A reader that stops early (`kernelcount catalog | head`) closes the pipe: that is not an error,
// so end quietly with success, as Unix tools do, instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const result = await run(process.argv.slice(2), io);
if (result.stdout) process.stdout.write(result.stdout);
if (result.stdoutBytes) process.stdout.write(result.stdoutBytes);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
