/** Slugs for IRIs: the extractor's slug function, so entity and position IRIs are minted alike. */
export { slugify } from '../extract/resolve.ts';
