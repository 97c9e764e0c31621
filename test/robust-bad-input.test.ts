// Bad input: runs each row of the README's "## Bad input" table (its command, in a scratch folder
// holding the files it names), and checks the exit status and every quoted message against what the
// command prints. Refusals must also print one line on stderr and nothing on stdout, and leave every
// file that was there byte for byte as it was, with no temporary file left behind.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BIN, ROOT, requireBuild, tempDir } from './cli-helpers.ts';
import { readArticleFile, DEFAULT_MAX_ARTICLE_BYTES } from '../src/io/read.ts';
import { InputError } from '../src/errors.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'robust');
const SAMPLE = join(ROOT, 'data', 'samples', 'china-canada-apec.ttl');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** One row of the README table. */
interface Row {
  input: string;
  args: string[];
  exit: number;
  messages: string[];
}

/** Splits a command as a shell would for our simple cases (words, 'single quoted'). */
function splitCommand(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The rows of the "## Bad input" table of README.md. */
function readTable(): Row[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Bad input\n'));
  if (!section) throw new Error('README.md has no "## Bad input" section');
  return section.split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Input |'))
    .map((line) => {
      const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
      const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      return { input: cells[0]!, args: splitCommand(code(cells[1]!)[0]!), exit: Number(cells[2]), messages: code(cells[3]!) };
    });
}

/** Makes the files every row may name, in `dir`. */
function makeFiles(dir: string): void {
  writeFileSync(join(dir, 'out.ttl'), 'previous output\n');
  writeFileSync(join(dir, 'out.gexf'), '<previous/>\n');
  mkdirSync(join(dir, 'empty-folder'));
  writeFileSync(join(dir, 'empty-folder', 'notes.pdf'), '%PDF-1.4\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t \r\n  ');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a, 0x00]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait: Prime Minister Jos\xe9 Garc\xeda met Chancellor Olaf Brandt in Madrid.\n', 'latin1'));
  // Exactly 4 KiB of article text.
  const sentence = 'Prime Minister Mark Carney met President Xi Jinping in Gyeongju on Friday. ';
  writeFileSync(join(dir, 'a.txt'), sentence.repeat(Math.ceil(4096 / sentence.length)).slice(0, 4095) + '\n');
  for (const f of ['arabic.txt', 'chinese.txt', 'russian.txt', 'german.txt', 'hindi-greek.txt']) copyFileSync(join(FIXTURES, f), join(dir, f));
  copyFileSync(join(FIXTURES, 'malformed.ttl'), join(dir, 'bad.ttl'));
  copyFileSync(join(FIXTURES, 'malformed.trig'), join(dir, 'bad.trig'));
  copyFileSync(join(FIXTURES, 'malformed.nq'), join(dir, 'bad.nq'));
  writeFileSync(join(dir, 'latin1.ttl'), Buffer.from('@prefix ex: <http://example.org/> .\nex:a ex:b "caf\xe9" .\n', 'latin1'));
  copyFileSync(SAMPLE, join(dir, 'graph.ttl'));
  mkdirSync(join(dir, 'outdir'));
  symlinkSync('a.txt', join(dir, 'link.txt'));
  mkdirSync(join(dir, 'ro'));
  writeFileSync(join(dir, 'ro', 'out.ttl'), 'previous output in a read-only folder\n');
  chmodSync(join(dir, 'ro'), 0o555);
}

/** 50 MiB of plain text (not NUL bytes, so that only the size can be the problem). */
function makeBigFile(file: string): void {
  const block = Buffer.from('The quick brown fox met the lazy dog in Paris on Monday. '.repeat(1000) + '\n');
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) writeSync(fd, block, 0, Math.min(block.length, 50 * 1024 * 1024 - written));
  } finally {
    closeSync(fd);
  }
}

/** Every file under `dir` (relative path → bytes), following no links. */
function snapshot(dir: string, skip: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (skip.has(rel)) continue;
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (st?.isFile()) out.set(rel, readFileSync(path).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Runs newsgraph in `cwd`; as an unprivileged user when root (so that file permissions apply). */
function run(args: string[], cwd: string, asNobody: boolean) {
  const command = asNobody ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', HOME: cwd } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const setprivWorks = isRoot && spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'true']).status === 0;

describe('README "Bad input": every row, run as written', () => {
  requireBuild();
  const rows = readTable();
  const dir = tempDir('ng-bad-input-');
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission row
  makeFiles(dir);
  makeBigFile(join(dir, 'big.txt'));
  for (const f of readdirSync(dir)) if (f !== 'ro') chmodSync(join(dir, f), statSync(join(dir, f)).isDirectory() ? 0o755 : 0o644);
  afterAll(() => {
    chmodSync(join(dir, 'ro'), 0o755);
    rmSync(dir, { recursive: true, force: true }); // 50 MiB
  });

  it('the table has the rows the issue asks for', () => {
    const inputs = rows.map((r) => r.input);
    for (const wanted of ['missing file', 'folder with no articles', 'empty file', 'whitespace only', 'binary (NUL bytes)', 'invalid UTF-8', 'invalid UTF-8 with --lenient', '50 MB input', 'non-English text', 'malformed Turtle to query', 'malformed Turtle to validate', 'malformed Turtle to view', 'malformed Turtle to export', 'unwritable output folder', 'output path equal to an input']) {
      expect(inputs).toContain(wanted);
    }
    for (const r of rows) {
      expect(Number.isInteger(r.exit), r.input).toBe(true);
      expect(r.exit === 0 || r.messages.length > 0, `${r.input}: a refusal names its message`).toBe(true);
    }
  });

  it.each(rows.map((r) => [r.input, r] as const))('%s', (_, row) => {
    const permissions = row.input === 'unwritable output folder';
    if (permissions && isRoot && !setprivWorks) return; // root writes anywhere; no way to drop privileges here
    // Outputs a successful row writes are not compared; everything else must stay as it was.
    const changes = row.exit === 0 ? new Set([row.args[row.args.indexOf('-o') + 1]!]) : new Set<string>();
    const before = snapshot(dir, changes);
    const r = run(row.args, dir, permissions && isRoot);
    expect(r.status, `${row.args.join(' ')}\n${r.stderr}`).toBe(row.exit);
    for (const m of row.messages) expect(r.stderr).toContain(m);
    if (row.exit !== 0) {
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^newsgraph: /);
    }
    expect(snapshot(dir, changes)).toEqual(before);
    // No temporary file anywhere (an atomic write that failed removes its temp file).
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'ro')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('invalid UTF-8 with --lenient: the graph holds the text with U+FFFD where the bad bytes were', () => {
    const r = run(['build', 'latin1.txt', '--lenient', '-q', '--format', 'n-triples'], dir, false);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('caf\uFFFD au lait');
    expect(r.stdout).not.toContain('\u00e9');
  });

  it('non-English text: the graph conforms to the shapes (newsgraph validate exits 0)', () => {
    const r = run(['build', 'arabic.txt', 'chinese.txt', 'russian.txt', 'german.txt', 'hindi-greek.txt', '-q', '-o', 'non-english.trig'], dir, false);
    expect(r.status, r.stderr).toBe(0);
    const v = run(['validate', 'non-english.trig'], dir, false);
    expect(v.status, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/non-english\.trig: conforms/);
    const text = readFileSync(join(dir, 'non-english.trig'), 'utf8');
    expect(text).toContain('习近平');
    expect(text).toContain('التقى');
  });

  it('a file over the limit is refused before it is read (memory does not grow by its size)', () => {
    const file = join(dir, 'big.txt');
    expect(statSync(file).size).toBeGreaterThan(DEFAULT_MAX_ARTICLE_BYTES);
    const external = () => process.memoryUsage().external + process.memoryUsage().arrayBuffers;
    const start = external();
    let error: unknown;
    try { readArticleFile(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/50 MiB, larger than the limit of 8 MiB/);
    // Reading it would have allocated a 50 MiB buffer.
    expect(external() - start).toBeLessThan(10 * 1024 * 1024);
    // A limit above the size reads it.
    expect(readArticleFile(join(dir, 'a.txt'), { maxBytes: 4096 })).toHaveLength(4096);
    expect(() => readArticleFile(join(dir, 'a.txt'), { maxBytes: 4095 })).toThrow(/4 KiB, larger than the limit of 4095 bytes/);
  });

  it('--max-bytes values: suffixes accepted, nonsense is a usage error', () => {
    expect(run(['build', 'a.txt', '--max-bytes', '4k', '-q', '-o', 'max.ttl'], dir, false).status).toBe(0);
    expect(existsSync(join(dir, 'max.ttl'))).toBe(true);
    for (const bad of ['0', 'lots', '1x', '2.5.1M']) {
      const r = run(['build', 'a.txt', '--max-bytes', bad, '-o', 'max.ttl'], dir, false);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--max-bytes must be a positive number of bytes/);
    }
  });
});
