#!/usr/bin/env node
// The `kernelcount` command. It is committed (unlike dist/) so npm can link it when a workspace is
// installed before the package is built; it loads the compiled CLI.
const cli = new URL('../dist/cli/main.js', import.meta.url);
import(cli.href).catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('kernelcount: the package is not built yet; run `npm run build` in the repository first\n');
    process.exit(1);
  }
  throw error;
});
