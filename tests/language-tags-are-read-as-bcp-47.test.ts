/** Language tags are BCP 47: case-insensitive and canonicalised by the platform's parser, never a home-made pattern. */
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import type { Inline } from '../src/model/types.js';

function load(lang: string, body = '# Tittel\n') {
  return loadReportText('/tmp/present-lang/r.md', `---\ntitle: Språk\nlang: ${lang}\n---\n\n${body}`);
}

describe('the document language', () => {
  it.each([
    ['NB', 'nb', 'nb-NO'],
    ['nb-no', 'nb-NO', 'nb-NO'],
    ['sme', 'se', 'se-NO'],
    ['zh-hant-tw', 'zh-Hant-TW', 'zh-Hant-TW'],
  ])('%s is read as %s (locale %s)', (written, lang, locale) => {
    const { doc, diagnostics } = load(written);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([doc?.meta.lang, doc?.meta.locale]).toEqual([lang, locale]);
  });

  it.each(['en_GB', 'engelsk', 'root', '123'])('%s is refused with front-matter-invalid', (written) => {
    const { diagnostics } = load(written);
    expect(diagnostics.map((d) => d.rule)).toContain('front-matter-invalid');
  });
});

describe('a :lang span', () => {
  it('canonicalises its tag', () => {
    const { doc } = load('nb', '# Tittel\n\nOrdet :lang[weekend]{lang=EN-gb} er lånt.\n');
    const paragraph = doc?.body[1];
    const span = paragraph?.type === 'paragraph' ? paragraph.children.find((n: Inline) => n.type === 'lang') : undefined;
    expect(span?.type === 'lang' ? span.lang : undefined).toBe('en-GB');
  });
});
