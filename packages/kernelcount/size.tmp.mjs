import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ stdin:{contents:`export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir:process.cwd(), loader:'js'}, absWorkingDir:process.cwd(), bundle:true, minify:true, format:'esm', platform:'browser', write:false, metafile:true, logLevel:'silent'});
const code = r.outputFiles[0].contents;
console.log('total gz', gzipSync(code,{level:9}).length, 'raw', code.length);
const ins = Object.values(r.metafile.outputs)[0].inputs;
const rows = Object.entries(ins).map(([f,v])=>[f,v.bytesInOutput]).sort((a,b)=>b[1]-a[1]);
for (const [f,b] of rows) console.log(String(b).padStart(7), f);
