#!/usr/bin/env node
// Regenerates locales/en/plugin__gpu-partitioning-plugin.json from the source (t('...') calls and
// %ns~key% strings in console-extensions.json). With --check it writes to a temporary directory
// and fails when the committed file differs, so a stale catalogue cannot land.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = 'en/plugin__gpu-partitioning-plugin.json';
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'i18n-')) : join(root, 'locales');
// The parser keeps the values already in the catalogue (e.g. hand-written English plurals) and
// only adds and removes keys, so the check starts from a copy of the committed catalogue.
if (check) cpSync(join(root, 'locales'), outDir, { recursive: true });

execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/i18next-parser/bin/cli.js'),
    '--config',
    'i18n-scripts/i18next-parser.config.cjs',
  ],
  {
    cwd: root,
    env: { ...process.env, I18N_OUTPUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

if (check) {
  const fresh = readFileSync(join(outDir, catalogue), 'utf8');
  const committedPath = join(root, 'locales', catalogue);
  const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '';
  rmSync(outDir, { recursive: true, force: true });
  if (fresh !== committed) {
    const freshKeys = Object.keys(JSON.parse(fresh));
    const committedKeys = committed ? Object.keys(JSON.parse(committed)) : [];
    const missing = freshKeys.filter((k) => !committedKeys.includes(k));
    const stale = committedKeys.filter((k) => !freshKeys.includes(k));
    console.error(
      `locales/${catalogue} is out of date. Run \`npm run i18n\` and commit the result.`,
    );
    if (missing.length) console.error(`  missing keys: ${missing.slice(0, 20).join(' | ')}`);
    if (stale.length) console.error(`  keys no longer used: ${stale.slice(0, 20).join(' | ')}`);
    process.exit(1);
  }
  console.log(`i18n: locales/${catalogue} is up to date.`);
} else {
  console.log(`i18n: wrote locales/${catalogue}`);
}
