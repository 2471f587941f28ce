import type { Db } from './db/database';
import { GroupCommit, type BusyRetry } from './db/groupCommit';
import { Checkpoints } from './db/checkpoints';
import { IdleWork } from './db/idleWork';
import { AnnotationService } from './annotations/annotationService';
import { ArticleService, DEFAULT_MAX_SEGMENTS } from './articles/articleService';
import { importThread } from './articles/importThread';
import { BatchService } from './batches/batchService';
import { PropagationService } from './batches/propagationService';
import { ReplaceService } from './batches/replaceService';
import { AccountService, type SessionPolicy } from './auth/accountService';
import { AuditLog } from './auth/auditLog';
import { CommentService } from './comments/commentService';
import { PasswordHasher, PRODUCTION_PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { FindingService } from './findings/findingService';
import { GlossaryService } from './glossary/glossaryService';
import { QualityService } from './quality/qualityService';
import { DEFAULT_MAX_SEGMENT_CHARS, SegmentService } from './segments/segmentService';
import { ArticleStats } from './stats/articleStats';
import { EventHub } from './live/eventHub';
import { LiveEvents } from './live/liveEvents';
import { SearchIndex } from './search/searchIndex';
import { SearchService } from './search/searchService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  comments: CommentService;
  search: SearchService;
  glossary: GlossaryService;
  findings: FindingService;
  quality: QualityService;
  /** The open live streams (Server-Sent Events) of this process, per article. */
  hub: EventHub;
  accounts: AccountService;
  /** The stored per-article figures, kept up to date by every write. */
  stats: ArticleStats;
  /** The one write queue: saves from concurrent requests share durable commits; lock contention is retried here. */
  /** One action over many segments (find and replace, propagation, "fix all", undo), written in chunks. */
  batches: BatchService;
  replace: ReplaceService;
  propagation: PropagationService;
  writes: GroupCommit;
  /** Merging the search index's pieces in quiet moments; every request postpones it (src/app.ts). */
  indexMerging: IdleWork;
}

/** How big an article and one of its segments may be (REDLINE_MAX_SEGMENTS, REDLINE_MAX_SEGMENT_CHARS). */
export interface ContentLimits {
  maxSegments: number;
  maxSegmentChars: number;
}

export const defaultLimits: ContentLimits = { maxSegments: DEFAULT_MAX_SEGMENTS, maxSegmentChars: DEFAULT_MAX_SEGMENT_CHARS };

export interface ServiceOptions {
  sessionPolicy?: SessionPolicy;
  /** scrypt's cost for new password hashes; tests pass a cheap one, everything else keeps production's. */
  passwordCost?: PasswordCost;
  limits?: ContentLimits;
  /** how long the write queue retries a database another process has locked */
  busyRetry?: BusyRetry;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 8 * 60, maxDays: 7 };

/**
 * The one service graph of a database handle, shared by the server, the CLI, the
 * benchmark and the tests. Each service gets its collaborators here, explicitly.
 */
export function createServices(db: Db, options: ServiceOptions = {}): Services {
  const limits = options.limits ?? defaultLimits;
  const audit = new AuditLog(db);
  // Every write ends by bringing the search index up to date, in its own transaction; merging the
  // index's pieces waits for a quiet moment.
  const searchIndex: SearchIndex = new SearchIndex(db, () => indexMerging.wanted());
  const writes = new GroupCommit(db, options.busyRetry, () => {
    searchIndex.sync();
    checkpoints?.written();
  });
  // Copying the write-ahead log into the database file: in a thread of its own, once the writes pause (a file only).
  const checkpoints: Checkpoints | undefined = db.memory ? undefined : new Checkpoints(db, writes);
  const indexMerging = new IdleWork(writes, () => searchIndex.mergeStep());
  const hub = new EventHub();
  const live: LiveEvents = new LiveEvents(hub, (segmentId) => segments.storedVersion(segmentId));
  // The stored figures read annotations and segments, which are made after them: through closures.
  const stats: ArticleStats = new ArticleStats(db, {
    segments: () => segments,
    annotationsOf: (segmentIds) => annotations.marksBySegment(segmentIds),
    lastAnnotationChange: (articleId) => annotations.lastChange(articleId),
  });
  // A saved segment moves its article's last-change time and its stored figures (inside the save's transaction).
  const segments: SegmentService = new SegmentService(
    db,
    {
      articleChanged: (articleId, at) => articles.touch(articleId, at),
      figures: stats,
      // What else follows a segment write is each listener's business.
      listeners: [
        // The QA findings follow the text (first: the others may read the row's open findings).
        { revisionsWritten: (writes) => findings.refreshWritten(writes.flatMap(({ after }) => (after ? [after] : []))) },
        { layoutChanged: (change) => annotations.followLayout(change) },
        {
          revisionsWritten: (writes) => writes.forEach((write) => comments.revisionWritten(write)),
          layoutChanged: (change) => comments.followLayout(change),
        },
        { revisionsWritten: (writes) => writes.forEach((write) => live.segmentWritten(write)) },
      ],
      searchIndex,
    },
    limits.maxSegmentChars,
  );
  const articles = new ArticleService(
    db,
    {
      audit,
      segments,
      stats,
      writes,
      preparation: importThread,
      qa: {
        sharedTerms: () => glossary.sharedGlossaryTerms(),
        importStarted: (articleId) => findings.importStarted(articleId),
        storeImported: (articleId, stored) => findings.storeImported(articleId, stored),
      },
    },
    { maxSegments: limits.maxSegments },
  );
  const annotations: AnnotationService = new AnnotationService(db, segments, stats);
  const comments: CommentService = new CommentService(db, { segments, changed: (change) => live.commentChanged(change) });
  const batches = new BatchService(db, { segments, writes });
  // Inside a glossary write: the articles it affects are marked until their findings are re-checked.
  const glossary: GlossaryService = new GlossaryService(db, {
    articles,
    hooks: { changed: (articleId) => findings.glossaryChanged(articleId) },
  });
  const findings: FindingService = new FindingService(db, { segments, glossary, writes });
  return {
    articles,
    segments,
    annotations,
    comments,
    glossary,
    findings,
    search: new SearchService(db, articles),
    hub,
    quality: new QualityService(db, { articles, segments, annotations, stats }),
    accounts: new AccountService(db, {
      policy: options.sessionPolicy ?? defaultSessionPolicy,
      audit,
      passwords: new PasswordHasher(options.passwordCost ?? PRODUCTION_PASSWORD_COST),
    }),
    stats,
    batches,
    replace: new ReplaceService(db, batches),
    propagation: new PropagationService(db, { segments, batches }),
    writes,
    indexMerging,
  };
}
