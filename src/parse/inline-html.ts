/**
 * The safe inline HTML subset inside a run of inlines: `<br>` becomes a break, `<sup>`/`<sub>`
 * wrap what stands between them, comments vanish, anything else is one error per element.
 */
import type { Html } from 'mdast';
import type { Inline, Span } from '../model/types.js';
import type { DiagnosticSink } from '../diagnostics.js';
import { classifyHtml } from './html-subset.js';
import { abbreviate, span } from './points.js';

type ScriptType = 'superscript' | 'subscript';

/** Gathers converted inlines, putting each inside the `<sup>`/`<sub>` that is open at the time. */
export class InlineCollector {
  private readonly out: Inline[] = [];
  /** Open <sup>/<sub> tags: where their children go until the closing tag. */
  private readonly open: { tag: ScriptType; children: Inline[]; pos: Span | undefined }[] = [];
  /** Elements already reported at their opening tag; their closing tags need no second error. */
  private readonly refused = new Set<string>();

  constructor(private readonly sink: DiagnosticSink) {}

  /** Adds a converted inline. */
  push(inline: Inline): void {
    (this.open.at(-1)?.children ?? this.out).push(inline);
  }

  /** Interprets one raw HTML fragment (mdast gives one tag per node). */
  html(node: Html): void {
    const kind = classifyHtml(node.value);
    if (kind === 'comment') return;
    if (kind === 'break') {
      this.push({ type: 'break', pos: span(node) });
    } else if (kind === 'supOpen' || kind === 'subOpen') {
      this.open.push({ tag: kind === 'supOpen' ? 'superscript' : 'subscript', children: [], pos: span(node) });
    } else if (kind === 'supClose' || kind === 'subClose') {
      this.close(kind === 'supClose' ? 'superscript' : 'subscript', node);
    } else if (!this.closesRefused(node.value)) {
      this.sink.error('raw-html', `raw HTML ${abbreviate(node.value)} is not supported`, span(node),
        'write it in Markdown; only <br>, <sup> and <sub> are allowed, inside text');
      const name = /^<([a-z][a-z0-9-]*)/i.exec(node.value.trim())?.[1];
      if (name) this.refused.add(name.toLowerCase());
    }
  }

  /** The collected inlines; tags still open are reported and their content kept. */
  finish(): Inline[] {
    for (const open of this.open.reverse()) {
      this.sink.error('raw-html', `<${open.tag === 'superscript' ? 'sup' : 'sub'}> is never closed`, open.pos,
        'add the closing tag in the same paragraph');
      this.out.push(...open.children);
    }
    this.open.length = 0;
    return this.out;
  }

  private close(want: ScriptType, node: Html): void {
    const open = this.open.at(-1);
    if (open?.tag !== want) {
      this.sink.error('raw-html', `closing tag ${node.value} has no matching opening tag`, span(node),
        'pair every <sup> with </sup> and <sub> with </sub> in the same paragraph');
      return;
    }
    this.open.pop();
    this.push({ type: want, pos: open.pos, children: open.children });
  }

  private closesRefused(html: string): boolean {
    const name = /^<\/([a-z][a-z0-9-]*)\s*>$/i.exec(html.trim())?.[1];
    return name !== undefined && this.refused.has(name.toLowerCase());
  }
}
