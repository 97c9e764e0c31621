/** Colours of the viewer; node type colours come from the loader so exports match the screen. */
export { TYPE_COLORS } from '../../src/load/index.ts';

/** Colour of dimmed nodes while something is hovered or selected. */
export const DIM_COLOR = '#e8eaed';
/** Colour of labels. */
export const LABEL_COLOR = '#1f2328';
/** Colour of the labels of nodes greyed by a selection. */
export const DIM_LABEL_COLOR = '#a0a7b0';
/** Colour of edges greyed by a selection. */
export const DIM_EDGE_COLOR = '#eef0f3';
/** Default edge colour. */
export const EDGE_COLOR = '#c4c9d0';
/** Colour of highlighted edges (hover, selection). */
export const EDGE_HIGHLIGHT = '#57606a';
