import type { Db } from '../db/database';
import { now } from '../clock';
import type { ArticleService } from '../articles/articleService';
import type { Annotation } from '../annotations/model';
import type { AnnotationService } from '../annotations/annotationService';
import type { QualitySettings, SeverityWeights } from '../annotations/mqm';
import { METRICS_ALGORITHM, segmentMetrics, textHash, type SegmentMetrics } from '../metrics/segmentMetrics';
import type { Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { aggregateFigures } from './figures';
import type { ArticleQuality, OverviewRow, OverviewSort } from './model';
import { QualityRepository } from './qualityRepository';
import { buildReport, type ReportView, type RowSelection } from './report';

export interface SettingsInput {
  weights: SeverityWeights;
  passThreshold: number;
}

/**
 * Quality figures of articles (computed by figures.ts from what the other features
 * store), the report and overview built on them, the scoring settings, and the
 * cache of per-segment metric statistics.
 */
export class QualityService {
  private readonly repository: QualityRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: { articles: ArticleService; segments: SegmentService; annotations: AnnotationService },
  ) {
    this.repository = new QualityRepository(db);
  }

  settings(): QualitySettings {
    return this.repository.settings();
  }

  updateSettings(input: SettingsInput, author: string): QualitySettings {
    this.repository.updateSettings({ ...input, updatedBy: author, updatedAt: now() });
    return this.settings();
  }

  articleQuality(articleId: number): ArticleQuality {
    return this.figures(articleId, this.collaborators.annotations.forArticle(articleId), this.settings());
  }

  /** The report page's view model: figures, charts, and the listed segments with their diffs. */
  report(articleId: number, selection: Partial<RowSelection> = {}): ReportView {
    // Read once: the figures and the report's labels use the same annotations.
    const annotations = this.collaborators.annotations.forArticle(articleId);
    const quality = this.figures(articleId, annotations, this.settings());
    return buildReport(quality, this.collaborators.segments.changesPerHour(articleId), annotations, {
      page: selection.page ?? 1,
      all: selection.all ?? false,
    });
  }

  /** Every article's headline figures, sorted by a column; articles without figures (null) come last either way. */
  overview(sort: OverviewSort, dir: 'asc' | 'desc'): OverviewRow[] {
    const settings = this.settings();
    const lastAnnotationChanges = this.collaborators.annotations.lastChangeByArticle();
    const rows = this.collaborators.articles.list().map((article): OverviewRow => {
      const quality = aggregateFigures(
        this.inputs(article.id, this.collaborators.annotations.forArticle(article.id), settings, lastAnnotationChanges),
      );
      return {
        articleId: article.id,
        title: article.title,
        progress: quality.progress,
        hter: quality.hter,
        chrf: quality.chrf,
        qualityScore: quality.mqm.qualityScore,
        pass: quality.mqm.pass,
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

  /**
   * TER and chrF statistics of every segment. Unchanged segments are counted without
   * alignment; the others come from the segment_metrics cache, keyed by a hash of the
   * text, and what is missing is computed and stored in one transaction.
   */
  metrics(articleId: number, segments: readonly Segment[]): Map<number, SegmentMetrics> {
    const cached = this.repository.cachedMetrics(articleId);
    const result = new Map<number, SegmentMetrics>();
    const fresh: { segmentId: number; textHash: string; metrics: SegmentMetrics }[] = [];
    for (const segment of segments) {
      if (segment.text === segment.mt) {
        result.set(segment.id, segmentMetrics(segment.mt, segment.text));
        continue;
      }
      const hash = textHash(segment.text);
      const hit = cached.get(segment.id);
      if (hit && hit.textHash === hash && hit.algorithm === METRICS_ALGORITHM) {
        result.set(segment.id, hit);
        continue;
      }
      const metrics = segmentMetrics(segment.mt, segment.text);
      result.set(segment.id, metrics);
      fresh.push({ segmentId: segment.id, textHash: hash, metrics });
    }
    if (fresh.length > 0) {
      this.db.transaction(() => {
        for (const { segmentId, textHash: hash, metrics } of fresh) {
          this.repository.saveMetrics({ segmentId, textHash: hash, algorithm: METRICS_ALGORITHM, ...metrics });
        }
      })();
    }
    return result;
  }

  private figures(articleId: number, annotations: readonly Annotation[], settings: QualitySettings): ArticleQuality {
    return aggregateFigures(this.inputs(articleId, annotations, settings, this.collaborators.annotations.lastChangeByArticle()));
  }

  /** Everything aggregateFigures needs about one article, read from the features that own it. */
  private inputs(
    articleId: number,
    annotations: readonly Annotation[],
    settings: QualitySettings,
    lastAnnotationChanges: ReadonlyMap<number, string>,
  ) {
    const article = this.collaborators.articles.get(articleId);
    const segments = this.collaborators.articles.segments(articleId);
    return {
      article,
      segments,
      metrics: this.metrics(articleId, segments),
      annotations,
      editingSeconds: this.collaborators.segments.editingSeconds(articleId),
      lastAnnotationChange: lastAnnotationChanges.get(articleId),
      settings,
    };
  }
}
