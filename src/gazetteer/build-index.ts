/** Entry bundled as dist/gazetteer-build-index.js: scripts/build.mjs calls it to write dist/gazetteer-index.json. */
import { buildGazetteer } from './index.ts';
import { writeGazetteerIndex } from './compact.ts';

/** Builds the gazetteer from the data packages and writes its index to `file`; false if it could not be kept. */
export function buildGazetteerIndex(file: string): boolean {
  return writeGazetteerIndex(buildGazetteer(), file);
}
