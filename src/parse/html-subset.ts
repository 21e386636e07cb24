/** The safe inline HTML subset: `<br>`, `<sup>`, `<sub>` and comments; everything else is refused. */

export type HtmlKind = 'break' | 'supOpen' | 'supClose' | 'subOpen' | 'subClose' | 'comment' | 'other';

/** Classifies one raw HTML fragment as mdast gives it (one tag per inline node). */
export function classifyHtml(value: string): HtmlKind {
  const v = value.trim();
  if (/^<!--[\s\S]*-->$/.test(v)) return 'comment';
  if (/^<br\s*\/?>$/i.test(v)) return 'break';
  const tag = /^<(\/?)(sup|sub)\s*>$/i.exec(v);
  if (tag) {
    const name = (tag[2] ?? '').toLowerCase() as 'sup' | 'sub';
    return `${name}${tag[1] ? 'Close' : 'Open'}` as HtmlKind;
  }
  return 'other';
}
