import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';

function frontMatter(lines: string) {
  const { doc, diagnostics } = loadReportText('datoer.md', `---\ntitle: Rapport\n${lines}\n---\n\n# Kapittel\n\nTekst.\n`);
  return { doc, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('front matter dates', () => {
  it.each([
    ['2023-02-30', 'month 2 of 2023 has 28 days'],
    ['2024-02-30', 'month 2 of 2024 has 29 days'],
    ['2023-13-01', 'no month 13'],
    ['20230621', 'not a date written YYYY-MM-DD'],
    ['2023', 'not a date written YYYY-MM-DD'],
    ['"21.06.2023"', 'not a date written YYYY-MM-DD'],
  ])('refuses %s at its line with a hint', (value, says) => {
    const { doc, errors } = frontMatter(`lang: nb\ndate: ${value}`);
    expect(doc).toBeUndefined();
    expect(errors.map((e) => [e.rule, e.pos?.start.line, e.pos?.start.column])).toEqual([['front-matter-invalid', 4, 1]]);
    expect(errors[0]?.message).toContain(says);
    expect(errors[0]?.hint).toContain('YYYY-MM-DD');
  });

  it.each(['2024-02-29', '"2023-06-21"', "'2023-12-31'"])('accepts the calendar date %s, plain or quoted', (value) => {
    const { doc, errors } = frontMatter(`lang: nb\ndate: ${value}`);
    expect(errors).toEqual([]);
    expect(doc?.meta.date).toBe(value.replace(/["']/g, ''));
  });
});

describe('front matter lang', () => {
  it.each([
    ['NB', 'nb', 'nb-NO'],
    ['nb-no', 'nb-NO', 'nb-NO'],
    ['EN-gb', 'en-GB', 'en-GB'],
    ['se', 'se', 'se-NO'],
  ])('reads %s case-insensitively as %s', (written, tag, locale) => {
    const { doc, errors } = frontMatter(`lang: ${written}`);
    expect(errors).toEqual([]);
    expect(doc?.meta.lang).toBe(tag);
    expect(doc?.meta.locale).toBe(locale);
  });

  it.each(['xx-invalid', 'zz', 'nb_NO', 'norsk', 'i-klingon'])('refuses %s, which is no registered language tag', (written) => {
    const { doc, errors } = frontMatter(`lang: ${written}`);
    expect(doc).toBeUndefined();
    expect(errors.map((e) => [e.rule, e.pos?.start.line])).toEqual([['front-matter-invalid', 3]]);
    expect(errors[0]?.message).toContain('not a valid BCP 47 language tag');
    expect(errors[0]?.hint).toContain('nb, nn, se or en');
  });
});
