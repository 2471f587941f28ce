/**
 * Rows of the benchmark table and how they print. A row is its samples plus,
 * optionally, a target and a baseline row it is compared with; adding a
 * measure means pushing one more row.
 */

export type Target = { atLeast: number } | { atMost: number };

export interface Row {
  /** What was measured, with its unit: "import (sentences/s)". */
  measure: string;
  samples: number[];
  target?: Target;
  /** A baseline row prints "baseline" in the last column. */
  baseline?: boolean;
  /** Prints median ÷ the other row's median, e.g. "0.31× raw SQLite insert". */
  compareTo?: { row: Row; label: string };
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Enough digits to read, not more: 52,310 / 41.3 / 0.84. */
export function formatNumber(value: number): string {
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function targetCell(row: Row, value: number): string {
  if (!row.target) return '';
  if ('atLeast' in row.target) return `≥ ${formatNumber(row.target.atLeast)} ${value >= row.target.atLeast ? '✓' : '✗'}`;
  return `≤ ${formatNumber(row.target.atMost)} ${value <= row.target.atMost ? '✓' : '✗'}`;
}

function comparisonCell(row: Row, value: number): string {
  if (row.baseline) return 'baseline';
  if (!row.compareTo) return '';
  return `${formatNumber(value / median(row.compareTo.row.samples))}× ${row.compareTo.label}`;
}

export function renderTable(rows: readonly Row[]): string {
  const lines = ['| measure | median | min–max | target | baseline/ratio |', '|---|---:|---:|---|---|'];
  for (const row of rows) {
    const value = median(row.samples);
    const range = row.samples.length > 1 ? `${formatNumber(Math.min(...row.samples))}–${formatNumber(Math.max(...row.samples))}` : '';
    lines.push(`| ${row.measure} | ${formatNumber(value)} | ${range} | ${targetCell(row, value)} | ${comparisonCell(row, value)} |`);
  }
  return lines.join('\n');
}
