import type { Db } from './db/database';
import { GroupCommit } from './db/groupCommit';
import { AnnotationService } from './annotations/annotationService';
import { ArticleService } from './articles/articleService';
import { AccountService, type SessionPolicy } from './auth/accountService';
import { AuditLog } from './auth/auditLog';
import { CommentService } from './comments/commentService';
import { PasswordHasher, PRODUCTION_PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { QualityService } from './quality/qualityService';
import { EventHub } from './live/eventHub';
import { LiveEvents } from './live/liveEvents';
import { SearchService } from './search/searchService';
import { SegmentService } from './segments/segmentService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  comments: CommentService;
  search: SearchService;
  quality: QualityService;
  /** The open live streams (Server-Sent Events) of this process, per article. */
  hub: EventHub;
  accounts: AccountService;
  /** Runs sentence saves from concurrent requests in shared, durable commits. */
  writes: GroupCommit;
}

export interface ServiceOptions {
  sessionPolicy?: SessionPolicy;
  /** scrypt's cost for new password hashes; tests pass a cheap one, everything else keeps production's. */
  passwordCost?: PasswordCost;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 8 * 60, maxDays: 7 };

/**
 * The one service graph of a database handle, shared by the server, the CLI, the
 * benchmark and the tests. Each service gets its collaborators here, explicitly.
 */
export function createServices(db: Db, options: ServiceOptions = {}): Services {
  const audit = new AuditLog(db);
  // A saved segment moves its article's last-change time (inside the save's transaction); what else
  // follows a segment write is each listener's business.
  const hub = new EventHub();
  const live: LiveEvents = new LiveEvents(hub, (segmentId) => segments.storedVersion(segmentId));
  const segments = new SegmentService(db, (articleId, at) => articles.touch(articleId, at), [
    { layoutChanged: (change) => annotations.followLayout(change) },
    { revisionWritten: (write) => comments.revisionWritten(write), layoutChanged: (change) => comments.followLayout(change) },
    { revisionWritten: (write) => live.segmentWritten(write) },
  ]);
  const articles = new ArticleService(db, { audit, segments });
  const annotations = new AnnotationService(db, segments);
  const comments: CommentService = new CommentService(db, { segments, changed: (change) => live.commentChanged(change) });
  return {
    articles,
    segments,
    annotations,
    comments,
    search: new SearchService(db, articles),
    hub,
    quality: new QualityService(db, { articles, segments, annotations }),
    accounts: new AccountService(db, {
      policy: options.sessionPolicy ?? defaultSessionPolicy,
      audit,
      passwords: new PasswordHasher(options.passwordCost ?? PRODUCTION_PASSWORD_COST),
    }),
    writes: new GroupCommit(db),
  };
}
