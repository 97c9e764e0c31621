/** Locating files shipped with the package (ontology/), from src/ under vitest and from dist/ alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding newsgraph's package.json (found by walking up from this module). */
export function findPackageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'newsgraph') return (root = dir);
      } catch { /* not ours; keep walking */ }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('newsgraph: cannot find the package root (package.json named "newsgraph") above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Absolute path of a file of the package, e.g. `resolvePackagePath('ontology', 'topics.ttl')`. */
export function resolvePackagePath(...parts: string[]): string {
  return join(findPackageRoot(), ...parts);
}
