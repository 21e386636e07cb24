/** Settings for the plain-language version: readability thresholds and how much text to generate. */

/** LIX limits; a measured value above a limit is a warning. */
export interface ReadabilityThresholds {
  /** Highest acceptable LIX for the whole text. */
  overall: number;
  /** Highest acceptable LIX for any one section. */
  section: number;
}

/** Everything the plain-language derivation can be tuned with. */
export interface PlainConfig {
  thresholds: ReadabilityThresholds;
  /** Generated sentences longer than this (in words) are split when it is safe, else reported. */
  maxSentenceWords: number;
  /** Most sentences and list items a generated section takes from its chapter. */
  maxItemsPerSection: number;
  /** Chapter titles (lower case) that count as the summary; it feeds "Kort om rapporten". */
  summaryTitles: readonly string[];
}

/** The defaults: LIX ≤ 35 overall and ≤ 40 per section, as the klarspråk brief asks. */
export const DEFAULT_PLAIN_CONFIG: PlainConfig = {
  thresholds: { overall: 35, section: 40 },
  maxSentenceWords: 20,
  maxItemsPerSection: 10,
  summaryTitles: ['sammendrag', 'samandrag', 'oppsummering', 'summary'],
};

/** Overrides for the defaults; thresholds may be given one at a time. */
export interface PlainConfigOverrides extends Partial<Omit<PlainConfig, 'thresholds'>> {
  thresholds?: Partial<ReadabilityThresholds>;
}

/** The defaults with `overrides` applied. */
export function resolvePlainConfig(overrides: PlainConfigOverrides = {}): PlainConfig {
  return {
    ...DEFAULT_PLAIN_CONFIG,
    ...overrides,
    thresholds: { ...DEFAULT_PLAIN_CONFIG.thresholds, ...overrides.thresholds },
  };
}
