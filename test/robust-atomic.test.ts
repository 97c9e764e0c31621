// No partial output: outputs are written to a temporary file in the target folder and renamed, so a
// build that fails, or is killed (SIGKILL) while it writes, leaves an existing output as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, newsgraph, requireBuild, tempDir } from './cli-helpers.ts';

/** A corpus of `n` articles (the fixture articles under numbered names, so each has its own id). */
function makeCorpus(dir: string, n: number): string {
  const sources = [
    ...readdirSync(join(ROOT, 'data', 'articles')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'data', 'articles', f)),
    ...readdirSync(join(ROOT, 'test', 'fixtures', 'articles')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'test', 'fixtures', 'articles', f)),
  ];
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < n; i++) copyFileSync(sources[i % sources.length]!, join(corpus, `article-${String(i).padStart(4, '0')}.txt`));
  return corpus;
}

/** Temporary files of `output` in its folder (".<name>.<pid>.<random>.tmp"). */
function tempFilesOf(dir: string, name: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'));
}

/**
 * Starts a build and SIGKILLs it as soon as `when` says so (polled every few milliseconds);
 * resolves with how it ended and what `when` saw.
 */
function killWhen(args: string[], when: () => string | undefined, onKill?: (kill: () => void) => void): Promise<{ signal: NodeJS.Signals | null; status: number | null; seen: string | undefined }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    onKill?.(() => child.kill('SIGKILL'));
    let seen: string | undefined;
    const timer = setInterval(() => {
      if (seen !== undefined) return;
      seen = when();
      if (seen !== undefined) child.kill('SIGKILL');
    }, 2);
    child.on('error', reject);
    child.on('close', (status, signal) => { clearInterval(timer); resolve({ signal, status, seen }); });
  });
}

describe('no partial output', () => {
  requireBuild();
  const dir = tempDir('ng-atomic-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = makeCorpus(dir, 48);
  const OLD = 'the previous output, which must survive\n';

  it('streamed N-Quads (--jobs 2): SIGKILL while the temp file grows leaves the output byte-identical; a new run completes', async () => {
    const out = join(dir, 'out.nq');
    writeFileSync(out, OLD);
    const r = await killWhen(['build', corpus, '-q', '--jobs', '2', '-o', out], () => {
      // Kill once some article graphs are in the temp file, well before the last one.
      const temp = tempFilesOf(dir, 'out.nq')[0];
      if (temp === undefined) return undefined;
      const size = statSync(join(dir, temp), { throwIfNoEntry: false })?.size ?? 0;
      return size > 20_000 ? `${temp} at ${size} bytes` : undefined;
    });
    expect(r.signal, 'the build was killed mid-write').toBe('SIGKILL');
    expect(r.seen).toMatch(/^\.out\.nq\.\d+\.[0-9a-f]+\.tmp at \d+ bytes$/);
    expect(readFileSync(out, 'utf8')).toBe(OLD);

    // A killed process cannot remove its temp file; it is hidden, and does not stop the next run.
    const again = newsgraph(['build', corpus, '-q', '--jobs', '2', '-o', out]);
    expect(again.status, again.stderr).toBe(0);
    const reference = join(dir, 'reference.nq');
    expect(newsgraph(['build', corpus, '-q', '-o', reference]).status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
  }, 600_000);

  it('buffered Turtle: written through a temp file in the target folder; SIGKILL the moment it appears leaves the old bytes or the complete new ones, never a part', async () => {
    const reference = join(dir, 'reference.ttl');
    expect(newsgraph(['build', corpus, '-q', '-o', reference]).status).toBe(0);
    const complete = readFileSync(reference);
    const out = join(dir, 'out.ttl');
    writeFileSync(out, OLD);
    // inotify tells us the moment the temp file is created (polling can miss a write this short).
    let created: string | undefined;
    let kill: (() => void) | undefined;
    const watcher = watch(dir, (_event, file) => {
      if (created === undefined && typeof file === 'string' && /^\.out\.ttl\.\d+\.[0-9a-f]+\.tmp$/.test(file)) { created = file; kill?.(); }
    });
    try {
      const r = await killWhen(['build', corpus, '-q', '-o', out], () => created, (k) => { kill = k; });
      expect(created, 'the output went through a temp file next to it').toMatch(/^\.out\.ttl\.\d+\.[0-9a-f]+\.tmp$/);
      const now = readFileSync(out);
      expect(now.toString('utf8') === OLD || now.equals(complete), `output is neither old nor complete (${now.length} bytes)`).toBe(true);
      console.log(`robust-atomic: ${r.signal ?? `exit ${r.status}`} after ${created} appeared; output ${now.toString('utf8') === OLD ? 'unchanged (killed before the rename)' : 'complete (the rename came first)'}`);
    } finally {
      watcher.close();
    }
  }, 600_000);

  it.each(['ttl', 'nq'])('SIGKILL during extraction (%s): the output is untouched and no temp file was made', async (ext) => {
    const out = join(dir, `early.${ext}`);
    writeFileSync(out, OLD);
    let polls = 0;
    // Killed after 200 polls (about half a second): the corpus takes several seconds to extract, and nothing is written before that.
    const r = await killWhen(['build', corpus, '-q', '-o', out], () => (++polls > 200 ? 'time' : undefined));
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    if (ext === 'ttl') expect(tempFilesOf(dir, `early.${ext}`)).toEqual([]);
  }, 600_000);

  it('a build that fails on its last input writes nothing: the output is untouched, no temp file', () => {
    const out = join(dir, 'failed.trig');
    writeFileSync(out, OLD);
    const bad = join(dir, 'zz-bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x41]));
    const r = newsgraph(['build', corpus, bad, '-o', out]);
    expect(r.status).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(tempFilesOf(dir, 'failed.trig')).toEqual([]);
  });

  it('export writes atomically too: a malformed graph leaves the old export; a good one replaces it whole', () => {
    const out = join(dir, 'graph.gexf');
    writeFileSync(out, OLD);
    const r = newsgraph(['export', join(ROOT, 'test', 'fixtures', 'robust', 'malformed.ttl'), '-o', out]);
    expect(r.status).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    const ok = newsgraph(['export', join(ROOT, 'data', 'samples', 'china-canada-apec.ttl'), '-o', out, '--iterations', '10']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[\s\S]*<\/gexf>\s*$/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.graph.gexf'))).toEqual([]);
  });
});
