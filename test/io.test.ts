import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, findInvalidUtf8, readArticleFile } from '../src/io/read.ts';
import { writeFileAtomic } from '../src/io/write.ts';
import { InputError, OutputError } from '../src/errors.ts';
import { tempDir } from './cli-helpers.ts';

describe('UTF-8', () => {
  it('findInvalidUtf8 agrees with a strict TextDecoder on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let strictOk = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { strictOk = false; }
      expect(findInvalidUtf8(bytes) === -1).toBe(strictOk);
    }), { numRuns: 2000 });
  });

  it('decodes any string encoded as UTF-8 back to itself (no NUL)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')), (s) => {
      expect(decodeText(new TextEncoder().encode(s), 'x.txt')).toBe(s);
    }));
  });

  it.each([
    ['overlong encoding of "/"', [0x61, 0xc0, 0xaf], 1],
    ['a lone continuation byte', [0x80], 0],
    ['a truncated 3-byte sequence', [0x41, 0xe2, 0x82], 1],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['valid text', [0x63, 0x61, 0x66, 0xc3, 0xa9], -1],
  ])('%s → first bad byte at %i', (_what, bytes, at) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('names the offset of a NUL byte', () => {
    expect(() => decodeText(Uint8Array.from([0x61, 0x62, 0x00]), 'bin.txt')).toThrow(/bin\.txt: binary file \(NUL byte at offset 2\)/);
  });
});

describe('reading articles', () => {
  it.each([
    ['', /empty file/],
    ['   \n\t ', /only whitespace/],
  ])('rejects %j', (text, message) => {
    const dir = tempDir('ng-io-');
    writeFileSync(join(dir, 'a.txt'), text);
    expect(() => readArticleFile(join(dir, 'a.txt'))).toThrow(InputError);
    expect(() => readArticleFile(join(dir, 'a.txt'))).toThrow(message);
  });

  it('strips a UTF-8 byte order mark', () => {
    const dir = tempDir('ng-io-');
    writeFileSync(join(dir, 'bom.txt'), Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x69]));
    expect(readArticleFile(join(dir, 'bom.txt'))).toBe('Hi');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file in one step and leaves no temp file', () => {
    const dir = tempDir('ng-io-');
    const file = join(dir, 'out.ttl');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.ttl']);
  });

  it.each([
    ['a missing folder', (d: string) => join(d, 'no', 'out.ttl'), /does not exist/],
    ['a folder as output', (d: string) => d, /is a folder/],
  ])('refuses %s with an OutputError', (_what, target, message) => {
    const dir = tempDir('ng-io-');
    expect(() => writeFileAtomic(target(dir), 'x')).toThrow(OutputError);
    expect(() => writeFileAtomic(target(dir), 'x')).toThrow(message);
  });

  it('refuses to write over an input, even by another path', () => {
    const dir = tempDir('ng-io-');
    writeFileSync(join(dir, 'in.txt'), 'article');
    expect(() => writeFileAtomic(join(dir, 'x', '..', 'in.txt'), 'graph', { inputs: [join(dir, 'in.txt')] })).toThrow(/also an input/);
    expect(readFileSync(join(dir, 'in.txt'), 'utf8')).toBe('article');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only existing file (not run as root)', () => {
    const dir = tempDir('ng-io-');
    writeFileSync(join(dir, 'ro.ttl'), 'keep');
    chmodSync(join(dir, 'ro.ttl'), 0o444);
    expect(() => writeFileAtomic(join(dir, 'ro.ttl'), 'x')).toThrow(/not writable/);
    expect(readFileSync(join(dir, 'ro.ttl'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, 'ro.ttl'))).toBe(true);
  });
});
