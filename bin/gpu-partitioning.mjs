#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) through tsx, so `npx gpu-partitioning ...` works in the
// repository after `npm ci` with no build step. The package is CommonJS, so tsx's CommonJS hook is
// registered as well: the TypeScript sources are then loaded with require() throughout.
import { register } from 'tsx/esm/api';
import { register as registerCommonJs } from 'tsx/cjs/api';

// `gpu-partitioning validate ... | head` closes the pipe early: that is the reader's choice, not
// an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
registerCommonJs();
const cli = await import('../cli/main.ts');
// A CommonJS module imported from ESM exposes its exports on `default`.
const main = cli.main ?? cli.default.main;
process.exitCode = main(process.argv.slice(2));
