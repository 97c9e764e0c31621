/** The newsgraph library API: re-exports only. */
export type * from './extract/types.ts';
