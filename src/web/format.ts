/** How pages print numbers and times: every template has it as `format` (app.locals). */

const DASH = '–';

/** More decimals than this and a share is shown as "< 0.0001 %" (or "> 99.9999 %"). */
const MAX_PERCENT_DIGITS = 4;

/**
 * A share (0..1) as a percentage rounded to one decimal, or to as many more as it takes
 * not to read 0 or 100 when it is not exactly that: 9,997 of 10,000 is 99.97, 3 of
 * 10,000 is 0.03. Returns the digits used; beyond MAX_PERCENT_DIGITS the value still
 * rounds to 0 or 100 and the caller says "<" or ">".
 */
export function honestPercent(ratio: number): { value: number; digits: number } {
  const percent = ratio * 100;
  for (let digits = 1; ; digits++) {
    const value = Math.round(percent * 10 ** digits) / 10 ** digits;
    const misleading = (value >= 100 && ratio < 1) || (value <= 0 && ratio > 0);
    if (!misleading || digits === MAX_PERCENT_DIGITS) return { value, digits };
  }
}

/** The smallest width (in % of a bar) of a part that is not zero, so that a tiny share still shows. */
const MIN_BAR_PART = 1;

/**
 * Widths (in % of the bar, summing to 100) of the parts of a stacked bar: proportional,
 * except that a part that is not zero gets at least MIN_BAR_PART, taken from the wider
 * parts. All zero: all 0.
 */
export function barWidths(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return values.map(() => 0);
  const widths = values.map((value) => (value / total) * 100);
  const raised = widths.map((width, index) => values[index]! > 0 && width < MIN_BAR_PART);
  const borrowed = widths.reduce((sum, width, index) => sum + (raised[index] ? MIN_BAR_PART - width : 0), 0);
  const spare = widths.reduce((sum, width, index) => sum + (raised[index] ? 0 : Math.max(0, width - MIN_BAR_PART)), 0);
  return widths.map((width, index) => {
    if (raised[index]) return MIN_BAR_PART;
    return spare > 0 ? width - (Math.max(0, width - MIN_BAR_PART) / spare) * borrowed : width;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * value in en-US with between min and max decimals. The formatters are made once: a
 * toLocaleString with options builds a new one per call, which made the overview page
 * of 100 articles cost 130 ms instead of a few.
 */
function decimals(value: number, min: number, max: number): string {
  const key = `${min}:${max}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

export const format = {
  /** 12.3 (one decimal), or a dash when there is no value */
  score(value: number | null | undefined, digits = 1): string {
    return value === null || value === undefined ? DASH : decimals(value, digits, digits);
  },
  /**
   * A share (0..1) as a percentage: 0.25 → "25 %", 0.4137 → "41.4 %". It never reads
   * "100 %" or "0 %" unless it is exactly that (9,997 of 10,000 → "99.97 %", 3 of
   * 10,000 → "0.03 %"); every percentage on the pages is printed by this.
   */
  share(value: number | null | undefined): string {
    if (value === null || value === undefined) return DASH;
    const { value: percent, digits } = honestPercent(value);
    if (percent >= 100 && value < 1) return `> ${(100 - 10 ** -digits).toFixed(digits)} %`;
    if (percent <= 0 && value > 0) return `< ${(10 ** -digits).toFixed(digits)} %`;
    return `${decimals(percent, 0, digits)} %`;
  },
  /** part of whole as format.share prints it; a dash when whole is 0 */
  percent(part: number, whole: number): string {
    return whole > 0 ? format.share(part / whole) : DASH;
  },
  barWidths,
  /** a weight or penalty without needless zeros: 5, 0.1, 12.3 */
  number(value: number | null | undefined): string {
    return value === null || value === undefined ? DASH : decimals(value, 0, 2);
  },
  /** 3725 → "1 h 02 min", 95 → "1 min 35 s", 4.2 → "4.2 s" */
  duration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined) return DASH;
    if (seconds < 60) return `${decimals(seconds, 0, 1)} s`;
    const whole = Math.round(seconds);
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
    return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  },
  /** "2025-04-18T09:30:12.000Z" → "2025-04-18 09:30" (UTC), or "2025-04-18 09:30:12" with seconds (logs) */
  time(iso: string, precision: 'minutes' | 'seconds' = 'minutes'): string {
    return iso.slice(0, precision === 'seconds' ? 19 : 16).replace('T', ' ');
  },
  /** "2025-04-18T09:30:12.000Z" → "2025-04-18" */
  date(iso: string): string {
    return iso.slice(0, 10);
  },
};

export type Format = typeof format;
