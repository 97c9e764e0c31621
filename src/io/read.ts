/** Reading article files: every way a file can be unusable becomes an InputError naming it. */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.ts';

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Default limit of an article file's size (`build --max-bytes`): 8 MiB; articles are rarely over 100 kB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** Options of readTextFile, readArticleFile and decodeText. */
export interface ReadTextOptions {
  /** Decode invalid UTF-8 with U+FFFD replacement characters instead of failing (`--lenient`); `false` adds that hint to the error. */
  lenient?: boolean;
  /** Refuse a file larger than this many bytes, before reading it (`--max-bytes`). */
  maxBytes?: number;
  /** Told when `lenient` replaced bytes, with a message naming the file and the first bad byte. */
  onWarning?: (message: string) => void;
}

/** Decodes UTF-8 bytes strictly (or with replacement characters when `lenient`); rejects NUL bytes. */
export function decodeText(bytes: Uint8Array, file: string, options: ReadTextOptions = {}): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(file, `binary file (NUL byte at offset ${nul}); expected UTF-8 text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const at = findInvalidUtf8(bytes);
    const where = at >= 0 ? ` (bad byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at})` : '';
    if (options.lenient) {
      options.onWarning?.(`${file}: not valid UTF-8${where}; bad bytes replaced with U+FFFD (--lenient)`);
      return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    }
    // `lenient: false` means the caller offers --lenient (build); others only take strict UTF-8.
    const hint = options.lenient === false ? ', or pass --lenient to replace bad bytes with U+FFFD' : '';
    throw new InputError(file, `not valid UTF-8${where}; convert it with e.g. \`iconv -t UTF-8\`${hint}`, { cause });
  }
}

/** "8 MiB", "512 KiB", "4095 bytes", "50.3 MiB (52745932 bytes)": exact, so a size and a limit never look equal. */
function formatBytes(n: number): string {
  if (n > 0 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n > 0 && n % 1024 === 0) return `${n / 1024} KiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB (${n} bytes)`;
  return `${n} bytes`;
}

/** Parses a byte count such as "8388608", "512k", "8M", "1G" (powers of 1024); undefined when malformed. */
export function parseByteCount(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase()[0];
  const n = Math.floor(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Why a read failed, in words. */
function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied (cannot read)';
    case 'EISDIR': return 'is a folder, expected a file';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'file name too long';
    default: return (err as Error).message ?? String(err);
  }
}

/** Reads a file as strict UTF-8 text (no NUL bytes); throws InputError naming the file otherwise. */
export function readTextFile(file: string, options: ReadTextOptions = {}): string {
  const max = options.maxBytes ?? Infinity;
  const tooBig = (size: number) => new InputError(file, `${formatBytes(size)}, larger than the limit of ${formatBytes(max)}; split it, or raise the limit with --max-bytes (e.g. --max-bytes ${Math.ceil(size / (1024 * 1024))}M)`);
  let bytes: Buffer;
  try {
    // The size is checked before reading, so a huge file costs no memory.
    const size = statSync(file).size;
    if (size > max) throw tooBig(size);
    bytes = readFileSync(file);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(file, describeFsError(cause), { cause });
  }
  if (bytes.length > max) throw tooBig(bytes.length); // a pipe or device, whose size stat cannot tell
  return decodeText(bytes, file, options);
}

/** Reads an article: like readTextFile (at most DEFAULT_MAX_ARTICLE_BYTES unless given), and rejects empty or whitespace-only text. */
export function readArticleFile(file: string, options: ReadTextOptions = {}): string {
  const text = readTextFile(file, { ...options, maxBytes: options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES });
  if (text.trim() === '') throw new InputError(file, text.length === 0 ? 'empty file: no article text' : 'only whitespace: no article text');
  return text;
}


/** The file name without folder and extension (the default article id, before slugging). */
export function stemOf(file: string): string {
  return basename(file, extname(file));
}
