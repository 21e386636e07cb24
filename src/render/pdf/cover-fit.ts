/**
 * The cover's title and subtitle sized to the band: the usual type when they fit, smaller type
 * for long ones (never below a floor), and lines balanced so the last line is not a lone word.
 */
import { LINE_EM, textEm } from './text-measure.js';

/** How the title or subtitle is set: type size, its lines, and the lines they take on the page. */
export interface CoverText {
  size: number;
  lines: string[];
  height: number;
  /** The last line holds a single word of several. */
  loneLast: boolean;
}

/** The cover's text settings and the band that holds them. */
export interface CoverFit {
  title: CoverText;
  subtitle: CoverText | undefined;
  band: number;
}

/** What the band has above, between and below the title and subtitle. */
export interface CoverFrame {
  /** Full text width. */
  width: number;
  /** Usual title size; the subtitle is set at SUBTITLE_RATIO of it. */
  titleSize: number;
  /** Height above the title (margin, label and gaps) and below the subtitle. */
  above: number;
  below: number;
  /** Line heights (pdfmake factors) of title and subtitle. */
  titleLineHeight: number;
  subtitleLineHeight: number;
  /** Least and most band height. */
  minBand: number;
  maxBand: number;
}

export const SUBTITLE_RATIO = 0.55;
/** The smallest title and subtitle type the cover uses. */
const MIN_TITLE = 16;
const MIN_SUBTITLE = 10;
/** How much smaller the title may get to keep a word company on its last line. */
const LONE_WORD_SHRINK = 0.75;
/** Kerning is not measured: break lines with this much to spare. */
const SLACK = 1.04;

/** Sizes the cover text to fit the band (its height at most `maxBand`, if at all possible). */
export function fitCover(title: string, subtitle: string | undefined, frame: CoverFrame): CoverFit {
  let fit = setAt(title, subtitle, frame.titleSize, frame);
  for (let size = frame.titleSize; fit.band > frame.maxBand && size > MIN_TITLE; ) {
    size = Math.max(MIN_TITLE, size - 1);
    fit = setAt(title, subtitle, size, frame);
  }
  // A last line of one word (a long word before it fills its line) goes with slightly smaller type.
  for (let size = fit.title.size - 1; fit.title.loneLast && size >= fit.title.size * LONE_WORD_SHRINK; size--) {
    const smaller = setAt(title, subtitle, size, frame);
    if (!smaller.title.loneLast) return smaller;
  }
  return fit;
}

function setAt(title: string, subtitle: string | undefined, titleSize: number, frame: CoverFrame): CoverFit {
  const t = balanced(title, titleSize, frame.width, true);
  const s = subtitle ? balanced(subtitle, Math.max(MIN_SUBTITLE, titleSize * SUBTITLE_RATIO), frame.width, false) : undefined;
  const text =
    frame.above +
    t.height * t.size * LINE_EM * frame.titleLineHeight +
    (s ? s.height * s.size * LINE_EM * frame.subtitleLineHeight : 0) +
    frame.below;
  return { title: t, subtitle: s, band: Math.max(frame.minBand, Math.ceil(text)) };
}

/**
 * Breaks text into the fewest lines the measure allows, chosen so the lines are as even as
 * possible (least sum of squared slack) and, if it can be helped, the last is not a lone word.
 */
function balanced(text: string, size: number, width: number, bold: boolean): CoverText {
  const words = text.split(/\s+/).filter(Boolean);
  const widths = words.map((w) => textEm(w, bold) * size * SLACK);
  const space = textEm(' ', bold) * size;
  const fewest = greedyLines(widths, space, width);
  const breaks = evenBreaks(widths, space, width, fewest, words.length >= 3) ?? evenBreaks(widths, space, width, fewest, false);
  const lines = (breaks ?? [words.length]).map((end, i, all) => words.slice(i === 0 ? 0 : all[i - 1], end).join(' '));
  // A word wider than the measure is broken over several lines.
  const overflow = widths.reduce((sum, w) => sum + Math.max(0, Math.ceil(w / width) - 1), 0);
  const last = lines[lines.length - 1] ?? '';
  return { size, lines, height: lines.length + overflow, loneLast: lines.length >= 2 && words.length >= 3 && !last.includes(' ') };
}

function greedyLines(widths: readonly number[], space: number, measure: number): number {
  let lines = widths.length > 0 ? 1 : 0;
  let used = 0;
  for (const w of widths) {
    if (used > 0 && used + space + w > measure) {
      lines++;
      used = w;
    } else {
      used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/**
 * The ends (word indexes) of `count` lines that fit the measure with the least sum of squared
 * slack; undefined when none exist (or none without a lone last word, when `noLoneLast`).
 */
function evenBreaks(widths: readonly number[], space: number, measure: number, count: number, noLoneLast: boolean): number[] | undefined {
  const n = widths.length;
  if (n === 0 || count < 1) return undefined;
  const lineWidth = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0) + space * (to - from - 1);
  // cost[k][j]: least cost of setting words [0, j) on k lines; from[k][j]: where line k starts.
  const cost = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(-1));
  (cost[0] as number[])[0] = 0;
  for (let k = 1; k <= count; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = j - 1; i >= 0; i--) {
        const w = lineWidth(i, j);
        // A single word wider than the measure may stand alone (it breaks inside); nothing else may overflow.
        if (w > measure && j - i > 1) break;
        if (k === count && j === n && noLoneLast && count > 1 && j - i === 1) continue;
        const previous = (cost[k - 1] as number[])[i] as number;
        const slack = Math.max(0, measure - w);
        const total = previous + slack * slack;
        if (total < ((cost[k] as number[])[j] as number)) {
          (cost[k] as number[])[j] = total;
          (from[k] as number[])[j] = i;
        }
      }
    }
  }
  if (!Number.isFinite((cost[count] as number[])[n] as number)) return undefined;
  const ends: number[] = [];
  for (let k = count, j = n; k > 0; k--) {
    ends.unshift(j);
    j = (from[k] as number[])[j] as number;
  }
  return ends;
}
