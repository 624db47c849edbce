import { transformSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
const lines = fs.readFileSync('/tmp/evalbundle.js','utf8').split('\n');
const start = lines.findIndex(l=>l.startsWith('// dist/money.js'));
const gz = (s)=>gzipSync(transformSync(s,{minify:true,format:'esm',loader:'js'}).code,{level:9}).length;
const total = gz(lines.join('\n'));
const blocks=[];
for (let i=start;i<lines.length;i++){ if(/^(function|var|async function) \w/.test(lines[i])){ let j=i; if(!lines[i].trimEnd().endsWith(';')){ while(j<lines.length && lines[j]!=='}' && lines[j]!=='};' && lines[j]!=='});') j++; } blocks.push([i,j]); i=j; } }
const out=[];
for (const [a,b] of blocks){ const name=lines[a].slice(0,60); const rest=[...lines.slice(0,a),...lines.slice(b+1)].join('\n'); try{ out.push([total-gz(rest),name]); }catch(e){} }
out.sort((x,y)=>y[0]-x[0]).slice(0,140).forEach(([d,n])=>console.log(String(d).padStart(6),n));
