import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const base = {absWorkingDir:process.cwd(), bundle:true, minify:true, format:'esm', platform:'browser', write:false, metafile:true, logLevel:'silent'};
const r = await build({ ...base, stdin:{contents:`export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir:process.cwd(), loader:'js'}});
const total = gzipSync(r.outputFiles[0].contents,{level:9}).length;
console.log('total', total);
// contribution: replace each module with an empty stub of same exports? Instead gzip each module alone minified
const ins = Object.keys(Object.values(r.metafile.outputs)[0].inputs).filter(f=>f.startsWith('dist')||f.includes('decimal'));
for (const f of ins) {
  const one = await build({ ...base, entryPoints:[f], bundle:false });
  console.log(String(gzipSync(one.outputFiles[0].contents,{level:9}).length).padStart(6), f);
}
