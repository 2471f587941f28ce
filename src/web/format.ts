/** How pages print numbers and times: every template has it as `format` (app.locals). */

const DASH = '–';

export const format = {
  /** 12.3 (one decimal), or a dash when there is no value */
  score(value: number | null | undefined, digits = 1): string {
    return value === null || value === undefined
      ? DASH
      : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  },
  /** 0.25 → "25%" */
  share(value: number | null | undefined): string {
    return value === null || value === undefined ? DASH : `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
  },
  /** a weight or penalty without needless zeros: 5, 0.1, 12.3 */
  number(value: number | null | undefined): string {
    return value === null || value === undefined ? DASH : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  },
  /** 3725 → "1 h 02 min", 95 → "1 min 35 s", 4.2 → "4.2 s" */
  duration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined) return DASH;
    if (seconds < 60) return `${seconds.toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
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
