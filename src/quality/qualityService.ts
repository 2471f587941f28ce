import type { Db } from '../db/database';
import { ArticleRepository } from '../articles/articleRepository';
import { REVIEW_PAGE_SIZE } from '../articles/articleService';
import { now, progressFrom, type Article, type Progress, type ReviewStatus, type Segment } from '../articles/model';
import { notFound } from '../errors';
import type { SegmentKind } from '../segmentation/document';
import { AnnotationService } from './annotationService';
import type { Annotation } from './annotationRepository';
import { annotatedMt, type AnnotatedMt } from './annotatedMt';
import { METRICS_ALGORITHM, corpusScores, countWords, segmentMetrics, sentenceScores, textHash, type SegmentMetrics } from './metrics';
import { MQM_CATEGORIES, annotationPenalty, categoryLabel, mqmScore, totalPenalty, type MqmScore, type QualitySettings, type Severity, type SeverityWeights } from './mqm';
import { QualityRepository } from './qualityRepository';
import { buildReport, type ReportView, type RowSelection } from './report';
import type { OverviewSort } from './qualitySchemas';

/** Segments listed per page of the report, as on the review page. */
export const REPORT_PAGE_SIZE = REVIEW_PAGE_SIZE;

/** Metadata lines (dates, bylines, source lists) are not the MT's prose: listed, but left out of article figures. */
export const EVALUATED_KINDS: readonly SegmentKind[] = ['sentence', 'heading'];

export interface SegmentQuality {
  segmentId: number;
  position: number;
  paragraph: number;
  kind: SegmentKind;
  status: ReviewStatus;
  /** counted in the article figures (sentences and headings) */
  evaluated: boolean;
  mt: string;
  text: string;
  /** the text differs from the MT (TER can still be 0 when only letter case changed) */
  changed: boolean;
  mtWords: number;
  /** HTER on sacrebleu's scale: 100 × edits / reference words */
  ter: number;
  /** chrF on sacrebleu's scale, 0..100 */
  chrf: number;
  insertions: number;
  deletions: number;
  substitutions: number;
  shifts: number;
  referenceWords: number;
  annotationCount: number;
  mqmPenalty: number;
  /** measured active editing time over all its revisions; null when never measured */
  editingSeconds: number | null;
}

export interface CategoryCounts {
  code: string;
  label: string;
  counts: Record<Severity, number>;
  total: number;
  penalty: number;
}

export interface ArticleQuality {
  article: Article;
  progress: Progress;
  /** the latest change to the text, status or annotations */
  lastChange: string;
  settings: QualitySettings;
  segments: SegmentQuality[];
  evaluatedSegments: number;
  /** corpus HTER over the evaluated segments; null when there are none */
  hter: number | null;
  chrf: number | null;
  edits: { insertions: number; deletions: number; substitutions: number; shifts: number; total: number; referenceWords: number };
  mqm: MqmScore & { bySeverity: Record<Severity, number>; byCategory: CategoryCounts[] };
  effort: {
    editingSeconds: number;
    /** evaluated segments with measured time, and their MT words */
    timedSegments: number;
    timedWords: number;
    /** editing seconds / MT words of the timed segments; null when nothing was timed */
    secondsPerWord: number | null;
    unchangedSegments: number;
    /** unchanged / evaluated segments, 0..1; null without evaluated segments */
    unchangedShare: number | null;
  };
}

export interface OverviewRow {
  articleId: number;
  title: string;
  progress: Progress;
  hter: number | null;
  chrf: number | null;
  qualityScore: number | null;
  pass: boolean | null;
  annotationCount: number;
  lastChange: string;
}

export interface ExportedAnnotation {
  id: number;
  segmentId: number;
  start: number;
  end: number;
  spanText: string;
  category: string;
  severity: Severity;
  comment: string | null;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface SettingsInput {
  weights: SeverityWeights;
  passThreshold: number;
}

const zeroBySeverity = (): Record<Severity, number> => ({ neutral: 0, minor: 0, major: 0, critical: 0 });

/**
 * Quality figures of articles: HTER and chrF from the texts, MQM scores from the
 * annotations and settings, effort from the revisions' editing time.
 */
export class QualityService {
  readonly annotations: AnnotationService;
  readonly repository: QualityRepository;
  private readonly articles: ArticleRepository;

  constructor(private readonly db: Db) {
    this.annotations = new AnnotationService(db);
    this.repository = new QualityRepository(db);
    this.articles = new ArticleRepository(db);
  }

  settings(): QualitySettings {
    return this.repository.settings();
  }

  updateSettings(input: SettingsInput, author: string): QualitySettings {
    this.repository.updateSettings({ ...input, updatedBy: author, updatedAt: now() });
    return this.settings();
  }

  articleQuality(articleId: number): ArticleQuality {
    return this.articleFigures(articleId, this.annotations.forArticle(articleId));
  }

  /** The report page's view model: figures, charts, and the listed segments with their diffs. */
  report(articleId: number, selection: Partial<RowSelection> = {}): ReportView {
    // Read once: the figures and the report's labels use the same annotations.
    const annotations = this.annotations.forArticle(articleId);
    const quality = this.articleFigures(articleId, annotations);
    return buildReport(quality, this.repository.changesPerHour(articleId), annotations, {
      page: selection.page ?? 1,
      pageSize: selection.pageSize ?? REPORT_PAGE_SIZE,
      all: selection.all ?? false,
    });
  }

  private articleFigures(articleId: number, annotations: readonly Annotation[]): ArticleQuality {
    const article = this.articles.find(articleId);
    if (!article) throw notFound(`Article ${articleId}`);
    const lastAnnotationChange = this.annotations.repository.lastChangeByArticle().get(articleId);
    return this.figures(article, this.articles.segments(articleId), annotations, lastAnnotationChange, this.settings());
  }

  /** Every article's headline figures, sorted by a column; articles without figures (null) come last either way. */
  overview(sort: OverviewSort, dir: 'asc' | 'desc'): OverviewRow[] {
    const settings = this.settings();
    const lastAnnotationChanges = this.annotations.repository.lastChangeByArticle();
    const rows = this.articles.list().map((summary): OverviewRow => {
      const quality = this.figures(summary, this.articles.segments(summary.id), this.annotations.forArticle(summary.id), lastAnnotationChanges.get(summary.id), settings);
      return {
        articleId: summary.id, title: summary.title, progress: quality.progress, hter: quality.hter, chrf: quality.chrf,
        qualityScore: quality.mqm.qualityScore, pass: quality.mqm.pass, annotationCount: quality.mqm.annotationCount, lastChange: quality.lastChange,
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

  /** The article's current annotations for its JSON export (src/export), in reading order. */
  annotationsForExport(articleId: number, segments: readonly Pick<Segment, 'id' | 'mt'>[]): ExportedAnnotation[] {
    const mtBySegment = new Map(segments.map((segment) => [segment.id, segment.mt]));
    const order = new Map(segments.map((segment, index) => [segment.id, index]));
    return this.annotations
      .forArticle(articleId)
      .sort((a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start || a.id - b.id)
      .map((annotation) => ({
        id: annotation.id, segmentId: annotation.segmentId, start: annotation.start, end: annotation.end,
        spanText: (mtBySegment.get(annotation.segmentId) ?? '').slice(annotation.start, annotation.end),
        category: annotation.category, severity: annotation.severity, comment: annotation.comment,
        author: annotation.author, createdAt: annotation.createdAt, updatedAt: annotation.updatedAt,
      }));
  }

  /** The MT of each segment with its annotations, ready for views/quality/_annotated_mt.ejs. */
  annotatedMt(segments: readonly Pick<Segment, 'id' | 'mt'>[]): Map<number, AnnotatedMt> {
    const bySegment = this.annotations.bySegments(segments.map((segment) => segment.id));
    return new Map(segments.map((segment) => [segment.id, annotatedMt(segment, bySegment.get(segment.id) ?? [])]));
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

  private figures(
    article: Article,
    segments: readonly Segment[],
    annotations: readonly Annotation[],
    lastAnnotationChange: string | undefined,
    settings: QualitySettings,
  ): ArticleQuality {
    const metrics = this.metrics(article.id, segments);
    const editingSeconds = this.repository.editingSeconds(article.id);
    const annotationsBySegment = new Map<number, Annotation[]>();
    for (const annotation of annotations) {
      const list = annotationsBySegment.get(annotation.segmentId) ?? [];
      list.push(annotation);
      annotationsBySegment.set(annotation.segmentId, list);
    }

    const counts = { new: 0, edited: 0, approved: 0, rejected: 0 } satisfies Record<ReviewStatus, number>;
    const evaluatedMetrics: SegmentMetrics[] = [];
    const evaluatedAnnotations: Annotation[] = [];
    const effort = { editingSeconds: 0, timedSegments: 0, timedWords: 0, unchangedSegments: 0 };
    let evaluatedWords = 0;

    const rows = segments.map((segment): SegmentQuality => {
      counts[segment.status]++;
      const stats = metrics.get(segment.id)!;
      const scores = sentenceScores(stats);
      const segmentAnnotations = annotationsBySegment.get(segment.id) ?? [];
      const seconds = editingSeconds.get(segment.id) ?? null;
      const mtWords = countWords(segment.mt);
      const evaluated = EVALUATED_KINDS.includes(segment.kind);
      if (evaluated) {
        evaluatedMetrics.push(stats);
        evaluatedAnnotations.push(...segmentAnnotations);
        evaluatedWords += mtWords;
        if (segment.text === segment.mt) effort.unchangedSegments++;
        if (seconds !== null) {
          effort.editingSeconds += seconds;
          effort.timedSegments++;
          effort.timedWords += mtWords;
        }
      }
      return {
        segmentId: segment.id, position: segment.position, paragraph: segment.paragraph, kind: segment.kind, status: segment.status,
        evaluated, mt: segment.mt, text: segment.text, changed: segment.text !== segment.mt, mtWords,
        ter: scores.ter, chrf: scores.chrf,
        insertions: stats.ter.insertions, deletions: stats.ter.deletions, substitutions: stats.ter.substitutions, shifts: stats.ter.shifts,
        referenceWords: stats.ter.referenceWords,
        annotationCount: segmentAnnotations.length,
        mqmPenalty: totalPenalty(segmentAnnotations, settings.weights),
        editingSeconds: seconds,
      };
    });

    const edits = { insertions: 0, deletions: 0, substitutions: 0, shifts: 0, total: 0, referenceWords: 0 };
    for (const { ter } of evaluatedMetrics) {
      edits.insertions += ter.insertions;
      edits.deletions += ter.deletions;
      edits.substitutions += ter.substitutions;
      edits.shifts += ter.shifts;
      edits.total += ter.edits;
      edits.referenceWords += ter.referenceWords;
    }
    const corpus = evaluatedMetrics.length > 0 ? corpusScores(evaluatedMetrics) : null;

    const bySeverity = zeroBySeverity();
    const byCategory = new Map<string, CategoryCounts>();
    for (const annotation of evaluatedAnnotations) {
      bySeverity[annotation.severity]++;
      const entry = byCategory.get(annotation.category) ?? { code: annotation.category, label: categoryLabel(annotation.category), counts: zeroBySeverity(), total: 0, penalty: 0 };
      entry.counts[annotation.severity]++;
      entry.total++;
      entry.penalty += annotationPenalty(annotation, settings.weights);
      byCategory.set(annotation.category, entry);
    }
    const categoryOrder = MQM_CATEGORIES.map((category) => category.code as string);

    return {
      article,
      progress: progressFrom(counts),
      lastChange: lastAnnotationChange && lastAnnotationChange > article.updatedAt ? lastAnnotationChange : article.updatedAt,
      settings,
      segments: rows,
      evaluatedSegments: evaluatedMetrics.length,
      hter: corpus?.ter ?? null,
      chrf: corpus?.chrf ?? null,
      edits,
      mqm: {
        ...mqmScore(evaluatedAnnotations, evaluatedWords, settings),
        bySeverity,
        byCategory: [...byCategory.values()].sort((a, b) => categoryOrder.indexOf(a.code) - categoryOrder.indexOf(b.code)),
      },
      effort: {
        ...effort,
        secondsPerWord: effort.timedWords > 0 ? effort.editingSeconds / effort.timedWords : null,
        unchangedShare: evaluatedMetrics.length > 0 ? effort.unchangedSegments / evaluatedMetrics.length : null,
      },
    };
  }
}
