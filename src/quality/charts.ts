/**
 * Geometry of the report's charts, computed here so that the templates only print
 * numbers into SVG elements (and escape every label). All charts share one shape: a
 * value axis with "nice" ticks (1, 2 or 5 × 10^k) and bars in a band per category.
 */
import { HTER_BUCKETS, hterBucket } from '../stats/contribution';

export interface Tick {
  value: number;
  /** position along the value axis, in SVG units */
  at: number;
  label: string;
}

export interface ColumnBar {
  label: string;
  /** whether the category label is printed under this column (long axes show every k-th) */
  showLabel: boolean;
  value: number;
  className: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** centre of the column, for its labels */
  cx: number;
}

export interface ColumnChart {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  ticks: Tick[];
  bars: ColumnBar[];
  /** the axis is empty when every value is 0 */
  empty: boolean;
  /** value labels above the columns, left out when the columns are too narrow for them */
  showValues: boolean;
}

export interface ColumnInput {
  label: string;
  value: number;
  className?: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The width the charts are drawn at, in CSS pixels: the page shows them at exactly this size (never
 * scaled down, see quality.css), so that their 12 px text is 12 px on the screen.
 */
export const CHART_WIDTH = 480;

/** A chart over time needs at least this many periods to show a trend; fewer are listed as text. */
export const MIN_TIME_COLUMNS = 3;

/**
 * Ticks from 0 to a round maximum that covers `max`, with at most about `count` steps. Counts
 * (`wholeNumbers`) get whole-number steps: 0, 1, 2 sentences, never 0.5.
 */
export function niceTicks(max: number, count = 4, wholeNumbers = false): { max: number; step: number; values: number[] } {
  if (!(max > 0)) return { max: 1, step: 1, values: [0, 1] };
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const step = wholeNumbers ? Math.max(1, Math.round(nice)) : nice;
  const top = Math.round(Math.ceil(max / step - 1e-9) * step * 1e9) / 1e9;
  const values: number[] = [];
  for (let index = 0; index * step <= top + step / 2; index++) values.push(Math.round(index * step * 1e9) / 1e9);
  return { max: top, step, values };
}

function tickLabel(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Vertical columns, one per category, e.g. a histogram or counts per day; values are counts unless `wholeNumbers` is false. */
export function columnChart(
  columns: readonly ColumnInput[],
  size: { width?: number; height?: number; maxLabels?: number; wholeNumbers?: boolean } = {},
): ColumnChart {
  const width = size.width ?? CHART_WIDTH;
  const height = size.height ?? 220;
  const plot = { left: 44, top: 18, width: width - 44 - 8, height: height - 18 - 36 };
  const highest = columns.reduce((max, column) => Math.max(max, column.value), 0);
  const axis = niceTicks(highest, 4, size.wholeNumbers ?? true);
  const band = columns.length > 0 ? plot.width / columns.length : plot.width;
  const barWidth = band * 0.72;
  const labelEvery = Math.max(1, Math.ceil(columns.length / (size.maxLabels ?? 12)));
  const bars = columns.map((column, index) => {
    const barHeight = (column.value / axis.max) * plot.height;
    const x = plot.left + index * band + (band - barWidth) / 2;
    return {
      label: column.label,
      showLabel: index % labelEvery === 0,
      value: column.value,
      className: column.className ?? '',
      x: round(x),
      y: round(plot.top + plot.height - barHeight),
      width: round(barWidth),
      height: round(barHeight),
      cx: round(x + barWidth / 2),
    };
  });
  return {
    width,
    height,
    plot,
    ticks: axis.values.map((value) => ({
      value,
      at: round(plot.top + plot.height - (value / axis.max) * plot.height),
      label: tickLabel(value),
    })),
    bars,
    empty: highest === 0,
    showValues: band >= 22,
  };
}

export interface StackPart {
  key: string;
  value: number;
  x: number;
  width: number;
}

export interface StackedRow {
  label: string;
  total: number;
  y: number;
  height: number;
  /** centre line of the row, for its labels */
  cy: number;
  parts: StackPart[];
}

export interface StackedBarChart {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  ticks: Tick[];
  rows: StackedRow[];
  keys: readonly string[];
}

export interface StackedInput {
  label: string;
  values: Readonly<Record<string, number>>;
}

/** Horizontal bars, one per row, each split into parts in the order of `keys`. */
export function stackedBarChart(
  rows: readonly StackedInput[],
  keys: readonly string[],
  size: { width?: number; labelWidth?: number; wholeNumbers?: boolean } = {},
): StackedBarChart {
  const width = size.width ?? CHART_WIDTH;
  const rowHeight = 26;
  const plot = { left: size.labelWidth ?? 220, top: 8, width: 0, height: rows.length * rowHeight };
  plot.width = width - plot.left - 48;
  const height = plot.top + plot.height + 28;
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + (row.values[key] ?? 0), 0));
  const axis = niceTicks(Math.max(0, ...totals), 4, size.wholeNumbers ?? true);
  const scale = (value: number) => (value / axis.max) * plot.width;
  return {
    width,
    height,
    plot,
    keys,
    ticks: axis.values.map((value) => ({ value, at: round(plot.left + scale(value)), label: tickLabel(value) })),
    rows: rows.map((row, index) => {
      const y = plot.top + index * rowHeight + 4;
      let x = plot.left;
      const parts: StackPart[] = [];
      for (const key of keys) {
        const value = row.values[key] ?? 0;
        if (value === 0) continue;
        parts.push({ key, value, x: round(x), width: round(scale(value)) });
        x += scale(value);
      }
      return { label: row.label, total: totals[index]!, y, height: rowHeight - 8, cy: y + (rowHeight - 8) / 2, parts };
    }),
  };
}

/** HTER buckets of sentence scores: exactly 0 (unchanged), then (0, 10], (10, 20] ... (90, 100], and above 100. */
export function hterBuckets(scores: readonly number[]): ColumnInput[] {
  const counts = new Array<number>(HTER_BUCKETS).fill(0);
  for (const score of scores) counts[hterBucket(score)]!++;
  return hterColumns(counts);
}

/** The histogram's columns from the count of sentences in each bucket (as the stored figures keep them). */
export function hterColumns(counts: readonly number[]): ColumnInput[] {
  return counts.map((value, index) => ({
    label: index === 0 ? '0' : index === HTER_BUCKETS - 1 ? '>100' : `${(index - 1) * 10}–${index * 10}`,
    value,
    className: index === 0 ? 'bucket-zero' : 'bucket',
  }));
}

export type TimeUnit = 'hour' | 'day' | 'month';

/**
 * Counts per UTC hour ("2025-04-18T09") regrouped into at most `maxColumns` columns:
 * hours when they fit, else days, else months; empty periods are kept as zero columns.
 */
export function changesOverTime(
  hourly: readonly { hour: string; count: number }[],
  maxColumns = 48,
): { unit: TimeUnit; columns: ColumnInput[] } {
  if (hourly.length === 0) return { unit: 'hour', columns: [] };
  const first = Date.parse(`${hourly[0]!.hour}:00:00Z`);
  const last = Date.parse(`${hourly[hourly.length - 1]!.hour}:00:00Z`);
  const HOUR = 3_600_000;
  const unit: TimeUnit =
    (last - first) / HOUR + 1 <= maxColumns ? 'hour' : (last - first) / (24 * HOUR) + 1 <= maxColumns ? 'day' : 'month';
  const keyLength = { hour: 13, day: 10, month: 7 }[unit];
  const counts = new Map<string, number>();
  for (const { hour, count } of hourly) {
    const key = hour.slice(0, keyLength);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const columns: ColumnInput[] = [];
  const cursor = new Date(first);
  const lastKey = hourly[hourly.length - 1]!.hour.slice(0, keyLength);
  for (;;) {
    const key = cursor.toISOString().slice(0, keyLength);
    columns.push({
      label: unit === 'hour' ? `${key.slice(5, 10)} ${key.slice(11, 13)}h` : key,
      value: counts.get(key) ?? 0,
      className: 'changes',
    });
    if (key >= lastKey) break;
    if (unit === 'hour') cursor.setUTCHours(cursor.getUTCHours() + 1);
    else if (unit === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1, 1);
  }
  return { unit, columns };
}
