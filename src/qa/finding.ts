import type { CheckId } from './checks';

/**
 * One problem found in a segment's text.
 *
 * Offsets are UTF-16 code units of the `text` that was checked, `[start, end)`;
 * `start === end` marks a point where something is missing. A finding is only
 * valid for the exact text it was computed on: after any change (a fix applied,
 * a keystroke), run the checks again.
 */
export interface Finding {
  check: CheckId;
  start: number;
  end: number;
  /** Names the problem and the remedy, quoting the text ("Space before the hyphen in "three -year": write "three-year"."). */
  message: string;
  /**
   * The replacement for `text.slice(start, end)`, present only when the remedy is
   * certain. Fixes of one run never overlap, so all of them can be applied at once
   * (applyFixes) or one at a time (applyFix, then check again).
   */
  fix?: string;
}
