/** Reading inputs and writing outputs safely. */
export { readTextFile, readArticleFile, decodeText, stemOf, findInvalidUtf8, parseByteCount, DEFAULT_MAX_ARTICLE_BYTES } from './read.ts';
export type { ReadTextOptions } from './read.ts';
export { writeFileAtomic, checkWritable } from './write.ts';
export type { WriteOptions } from './write.ts';
export { findPackageRoot, resolvePackagePath } from './paths.ts';
