// Bundles the library and the CLI into dist/ with esbuild (dependencies stay external).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

// A clean dist/ each time: esbuild leaves the chunks of earlier builds behind (content-hashed names).
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  // jobs-worker: the worker thread of `build --jobs` (src/jobs), found next to the chunks.
  // gazetteer-build-index: writes the precomputed gazetteer (below), read at startup instead of the data packages.
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'jobs-worker': 'src/jobs/worker.ts', 'gazetteer-build-index': 'src/gazetteer/build-index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 has Unicode property escapes (/\p{Lu}/u); without this esbuild rewrites each such literal
  // into a `new RegExp(...)` call, which builds a new regular expression every time it runs.
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: true,
  external,
  logLevel: 'warning',
});

// The gazetteer index (src/gazetteer/compact.ts) next to the chunks that read it; made from the same
// sources as this bundle, so it is never stale (an index from other package versions is ignored).
const { buildGazetteerIndex } = await import(new URL('../dist/gazetteer-build-index.js', import.meta.url).href);
if (!buildGazetteerIndex(new URL('../dist/gazetteer-index.json', import.meta.url).pathname)) {
  console.warn('build: the gazetteer index did not read back equal to the gazetteer; newsgraph will build it at startup instead');
}

// npm links the bins of dependencies, not the package's own: link ours so that
// `node_modules/.bin/newsgraph` works in a fresh clone right after `npm ci`.
import { mkdirSync, symlinkSync, lstatSync, unlinkSync } from 'node:fs';
const link = 'node_modules/.bin/newsgraph';
mkdirSync('node_modules/.bin', { recursive: true });
try { lstatSync(link); unlinkSync(link); } catch { /* not there yet */ }
symlinkSync('../../bin/newsgraph.js', link);

// The viewer (viewer/, a Vite app) is built into viewer/dist, which `newsgraph view` serves.
const { build: buildViewer } = await import('vite');
await buildViewer({ configFile: new URL('../viewer/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
