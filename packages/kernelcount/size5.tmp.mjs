import { transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
const src = fs.readFileSync('/tmp/evalbundle.js','utf8');
const parts = src.split(/(?=^\/\/ (?:dist|\.\.\/)[^\n]*$)/m);
const gz = (s)=>gzipSync(transformSync(s,{minify:true,format:'esm',loader:'js'}).code,{level:9}).length;
const total = gz(src); console.log('total', total);
for (let i=0;i<parts.length;i++){ const name = parts[i].split('\n')[0]; const rest = parts.filter((_,j)=>j!==i).join(''); console.log(String(total-gz(rest)).padStart(6), name.slice(0,70)); }
