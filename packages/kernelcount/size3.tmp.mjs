import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ absWorkingDir:process.cwd(), bundle:true, minify:true, format:'esm', platform:'browser', write:false, logLevel:'silent', stdin:{contents:`export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir:process.cwd(), loader:'js'}});
const code = r.outputFiles[0].text;
const strs = [...code.matchAll(/"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`|'((?:[^'\\]|\\.)*)'/g)].map(m=>m[0]);
let tot=0; for (const s of strs) tot+=s.length;
console.log('strings', strs.length, 'bytes', tot, 'gz of strings', gzipSync(strs.join('\n'),{level:9}).length);
const byLen = [...strs].sort((a,b)=>b.length-a.length).slice(0,60);
for (const s of byLen) console.log(s.length, s.slice(0,160));
