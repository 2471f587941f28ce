import type { Db } from '../db/database';
import type { QualitySettings } from '../annotations/mqm';
import type { ChrfStats } from '../metrics/chrf';
import type { SegmentMetrics } from '../metrics/segmentMetrics';

export interface CachedMetrics extends SegmentMetrics {
  segmentId: number;
  textHash: string;
  algorithm: number;
}

interface CachedMetricsRow {
  segmentId: number;
  textHash: string;
  algorithm: number;
  insertions: number;
  deletions: number;
  substitutions: number;
  shifts: number;
  referenceWords: number;
  chrfStats: string;
}

/** SQL for the scoring settings and the per-segment metrics cache; private to src/quality. */
export class QualityRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      settings: db.prepare(
        `SELECT weight_neutral AS neutral, weight_minor AS minor, weight_major AS major, weight_critical AS critical,
                weight_minor_punctuation AS minorPunctuation, pass_threshold AS passThreshold, updated_by AS updatedBy, updated_at AS updatedAt
           FROM quality_settings WHERE id = 1`,
      ),
      updateSettings: db.prepare(
        `UPDATE quality_settings
            SET weight_neutral = @neutral, weight_minor = @minor, weight_major = @major, weight_critical = @critical,
                weight_minor_punctuation = @minorPunctuation, pass_threshold = @passThreshold, updated_by = @updatedBy, updated_at = @updatedAt
          WHERE id = 1`,
      ),
      cachedMetrics: db.prepare(
        `SELECT m.segment_id AS segmentId, m.text_hash AS textHash, m.algorithm, m.insertions, m.deletions, m.substitutions, m.shifts,
                m.reference_words AS referenceWords, m.chrf_stats AS chrfStats
           -- segment_metrics has no article column: the join with segments selects one article's rows by its index.
           FROM segment_metrics m JOIN segments s ON s.id = m.segment_id
          WHERE s.article_id = ?`,
      ),
      saveMetrics: db.prepare(
        `INSERT INTO segment_metrics (segment_id, text_hash, algorithm, insertions, deletions, substitutions, shifts, reference_words, chrf_stats)
         VALUES (@segmentId, @textHash, @algorithm, @insertions, @deletions, @substitutions, @shifts, @referenceWords, @chrfStats)
         ON CONFLICT (segment_id) DO UPDATE SET
           text_hash = excluded.text_hash, algorithm = excluded.algorithm, insertions = excluded.insertions, deletions = excluded.deletions,
           substitutions = excluded.substitutions, shifts = excluded.shifts, reference_words = excluded.reference_words, chrf_stats = excluded.chrf_stats`,
      ),
    };
  }

  settings(): QualitySettings {
    const row = this.statements.settings.get() as
      | {
          neutral: number;
          minor: number;
          major: number;
          critical: number;
          minorPunctuation: number;
          passThreshold: number;
          updatedBy: string;
          updatedAt: string;
        }
      | undefined;
    // The migration creates the row and nothing deletes it.
    if (!row) throw new Error('quality_settings has no row; the database was changed by hand');
    const { passThreshold, updatedBy, updatedAt, ...weights } = row;
    return { weights, passThreshold, updatedBy, updatedAt };
  }

  updateSettings(settings: QualitySettings): void {
    this.statements.updateSettings.run({
      ...settings.weights,
      passThreshold: settings.passThreshold,
      updatedBy: settings.updatedBy,
      updatedAt: settings.updatedAt,
    });
  }

  cachedMetrics(articleId: number): Map<number, CachedMetrics> {
    const cached = new Map<number, CachedMetrics>();
    for (const row of this.statements.cachedMetrics.all(articleId) as CachedMetricsRow[]) {
      const { insertions, deletions, substitutions, shifts, referenceWords } = row;
      cached.set(row.segmentId, {
        segmentId: row.segmentId,
        textHash: row.textHash,
        algorithm: row.algorithm,
        ter: { edits: insertions + deletions + substitutions + shifts, referenceWords, insertions, deletions, substitutions, shifts },
        chrf: JSON.parse(row.chrfStats) as ChrfStats,
      });
    }
    return cached;
  }

  /** Stores freshly computed statistics; the caller wraps many in one transaction. */
  saveMetrics(metrics: CachedMetrics): void {
    const { ter, chrf, segmentId, textHash, algorithm } = metrics;
    this.statements.saveMetrics.run({
      segmentId,
      textHash,
      algorithm,
      insertions: ter.insertions,
      deletions: ter.deletions,
      substitutions: ter.substitutions,
      shifts: ter.shifts,
      referenceWords: ter.referenceWords,
      chrfStats: JSON.stringify(chrf),
    });
  }
}
