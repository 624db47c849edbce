import { build } from 'esbuild';
const r = await build({ stdin: { contents: `export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir: '.', loader: 'js' }, absWorkingDir: process.cwd(), bundle: true, minifyWhitespace: true, minifySyntax: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
const code = new TextDecoder().decode(r.outputFiles[0].contents);
// split at top-level "function " / "var " declarations
const parts = code.split(/(?=function [A-Za-z_$][\w$]*\()|(?=var [A-Za-z_$][\w$]*=)/);
const sized = parts.map(p => [p.length, p.slice(0, 60)]).sort((a, b) => b[0] - a[0]);
sized.slice(0, 40).forEach(([n, s]) => console.log(n, s));
