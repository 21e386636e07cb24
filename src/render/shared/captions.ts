/** Caption labels: the text every format prints before a numbered caption ("Figur 2", "Tabell 1"). */
import type { Figure, Labels, Table } from '../../model/types.js';
import { LABEL_SEPARATOR } from './labels.js';

/** "Tabell 1" and the separator for a numbered caption (numbers come from the model); nothing otherwise. */
export function captionPrefix(labels: Labels, node: Figure | Table): string {
  if (node.number === undefined) return '';
  return `${node.type === 'figure' ? labels.figure : labels.table} ${node.number}${LABEL_SEPARATOR}`;
}
