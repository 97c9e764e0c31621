#!/usr/bin/env node
// The peer of `npm run bench`: the plain NLP library alone. Runs compromise's people(), places() and
// organizations() over every .txt file of a folder (sorted), as one whole process, and prints one
// JSON line with the counts it found. Usage: node scripts/bench-peer.mjs <folder>
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/bench-peer.mjs <folder of .txt articles>');
  process.exit(2);
}
const counts = { documents: 0, words: 0, people: 0, places: 0, organizations: 0 };
for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
  const doc = nlp(readFileSync(join(dir, name), 'utf8'));
  counts.documents++;
  counts.words += doc.wordCount();
  counts.people += doc.people().out('array').length;
  counts.places += doc.places().out('array').length;
  counts.organizations += doc.organizations().out('array').length;
}
console.log(JSON.stringify(counts));
