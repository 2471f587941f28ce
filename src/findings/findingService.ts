import type { Db } from '../db/database';
import type { GroupCommit } from '../db/groupCommit';
import { now } from '../clock';
import { conflict, notFound, unprocessable } from '../errors';
import type { Actor } from '../auth/roles';
import type { Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import type { GlossaryService } from '../glossary/glossaryService';
import type { ArticleTerm, GlossaryChange } from '../glossary/model';
import { applyFixes, findTermOccurrences, QA_CHECKS, QA_RULES_VERSION, runChecks, type CheckId, type Finding } from '../qa/runChecks';
import { FindingRepository, type ArticleLanguages, type QaSegment } from './findingRepository';
import { reconcile, withMatched } from './reconcile';
import type { CheckCount, FindingActor, FindingQuery, FixableFinding, ListedFinding, RowQa, StoredFinding, TermMark } from './model';

export const REASON_MAX = 500;

export const messages = {
  noFix: (finding: StoredFinding) =>
    `This ${finding.check} finding has no certain fix: edit the sentence yourself, or dismiss the finding with a reason.`,
  moved: 'The sentence changed since this finding was made: look at it again.',
  alreadyDismissed: (finding: StoredFinding) => `This finding was already dismissed by ${finding.dismissedBy}: “${finding.dismissReason}”.`,
  notDismissed: 'This finding is not dismissed.',
  reasonRequired: 'Dismissing a finding needs a reason, so the next person knows why it stands.',
  reasonTooLong: `A reason can be at most ${REASON_MAX} characters.`,
};

/** Segments refreshed per write-queue item: a few milliseconds, so saves waiting behind it wait little. */
const CHUNK = 200;
/** Past this many changed terms (a big import), re-checking the whole scope is simpler than asking the index term by term. */
const MAX_SEARCHED_TERMS = 200;
const SEARCH_PAGE = 1_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * QA findings: the checks of src/qa run on a segment inside every write of it (and on
 * import), and their results are stored, matched with the findings already stored by
 * check and span text so that ids and dismissals survive unrelated edits. Also: fix with
 * one request, dismiss and restore, the lists the API and the pages read, and the
 * re-checks after a glossary change or a new version of the rules, in chunks.
 */
export class FindingService {
  private readonly repository: FindingRepository;
  /** Glossary re-checks run one after the other, so each knows the articles it marked are its own. */
  private glossaryRechecks: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly collaborators: { segments: SegmentService; glossary: GlossaryService; writes: GroupCommit },
  ) {
    this.repository = new FindingRepository(db);
  }

  // -- Inside writes --------------------------------------------------------------------------

  /**
   * Recomputes these segments' findings from what is stored now and brings the stored ones in step
   * (the caller holds the transaction): one read of the segments and one of their stored findings,
   * however many there are (a batch's chunk).
   */
  refresh(segmentIds: readonly number[]): void {
    if (segmentIds.length === 0) return;
    this.refreshEach(this.repository.qaSegments(segmentIds));
  }

  /**
   * refresh() of segments a write has just stored, as the write path hands them over (its
   * SegmentWrite.after, exactly the stored row): the same, without reading them back.
   */
  refreshWritten(segments: readonly Segment[]): void {
    if (segments.length === 0) return;
    const languages = new Map<number, ArticleLanguages>();
    this.refreshEach(
      segments.map((segment) => {
        let ofArticle = languages.get(segment.articleId);
        if (!ofArticle) {
          ofArticle = this.repository.articleLanguages(segment.articleId) ?? { sourceLanguage: null, targetLanguage: 'en' };
          languages.set(segment.articleId, ofArticle);
        }
        const { id, articleId, kind, mt, text, source, version, openFindings } = segment;
        return { id, articleId, kind, mt, text, source, codes: segment.codes ?? [], version, inOrder: true, openFindings, ...ofArticle };
      }),
    );
  }

  /** One read of the segments' stored findings, however many there are (a batch's chunk), then each brought in step. */
  private refreshEach(segments: readonly QaSegment[]): void {
    const storedBySegment = new Map<number, StoredFinding[]>();
    for (const finding of this.repository.bySegments(segments.map((segment) => segment.id))) {
      const list = storedBySegment.get(finding.segmentId);
      if (list) list.push(finding);
      else storedBySegment.set(finding.segmentId, [finding]);
    }
    const glossaries = new Map<number, readonly ArticleTerm[]>();
    for (const segment of segments) {
      let glossary = glossaries.get(segment.articleId);
      if (!glossary) glossaries.set(segment.articleId, (glossary = this.collaborators.glossary.termsFor(segment.articleId)));
      this.refreshOne(segment, storedBySegment.get(segment.id) ?? [], glossary);
    }
  }

  private refreshOne(segment: QaSegment, stored: readonly StoredFinding[], glossary: readonly ArticleTerm[]): void {
    // A segment merged into another is no longer read: its findings go.
    const computed = !segment.inOrder ? [] : withMatched(segment.text, runChecks(this.qaInput(segment, glossary)));
    const { kept, added, removed } = reconcile(stored, computed);
    for (const id of removed) this.repository.delete(id);
    const storedById = new Map(stored.map((finding) => [finding.id, finding]));
    let open = added.length;
    for (const { id, finding } of kept) {
      const before = storedById.get(id)!;
      if (before.dismissedAt === null) open++;
      const moved =
        before.start !== finding.start ||
        before.end !== finding.end ||
        before.message !== finding.message ||
        before.fix !== (finding.fix ?? null) ||
        before.segmentVersion !== segment.version;
      if (moved) this.repository.moveKept(id, finding, segment.version);
    }
    for (const finding of added) this.repository.insert(segment, finding);
    this.repository.setOpenCount(segment, segment.openFindings, open);
  }

  /**
   * Inside an import's first write step: its segments are checked with the current rules, with the
   * glossary as it is now (a change to it meanwhile marks the article for a re-check).
   */
  importStarted(articleId: number): void {
    this.repository.setQaVersion(articleId, QA_RULES_VERSION);
  }

  /**
   * Stores the findings an import's preparation computed for segments it just wrote (the caller holds
   * the transaction): new segments, so there is nothing to match, and their open counts were stored with them.
   */
  storeImported(articleId: number, segments: readonly { id: number; text: string; findings: readonly Finding[] }[]): void {
    for (const { id, text, findings } of segments) {
      for (const finding of withMatched(text, findings)) this.repository.insert({ id, articleId, version: 1 }, finding);
    }
  }

  /** Inside a glossary write: its articles' findings may be stale until recheckGlossary is done (a crash leaves them for the start-up re-check). */
  glossaryChanged(articleId: number | null): void {
    this.repository.markGlossaryStale(articleId, QA_RULES_VERSION);
  }

  // -- Reading --------------------------------------------------------------------------------

  get(id: number): StoredFinding {
    const finding = this.repository.find(id);
    if (!finding) throw notFound(`Finding ${id}`);
    return finding;
  }

  /** The findings (open and dismissed) of each of these segments, in span order. */
  forSegments(segmentIds: readonly number[]): Map<number, StoredFinding[]> {
    const grouped = new Map<number, StoredFinding[]>(segmentIds.map((id) => [id, []]));
    if (segmentIds.length === 0) return grouped;
    for (const finding of this.repository.bySegments(segmentIds)) grouped.get(finding.segmentId)?.push(finding);
    return grouped;
  }

  /** A page of an article's findings in reading order (the caller checks that the article exists). */
  list(articleId: number, query: FindingQuery): { total: number; findings: ListedFinding[] } {
    return this.repository.list(articleId, query);
  }

  /** The article's findings counted per check, in the order of the catalogue (QA_CHECKS). */
  countsByCheck(articleId: number): (CheckCount & { title: string })[] {
    const counts = new Map(this.repository.countsByCheck(articleId).map((count) => [count.check, count]));
    return QA_CHECKS.flatMap((check) => {
      const count = counts.get(check.id);
      return count ? [{ ...count, title: check.title }] : [];
    });
  }

  /**
   * The open findings of one check in an article that have a certain fix, in reading order,
   * each with the segment version it was computed on: what a "fix all of this kind" batch applies.
   */
  fixableOfKind(articleId: number, check: CheckId): FixableFinding[] {
    return this.repository.fixableOfKind(articleId, check);
  }

  /**
   * "Fix all of this kind": each sentence's text with every certain fix of the check applied, at the
   * version its findings were made on (a batch writes it only if the sentence is still at that version).
   */
  planFixAll(articleId: number, check: CheckId): { segmentId: number; version: number; text: string }[] {
    const bySegment = new Map<number, FixableFinding[]>();
    for (const finding of this.fixableOfKind(articleId, check)) {
      const list = bySegment.get(finding.segmentId) ?? [];
      list.push(finding);
      bySegment.set(finding.segmentId, list);
    }
    return [...bySegment].flatMap(([segmentId, fixable]) => {
      const segment = this.collaborators.segments.get(segmentId);
      const version = fixable[0]!.segmentVersion;
      if (segment.version !== version) return [{ segmentId, version, text: segment.text }];
      const text = applyFixes(segment.text, fixable);
      return text === segment.text ? [] : [{ segmentId, version, text }];
    });
  }

  /** For the review rows: each segment's findings, and the glossary terms in its MT and text. */
  rowQa(segments: readonly Pick<Segment, 'id' | 'articleId' | 'mt' | 'text'>[]): Map<number, RowQa> {
    const findings = this.forSegments(segments.map((segment) => segment.id));
    return new Map(
      segments.map((segment) => {
        const own = findings.get(segment.id) ?? [];
        const terms = this.collaborators.glossary.termsFor(segment.articleId);
        return [
          segment.id,
          {
            findings: own,
            open: own.filter((finding) => finding.dismissedAt === null).length,
            terms: { mt: termMarks(segment.mt, terms, false), text: termMarks(segment.text, terms, true) },
          },
        ];
      }),
    );
  }

  // -- Person's actions (the caller runs them in the write queue) ------------------------------

  /**
   * Applies the finding's fix as a segment write (action 'fix'), based on the segment version
   * the finding was computed on: 409 when the sentence changed since, 422 without a certain fix.
   */
  fix(id: number, actor: Actor): Segment {
    const finding = this.get(id);
    if (finding.fix === null) throw unprocessable('no_fix', messages.noFix(finding));
    const fix = finding.fix;
    return this.collaborators.segments.rewriteText(finding.segmentId, finding.segmentVersion, actor, 'fix', (current) => {
      // Findings are refreshed in every write, so this holds; it guards against a stale row all the same.
      if (current.text.slice(finding.start, finding.end) !== finding.matched) throw conflict('stale_finding', messages.moved);
      return current.text.slice(0, finding.start) + fix + current.text.slice(finding.end);
    });
  }

  dismiss(id: number, reason: string, actor: FindingActor): StoredFinding {
    const why = reason.trim();
    if (!why) throw unprocessable('reason_required', messages.reasonRequired);
    if (why.length > REASON_MAX) throw unprocessable('reason_too_long', messages.reasonTooLong);
    return this.db
      .transaction(() => {
        const finding = this.get(id);
        if (!this.repository.dismiss(id, now(), actor.name, actor.userId, why))
          throw conflict('already_dismissed', messages.alreadyDismissed(finding));
        this.repository.addOpen(finding, -1);
        return this.get(id);
      })
      .immediate();
  }

  /** Undoes a dismissal: the finding counts as open again. */
  restore(id: number): StoredFinding {
    return this.db
      .transaction(() => {
        const finding = this.get(id);
        if (!this.repository.restore(id)) throw conflict('not_dismissed', messages.notDismissed);
        this.repository.addOpen(finding, 1);
        return this.get(id);
      })
      .immediate();
  }

  // -- Re-checks in chunks --------------------------------------------------------------------

  /**
   * After a glossary write: re-checks only the segments it can affect, in chunks through the
   * write queue: those where the search index finds one of the changed terms (in the MT or the
   * text), and those with glossary findings already. Resolves with how many were re-checked.
   */
  recheckGlossary(change: GlossaryChange): Promise<{ segments: number }> {
    const run = this.glossaryRechecks.then(() => this.runGlossaryRecheck(change));
    this.glossaryRechecks = run.catch(() => undefined);
    return run;
  }

  /**
   * Re-checks every article whose findings were made with other rules (src/qa's
   * QA_RULES_VERSION) or by a glossary re-check that did not finish; the server starts it after
   * listening. Resolves with the articles and segments re-checked.
   */
  async recheckOutdated(): Promise<{ articles: number; segments: number }> {
    const articles = this.repository.outdatedArticles(QA_RULES_VERSION);
    let segments = 0;
    for (const articleId of articles) {
      segments += await this.recheckArticle(articleId, new Set());
      await this.collaborators.writes.run(() => this.repository.setQaVersion(articleId, QA_RULES_VERSION));
    }
    return { articles: articles.length, segments };
  }

  private async runGlossaryRecheck({ articleId, terms }: GlossaryChange): Promise<{ segments: number }> {
    const done = new Set<number>();
    const articles = articleId === null ? this.repository.allArticles() : [articleId];
    const needles = [...new Set(terms.map(needleOf))];
    if (needles.length > MAX_SEARCHED_TERMS || needles.includes(null)) {
      for (const id of articles) await this.recheckArticle(id, done);
    } else {
      for (const needle of needles as string[]) {
        for (let after = 0, page = this.repository.searchPage(needle, after, SEARCH_PAGE); page.length > 0;) {
          after = page.at(-1)!;
          await this.refreshInChunks(this.repository.inScope(page, articleId), done);
          page = this.repository.searchPage(needle, after, SEARCH_PAGE);
        }
      }
      for (const [index, id] of articles.entries()) {
        await this.refreshInChunks(this.repository.withGlossaryFindings(id), done);
        if (index % 100 === 99) await yieldToEventLoop();
      }
    }
    await this.collaborators.writes.run(() => this.repository.clearGlossaryStale(articleId, QA_RULES_VERSION));
    return { segments: done.size };
  }

  /** Every segment of an article, in pages of reading order. */
  private async recheckArticle(articleId: number, done: Set<number>): Promise<number> {
    const before = done.size;
    let after = { block: -1, slot: -1 };
    for (;;) {
      const page = this.repository.segmentIdsAfter(articleId, after, CHUNK);
      if (page.length === 0) break;
      after = page.at(-1)!;
      await this.refreshInChunks(
        page.map((row) => row.id),
        done,
      );
    }
    return done.size - before;
  }

  private async refreshInChunks(ids: readonly number[], done: Set<number>): Promise<void> {
    const fresh = ids.filter((id) => !done.has(id));
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const chunk = fresh.slice(start, start + CHUNK);
      await this.collaborators.writes.run(() => this.refresh(chunk));
      for (const id of chunk) done.add(id);
      await yieldToEventLoop();
    }
  }

  private qaInput(segment: QaSegment, glossary: readonly ArticleTerm[]) {
    return {
      text: segment.text,
      mt: segment.mt,
      source: segment.source,
      sourceLanguage: segment.sourceLanguage,
      targetLanguage: segment.targetLanguage,
      kind: segment.kind,
      codes: segment.codes,
      glossary,
    };
  }
}

/**
 * What to ask the trigram index for a term: its longest run of letters or digits, which any
 * text the term matches contains (whatever its spacing, hyphens or apostrophes). Null when
 * that run is shorter than a trigram: then the whole scope is re-checked.
 */
export function needleOf(term: string): string | null {
  const pieces = term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), '');
  return longest.length >= 3 ? longest : null;
}

/** The glossary terms in a text; in an edited text also the preferred forms, which stand as they should. */
export function termMarks(text: string, terms: readonly ArticleTerm[], withPreferred: boolean): TermMark[] {
  if (terms.length === 0 || text === '') return [];
  const mark = (kind: TermMark['kind']) => (occurrence: { term: unknown; start: number; end: number }) => {
    const term = occurrence.term as ArticleTerm;
    return {
      start: occurrence.start,
      end: occurrence.end,
      kind: term.term === term.preferred ? 'preferred' : kind,
      term: term.term,
      preferred: term.preferred,
      note: term.note,
    } satisfies TermMark;
  };
  const marks = findTermOccurrences(text, terms).map(mark('term'));
  if (withPreferred) marks.push(...findTermOccurrences(text, terms, 'preferred').map(mark('preferred')));
  // Where a term stands inside its preferred form ("force" in "task force"), the preferred form is what shows.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMark[] = [];
  for (const candidate of marks) {
    const last = kept.at(-1);
    if (!last || candidate.start >= last.end) kept.push(candidate);
  }
  return kept;
}
