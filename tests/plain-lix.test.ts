import { describe, expect, it } from 'vitest';
import { addCounts, count, lix, readability } from '../src/plain/lix.js';
import { splitSentences, words } from '../src/plain/sentences.js';

// LIX = words / sentences + 100 × long words / words, where a long word has more than six letters.
describe('LIX on Norwegian samples, computed by hand', () => {
  it('short plain sentences', () => {
    // Møtet var i Oslo. | Det var 80 personer med.
    // words: Møtet var i Oslo Det var 80 personer med = 9; sentences = 2
    // long (> 6 letters): personer (8) = 1
    // LIX = 9/2 + 100·1/9 = 4.5 + 11.11 = 15.61
    expect(count(['Møtet var i Oslo. Det var 80 personer med.'])).toEqual({ words: 9, sentences: 2, longWords: 1 });
    expect(lix('Møtet var i Oslo. Det var 80 personer med.')).toBe(15.6);
  });

  it('one long official sentence from the report', () => {
    const text = 'Konferansen ble avholdt i Regjeringens representasjonsanlegg, og hadde en øvre grense på 80 deltakere.';
    // words: Konferansen ble avholdt i Regjeringens representasjonsanlegg og hadde en øvre grense på 80 deltakere = 14
    // long: Konferansen (11), avholdt (7), Regjeringens (12), representasjonsanlegg (21), deltakere (9) = 5
    // "grense" has exactly 6 letters and is not long. One sentence.
    // LIX = 14/1 + 100·5/14 = 14 + 35.71 = 49.71
    expect(count([text])).toEqual({ words: 14, sentences: 1, longWords: 5 });
    expect(readability(count([text]))).toEqual({
      words: 14, sentences: 1, longWords: 5, wordsPerSentence: 14, longWordShare: 0.357, lix: 49.7,
    });
  });

  it('abbreviations and ordinals do not end sentences; a colon before a capital does', () => {
    const text = 'Møtet var 21. juni kl. 9 i Oslo. Tema: Helse for alle, f.eks. eldre.';
    // sentences: "Møtet var 21. juni kl. 9 i Oslo." | "Tema:" | "Helse for alle, f.eks. eldre." = 3
    // words: Møtet var 21 juni kl 9 i Oslo Tema Helse for alle f.eks eldre = 14; none has more than 6 letters
    // LIX = 14/3 + 0 = 4.67
    expect(splitSentences(text, { colon: true }).map((s) => s.text)).toEqual([
      'Møtet var 21. juni kl. 9 i Oslo.', 'Tema:', 'Helse for alle, f.eks. eldre.',
    ]);
    expect(count([text])).toEqual({ words: 14, sentences: 3, longWords: 0 });
    expect(lix(text)).toBe(4.7);
  });

  it('list items without a full stop each count as a sentence', () => {
    // "Bruk tolk oftere" (3 words) + "Jobb mot rus blant unge" (5 words) = 8 words, 2 sentences;
    // "oftere" has 6 letters, so no long words. LIX = 8/2 + 0 = 4
    expect(readability(count(['Bruk tolk oftere', 'Jobb mot rus blant unge'])).lix).toBe(4);
  });

  it('sections add up to the overall figure', () => {
    // Digitaliseringen er en barriere for mange eldre.  → 7 words, 1 sentence, long: Digitaliseringen (16), barriere (8) = 2
    // Møtet var i Oslo. Det var 80 personer med.        → 9 words, 2 sentences, long: 1
    // overall: 16 words, 3 sentences, 3 long → LIX = 16/3 + 100·3/16 = 5.33 + 18.75 = 24.08
    const a = count(['Digitaliseringen er en barriere for mange eldre.']);
    const b = count(['Møtet var i Oslo. Det var 80 personer med.']);
    expect(readability(a).lix).toBe(35.6); // 7/1 + 100·2/7 = 7 + 28.57
    expect(readability(addCounts([a, b]))).toMatchObject({ words: 16, sentences: 3, longWords: 3, lix: 24.1 });
  });

  it('hyphenated names, dotted abbreviations and numbers are one word each', () => {
    expect(words('Rønning-Arnesen, f.eks. Helsenorge.no og kl. 12.45')).toEqual(['Rønning-Arnesen', 'f.eks', 'Helsenorge.no', 'og', 'kl', '12.45']);
  });

  it('empty text scores zero instead of dividing by zero', () => {
    expect(readability(count(['', '   ']))).toMatchObject({ words: 0, sentences: 0, lix: 0 });
  });
});
