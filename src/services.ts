import type { Db } from './db/database';
import { ArticleService } from './articles/articleService';
import { SegmentService } from './segments/segmentService';
import { AccountService, type SessionPolicy } from './auth/accountService';
import { AuditLog } from './auth/auditLog';
import { GroupCommit } from './db/groupCommit';
import { QualityService } from './quality/qualityService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
  accounts: AccountService;
  audit: AuditLog;
  /** Runs sentence saves from concurrent requests in shared, durable commits. */
  writes: GroupCommit;
  quality: QualityService;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 8 * 60, maxDays: 7 };

/** One instance of each service per database handle; routes, CLI and benchmark share them. */
export function createServices(db: Db, sessionPolicy: SessionPolicy = defaultSessionPolicy): Services {
  const audit = new AuditLog(db);
  return {
    articles: new ArticleService(db, audit),
    segments: new SegmentService(db),
    accounts: new AccountService(db, sessionPolicy, audit),
    audit,
    writes: new GroupCommit(db),
    quality: new QualityService(db),
  };
}
