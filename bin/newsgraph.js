#!/usr/bin/env node
// The `newsgraph` command: runs the bundle that `npm ci` builds (scripts/build.mjs, via "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('newsgraph: dist/cli.js is missing; run `npm run build` in the newsgraph folder first.\n');
  process.exit(70);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
