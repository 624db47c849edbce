// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// Static site for kernelcount. Dev and preview servers listen on loopback only.
export default defineConfig({
  output: 'static',
  integrations: [react()],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
