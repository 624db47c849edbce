// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkGlossary } from './src/lib/learn/remarkGlossary.ts';
import { CSP, securityHeaders } from './scripts/security-policy.mjs';

// Static site for kernelcount. Dev and preview servers listen on loopback only.
// MDX is for the explainer articles in content/learn; the glossary plugin links the first use of
// each glossary term in an article to its definition.
export default defineConfig({
  output: 'static',
  integrations: [react(), mdx(), securityHeaders()],
  markdown: { processor: unified({ remarkPlugins: [remarkGlossary] }) },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Content-Security-Policy and the other security headers: scripts/security-policy.mjs holds the
  // policy; Astro writes it, with the hashes of its inline scripts and styles, into each page's
  // <meta>, and securityHeaders() writes it, with frame-ancestors, into dist/_headers.
  security: { csp: CSP },
  vite: {
    // Module workers as ES modules, so a worker's dynamic import() stays a chunk of its own (the
    // import worker loads exceljs only for a workbook, never for a CSV or kubectl JSON).
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // Astro marks every MDX module with a "use astro:head-inject" directive that the bundler
        // reports it cannot keep; Astro handles head injection itself, so the warning is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
