/** What every renderer is asked to make: the official report or the easy-to-read version. */

/** 'report' is the official report; 'easy' the easy-to-read (plain-language) version. */
export type Layout = 'report' | 'easy';

/** Options every renderer takes. */
export interface RenderOptions {
  layout: Layout;
}
