/** Writing outputs atomically: a temp file in the target folder, then rename; nothing is left on failure. */
import { accessSync, constants, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from '../errors.ts';

/** Options of writeFileAtomic. */
export interface WriteOptions {
  /** Input paths the output must not overwrite. */
  inputs?: readonly string[];
}

/** The canonical absolute form of a path that may not exist yet. */
function canonicalPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Checks that `file` can be written, without touching it; throws OutputError naming the problem. */
export function checkWritable(file: string, options: WriteOptions = {}): void {
  const target = canonicalPath(file);
  for (const input of options.inputs ?? []) {
    if (canonicalPath(input) === target) throw new OutputError(file, 'output path is also an input; choose another output file');
  }
  const dir = dirname(resolve(file));
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new OutputError(file, `folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new OutputError(file, `${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new OutputError(file, `folder ${dir} is not writable (permission denied)`);
  }
  let existing;
  try {
    existing = statSync(file);
  } catch {
    return; // a new file
  }
  if (existing.isDirectory()) throw new OutputError(file, 'is a folder; give a file name');
  try {
    accessSync(file, constants.W_OK);
  } catch {
    throw new OutputError(file, 'file exists and is not writable (permission denied)');
  }
}

/** Writes `data` to `file` atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  checkWritable(file, options);
  const dir = dirname(resolve(file));
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx', mode: 0o644 });
    renameSync(temp, file);
  } catch (cause) {
    try { unlinkSync(temp); } catch { /* never created */ }
    const code = (cause as NodeJS.ErrnoException).code;
    const problem = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOSPC' ? 'no space left on device'
      : code === 'EROFS' ? 'read-only file system'
      : code === 'ENOENT' ? `cannot create files in ${dir}`
      : (cause as Error).message;
    throw new OutputError(file, `cannot write: ${problem}`, { cause });
  }
}
