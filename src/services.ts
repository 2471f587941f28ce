import type { Db } from './db/database';
import { GroupCommit } from './db/groupCommit';
import { AnnotationService } from './annotations/annotationService';
import { ArticleService } from './articles/articleService';
import { AccountService, type SessionPolicy } from './auth/accountService';
import { AuditLog } from './auth/auditLog';
import { PasswordHasher, PRODUCTION_PASSWORD_COST, type PasswordCost } from './auth/passwords';
import { FindingService } from './findings/findingService';
import { GlossaryService } from './glossary/glossaryService';
import { QualityService } from './quality/qualityService';
import { SegmentService } from './segments/segmentService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  glossary: GlossaryService;
  findings: FindingService;
  quality: QualityService;
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
  const writes = new GroupCommit(db);
  // Inside every segment write's transaction: the article's last-change time moves, the QA findings follow the text.
  const segments: SegmentService = new SegmentService(db, {
    articleChanged: (articleId, at) => articles.touch(articleId, at),
    hooks: {
      written: (segment) => findings.refresh(segment.id),
      imported: (articleId, rows) => findings.refreshImported(articleId, rows),
    },
  });
  const articles = new ArticleService(db, { audit, segments });
  // Inside a glossary write: the articles it affects are marked until their findings are re-checked.
  const glossary: GlossaryService = new GlossaryService(db, {
    articles,
    hooks: { changed: (articleId) => findings.glossaryChanged(articleId) },
  });
  const findings: FindingService = new FindingService(db, { segments, glossary, writes });
  const annotations = new AnnotationService(db, segments);
  return {
    articles,
    segments,
    annotations,
    glossary,
    findings,
    quality: new QualityService(db, { articles, segments, annotations }),
    accounts: new AccountService(db, {
      policy: options.sessionPolicy ?? defaultSessionPolicy,
      audit,
      passwords: new PasswordHasher(options.passwordCost ?? PRODUCTION_PASSWORD_COST),
    }),
    writes,
  };
}
