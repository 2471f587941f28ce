import type { Db } from '../db/database';
import type { ChrfStats } from '../metrics/chrf';
import type { SegmentMetrics } from '../metrics/segmentMetrics';
import { COUNTERS, emptyFigures, mqmKey, splitMqmKey, type Counter, type Figures } from './contribution';

/** An article's stored figures (article_stats and its side tables). */
export interface StoredFigures {
  articleId: number;
  /** src/metrics' algorithm version the TER and chrF sums were made with */
  metricsVersion: number;
  figures: Figures;
  /** the latest change to the article's text, status or annotations */
  lastChange: string;
}

export interface CachedMetrics {
  textHash: string;
  algorithm: number;
  metrics: SegmentMetrics;
}

/** newCount → new_count: the column of each counter. */
const column = (counter: Counter) => counter.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

interface StatsRow extends Record<Counter, number> {
  articleId: number;
  metricsVersion: number;
  chrfStats: string;
  lastChange: string;
}

const STATS_COLUMNS = `article_id AS articleId, metrics_version AS metricsVersion, chrf_stats AS chrfStats, last_change AS lastChange, ${COUNTERS.map(
  (counter) => `${column(counter)} AS ${counter}`,
).join(', ')}`;

/** SQL for the stored per-article figures and the per-segment metrics cache; private to src/stats. */
export class StatsRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      stats: db.prepare(`SELECT ${STATS_COLUMNS} FROM article_stats WHERE article_id = ?`),
      allStats: db.prepare(`SELECT ${STATS_COLUMNS} FROM article_stats`),
      mqm: db.prepare(`SELECT category, severity, count FROM article_mqm_counts WHERE article_id = ?`),
      allMqm: db.prepare(`SELECT article_id AS articleId, category, severity, count FROM article_mqm_counts`),
      buckets: db.prepare(`SELECT bucket, count FROM article_hter_buckets WHERE article_id = ?`),
      allBuckets: db.prepare(`SELECT article_id AS articleId, bucket, count FROM article_hter_buckets`),
      changeHours: db.prepare(`SELECT hour, count FROM article_change_hours WHERE article_id = ? ORDER BY hour`),
      chrf: db.prepare(`SELECT chrf_stats AS chrfStats FROM article_stats WHERE article_id = ?`),
      // Counters move by the change's delta; last_change only forward (ISO 8601 strings sort by time), and not for a
      // change that is no revision (@at NULL: max() would give NULL).
      add: db.prepare(
        `UPDATE article_stats SET ${COUNTERS.map((counter) => `${column(counter)} = ${column(counter)} + @${counter}`).join(', ')},
                chrf_stats = coalesce(@chrfStats, chrf_stats), last_change = coalesce(max(last_change, @at), last_change)
          WHERE article_id = @articleId`,
      ),
      touch: db.prepare(`UPDATE article_stats SET last_change = max(last_change, ?) WHERE article_id = ?`),
      addMqm: db.prepare(
        `INSERT INTO article_mqm_counts (article_id, category, severity, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id, category, severity) DO UPDATE SET count = count + excluded.count`,
      ),
      // A count back at zero leaves no row, as a recount would.
      dropEmptyMqm: db.prepare(`DELETE FROM article_mqm_counts WHERE article_id = ? AND category = ? AND severity = ? AND count = 0`),
      addBucket: db.prepare(
        `INSERT INTO article_hter_buckets (article_id, bucket, count) VALUES (?, ?, ?)
         ON CONFLICT (article_id, bucket) DO UPDATE SET count = count + excluded.count`,
      ),
      dropEmptyBucket: db.prepare(`DELETE FROM article_hter_buckets WHERE article_id = ? AND bucket = ? AND count = 0`),
      addChangeHour: db.prepare(
        `INSERT INTO article_change_hours (article_id, hour, count) VALUES (?, ?, ?)
         ON CONFLICT (article_id, hour) DO UPDATE SET count = count + excluded.count`,
      ),
      deleteStats: db.prepare(`DELETE FROM article_stats WHERE article_id = ?`),
      deleteMqm: db.prepare(`DELETE FROM article_mqm_counts WHERE article_id = ?`),
      deleteBuckets: db.prepare(`DELETE FROM article_hter_buckets WHERE article_id = ?`),
      deleteChangeHours: db.prepare(`DELETE FROM article_change_hours WHERE article_id = ?`),
      insertStats: db.prepare(
        `INSERT INTO article_stats (article_id, metrics_version, chrf_stats, last_change, ${COUNTERS.map(column).join(', ')})
         VALUES (@articleId, @metricsVersion, @chrfStats, @lastChange, ${COUNTERS.map((counter) => `@${counter}`).join(', ')})`,
      ),
      insertChangeHour: db.prepare(`INSERT INTO article_change_hours (article_id, hour, count) VALUES (?, ?, ?)`),
      // Rows as arrays (raw), in the order of CachedMetricsRow: a batch reads thousands, and an object per row costs more than the read.
      cachedMetrics: db
        .prepare(
          `SELECT segment_id, text_hash, algorithm, insertions, deletions, substitutions, shifts, reference_words, chrf_stats
             FROM segment_metrics WHERE segment_id IN (SELECT value FROM json_each(?))`,
        )
        .raw(),
      // A list as JSON arrays [segmentId, textHash, algorithm, insertions, deletions, substitutions, shifts, referenceWords,
      // chrfStats] (see saveMetrics): one statement for a batch's chunk.
      saveMetrics: db.prepare(
        `INSERT INTO segment_metrics (segment_id, text_hash, algorithm, insertions, deletions, substitutions, shifts, reference_words, chrf_stats)
         SELECT r.value->>0, r.value->>1, r.value->>2, r.value->>3, r.value->>4, r.value->>5, r.value->>6, r.value->>7, r.value->>8
           FROM json_each(?) AS r WHERE true
         ON CONFLICT (segment_id) DO UPDATE SET
           text_hash = excluded.text_hash, algorithm = excluded.algorithm, insertions = excluded.insertions, deletions = excluded.deletions,
           substitutions = excluded.substitutions, shifts = excluded.shifts, reference_words = excluded.reference_words, chrf_stats = excluded.chrf_stats`,
      ),
    };
  }

  find(articleId: number): StoredFigures | undefined {
    const row = this.statements.stats.get(articleId) as StatsRow | undefined;
    if (!row) return undefined;
    const stored = fromRow(row);
    for (const { category, severity, count } of this.statements.mqm.all(articleId) as MqmRow[])
      stored.figures.mqm.set(mqmKey(category, severity), count);
    for (const { bucket, count } of this.statements.buckets.all(articleId) as BucketRow[]) stored.figures.hterBuckets.set(bucket, count);
    return stored;
  }

  /** Every article's stored figures: three reads, one row per article (plus its MQM counts and HTER buckets). */
  all(): Map<number, StoredFigures> {
    const byArticle = new Map<number, StoredFigures>();
    for (const row of this.statements.allStats.all() as StatsRow[]) byArticle.set(row.articleId, fromRow(row));
    for (const { articleId, category, severity, count } of this.statements.allMqm.all() as (MqmRow & { articleId: number })[])
      byArticle.get(articleId)?.figures.mqm.set(mqmKey(category, severity), count);
    for (const { articleId, bucket, count } of this.statements.allBuckets.all() as (BucketRow & { articleId: number })[])
      byArticle.get(articleId)?.figures.hterBuckets.set(bucket, count);
    return byArticle;
  }

  changeHours(articleId: number): { hour: string; count: number }[] {
    return this.statements.changeHours.all(articleId) as { hour: string; count: number }[];
  }

  /**
   * Adds a change's delta to the article's figures; the caller holds the transaction. An article
   * without stored figures is left alone: it is recounted at the next start (or by `redline recount`).
   * `at`: the time of the revisions the delta stands for; null for a change that is none (an open-comment count).
   */
  add(articleId: number, delta: Figures, at: string | null): void {
    let chrfStats: string | null = null;
    if (delta.chrf.some((value) => value !== 0)) {
      const row = this.statements.chrf.get(articleId) as { chrfStats: string } | undefined;
      if (!row) return;
      const sums = JSON.parse(row.chrfStats) as number[];
      chrfStats = JSON.stringify(sums.map((value, index) => value + (delta.chrf[index] ?? 0)));
    }
    const updated = this.statements.add.run({ articleId, at, chrfStats, ...delta.counters });
    if (updated.changes === 0) return;
    for (const [key, count] of delta.mqm) {
      if (count === 0) continue;
      const { category, severity } = splitMqmKey(key);
      this.statements.addMqm.run(articleId, category, severity, count);
      this.statements.dropEmptyMqm.run(articleId, category, severity);
    }
    for (const [bucket, count] of delta.hterBuckets) {
      if (count === 0) continue;
      this.statements.addBucket.run(articleId, bucket, count);
      this.statements.dropEmptyBucket.run(articleId, bucket);
    }
  }

  /** The article changed at `at` without its sums changing (e.g. an annotation's comment). */
  touch(articleId: number, at: string): void {
    this.statements.touch.run(at, articleId);
  }

  /** `count` more people's changes in the hour ('YYYY-MM-DDTHH', UTC). */
  countChanges(articleId: number, hour: string, count: number): void {
    this.statements.addChangeHour.run(articleId, hour, count);
  }

  /** Replaces the article's stored figures (an import's last step, or a recount); the caller holds the transaction. */
  replace(
    articleId: number,
    stored: Omit<StoredFigures, 'articleId'>,
    changeHours: readonly { hour: string; count: number }[] | undefined,
  ): void {
    this.statements.deleteStats.run(articleId);
    this.statements.deleteMqm.run(articleId);
    this.statements.deleteBuckets.run(articleId);
    const { figures } = stored;
    this.statements.insertStats.run({
      articleId,
      metricsVersion: stored.metricsVersion,
      chrfStats: JSON.stringify(figures.chrf),
      lastChange: stored.lastChange,
      ...figures.counters,
    });
    for (const [key, count] of figures.mqm) {
      if (count === 0) continue;
      const { category, severity } = splitMqmKey(key);
      this.statements.addMqm.run(articleId, category, severity, count);
    }
    for (const [bucket, count] of figures.hterBuckets) if (count !== 0) this.statements.addBucket.run(articleId, bucket, count);
    if (changeHours) {
      this.statements.deleteChangeHours.run(articleId);
      for (const { hour, count } of changeHours) this.statements.insertChangeHour.run(articleId, hour, count);
    }
  }

  cachedMetrics(segmentIds: readonly number[]): Map<number, CachedMetrics> {
    const cached = new Map<number, CachedMetrics>();
    for (const row of this.statements.cachedMetrics.all(JSON.stringify(segmentIds)) as CachedMetricsRow[]) {
      const [segmentId, textHash, algorithm, insertions, deletions, substitutions, shifts, referenceWords, chrfStats] = row;
      cached.set(segmentId, {
        textHash,
        algorithm,
        metrics: {
          ter: { edits: insertions + deletions + substitutions + shifts, referenceWords, insertions, deletions, substitutions, shifts },
          chrf: JSON.parse(chrfStats) as ChrfStats,
        },
      });
    }
    return cached;
  }

  /**
   * Caches these segments' metrics, a statement per SAVE_METRICS_ROWS of them (a statement per row cost
   * as much again as the row: a batch's chunk is one statement). The caller holds the transaction.
   */
  saveMetrics(entries: Iterable<readonly [segmentId: number, cached: CachedMetrics]>): void {
    const rows = [...entries].map(([segmentId, { textHash, algorithm, metrics }]) => {
      const { ter, chrf } = metrics;
      return [
        segmentId,
        textHash,
        algorithm,
        ter.insertions,
        ter.deletions,
        ter.substitutions,
        ter.shifts,
        ter.referenceWords,
        JSON.stringify(chrf),
      ];
    });
    for (let start = 0; start < rows.length; start += SAVE_METRICS_ROWS) {
      this.statements.saveMetrics.run(JSON.stringify(rows.slice(start, start + SAVE_METRICS_ROWS)));
    }
  }
}

/** Rows per statement of saveMetrics: a recount of a big article stores its metrics without one huge JSON text. */
const SAVE_METRICS_ROWS = 1_000;

interface MqmRow {
  category: string;
  severity: string;
  count: number;
}

interface BucketRow {
  bucket: number;
  count: number;
}

/** A segment_metrics row as cachedMetrics reads it. */
type CachedMetricsRow = [
  segmentId: number,
  textHash: string,
  algorithm: number,
  insertions: number,
  deletions: number,
  substitutions: number,
  shifts: number,
  referenceWords: number,
  chrfStats: string,
];

function fromRow(row: StatsRow): StoredFigures {
  const figures = emptyFigures();
  for (const counter of COUNTERS) figures.counters[counter] = row[counter];
  figures.chrf = JSON.parse(row.chrfStats) as number[];
  return { articleId: row.articleId, metricsVersion: row.metricsVersion, figures, lastChange: row.lastChange };
}
