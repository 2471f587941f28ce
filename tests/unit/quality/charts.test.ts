import { describe, expect, it } from 'vitest';
import { changesOverTime, columnChart, hterBuckets, niceTicks, stackedBarChart } from '../../../src/quality/charts';

describe('Chart axes', () => {
  it.each([
    [7, 8, [0, 2, 4, 6, 8]],
    [10, 10, [0, 5, 10]],
    [37, 40, [0, 10, 20, 30, 40]],
    [1, 1, [0, 0.5, 1]],
    [0.3, 0.3, [0, 0.1, 0.2, 0.3]],
    [0.31, 0.4, [0, 0.1, 0.2, 0.3, 0.4]],
    [1234, 1500, [0, 500, 1000, 1500]],
  ])('when the highest value is %d, then the axis ends at %d with round ticks', (max, top, values) => {
    expect(niceTicks(max)).toMatchObject({ max: top, values });
  });

  it.each([
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
  ])('when a count axis tops at %d, then every tick is a whole number', (max, values) => {
    expect(niceTicks(max, 4, true).values).toEqual(values);
  });

  it('when a chart draws counts (every chart of the report does), then its ticks are whole numbers; other values may have fractions', () => {
    const one = [{ label: 'a', value: 1 }];
    expect(columnChart(one).ticks.map((tick) => tick.label)).toEqual(['0', '1']);
    expect(columnChart(one, { wholeNumbers: false }).ticks.map((tick) => tick.label)).toEqual(['0', '0.5', '1']);
    expect(stackedBarChart([{ label: 'x', values: { minor: 1 } }], ['minor']).ticks.map((tick) => tick.label)).toEqual(['0', '1']);
  });

  it('when every value is 0, then the axis still runs from 0 to 1', () => {
    expect(niceTicks(0)).toEqual({ max: 1, step: 1, values: [0, 1] });
  });
});

describe('Column chart', () => {
  it('when values are drawn, then columns share the plot width and their heights are proportional to the values', () => {
    const chart = columnChart(
      [
        { label: 'a', value: 2 },
        { label: 'b', value: 4 },
        { label: 'c', value: 0 },
      ],
      { width: 344, height: 254 },
    );
    // Plot: left 44, width 344 − 44 − 8 = 292, top 18, height 254 − 18 − 36 = 200; axis 0..4.
    expect(chart.plot).toEqual({ left: 44, top: 18, width: 292, height: 200 });
    const [a, b, c] = chart.bars;
    expect(b).toMatchObject({ label: 'b', value: 4, height: 200, y: 18 });
    expect(a).toMatchObject({ height: 100, y: 118 });
    expect(c).toMatchObject({ height: 0, y: 218 });
    const band = 292 / 3;
    expect(a!.x).toBeCloseTo(44 + (band - band * 0.72) / 2, 2);
    expect(b!.x - a!.x).toBeCloseTo(band, 1);
    expect(a!.cx).toBeCloseTo(44 + band / 2, 1);
    expect(chart.ticks.map((tick) => [tick.label, tick.at])).toEqual([
      ['0', 218],
      ['1', 168],
      ['2', 118],
      ['3', 68],
      ['4', 18],
    ]);
    expect(chart.empty).toBe(false);
  });

  it('when there are many columns, then only every k-th label is printed and the value labels are left out', () => {
    const chart = columnChart(
      Array.from({ length: 48 }, (_, index) => ({ label: `h${index}`, value: index })),
      { maxLabels: 8 },
    );
    expect(chart.bars.filter((bar) => bar.showLabel).map((bar) => bar.label)).toEqual([
      'h0',
      'h6',
      'h12',
      'h18',
      'h24',
      'h30',
      'h36',
      'h42',
    ]);
    expect(chart.showValues).toBe(false);
  });
});

describe('Stacked bar chart', () => {
  it('when rows are split by severity, then parts follow the key order, skip zeros and end at the row total', () => {
    const chart = stackedBarChart(
      [
        { label: 'Terminology', values: { minor: 1, major: 2, critical: 0 } },
        { label: 'Style', values: { minor: 4 } },
      ],
      ['neutral', 'minor', 'major', 'critical'],
      { width: 468, labelWidth: 20 },
    );
    // Plot width 468 − 20 − 48 = 400 for an axis of 0..4: 100 units per error.
    expect(chart.rows[0]).toMatchObject({
      label: 'Terminology',
      total: 3,
      parts: [
        { key: 'minor', value: 1, x: 20, width: 100 },
        { key: 'major', value: 2, x: 120, width: 200 },
      ],
    });
    expect(chart.rows[1]).toMatchObject({ total: 4, parts: [{ key: 'minor', x: 20, width: 400 }] });
    expect(chart.rows[1]!.y - chart.rows[0]!.y).toBe(26);
    expect(chart.ticks.at(-1)).toMatchObject({ value: 4, at: 420 });
  });
});

describe('HTER buckets', () => {
  it('when scores are bucketed, then 0 has its own bucket, the others include their upper bound, and above 100 is last', () => {
    const buckets = hterBuckets([0, 0, 0.1, 10, 10.01, 55, 100, 100.5, 250]);
    expect(buckets.map((bucket) => bucket.label)).toEqual([
      '0',
      '0–10',
      '10–20',
      '20–30',
      '30–40',
      '40–50',
      '50–60',
      '60–70',
      '70–80',
      '80–90',
      '90–100',
      '>100',
    ]);
    expect(buckets.map((bucket) => bucket.value)).toEqual([2, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2]);
  });
});

describe('Changes over time', () => {
  it('when all changes fall within two days, then there is one column per hour with empty hours as zero', () => {
    const { unit, columns } = changesOverTime([
      { hour: '2025-04-18T09', count: 3 },
      { hour: '2025-04-18T12', count: 1 },
    ]);
    expect(unit).toBe('hour');
    expect(columns.map((column) => [column.label, column.value])).toEqual([
      ['04-18 09h', 3],
      ['04-18 10h', 0],
      ['04-18 11h', 0],
      ['04-18 12h', 1],
    ]);
  });

  it('when changes span weeks, then they are grouped by day', () => {
    const { unit, columns } = changesOverTime([
      { hour: '2025-04-18T09', count: 3 },
      { hour: '2025-04-18T22', count: 2 },
      { hour: '2025-04-21T08', count: 1 },
    ]);
    expect(unit).toBe('day');
    expect(columns.map((column) => [column.label, column.value])).toEqual([
      ['2025-04-18', 5],
      ['2025-04-19', 0],
      ['2025-04-20', 0],
      ['2025-04-21', 1],
    ]);
  });

  it('when changes span months, then they are grouped by month', () => {
    const { unit, columns } = changesOverTime([
      { hour: '2025-01-31T23', count: 1 },
      { hour: '2025-04-01T00', count: 2 },
    ]);
    expect(unit).toBe('month');
    expect(columns.map((column) => [column.label, column.value])).toEqual([
      ['2025-01', 1],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 2],
    ]);
  });

  it('when nothing changed, then there are no columns', () => {
    expect(changesOverTime([])).toEqual({ unit: 'hour', columns: [] });
  });
});
