// Bundles preview.tsx with PatternFly's CSS into /tmp/slicemap-preview (dev only).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.PREVIEW_OUT ?? '/tmp/slicemap-preview';
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(root, 'bench/slicemap-preview/preview.tsx')],
  bundle: true,
  outfile: join(out, 'preview.js'),
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"development"' },
  loader: { '.woff2': 'file', '.woff': 'file', '.svg': 'file' },
  logLevel: 'warning',
});

// The console ships PatternFly's base and component CSS; the plugin ships only its own.
const styles = join(root, 'node_modules/@patternfly/react-core/dist/styles');
const components = join(root, 'node_modules/@patternfly/react-styles/css/components');
const css = [readFileSync(join(styles, 'base.css'), 'utf8')];
for (const dir of readdirSync(components, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)) {
  for (const file of readdirSync(join(components, dir))) {
    if (file.endsWith('.css')) css.push(readFileSync(join(components, dir, file), 'utf8'));
  }
}
cpSync(join(styles, 'assets'), join(out, 'assets'), { recursive: true });
writeFileSync(join(out, 'patternfly.css'), css.join('\n'));

writeFileSync(
  join(out, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slice map preview</title>
<link rel="stylesheet" href="patternfly.css">${existsSync(join(out, 'preview.css')) ? '<link rel="stylesheet" href="preview.css">' : ''}
<style>body{background:var(--pf-t--global--background--color--secondary--default);margin:0}
.preview{display:flex;flex-direction:column;gap:16px;padding:16px}</style></head>
<body><main id="root"></main><script src="preview.js"></script></body></html>`,
);
console.log(`preview written to ${out}/index.html`);
