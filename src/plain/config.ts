/** Settings for the plain-language version: readability thresholds and how much text to generate. */
import type { PlainSettings } from '../model/types.js';

/** LIX limits; a measured value above a limit is a warning. */
export interface ReadabilityThresholds {
  /** Highest acceptable LIX for the whole text. */
  overall: number;
  /** Highest acceptable LIX for any one section. */
  section: number;
}

/** Sections with fewer words than this are too short for LIX to say much; the section limit applies from here. */
export const SMALL_SECTION = 40;

/** Everything the plain-language derivation can be tuned with. */
export interface PlainConfig {
  thresholds: ReadabilityThresholds;
  /** Generated sentences longer than this (in words) are split when it is safe, else left out or reported. */
  maxSentenceWords: number;
  /** About how many words a generated section takes from its chapter (each subsection gets its share). */
  wordBudget: number;
  /** Chapter titles (lower case) that count as the summary; it feeds "Kort om rapporten". */
  summaryTitles: readonly string[];
}

/** The defaults: LIX ≤ 35 overall and ≤ 40 per section, as the klarspråk brief asks. */
export const DEFAULT_PLAIN_CONFIG: PlainConfig = {
  thresholds: { overall: 35, section: 40 },
  maxSentenceWords: 20,
  wordBudget: 140,
  summaryTitles: ['sammendrag', 'samandrag', 'oppsummering', 'summary'],
};

/** Overrides for the defaults; thresholds may be given one at a time. */
export interface PlainConfigOverrides extends Partial<Omit<PlainConfig, 'thresholds'>> {
  thresholds?: Partial<ReadabilityThresholds>;
}

/** The defaults with the front matter's `plain:` settings, then `overrides`, applied. */
export function resolvePlainConfig(settings: PlainSettings = {}, overrides: PlainConfigOverrides = {}): PlainConfig {
  const fromFrontMatter: PlainConfigOverrides = {
    ...(settings.wordBudget !== undefined ? { wordBudget: settings.wordBudget } : {}),
    ...(settings.maxSentenceWords !== undefined ? { maxSentenceWords: settings.maxSentenceWords } : {}),
    ...(settings.limits ? { thresholds: settings.limits } : {}),
  };
  return {
    ...DEFAULT_PLAIN_CONFIG,
    ...fromFrontMatter,
    ...overrides,
    thresholds: { ...DEFAULT_PLAIN_CONFIG.thresholds, ...fromFrontMatter.thresholds, ...overrides.thresholds },
  };
}
