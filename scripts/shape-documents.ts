/**
 * Generated documents of one shape each, for measuring how the build scales with size: one long
 * paragraph, one long table, many footnotes, many headings, one long list. The words are
 * Norwegian (Nynorsk) and pseudo-random from a fixed seed, so a size always gives the same text.
 */

/** The shapes `shapeDocument` can make. */
export const SHAPES = ['paragraph', 'table', 'footnotes', 'headings', 'list'] as const;
export type Shape = (typeof SHAPES)[number];

const WORDS = ('utvalet meiner at forvaltninga bør gjere tenestene enklare og meir tilgjengelege for alle ' +
  'innbyggjarar i heile landet, både i byane og i distrikta').split(' ');

/** A document of about `bytes` bytes in the given shape. */
export function shapeDocument(shape: Shape, bytes: number): string {
  let state = 1;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const parts = ['---\ntitle: Skalering\ndate: 2026-01-01\nlang: nn\n---\n\n# Innleiing\n\n'];
  if (shape === 'table') parts.push('| Nr. | Namn | Skildring | Tal |\n| --- | --- | --- | ---: |\n');
  let size = parts.join('').length;
  for (let i = 1; size < bytes; i++) {
    const part = piece(shape, i, words);
    parts.push(part);
    size += part.length;
  }
  return `${parts.join('')}\n`;
}

function piece(shape: Shape, i: number, words: (n: number) => string): string {
  switch (shape) {
    case 'paragraph':
      return `${words(12)}. `;
    case 'table':
      return `| ${i} | ${words(2)} | ${words(8)} | ${i * 7} |\n`;
    case 'footnotes':
      return `${words(10)}.[^n${i}]\n\n[^n${i}]: ${words(8)}.\n\n`;
    case 'headings':
      return `## Kapittel ${i}\n\n${words(15)}.\n\n`;
    case 'list':
      return `- ${words(10)}\n`;
  }
}
