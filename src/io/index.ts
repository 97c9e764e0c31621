/** Reading inputs and writing outputs safely. */
export { readTextFile, readArticleFile, decodeText, expandInputs, stemOf, findInvalidUtf8, ARTICLE_EXTENSIONS } from './read.ts';
export { writeFileAtomic, checkWritable } from './write.ts';
export type { WriteOptions } from './write.ts';
export { findPackageRoot, resolvePackagePath } from './paths.ts';
