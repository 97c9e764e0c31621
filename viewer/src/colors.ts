/** Colours of the viewer; node type colours come from the loader so exports match the screen. */
export { TYPE_COLORS } from '../../src/load/index.ts';

/** Colour of dimmed nodes while something is hovered or selected. */
export const DIM_COLOR = '#e8eaed';
/** Default edge colour. */
export const EDGE_COLOR = '#c4c9d0';
/** Colour of highlighted edges (hover, selection). */
export const EDGE_HIGHLIGHT = '#57606a';
