/**
 * Plain numbers, dates and abbreviations: ISO dates spelled out, "kl. 09:00" as "klokka 9",
 * "%" as "prosent", exact millions in words, and abbreviations written out ("f.eks." → "for
 * eksempel"). Only exact equivalents; a number that would need rounding stays as it is.
 */
import { longDate } from '../../frame/dates.js';
import type { PlainLanguage } from '../language.js';
import type { RuleContext } from './context.js';

const ABBREVIATIONS: Record<PlainLanguage, [RegExp, string][]> = {
  nb: [
    [/\bf\.eks\./giu, 'for eksempel'], [/\bbl\.a\./giu, 'blant annet'], [/\bdvs\./giu, 'det vil si'],
    [/\bca\.(?=\s)/giu, 'omtrent'], [/\bpga\./giu, 'på grunn av'], [/\bmht\./giu, 'når det gjelder'],
    [/\bosv\.(?=\s)/giu, 'og så videre'], [/\bevt\.(?=\s)/giu, 'eventuelt'], [/\binkl\.(?=\s)/giu, 'inkludert'],
  ],
  nn: [
    [/\bt\.d\./giu, 'til dømes'], [/\bf\.eks\./giu, 'til dømes'], [/\bm\.a\./giu, 'mellom anna'], [/\bbl\.a\./giu, 'mellom anna'],
    [/\bdvs\./giu, 'det vil seie'], [/\bca\.(?=\s)/giu, 'om lag'], [/\bpga\./giu, 'på grunn av'], [/\bosb\.(?=\s)/giu, 'og så bortetter'],
  ],
  en: [[/\be\.g\.,?/giu, 'for example'], [/\bi\.e\.,?/giu, 'that is'], [/\betc\.(?=\s)/giu, 'and so on'], [/\bapprox\.(?=\s)/giu, 'about']],
};

const CLOCK: Record<PlainLanguage, string> = { nb: 'klokka', nn: 'klokka', en: 'at' };
const PERCENT: Record<PlainLanguage, string> = { nb: 'prosent', nn: 'prosent', en: 'per cent' };
const MILLION: Record<PlainLanguage, [string, string]> = { nb: ['million', 'millioner'], nn: ['million', 'millionar'], en: ['million', 'million'] };

/** Rewrites numbers, dates and abbreviations in a sentence into plain forms. */
export function plainNumbers(sentence: string, ctx: RuleContext): string {
  let out = sentence.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso: string) => (Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? iso : longDate(iso, ctx.locale)));
  out = out.replace(/\b[Kk]l\.\s*(\d{1,2})[:.](\d{2})\b/g, (_m, h: string, m: string) => `${CLOCK[ctx.lang]} ${Number(h)}${m === '00' ? '' : `.${m}`}`);
  out = out.replace(/(\d)\s*%/g, `$1 ${PERCENT[ctx.lang]}`);
  out = out.replace(/\b(\d{1,3}(?:[  ]\d{3}){2}|\d{7,9})\b/g, (n: string) => millions(n, ctx.lang));
  for (const [pattern, plain] of ABBREVIATIONS[ctx.lang]) {
    out = out.replace(pattern, (match: string, offset: number) => (offset === 0 || /^\p{Lu}/u.test(match) ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain));
  }
  return out;
}

/** "2 000 000" → "2 millioner", "1 500 000" → "1,5 millioner"; other values stay. */
function millions(written: string, lang: PlainLanguage): string {
  const value = Number(written.replace(/\D/g, ''));
  const inMillions = value / 1_000_000;
  if (value < 1_000_000 || Math.round(inMillions * 10) !== inMillions * 10) return written;
  const [one, many] = MILLION[lang];
  const number = lang === 'en' ? String(inMillions) : String(inMillions).replace('.', ',');
  return `${number} ${inMillions === 1 ? one : many}`;
}
