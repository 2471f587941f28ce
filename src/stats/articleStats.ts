import type { Db } from '../db/database';
import { isBusy } from '../db/groupCommit';
import { METRICS_ALGORITHM, segmentMetrics, textHash, type SegmentMetrics } from '../metrics/segmentMetrics';
import { emptyCounts, type SegmentFigureChange, type SegmentFigures, type SegmentFigureState, type StatusCounts } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { addContribution, changeOf, emptyFigures, isCovered, mqmKey, type FigureState, type Figures, type MqmMark } from './contribution';
import { StatsRepository, type CachedMetrics, type StoredFigures } from './statsRepository';

export type { StoredFigures } from './statsRepository';

/** Segments read per step when an article is recounted. */
const RECOUNT_PAGE = 2_000;
/** A recount reads one consistent snapshot; if the article changes meanwhile it starts again, this often. */
const RECOUNT_ATTEMPTS = 3;

export interface StatsCollaborators {
  segments: () => SegmentService;
  /** The MQM annotations that count, per segment (src/annotations; createServices passes them in). */
  annotationsOf: (segmentIds: readonly number[]) => ReadonlyMap<number, readonly MqmMark[]>;
  /** When the article's annotations last changed, if they ever did. */
  lastAnnotationChange: (articleId: number) => string | undefined;
}

export const messages = {
  keptChanging: (articleId: number) =>
    `Article ${articleId} kept changing while it was recounted. Run the recount again when the server is quiet (or stopped).`,
};

/**
 * An article's figures (counts by status, HTER/chrF sums, MQM counts, editing time,
 * HTER histogram, changes per hour), stored and kept up to date in the transaction
 * of every change, so that overviews and reports read one row per article instead
 * of every segment. Each segment contributes a pure function of its state
 * (contribution.ts); a change adds `after - before`. recount() rebuilds them from
 * the segments, and a property test proves that both agree.
 */
export class ArticleStats implements SegmentFigures {
  private readonly repository: StatsRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: StatsCollaborators,
  ) {
    this.repository = new StatsRepository(db);
  }

  /**
   * Segments were written (SegmentService's write path); inside its transaction. Each article's
   * figures move once by the changes' summed delta, however many segments changed.
   */
  segmentsChanged(changes: readonly SegmentFigureChange[], at: string, revisions?: number): void {
    const byArticle = new Map<number, { before: SegmentFigureState[]; after: SegmentFigureState[]; count: number }>();
    for (const { before, after } of changes) {
      const segment = after ?? before;
      if (!segment) continue;
      let article = byArticle.get(segment.articleId);
      if (!article) byArticle.set(segment.articleId, (article = { before: [], after: [], count: 0 }));
      if (before) article.before.push(before);
      if (after) article.after.push(after);
      article.count++;
    }
    for (const [articleId, article] of byArticle)
      this.add(articleId, this.figuresOf(article.before, false), this.figuresOf(article.after, true), at, revisions ?? article.count);
  }

  /** A split, a merge or the undo of one (see SegmentFigures.reshaped); inside its transaction. */
  reshaped<T>(
    before: readonly SegmentFigureState[],
    change: () => { result: T; after: SegmentFigureState[]; at: string },
    revisions: number,
  ): T {
    const beforeFigures = this.figuresOf(before, false);
    const { result, after, at } = change();
    const articleId = (after[0] ?? before[0])?.articleId;
    if (articleId !== undefined) this.add(articleId, beforeFigures, this.figuresOf(after, true), at, revisions);
    return result;
  }

  /** The summed contributions of segments in the states given, with their annotations as they stand now. */
  private figuresOf(states: readonly SegmentFigureState[], store: boolean): Figures {
    const covered = states.filter((state) => isCovered(state));
    const marks =
      covered.length > 0
        ? this.collaborators.annotationsOf([...new Set(covered.map((state) => state.id))])
        : new Map<number, readonly MqmMark[]>();
    const metrics = this.metricsOf(covered, store);
    const total = emptyFigures();
    for (const state of states) addContribution(total, figureState(state, marks.get(state.id)), metrics.get(state));
    return total;
  }

  /** With no revision (an open-comment count), neither the last change nor the changes per hour move: a recount reads those from the revisions. */
  private add(articleId: number, before: Figures, after: Figures, at: string, revisions: number): void {
    this.repository.add(articleId, changeOf(before, after), revisions > 0 ? at : null);
    if (revisions > 0) this.repository.countChanges(articleId, at.slice(0, 13), revisions);
  }

  /**
   * A segment's annotations changed (src/annotations, inside its transaction). They count
   * only while the segment is covered, so only then do the MQM counts move.
   */
  annotationsChanged(
    segment: Pick<SegmentFigureState, 'articleId' | 'kind' | 'status'>,
    before: readonly MqmMark[],
    after: readonly MqmMark[],
    at: string,
  ): void {
    if (!isCovered(segment)) return this.repository.touch(segment.articleId, at);
    const delta = emptyFigures();
    for (const [marks, sign] of [
      [after, 1],
      [before, -1],
    ] as const) {
      for (const mark of marks) {
        const key = mqmKey(mark.category, mark.severity);
        delta.mqm.set(key, (delta.mqm.get(key) ?? 0) + sign);
      }
    }
    this.repository.add(segment.articleId, delta, at);
  }

  /** A new article's figures, summed while its segments were imported; inside the import's last transaction. */
  created(articleId: number, figures: Figures, at: string): void {
    this.repository.replace(articleId, { metricsVersion: METRICS_ALGORITHM, figures, lastChange: at }, []);
  }

  /** An article's stored figures; undefined until they were counted. */
  find(articleId: number): StoredFigures | undefined {
    return this.repository.find(articleId);
  }

  /** Every article's stored figures, by article id. */
  all(): Map<number, StoredFigures> {
    return this.repository.all();
  }

  statusCounts(articleId: number): StatusCounts {
    return statusCountsOf(this.repository.find(articleId)?.figures);
  }

  /** People's changes per UTC hour ('YYYY-MM-DDTHH'), oldest first. */
  changeHours(articleId: number): { hour: string; count: number }[] {
    return this.repository.changeHours(articleId);
  }

  /** TER and chrF statistics of each segment (the report's rows): cached ones where the text is the same, the rest computed. */
  segmentMetrics(segments: readonly { id: number; mt: string; text: string }[]): Map<number, SegmentMetrics> {
    const changed = segments.filter((segment) => segment.text !== segment.mt);
    const cached =
      changed.length > 0 ? this.repository.cachedMetrics(changed.map((segment) => segment.id)) : new Map<number, CachedMetrics>();
    return new Map(
      segments.map((segment) => [
        segment.id,
        this.metricsFrom(segment, cached.get(segment.id)) ?? segmentMetrics(segment.mt, segment.text),
      ]),
    );
  }

  /** The figures of the article as they are now, counted from its segments (one consistent read). */
  count(articleId: number): StoredFigures {
    return this.db.transaction(() => ({ articleId, ...this.countInSnapshot(articleId).stored }))();
  }

  /**
   * Rebuilds the article's stored figures from its segments: after a change of the metrics
   * algorithm, for an article stored before figures were, or to repair them. The article is read
   * in one snapshot; if it changed before the result could be written, the recount starts again.
   */
  recount(articleId: number): StoredFigures {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.db.transaction(() => {
          const { stored, changeHours, fresh } = this.countInSnapshot(articleId);
          this.repository.replace(articleId, stored, changeHours);
          this.repository.saveMetrics(fresh);
          return { articleId, ...stored };
        })();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (attempt >= RECOUNT_ATTEMPTS) throw new Error(messages.keptChanging(articleId), { cause: error });
      }
    }
  }

  /** Of these articles, those whose figures are missing or were made by another metrics algorithm. */
  needingRecount(articleIds: readonly number[]): number[] {
    const stored = this.repository.all();
    return articleIds.filter((id) => stored.get(id)?.metricsVersion !== METRICS_ALGORITHM);
  }

  private countInSnapshot(articleId: number) {
    const segments = this.collaborators.segments();
    const figures = emptyFigures();
    const fresh = new Map<number, CachedMetrics>();
    for (let page = segments.figureStates(articleId, undefined, RECOUNT_PAGE); page.length > 0;) {
      const covered = page.filter(isCovered);
      const marks =
        covered.length > 0 ? this.collaborators.annotationsOf(covered.map((state) => state.id)) : new Map<number, readonly MqmMark[]>();
      const changed = covered.filter((state) => state.text !== state.mt);
      const cached =
        changed.length > 0 ? this.repository.cachedMetrics(changed.map((state) => state.id)) : new Map<number, CachedMetrics>();
      for (const state of page) {
        let metrics: SegmentMetrics | undefined;
        if (isCovered(state) && state.text !== state.mt) {
          metrics = this.metricsFrom(state, cached.get(state.id));
          if (!metrics) {
            metrics = segmentMetrics(state.mt, state.text);
            fresh.set(state.id, { textHash: textHash(state.text), algorithm: METRICS_ALGORITHM, metrics });
          }
        }
        addContribution(figures, figureState(state, marks.get(state.id)), metrics);
      }
      const last = page[page.length - 1]!;
      page = page.length < RECOUNT_PAGE ? [] : segments.figureStates(articleId, last, RECOUNT_PAGE);
    }
    const lastRevision = segments.lastRevisionAt(articleId) ?? '';
    const lastAnnotation = this.collaborators.lastAnnotationChange(articleId) ?? '';
    const stored = {
      metricsVersion: METRICS_ALGORITHM,
      figures,
      lastChange: lastAnnotation > lastRevision ? lastAnnotation : lastRevision,
    };
    return { stored, changeHours: segments.changesPerHour(articleId), fresh };
  }

  /**
   * The statistics each covered, changed segment's contribution needs (one read of the cache for
   * all): from the cache when it holds the state's text, else computed (and cached when `store`:
   * the segments' new states). None for a state contribution() needs none for (not covered) or
   * computes them itself for free (text = MT).
   */
  private metricsOf(covered: readonly SegmentFigureState[], store: boolean): Map<SegmentFigureState, SegmentMetrics> {
    const changed = covered.filter((state) => state.text !== state.mt);
    const metrics = new Map<SegmentFigureState, SegmentMetrics>();
    if (changed.length === 0) return metrics;
    const cached = this.repository.cachedMetrics(changed.map((state) => state.id));
    const fresh: [number, CachedMetrics][] = [];
    for (const state of changed) {
      let found = this.metricsFrom(state, cached.get(state.id));
      if (!found) {
        found = segmentMetrics(state.mt, state.text);
        if (store) fresh.push([state.id, { textHash: textHash(state.text), algorithm: METRICS_ALGORITHM, metrics: found }]);
      }
      metrics.set(state, found);
    }
    this.repository.saveMetrics(fresh);
    return metrics;
  }

  private metricsFrom(segment: { text: string }, cached: CachedMetrics | undefined): SegmentMetrics | undefined {
    if (!cached || cached.algorithm !== METRICS_ALGORITHM || cached.textHash !== textHash(segment.text)) return undefined;
    return cached.metrics;
  }
}

/** A segment's state with its annotations, as contribution() takes it. (Field by field: a spread of a row is ten times slower.) */
function figureState(segment: SegmentFigureState, annotations: readonly MqmMark[] = []): FigureState {
  const { kind, status, mt, text, editingMs, openFindings, openComments } = segment;
  return { kind, status, mt, text, editingMs, openFindings, openComments, annotations };
}

/** The counts by status of stored figures (all zero without figures). */
export function statusCountsOf(figures: Figures | undefined): StatusCounts {
  const counts = emptyCounts();
  if (!figures) return counts;
  const { newCount, editedCount, approvedCount, rejectedCount } = figures.counters;
  return Object.assign(counts, { new: newCount, edited: editedCount, approved: approvedCount, rejected: rejectedCount });
}
