import { build } from 'esbuild';
const r = await build({ absWorkingDir:process.cwd(), bundle:true, minify:false, format:'esm', platform:'browser', write:false, logLevel:'silent', stdin:{contents:`export { evaluate, safeEvaluate } from 'kernelcount';`, resolveDir:process.cwd(), loader:'js'}});
import fs from 'node:fs'; fs.writeFileSync('/tmp/evalbundle.js', r.outputFiles[0].text);
