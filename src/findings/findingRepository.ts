import { parseCodes, type InlineCode } from '../codes/inlineCodes';
import type { Db } from '../db/database';
import type { SegmentKind } from '../segmentation/document';
import type { ComputedFinding } from './reconcile';
import type { CheckCount, FindingQuery, FixableFinding, ListedFinding, StoredFinding } from './model';

const FINDING_COLUMNS = `f.id, f.segment_id AS segmentId, f.article_id AS articleId, f.check_id AS "check", f.span_start AS start, f.span_end AS "end",
  f.message, f.fix, f.matched, f.segment_version AS segmentVersion, f.dismissed_at AS dismissedAt, f.dismissed_by AS dismissedBy,
  f.dismissed_by_user_id AS dismissedByUserId, f.dismiss_reason AS dismissReason`;
/** Findings in reading order need their segment's place (see the reading order in segmentRepository.ts). */
const IN_ORDER = `findings f JOIN segments s ON s.id = f.segment_id JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block`;
const GLOSSARY_CHECKS = `('glossary-term', 'glossary-term-rewritten')`;

/** What the checks of one segment read: the segment and its article's languages. */
export interface QaSegment {
  id: number;
  articleId: number;
  kind: SegmentKind;
  mt: string;
  text: string;
  source: string | null;
  codes: readonly InlineCode[];
  version: number;
  /** False once merged into another segment (then it has no findings). */
  inOrder: boolean;
  openFindings: number;
  sourceLanguage: string | null;
  targetLanguage: string;
}

/** An article's languages, as the checks read them. */
export interface ArticleLanguages {
  sourceLanguage: string | null;
  targetLanguage: string;
}

/**
 * SQL for QA findings; private to src/findings. Besides its own table it keeps the
 * denormalised counts the migration made for it in step (segments.open_findings,
 * article_stats.open_findings, articles.qa_version), reads what the checks need of a
 * segment and its article, and asks the search index for candidate segments.
 */
export class FindingRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      qaSegments: db.prepare(
        `SELECT s.id, s.article_id AS articleId, s.kind, s.mt, s.text, s.source, s.codes, s.version, s.block,
                s.open_findings AS openFindings, a.source_language AS sourceLanguage, a.target_language AS targetLanguage
           FROM segments s JOIN articles a ON a.id = s.article_id WHERE s.id IN (SELECT value FROM json_each(?))`,
      ),
      articleLanguages: db.prepare(
        `SELECT source_language AS sourceLanguage, target_language AS targetLanguage FROM articles WHERE id = ?`,
      ),
      find: db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.id = ?`),
      bySegment: db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.segment_id = ? ORDER BY f.span_start, f.id`),
      // One statement for a page of segments: the ids arrive as a JSON array.
      bySegments: db.prepare(
        `SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.segment_id IN (SELECT value FROM json_each(?)) ORDER BY f.segment_id, f.span_start, f.id`,
      ),
      insert: db.prepare(
        `INSERT INTO findings (segment_id, article_id, check_id, span_start, span_end, message, fix, matched, segment_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      moveKept: db.prepare(`UPDATE findings SET span_start = ?, span_end = ?, message = ?, fix = ?, segment_version = ? WHERE id = ?`),
      delete: db.prepare(`DELETE FROM findings WHERE id = ?`),
      setSegmentOpen: db.prepare(`UPDATE segments SET open_findings = ? WHERE id = ?`),
      addSegmentOpen: db.prepare(`UPDATE segments SET open_findings = open_findings + ? WHERE id = ?`),
      // The stored figures' row exists once the article's figures were first computed; until then there is nothing to keep in step.
      addArticleOpen: db.prepare(`UPDATE article_stats SET open_findings = open_findings + ? WHERE article_id = ?`),
      dismiss: db.prepare(
        `UPDATE findings SET dismissed_at = ?, dismissed_by = ?, dismissed_by_user_id = ?, dismiss_reason = ?
          WHERE id = ? AND dismissed_at IS NULL`,
      ),
      restore: db.prepare(
        `UPDATE findings SET dismissed_at = NULL, dismissed_by = NULL, dismissed_by_user_id = NULL, dismiss_reason = NULL
          WHERE id = ? AND dismissed_at IS NOT NULL`,
      ),
      list: db.prepare(
        `SELECT ${FINDING_COLUMNS}, b.start + s.slot AS position FROM ${IN_ORDER}
          WHERE f.article_id = @articleId AND f.check_id = coalesce(@check, f.check_id) AND (@includeDismissed OR f.dismissed_at IS NULL)
          ORDER BY s.block, s.slot, f.span_start, f.id LIMIT @limit OFFSET @offset`,
      ),
      count: db.prepare(
        `SELECT count(*) AS count FROM findings f
          WHERE f.article_id = @articleId AND f.check_id = coalesce(@check, f.check_id) AND (@includeDismissed OR f.dismissed_at IS NULL)`,
      ),
      countsByCheck: db.prepare(
        `SELECT check_id AS "check", sum(dismissed_at IS NULL) AS open, sum(dismissed_at IS NOT NULL) AS dismissed
           FROM findings WHERE article_id = ? GROUP BY check_id`,
      ),
      fixableOfKind: db.prepare(
        `SELECT f.id, f.segment_id AS segmentId, f.segment_version AS segmentVersion, f.check_id AS "check", f.span_start AS start,
                f.span_end AS "end", f.message, f.fix, f.matched
           FROM ${IN_ORDER}
          WHERE f.article_id = ? AND f.check_id = ? AND f.dismissed_at IS NULL AND f.fix IS NOT NULL
          ORDER BY s.block, s.slot, f.span_start`,
      ),
      setQaVersion: db.prepare(`UPDATE articles SET qa_version = ? WHERE id = ?`),
      // -1: a glossary re-check is under way (set in the glossary write's transaction, cleared when it ends).
      markGlossaryStale: db.prepare(`UPDATE articles SET qa_version = -1 WHERE qa_version = @current AND id = coalesce(@articleId, id)`),
      clearGlossaryStale: db.prepare(`UPDATE articles SET qa_version = @current WHERE qa_version = -1 AND id = coalesce(@articleId, id)`),
      outdatedArticles: db.prepare(`SELECT id FROM articles WHERE qa_version <> ? AND state = 'ready' ORDER BY id`),
      allArticles: db.prepare(`SELECT id FROM articles ORDER BY id`),
      // Pages through an article in reading order, which the index idx_segments_order serves.
      segmentIdsAfter: db.prepare(
        `SELECT id, block, slot FROM segments WHERE article_id = ? AND block IS NOT NULL AND (block, slot) > (?, ?) ORDER BY block, slot LIMIT ?`,
      ),
      // Candidates only: the trigram index is case- and accent-folded; the checks then decide.
      searchPage: db.prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?`).pluck(),
      inScope: db.prepare(
        `SELECT id FROM segments WHERE id IN (SELECT value FROM json_each(@ids)) AND article_id = coalesce(@articleId, article_id)`,
      ),
      withGlossaryFindings: db
        .prepare(`SELECT DISTINCT segment_id FROM findings WHERE article_id = ? AND check_id IN ${GLOSSARY_CHECKS}`)
        .pluck(),
    };
  }

  /** What the checks read of these segments, in one read (those that exist). */
  qaSegments(ids: readonly number[]): QaSegment[] {
    const rows = this.statements.qaSegments.all(JSON.stringify(ids)) as (Omit<QaSegment, 'codes' | 'inOrder'> & {
      codes: string | null;
      block: number | null;
    })[];
    return rows.map(({ codes, block, ...row }) => ({ ...row, codes: parseCodes(codes), inOrder: block !== null }));
  }

  articleLanguages(articleId: number): ArticleLanguages | undefined {
    return this.statements.articleLanguages.get(articleId) as ArticleLanguages | undefined;
  }

  find(id: number): StoredFinding | undefined {
    return this.statements.find.get(id) as StoredFinding | undefined;
  }

  bySegment(segmentId: number): StoredFinding[] {
    return this.statements.bySegment.all(segmentId) as StoredFinding[];
  }

  bySegments(segmentIds: readonly number[]): StoredFinding[] {
    return this.statements.bySegments.all(JSON.stringify(segmentIds)) as StoredFinding[];
  }

  insert(segment: { id: number; articleId: number; version: number }, finding: ComputedFinding): void {
    this.statements.insert.run(
      segment.id,
      segment.articleId,
      finding.check,
      finding.start,
      finding.end,
      finding.message,
      finding.fix ?? null,
      finding.matched,
      segment.version,
    );
  }

  moveKept(id: number, finding: ComputedFinding, segmentVersion: number): void {
    this.statements.moveKept.run(finding.start, finding.end, finding.message, finding.fix ?? null, segmentVersion, id);
  }

  delete(id: number): void {
    this.statements.delete.run(id);
  }

  /** Sets a segment's open count and moves its article's stored figure by the difference. */
  setOpenCount(segment: { id: number; articleId: number }, before: number, after: number): void {
    if (before === after) return;
    this.statements.setSegmentOpen.run(after, segment.id);
    this.statements.addArticleOpen.run(after - before, segment.articleId);
  }

  /** One finding more (1) or fewer (-1) open in a segment, and in its article's stored figure. */
  addOpen(finding: Pick<StoredFinding, 'segmentId' | 'articleId'>, delta: 1 | -1): void {
    this.statements.addSegmentOpen.run(delta, finding.segmentId);
    this.statements.addArticleOpen.run(delta, finding.articleId);
  }

  dismiss(id: number, at: string, by: string, userId: number | null, reason: string): boolean {
    return this.statements.dismiss.run(at, by, userId, reason, id).changes === 1;
  }

  restore(id: number): boolean {
    return this.statements.restore.run(id).changes === 1;
  }

  list(articleId: number, query: FindingQuery): { total: number; findings: ListedFinding[] } {
    const parameters = { articleId, check: query.check ?? null, includeDismissed: query.includeDismissed ? 1 : 0 };
    const { count } = this.statements.count.get(parameters) as { count: number };
    const findings = this.statements.list.all({ ...parameters, limit: query.limit, offset: query.offset }) as ListedFinding[];
    return { total: count, findings };
  }

  countsByCheck(articleId: number): CheckCount[] {
    return this.statements.countsByCheck.all(articleId) as CheckCount[];
  }

  fixableOfKind(articleId: number, check: string): FixableFinding[] {
    return this.statements.fixableOfKind.all(articleId, check) as FixableFinding[];
  }

  setQaVersion(articleId: number, version: number): void {
    this.statements.setQaVersion.run(version, articleId);
  }

  markGlossaryStale(articleId: number | null, current: number): void {
    this.statements.markGlossaryStale.run({ articleId, current });
  }

  clearGlossaryStale(articleId: number | null, current: number): void {
    this.statements.clearGlossaryStale.run({ articleId, current });
  }

  outdatedArticles(current: number): number[] {
    return (this.statements.outdatedArticles.all(current) as { id: number }[]).map((row) => row.id);
  }

  allArticles(): number[] {
    return (this.statements.allArticles.all() as { id: number }[]).map((row) => row.id);
  }

  /** The next `limit` segments of an article in reading order after (block, slot). */
  segmentIdsAfter(articleId: number, after: { block: number; slot: number }, limit: number): { id: number; block: number; slot: number }[] {
    return this.statements.segmentIdsAfter.all(articleId, after.block, after.slot, limit) as { id: number; block: number; slot: number }[];
  }

  /** Segment ids the search index finds for a phrase of 3+ characters, after `afterId`, in id order. */
  searchPage(phrase: string, afterId: number, limit: number): number[] {
    return this.statements.searchPage.all(`"${phrase.replace(/"/g, '""')}"`, afterId, limit) as number[];
  }

  /** Those of the ids that are segments of the article (or of any article). */
  inScope(ids: readonly number[], articleId: number | null): number[] {
    return (this.statements.inScope.all({ ids: JSON.stringify(ids), articleId }) as { id: number }[]).map((row) => row.id);
  }

  withGlossaryFindings(articleId: number): number[] {
    return this.statements.withGlossaryFindings.all(articleId) as number[];
  }
}
