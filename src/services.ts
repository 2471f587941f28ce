import type { Db } from './db/database';
import { GroupCommit } from './db/groupCommit';
import { AnnotationService } from './annotations/annotationService';
import { ArticleService } from './articles/articleService';
import { BatchService } from './batches/batchService';
import { PropagationService } from './batches/propagationService';
import { ReplaceService } from './batches/replaceService';
import { AccountService, type SessionPolicy } from './auth/accountService';
import { AuditLog } from './auth/auditLog';
import { PasswordHasher, PRODUCTION_PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { QualityService } from './quality/qualityService';
import { SegmentService } from './segments/segmentService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  quality: QualityService;
  accounts: AccountService;
  /** One action over many segments (find and replace, propagation, "fix all", undo), written in chunks. */
  batches: BatchService;
  replace: ReplaceService;
  propagation: PropagationService;
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
  // A saved segment moves its article's last-change time (inside the save's transaction).
  const segments = new SegmentService(db, (articleId, at) => articles.touch(articleId, at));
  const articles = new ArticleService(db, { audit, segments });
  const annotations = new AnnotationService(db, segments);
  const writes = new GroupCommit(db);
  const batches = new BatchService(db, { segments, writes });
  return {
    articles,
    segments,
    annotations,
    quality: new QualityService(db, { articles, segments, annotations }),
    accounts: new AccountService(db, {
      policy: options.sessionPolicy ?? defaultSessionPolicy,
      audit,
      passwords: new PasswordHasher(options.passwordCost ?? PRODUCTION_PASSWORD_COST),
    }),
    batches,
    replace: new ReplaceService(db, batches),
    propagation: new PropagationService(db, { segments, batches }),
    writes,
  };
}
