import { build } from 'esbuild';
const r = await build({ stdin: { contents: `export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir: '.', loader: 'js' }, absWorkingDir: process.cwd(), bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
console.log(r.outputFiles[0].contents.length);
