/** Colours of node types (Tableau 10, readable on white): the viewer, its legend and exports share them. */
import type { NodeType } from './types.ts';

/** Colour of each node type. */
export const TYPE_COLORS: Record<NodeType, string> = {
  Person: '#4e79a7',
  Organization: '#f28e2b',
  Place: '#59a14f',
  Event: '#e15759',
  Relation: '#b07aa1',
  Topic: '#76b7b2',
  Other: '#9c755f',
  Article: '#bab0ac',
  Sentence: '#edc948',
  Mention: '#ff9da7',
};
