import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/database';
import { now } from '../clock';
import type { ArticleService } from '../articles/articleService';
import type { AnnotationService } from '../annotations/annotationService';
import type { Annotation } from '../annotations/model';
import type { QualitySettings, SeverityWeights } from '../annotations/mqm';
import { paginate } from '../pagination';
import type { Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import type { ArticleStats } from '../stats/articleStats';
import { aggregateFigures, segmentRows } from './figures';
import type { ArticleQuality, OverviewRow, OverviewSort, SegmentQuality } from './model';
import { QualityRepository } from './qualityRepository';
import { buildReport, type ReportView } from './report';

export interface SettingsInput {
  weights: SeverityWeights;
  passThreshold: number;
  /** percent; unchanged when not given */
  verdictCoverage?: number;
}

/** Segments per step when every row of a big article is listed (downloads, the printable report). */
export const ROWS_PER_STEP = 500;

export interface QualityCollaborators {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  stats: ArticleStats;
}

/**
 * Quality figures of articles, read from the stored per-article sums (src/stats), the
 * report and overview built on them, the per-segment rows (a page at a time, or every
 * one in short steps), and the scoring settings.
 */
export class QualityService {
  private readonly repository: QualityRepository;

  constructor(
    db: Db,
    private readonly collaborators: QualityCollaborators,
  ) {
    this.repository = new QualityRepository(db);
  }

  settings(): QualitySettings {
    return this.repository.settings();
  }

  /** Changes the weights and thresholds; run it through the write queue. */
  updateSettings(input: SettingsInput, author: string): QualitySettings {
    const current = this.settings();
    this.repository.updateSettings({
      weights: input.weights,
      passThreshold: input.passThreshold,
      verdictCoverage: input.verdictCoverage ?? current.verdictCoverage,
      updatedBy: author,
      updatedAt: now(),
    });
    return this.settings();
  }

  /** An article's figures from its stored sums: the same cost for 10 segments or 1,000,000. */
  articleQuality(articleId: number, settings = this.settings()): ArticleQuality {
    const article = this.collaborators.articles.get(articleId);
    return aggregateFigures(article, this.collaborators.stats.find(articleId), settings);
  }

  /** The report page's view model: figures, charts, and one page of segments with their diffs (none when `withRows` is false). */
  report(articleId: number, page = 1, withRows = true): ReportView {
    const quality = this.articleQuality(articleId);
    const pagination = paginate(quality.progress.total, page);
    const segments = withRows ? this.collaborators.segments.page(articleId, {}, pagination) : [];
    const annotations = this.annotationsOf(segments.map((segment) => segment.id));
    return buildReport(
      quality,
      this.collaborators.stats.changeHours(articleId),
      this.rowsOf(segments, quality.settings, annotations),
      pagination,
      annotations,
    );
  }

  /** The annotations that count, of these segments. */
  annotationsOf(segmentIds: readonly number[]): Map<number, Annotation[]> {
    return this.collaborators.annotations.bySegments(segmentIds);
  }

  /** The per-segment rows from `offset` on, at most `limit` of them, in reading order. */
  segmentRows(articleId: number, offset: number, limit: number, settings = this.settings()): SegmentQuality[] {
    return this.rowsOf(this.collaborators.segments.page(articleId, {}, { offset, limit }), settings);
  }

  /**
   * Every per-segment row of the article, ROWS_PER_STEP at a time, yielding to the event loop
   * between steps: a 1,000,000-segment download never holds the server for long.
   */
  async *allSegmentRows(articleId: number, settings = this.settings()): AsyncGenerator<SegmentQuality[]> {
    for (let offset = 0; ; offset += ROWS_PER_STEP) {
      const rows = this.segmentRows(articleId, offset, ROWS_PER_STEP, settings);
      if (rows.length > 0) yield rows;
      if (rows.length < ROWS_PER_STEP) return;
      await nextTurn();
    }
  }

  /** Every article's headline figures, sorted by a column; articles without figures (null) come last either way. */
  overview(sort: OverviewSort, dir: 'asc' | 'desc'): OverviewRow[] {
    const settings = this.settings();
    const stored = this.collaborators.stats.all();
    const rows = this.collaborators.articles.list().map((article): OverviewRow => {
      const quality = aggregateFigures(article, stored.get(article.id), settings);
      return {
        articleId: article.id,
        title: article.title,
        progress: quality.progress,
        coverage: quality.coverage,
        hter: quality.hter,
        chrf: quality.chrf,
        qualityScore: quality.mqm.qualityScore,
        pass: quality.mqm.pass,
        verdict: quality.mqm.verdict,
        annotationCount: quality.mqm.annotationCount,
        lastChange: quality.lastChange,
      };
    });
    const key: Record<OverviewSort, (row: OverviewRow) => string | number | null> = {
      title: (row) => row.title.toLocaleLowerCase('en'),
      progress: (row) => (row.progress.total === 0 ? null : row.progress.counts.approved / row.progress.total),
      hter: (row) => row.hter,
      chrf: (row) => row.chrf,
      mqm: (row) => row.qualityScore,
      pass: (row) => (row.pass === null ? null : row.pass ? 1 : 0),
      updated: (row) => row.lastChange,
    };
    const sign = dir === 'asc' ? 1 : -1;
    return rows.sort((a, b) => {
      const left = key[sort](a);
      const right = key[sort](b);
      if (left === null || right === null) return left === right ? a.articleId - b.articleId : left === null ? 1 : -1;
      const order = typeof left === 'string' ? left.localeCompare(right as string, 'en') : left - (right as number);
      return order !== 0 ? sign * order : a.articleId - b.articleId;
    });
  }

  private rowsOf(
    segments: readonly Segment[],
    settings: QualitySettings,
    annotations?: ReadonlyMap<number, readonly Annotation[]>,
  ): SegmentQuality[] {
    if (segments.length === 0) return [];
    const ids = segments.map((segment) => segment.id);
    return segmentRows({
      segments,
      metrics: this.collaborators.stats.segmentMetrics(segments),
      annotations: annotations ?? this.annotationsOf(ids),
      editingMs: this.collaborators.segments.editingMs(ids),
      settings,
    });
  }
}
